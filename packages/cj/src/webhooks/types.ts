import type { OrderProduct } from '../schemas/orders.js';
import type { TrackingStatusName } from './tracking-status.js';

/** Fields every CJ webhook message carries. Deduplicate on `messageId`: CJ retries deliveries. */
export interface WebhookBase {
  messageId: string;
  /** INSERT | UPDATE | DELETE | ORDER_CONNNECTED (sic, three Ns) … */
  messageType?: string | undefined;
  /** Present in newer payloads; a string (CJ sends a Long). */
  openId?: string | undefined;
}

export interface ProductChange {
  pid: string;
  categoryId?: string | undefined;
  categoryName?: string | undefined;
  productDescription?: string | undefined;
  productImage?: string | undefined;
  productName?: string | undefined;
  productNameEn?: string | undefined;
  productProperty1?: string | undefined;
  productProperty2?: string | undefined;
  productProperty3?: string | undefined;
  /** USD decimal string. */
  productSellPrice?: string | undefined;
  productSku?: string | undefined;
  /** 2 off sale, 3 on sale. */
  productStatus?: number | undefined;
  /** Names of the fields that changed; the others are usually null on UPDATE. */
  fields: string[];
}

export interface VariantChange {
  vid: string;
  variantName?: string | undefined;
  variantWeight?: number | undefined;
  variantLength?: number | undefined;
  variantWidth?: number | undefined;
  variantHeight?: number | undefined;
  variantImage?: string | undefined;
  variantSku?: string | undefined;
  /** "Black" or '["XS"]' at CJ; always a list here. */
  variantKey: string[];
  variantSellPrice?: string | undefined;
  /** 0 off sale, 1 on sale. */
  variantStatus?: number | undefined;
  variantValue1?: string | undefined;
  variantValue2?: string | undefined;
  variantValue3?: string | undefined;
  fields: string[];
}

export interface WebhookStockArea {
  vid?: string | undefined;
  areaId?: string | undefined;
  areaEn?: string | undefined;
  countryCode?: string | undefined;
  storageNum?: number | undefined;
}

export interface OrderChange {
  /** Your orderNumber (or CJ's deprecated alias orderNum). */
  orderNumber?: string | undefined;
  /** 18–19 digit number at CJ, exact here. */
  cjOrderId?: string | undefined;
  orderStatus?: string | undefined;
  logisticName?: string | undefined;
  trackNumber?: string | undefined;
  trackingUrl?: string | undefined;
  createDate?: string | undefined;
  updateDate?: string | undefined;
  payDate?: string | undefined;
  deliveryDate?: string | undefined;
  completeDate?: string | undefined;
  orderItems: OrderProduct[];
}

export interface OrderSplitChange {
  originalOrderId?: string | undefined;
  orderSplitTime?: string | undefined;
  splitOrderList: {
    /** "SD…-1". */
    orderCode?: string | undefined;
    /** Epoch ms. */
    createAt?: number | undefined;
    /** Integer, mapping undocumented (e.g. 300). */
    orderStatus?: number | undefined;
    productList: { sku?: string | undefined; vid?: string | undefined; quantity?: number | undefined; productCode?: string | undefined }[];
  }[];
}

export interface SourcingCreateChange {
  cjProductId?: string | undefined;
  cjVariantId?: string | undefined;
  cjVariantSku?: string | undefined;
  cjSourcingId?: string | undefined;
  /** "completed"… */
  status?: string | undefined;
  failReason?: string | undefined;
  createDate?: string | undefined;
}

export interface TrackEvent {
  status?: string | undefined;
  activity?: string | undefined;
  location?: string | undefined;
  eventTime?: string | undefined;
  statusDesc?: string | undefined;
  thirdActivity?: string | undefined;
  thirdLocation?: string | undefined;
  thirdEventTime?: string | undefined;
}

export interface LogisticChange {
  /** CJ order id; an 18–19 digit number at CJ, exact here. */
  orderId?: string | undefined;
  logisticName?: string | undefined;
  trackingNumber?: string | undefined;
  trackingUrl?: string | undefined;
  /** 0–14, see TrackingStatus. */
  trackingStatus?: number | undefined;
  /** Name of trackingStatus; undefined for an undocumented code. */
  trackingStatusName?: TrackingStatusName | undefined;
  /** Decoded from the JSON string CJ sends. */
  logisticsTrackEvents: TrackEvent[];
}

export type CjWebhookMessage =
  | (WebhookBase & { type: 'PRODUCT'; params: ProductChange })
  | (WebhookBase & { type: 'VARIANT'; params: VariantChange })
  | (WebhookBase & { type: 'STOCK'; params: { vid: string; areas: WebhookStockArea[] }[] })
  | (WebhookBase & { type: 'ORDER'; params: OrderChange })
  | (WebhookBase & { type: 'ORDERSPLIT'; params: OrderSplitChange })
  | (WebhookBase & { type: 'SOURCINGCREATE'; params: SourcingCreateChange })
  | (WebhookBase & { type: 'LOGISTIC'; params: LogisticChange })
  /** A type this client does not know (CJ adds topics: makeup, privateOrder…). Acknowledge and store it. */
  | (WebhookBase & { type: 'UNKNOWN'; rawType: string; params: unknown });

export type CjWebhookType = CjWebhookMessage['type'];
