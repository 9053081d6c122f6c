import { type CallOptions, type Execute, defineEndpoint } from '../endpoint.js';
import { CjNotFoundError, CjValidationError } from '../errors.js';
import { moneyInput } from '../json.js';
import type { Page } from '../schemas/primitives.js';
import {
  type AddCartConfirmResult,
  type AddCartResult,
  type CjOrder,
  type CreateOrderResult,
  type OrderStatus,
  type ParentOrderResult,
  addCartConfirmData,
  addCartData,
  createOrderData,
  orderDetailData,
  orderIdData,
  orderListData,
  parentOrderData,
} from '../schemas/orders.js';

const LOOKUP = 'look the order up with orders.detail(orderNumber) — getOrderDetail accepts your orderNumber — before resending';

// Orders (cj-api.md §6.4, lifecycle §7.1). Every write is non-idempotent: never resent blindly.
export const orderEndpoints = {
  createV2: defineEndpoint<CreateOrderResult>({ path: '/shopping/order/createOrderV2', method: 'POST', idempotent: false, auth: true, data: createOrderData, reconcile: LOOKUP }),
  createV3: defineEndpoint<CreateOrderResult>({ path: '/shopping/order/createOrderV3', method: 'POST', idempotent: false, auth: true, data: createOrderData, reconcile: LOOKUP }),
  list: defineEndpoint<Page<CjOrder>>({ path: '/shopping/order/list', method: 'GET', idempotent: true, auth: true, data: orderListData }),
  detail: defineEndpoint<CjOrder | undefined>({ path: '/shopping/order/getOrderDetail', method: 'GET', idempotent: true, auth: true, data: orderDetailData }),
  confirm: defineEndpoint<string | undefined>({
    path: '/shopping/order/confirmOrder',
    method: 'PATCH',
    idempotent: false,
    auth: true,
    data: orderIdData,
    reconcile: 'orders.detail(orderId): status UNPAID or later means the confirm took effect',
  }),
  delete: defineEndpoint<string | undefined>({
    path: '/shopping/order/deleteOrder',
    method: 'DELETE',
    idempotent: false,
    auth: true,
    data: orderIdData,
    reconcile: 'orders.detail(orderId): not found means it was deleted',
  }),
  addCart: defineEndpoint<AddCartResult>({
    path: '/shopping/order/addCart',
    method: 'POST',
    idempotent: false,
    auth: true,
    data: addCartData,
    reconcile: "orders.list({ status: 'IN_CART' }) or orders.detail(id) for each id",
  }),
  addCartConfirm: defineEndpoint<AddCartConfirmResult>({
    path: '/shopping/order/addCartConfirm',
    method: 'POST',
    idempotent: false,
    auth: true,
    data: addCartConfirmData,
    reconcile: 'orders.detail(id) for each id: UNPAID means confirmed; the shipmentOrderId is on the order list',
  }),
  saveGenerateParentOrder: defineEndpoint<ParentOrderResult>({
    path: '/shopping/order/saveGenerateParentOrder',
    method: 'POST',
    idempotent: false,
    auth: true,
    data: parentOrderData,
    reconcile: 'orders.list({ shipmentOrderId }) to see the orders’ state before generating again',
  }),
} as const;

export interface OrderProductInput {
  /** CJ variant id (or give `sku`). */
  vid?: string;
  sku?: string;
  quantity: number;
  /** USD; decimal string or number, sent as an exact JSON number. */
  unitPrice?: string | number;
  storeLineItemId?: string;
  podProperties?: unknown;
}

/** createOrderV3 body (cj-api.md §6.4). `logisticName` must be a name freightCalculate returned for the route. */
export interface CreateOrderV3Body {
  /** Your unique order id (≤ 50 chars). CJ refuses a repeat with 1603003 — it is the idempotency key. */
  orderNumber: string;
  shippingCountryCode: string;
  shippingCountry: string;
  shippingProvince: string;
  shippingCity: string;
  shippingCustomerName: string;
  shippingAddress: string;
  logisticName: string;
  fromCountryCode: string;
  products: OrderProductInput[];
  shippingZip?: string;
  shippingCounty?: string;
  shippingPhone?: string;
  shippingAddress2?: string;
  houseNumber?: string;
  email?: string;
  taxId?: string;
  /** ≤ 500 chars. */
  remark?: string;
  consigneeID?: string;
  shopAmount?: string | number;
  platform?: string;
  /** 1 none, 2 own, 3 CJ. */
  iossType?: 1 | 2 | 3;
  iossNumber?: string;
  /** 1 platform logistics with your storageId, 2 CJ logistics (default), 3 platform logistics, CJ warehouse. */
  shopLogisticsType?: 1 | 2 | 3;
  storageId?: string;
  /** 1 manual, 2 store order. */
  orderFlow?: 1 | 2;
}

export interface CreateOrderV2Body extends CreateOrderV3Body {
  /** 1 (or omitted) page payment → cjPayUrl; 2 balance payment (CJ adds to cart, confirms, deducts); 3 create only. */
  payType?: 1 | 2 | 3;
}

export interface CreateOrderOptions extends CallOptions {
  /** Optional `platformToken` header. */
  platformToken?: string;
}

export interface OrderListParams {
  pageNum?: number;
  pageSize?: number;
  /** ≤ 100. */
  orderIds?: string[];
  shipmentOrderId?: string;
  status?: OrderStatus | 'OTHER';
}

export type OrderDetailFeature = 'LOGISTICS_TIMELINESS' | (string & {});

function orderBody(body: CreateOrderV3Body & { payType?: number }): Record<string, unknown> {
  if (typeof body.orderNumber !== 'string' || body.orderNumber.trim() === '' || body.orderNumber.length > 50) {
    throw new RangeError('orderNumber must be a non-empty string of at most 50 characters (it is the idempotency key at CJ)');
  }
  if (!Array.isArray(body.products) || body.products.length === 0) throw new RangeError('products must list at least one line');
  return {
    ...body,
    shopAmount: body.shopAmount === undefined ? undefined : moneyInput('shopAmount', body.shopAmount),
    products: body.products.map((p, i) => ({
      ...p,
      unitPrice: p.unitPrice === undefined ? undefined : moneyInput(`products[${i}].unitPrice`, p.unitPrice),
    })),
  };
}

function split(opts: CreateOrderOptions | undefined): { call: CallOptions; headers: Record<string, string> | undefined } {
  const { platformToken, ...call } = opts ?? {};
  return { call, headers: platformToken === undefined ? undefined : { platformToken } };
}

export class OrdersApi {
  constructor(private readonly execute: Execute) {}

  /**
   * Creates an order. A timeout, dropped connection, 5xx or 1600000 throws CjUnknownOutcomeError
   * (never resent); a repeat orderNumber throws CjDuplicateOrderError.
   */
  createV2(body: CreateOrderV2Body, opts?: CreateOrderOptions): Promise<CreateOrderResult> {
    const { call, headers } = split(opts);
    return this.execute(orderEndpoints.createV2, { body: orderBody(body), headers, businessKey: { orderNumber: body.orderNumber } }, call);
  }

  /** Like createV2 without payType: the order is created only (status CREATED). */
  createV3(body: CreateOrderV3Body, opts?: CreateOrderOptions): Promise<CreateOrderResult> {
    const { call, headers } = split(opts);
    return this.execute(orderEndpoints.createV3, { body: orderBody(body), headers, businessKey: { orderNumber: body.orderNumber } }, call);
  }

  list(params: OrderListParams = {}, call?: CallOptions): Promise<Page<CjOrder>> {
    if (params.orderIds && params.orderIds.length > 100) throw new RangeError('orderIds accepts at most 100 ids per call');
    return this.execute(orderEndpoints.list, { query: { ...params } }, call);
  }

  /**
   * One order by your orderNumber or CJ's order id — the reconciliation lookup after an unknown
   * outcome. Not found → CjNotFoundError, whether CJ says 1603100, 1600300 "order not found"
   * (cj-api.md §4.1) or answers success with no data.
   */
  async detail(orderIdOrNumber: string, features?: OrderDetailFeature[], call?: CallOptions): Promise<CjOrder> {
    let order: CjOrder | undefined;
    try {
      order = await this.execute(orderEndpoints.detail, { query: { orderId: orderIdOrNumber, features } }, call);
    } catch (err) {
      // The one place the client reads CJ's message: reconciliation must tell "absent" from "bad request".
      if (err instanceof CjValidationError && /not\s*(be\s*)?found|not\s*exist/i.test(err.message)) {
        throw new CjNotFoundError({ message: err.message, endpoint: err.endpoint, code: err.code, requestId: err.requestId, httpStatus: err.httpStatus, cause: err });
      }
      throw err;
    }
    if (!order) throw new CjNotFoundError({ message: `${orderEndpoints.detail.path}: no order ${orderIdOrNumber}`, endpoint: orderEndpoints.detail.path });
    return order;
  }

  /** CREATED → UNPAID (legacy flow). Returns the order id CJ echoes, when it does. */
  confirm(orderId: string, call?: CallOptions): Promise<string | undefined> {
    return this.execute(orderEndpoints.confirm, { body: { orderId }, businessKey: { orderId } }, call);
  }

  delete(orderId: string, call?: CallOptions): Promise<string | undefined> {
    return this.execute(orderEndpoints.delete, { query: { orderId }, businessKey: { orderId } }, call);
  }

  addCart(cjOrderIds: string[], call?: CallOptions): Promise<AddCartResult> {
    return this.execute(orderEndpoints.addCart, { body: { cjOrderIdList: cjOrderIds }, businessKey: { cjOrderIdList: cjOrderIds.join(',') } }, call);
  }

  /** IN_CART → UNPAID; returns `shipmentsId` for saveGenerateParentOrder. */
  addCartConfirm(cjOrderIds: string[], call?: CallOptions): Promise<AddCartConfirmResult> {
    return this.execute(orderEndpoints.addCartConfirm, { body: { cjOrderIdList: cjOrderIds }, businessKey: { cjOrderIdList: cjOrderIds.join(',') } }, call);
  }

  /** Returns `payId` for pay.payBalanceV2. */
  saveGenerateParentOrder(shipmentOrderId: string, call?: CallOptions): Promise<ParentOrderResult> {
    return this.execute(orderEndpoints.saveGenerateParentOrder, { body: { shipmentOrderId }, businessKey: { shipmentOrderId } }, call);
  }
}
