// Order shapes: createOrderV2/V3's data, order/list items, getOrderDetail, trackInfo rows.
// Money is BigDecimal(18,2) → bare numbers with two decimals; dates "yyyy-MM-dd HH:mm:ss" (UTC).
import { formatUtc } from '../clock.js';
import { moneyNumber } from '../json.js';
import { trackingText } from '../logistics/tracking.js';
import type { OrderLifecycle } from './lifecycle.js';
import { orderTotalCents, type Order } from './types.js';

export function createResponse(order: Order, cjPayUrl: string | null): Record<string, unknown> {
  const total = orderTotalCents(order);
  return {
    orderId: order.cjOrderId,
    orderNumber: order.orderNumber,
    shipmentOrderId: order.shipmentOrderId,
    orderStatus: order.status,
    orderAmount: moneyNumber(total),
    productAmount: moneyNumber(order.productCents),
    postageAmount: moneyNumber(order.postageCents),
    productOriginalAmount: moneyNumber(order.productCents),
    productDiscountAmount: moneyNumber(0),
    postageDiscountAmount: moneyNumber(0),
    postageOriginalAmount: moneyNumber(order.postageCents),
    totalDiscountAmount: moneyNumber(0),
    actualPayment: moneyNumber(total),
    orderOriginalAmount: moneyNumber(total),
    iossAmount: moneyNumber(0),
    iossTaxHandlingFee: moneyNumber(0),
    cjPayUrl,
    logisticsMiss: false,
    productInfoList: order.lines.map((l) => ({ storeLineItemId: l.storeLineItemId, lineItemId: l.lineItemId, variantId: l.vid, quantity: l.quantity, isGroup: false, subOrderProducts: [] })),
    interceptOrderReasons: [],
  };
}

function common(order: Order): Record<string, unknown> {
  return {
    orderId: order.cjOrderId,
    orderNum: order.orderNumber,
    cjOrderId: order.cjOrderId,
    shippingCountryCode: order.shipping.countryCode,
    shippingProvince: order.shipping.province,
    shippingCity: order.shipping.city,
    shippingPhone: order.shipping.phone,
    shippingAddress: order.shipping.address,
    shippingCustomerName: order.shipping.customerName,
    remark: order.remark,
    orderWeight: order.weightG,
    orderStatus: order.status,
    orderAmount: moneyNumber(orderTotalCents(order)),
    productAmount: moneyNumber(order.productCents),
    postageAmount: moneyNumber(order.postageCents),
    logisticName: order.logisticName,
    trackNumber: order.trackNumber,
    trackingUrl: order.trackingUrl,
    createDate: formatUtc(order.createdAt),
    paymentDate: order.paidAt === null ? null : formatUtc(order.paidAt),
    storeCreateDate: null,
  };
}

function productList(order: Order): Array<Record<string, unknown>> {
  return order.lines.map((l) => ({
    vid: l.vid,
    quantity: l.quantity,
    sellPrice: moneyNumber(l.unitCents),
    podPropertiesInfo: null,
    lineItemId: l.lineItemId,
    storeLineItemId: l.storeLineItemId,
    productionOrderStatus: null,
    abnormalType: [],
  }));
}

export function listItem(order: Order): Record<string, unknown> {
  return { ...common(order), productList: productList(order), storageId: order.storageId, storageName: order.storageName };
}

export function detail(order: Order, features: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...common(order),
    platformOrderId: null,
    cjOrderCode: `CJ${order.cjOrderId}`,
    fromCountryCode: order.fromCountryCode,
    disputeId: order.disputeId,
    outWarehouseTime: order.shippedAt === null ? null : formatUtc(order.shippedAt),
    isComplete: 1,
    storageId: order.storageId,
    storageName: order.storageName,
    productList: productList(order),
  };
  if (features.has('LOGISTICS_TIMELINESS')) {
    out.logisticsTimeliness = { logisticsModes: [{ logisticsName: order.logisticName, arrivalTime: `${order.agingMin}-${order.agingMax} Days` }] };
  }
  return out;
}

export function trackInfoRow(order: Order, lifecycle: OrderLifecycle): Record<string, unknown> {
  const summary = lifecycle.trackingSummary(order);
  return {
    trackingNumber: order.trackNumber,
    logisticName: order.logisticName,
    trackingFrom: order.fromCountryCode,
    trackingTo: order.shipping.countryCode,
    deliveryDay: summary.deliveryDay,
    deliveryTime: order.deliveredAt === null ? null : formatUtc(order.deliveredAt),
    trackingStatus: trackingText(order.logisticStatus),
    lastMileCarrier: summary.lastMileCarrier,
    lastTrackNumber: order.lastTrackNumber,
  };
}
