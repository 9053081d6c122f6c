import { z } from 'zod';
import { parseCjJson } from '../json.js';
import { orderProduct } from '../schemas/orders.js';
import { id, list, money, num, optId, stringList, text } from '../schemas/primitives.js';
import { trackingStatusName } from './tracking-status.js';
import type {
  LogisticChange,
  OrderChange,
  OrderSplitChange,
  ProductChange,
  SourcingCreateChange,
  TrackEvent,
  VariantChange,
  WebhookStockArea,
} from './types.js';

// Param schemas per webhook type (cj-api.md §8). Big numbers are already exact strings (parseCjJson).

const fields = list(z.string());

export const productParams = z
  .object({
    pid: id,
    categoryId: optId,
    categoryName: text,
    productDescription: text,
    productImage: text,
    productName: text,
    productNameEn: text,
    productProperty1: text,
    productProperty2: text,
    productProperty3: text,
    productSellPrice: money,
    productSku: text,
    productStatus: num,
    fields,
  })
  .transform((p): ProductChange => p);

export const variantParams = z
  .object({
    vid: id,
    variantName: text,
    variantWeight: num,
    variantLength: num,
    variantWidth: num,
    variantHeight: num,
    variantImage: text,
    variantSku: text,
    variantKey: stringList,
    variantSellPrice: money,
    variantStatus: num,
    variantValue1: text,
    variantValue2: text,
    variantValue3: text,
    fields,
  })
  .transform((v): VariantChange => v);

const stockArea = z
  .object({ vid: optId, areaId: optId, areaEn: text, countryCode: text, storageNum: num })
  .transform((a): WebhookStockArea => a);

/** STOCK params are a map vid → areas; turned into a list so it can be iterated with types. */
export const stockParams = z
  .record(z.string(), list(stockArea))
  .transform((m) => Object.entries(m).map(([vid, areas]) => ({ vid, areas })));

export const orderParams = z
  .object({
    orderNumber: text,
    orderNum: text,
    cjOrderId: optId,
    orderStatus: text,
    logisticName: text,
    trackNumber: text,
    trackingUrl: text,
    createDate: text,
    updateDate: text,
    payDate: text,
    deliveryDate: text,
    completeDate: text,
    orderItems: list(orderProduct),
  })
  .transform(
    (o): OrderChange => ({
      orderNumber: o.orderNumber ?? o.orderNum,
      cjOrderId: o.cjOrderId,
      orderStatus: o.orderStatus,
      logisticName: o.logisticName,
      trackNumber: o.trackNumber,
      trackingUrl: o.trackingUrl,
      createDate: o.createDate,
      updateDate: o.updateDate,
      payDate: o.payDate,
      deliveryDate: o.deliveryDate,
      completeDate: o.completeDate,
      orderItems: o.orderItems,
    }),
  );

export const orderSplitParams = z
  .object({
    originalOrderId: optId,
    orderSplitTime: text,
    splitOrderList: list(
      z.object({
        orderCode: text,
        createAt: num,
        orderStatus: num,
        productList: list(z.object({ sku: text, vid: optId, quantity: num, productCode: text })),
      }),
    ),
  })
  .transform((s): OrderSplitChange => s);

export const sourcingCreateParams = z
  .object({
    cjProductId: optId,
    cjVariantId: optId,
    cjVariantSku: text,
    cjSourcingId: optId,
    status: text,
    failReason: text,
    createDate: text,
  })
  .transform((s): SourcingCreateChange => s);

const trackEvent = z
  .object({
    status: text,
    activity: text,
    location: text,
    eventTime: text,
    statusDesc: text,
    thirdActivity: text,
    thirdLocation: text,
    thirdEventTime: text,
  })
  .transform((e): TrackEvent => e);

/** CJ sends logisticsTrackEvents as a JSON *string*; an actual array is accepted too. */
const trackEvents = z
  .union([z.string(), z.array(z.unknown())])
  .nullish()
  .transform((v, ctx): unknown[] => {
    if (v === null || v === undefined) return [];
    if (Array.isArray(v)) return v;
    if (v.trim() === '') return [];
    try {
      const decoded = parseCjJson(v);
      if (Array.isArray(decoded)) return decoded;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'logisticsTrackEvents is not a JSON-encoded array' });
    return z.NEVER;
  })
  .pipe(z.array(trackEvent));

export const logisticParams = z
  .object({
    orderId: optId,
    logisticName: text,
    trackingNumber: text,
    trackingUrl: text,
    trackingStatus: num,
    logisticsTrackEvents: trackEvents,
  })
  .transform(
    (l): LogisticChange => ({
      orderId: l.orderId,
      logisticName: l.logisticName,
      trackingNumber: l.trackingNumber,
      trackingUrl: l.trackingUrl,
      trackingStatus: l.trackingStatus,
      trackingStatusName: l.trackingStatus === undefined ? undefined : trackingStatusName(l.trackingStatus),
      logisticsTrackEvents: l.logisticsTrackEvents,
    }),
  );

export const webhookEnvelope = z.looseObject({
  messageId: id,
  type: z.string().min(1),
  messageType: text,
  openId: optId,
  params: z.unknown(),
});
