import { z } from 'zod';
import { type Page, bool, classicPage, id, list, money, num, optId, text } from './primitives.js';

export type OrderStatus = 'CREATED' | 'IN_CART' | 'UNPAID' | 'UNSHIPPED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | (string & {});

export interface CreateOrderResult {
  /** CJ's order id. Absent when a product is not yet connected to a CJ variant: it arrives later by ORDER webhook. */
  orderId?: string | undefined;
  orderNumber?: string | undefined;
  shipmentOrderId?: string | undefined;
  orderStatus?: OrderStatus | undefined;
  /** USD decimal strings. */
  orderAmount?: string | undefined;
  productAmount?: string | undefined;
  postageAmount?: string | undefined;
  productOriginalAmount?: string | undefined;
  productDiscountAmount?: string | undefined;
  postageOriginalAmount?: string | undefined;
  postageDiscountAmount?: string | undefined;
  totalDiscountAmount?: string | undefined;
  orderOriginalAmount?: string | undefined;
  actualPayment?: string | undefined;
  iossAmount?: string | undefined;
  iossTaxHandlingFee?: string | undefined;
  /** Web payment link (payType 1). */
  cjPayUrl?: string | undefined;
  logisticsMiss?: boolean | undefined;
  productInfoList: {
    storeLineItemId?: string | undefined;
    lineItemId?: string | undefined;
    variantId?: string | undefined;
    quantity?: number | undefined;
    isGroup?: boolean | undefined;
    subOrderProducts: { lineItemId?: string | undefined; variantId?: string | undefined; quantity?: number | undefined }[];
  }[];
  interceptOrderReasons: { code?: string | undefined; message?: string | undefined }[];
}

export const createOrderData = z
  .object({
    orderId: optId,
    orderNumber: text,
    shipmentOrderId: optId,
    orderStatus: text,
    orderAmount: money,
    productAmount: money,
    postageAmount: money,
    productOriginalAmount: money,
    productDiscountAmount: money,
    postageOriginalAmount: money,
    postageDiscountAmount: money,
    totalDiscountAmount: money,
    orderOriginalAmount: money,
    actualPayment: money,
    iossAmount: money,
    iossTaxHandlingFee: money,
    cjPayUrl: text,
    logisticsMiss: bool,
    productInfoList: list(
      z.object({
        storeLineItemId: optId,
        lineItemId: optId,
        variantId: optId,
        quantity: num,
        isGroup: bool,
        subOrderProducts: list(z.object({ lineItemId: optId, variantId: optId, quantity: num })),
      }),
    ),
    interceptOrderReasons: list(z.object({ code: text, message: text })),
  })
  .transform((d): CreateOrderResult => d);

export interface OrderProduct {
  vid?: string | undefined;
  quantity?: number | undefined;
  /** USD. */
  sellPrice?: string | undefined;
  lineItemId?: string | undefined;
  storeLineItemId?: string | undefined;
  /** POD: 1 pending order … 5 production abnormality. */
  productionOrderStatus?: number | undefined;
  abnormalType: number[];
}

/** A line of an order, as getOrderDetail lists it and the ORDER webhook carries it. */
export const orderProduct = z
  .object({
    vid: optId,
    quantity: num,
    sellPrice: money,
    lineItemId: optId,
    storeLineItemId: optId,
    productionOrderStatus: num,
    abnormalType: list(z.union([z.number(), z.string()]).transform(Number)),
  })
  .transform((p): OrderProduct => p);

/** An order as order/list and getOrderDetail return it; detail-only fields are optional. */
export interface CjOrder {
  orderId: string;
  /** Your orderNumber (CJ's `orderNum`, or `orderNumber`). */
  orderNumber?: string | undefined;
  cjOrderId?: string | undefined;
  cjOrderCode?: string | undefined;
  orderStatus?: OrderStatus | undefined;
  shippingCountryCode?: string | undefined;
  shippingProvince?: string | undefined;
  shippingCity?: string | undefined;
  shippingAddress?: string | undefined;
  shippingCustomerName?: string | undefined;
  shippingPhone?: string | undefined;
  shippingZip?: string | undefined;
  remark?: string | undefined;
  orderWeight?: number | undefined;
  orderAmount?: string | undefined;
  productAmount?: string | undefined;
  postageAmount?: string | undefined;
  logisticName?: string | undefined;
  trackNumber?: string | undefined;
  trackingUrl?: string | undefined;
  /** CJ's "yyyy-MM-dd HH:mm:ss" (documented as UTC), passed through. */
  createDate?: string | undefined;
  paymentDate?: string | undefined;
  storeCreateDate?: string | undefined;
  storageId?: string | undefined;
  storageName?: string | undefined;
  products: OrderProduct[];
  platformOrderId?: string | undefined;
  fromCountryCode?: string | undefined;
  disputeId?: string | undefined;
  outWarehouseTime?: string | undefined;
  /** false while a product is not connected to a CJ variant. */
  isComplete?: boolean | undefined;
  logisticsTimeliness?: { logisticsModes: { logisticsName?: string | undefined; arrivalTime?: string | undefined }[] } | undefined;
}

export const orderSchema = z
  .object({
    orderId: id,
    orderNum: text,
    orderNumber: text,
    cjOrderId: optId,
    cjOrderCode: text,
    orderStatus: text,
    shippingCountryCode: text,
    shippingProvince: text,
    shippingCity: text,
    shippingAddress: text,
    shippingCustomerName: text,
    shippingPhone: text,
    shippingZip: text,
    remark: text,
    orderWeight: num,
    orderAmount: money,
    productAmount: money,
    postageAmount: money,
    logisticName: text,
    trackNumber: text,
    trackingUrl: text,
    createDate: text,
    paymentDate: text,
    storeCreateDate: text,
    storageId: optId,
    storageName: text,
    productList: list(orderProduct),
    platformOrderId: optId,
    fromCountryCode: text,
    disputeId: optId,
    outWarehouseTime: text,
    isComplete: bool,
    logisticsTimeliness: z
      .object({ logisticsModes: list(z.object({ logisticsName: text, arrivalTime: text })) })
      .nullish(),
  })
  .transform(
    (o): CjOrder => ({
      orderId: o.orderId,
      orderNumber: o.orderNumber ?? o.orderNum,
      cjOrderId: o.cjOrderId,
      cjOrderCode: o.cjOrderCode,
      orderStatus: o.orderStatus,
      shippingCountryCode: o.shippingCountryCode,
      shippingProvince: o.shippingProvince,
      shippingCity: o.shippingCity,
      shippingAddress: o.shippingAddress,
      shippingCustomerName: o.shippingCustomerName,
      shippingPhone: o.shippingPhone,
      shippingZip: o.shippingZip,
      remark: o.remark,
      orderWeight: o.orderWeight,
      orderAmount: o.orderAmount,
      productAmount: o.productAmount,
      postageAmount: o.postageAmount,
      logisticName: o.logisticName,
      trackNumber: o.trackNumber,
      trackingUrl: o.trackingUrl,
      createDate: o.createDate,
      paymentDate: o.paymentDate,
      storeCreateDate: o.storeCreateDate,
      storageId: o.storageId,
      storageName: o.storageName,
      products: o.productList,
      platformOrderId: o.platformOrderId,
      fromCountryCode: o.fromCountryCode,
      disputeId: o.disputeId,
      outWarehouseTime: o.outWarehouseTime,
      isComplete: o.isComplete,
      logisticsTimeliness: o.logisticsTimeliness ?? undefined,
    }),
  );

export const orderListData: z.ZodType<Page<CjOrder>> = classicPage(orderSchema);

/** getOrderDetail: a success envelope with `data: null` is treated as "not found" by the API layer. */
export const orderDetailData = orderSchema.nullable().optional().transform((o) => o ?? undefined);

/** confirmOrder / deleteOrder answer with the order id (a string), or nothing. */
export const orderIdData = optId;

export interface AddCartResult {
  successCount?: number | undefined;
  addSuccessOrders: string[];
  unInterceptAddressCount?: number | undefined;
  interceptOrders: unknown[];
}

export const addCartData = z
  .object({
    successCount: num,
    addSuccessOrders: list(z.union([z.string(), z.number()]).transform(String)),
    unInterceptAddressCount: num,
    interceptOrders: list(z.unknown()),
  })
  .transform((d): AddCartResult => d);

export interface AddCartConfirmResult {
  successCount?: number | undefined;
  submitSuccess?: boolean | undefined;
  /** = shipmentOrderId for saveGenerateParentOrder. */
  shipmentsId?: string | undefined;
  result?: boolean | undefined;
  interceptOrders: unknown[];
}

export const addCartConfirmData = z
  .object({ successCount: num, submitSuccess: bool, shipmentsId: optId, result: bool, interceptOrders: list(z.unknown()) })
  .transform((d): AddCartConfirmResult => d);

export interface ParentOrderResult {
  /** USD. */
  orderMoney?: string | undefined;
  payExpireTime?: string | undefined;
  /** For payBalanceV2, or the web link https://www.cjdropshipping.com/mine/payment?pid={payId}. */
  payId?: string | undefined;
  result?: boolean | undefined;
  submitSuccess?: boolean | undefined;
  successOrders: string[];
  unMatchOrderCodes: string[];
  unMatchProductCodes: string[];
  /** Amount breakdown; money fields as decimal strings, others as sent. */
  paymentInformation?: Record<string, string | number | boolean | null> | undefined;
  interceptOrders: unknown[];
}

const stringish = z.union([z.string(), z.number()]).transform(String);

export const parentOrderData = z
  .object({
    orderMoney: money,
    payExpireTime: text,
    payId: optId,
    result: bool,
    submitSuccess: bool,
    successOrders: list(stringish),
    unMatchOrderCodes: list(stringish),
    unMatchProductCodes: list(stringish),
    paymentInformation: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .nullish()
      .transform((p) => {
        if (!p) return undefined;
        // Every numeric field of paymentInformation is an amount except these two.
        const out: Record<string, string | number | boolean | null> = {};
        for (const [k, v] of Object.entries(p)) {
          out[k] = typeof v === 'number' && k !== 'iossType' && k !== 'canDeduct' ? (money.parse(v) ?? null) : v;
        }
        return out;
      }),
    interceptOrders: list(z.unknown()),
  })
  .transform((d): ParentOrderResult => d);
