// Builds CJ's webhook messages (cj-api.md §8) and hands them to the dispatcher for the account's
// subscribed URL. Big ids are bare JSON numbers (ORDER.cjOrderId, LOGISTIC.orderId, openId);
// LOGISTIC.logisticsTrackEvents is a JSON-encoded *string*, as CJ sends it.
import type { Account, AccountStore, WebhookTopic } from '../accounts.js';
import { formatUtc } from '../clock.js';
import type { IdFactory } from '../ids.js';
import { moneyNumber, rawNumber, toJson } from '../json.js';
import { areaTotals } from '../catalogue/generator.js';
import type { Product, Variant } from '../catalogue/types.js';
import { AREA_BY_COUNTRY } from '../catalogue/warehouses.js';
import { LOGISTIC_STATUS, activityOf } from '../logistics/tracking.js';
import type { Order } from '../orders/types.js';
import type { WebhookDispatcher } from './delivery.js';

export class WebhookEmitter {
  constructor(
    private readonly accounts: AccountStore,
    private readonly dispatcher: WebhookDispatcher,
    private readonly ids: IdFactory,
  ) {}

  private emit(account: Account, topic: WebhookTopic, type: string, messageType: string, params: unknown): void {
    const setting = account.webhooks[topic];
    const url = setting?.type === 'ENABLE' ? setting.urls[0] : undefined;
    if (!url) return;
    const messageId = this.ids.messageId();
    const body = toJson({ messageId, type, messageType, openId: rawNumber(account.openId), params });
    this.dispatcher.send({ openId: account.openId, url, messageId, type, messageType, body });
  }

  /** ORDER, on every status change (CJ's sample is an UPDATE carrying orderStatus CREATED). */
  order(order: Order): void {
    const account = this.accounts.get(order.openId);
    if (!account) return;
    this.emit(account, 'order', 'ORDER', 'UPDATE', {
      orderNumber: order.orderNumber,
      orderNum: order.orderNumber,
      cjOrderId: rawNumber(order.cjOrderId),
      orderStatus: order.status,
      logisticName: order.logisticName,
      trackNumber: order.trackNumber,
      trackingUrl: order.trackingUrl,
      createDate: formatUtc(order.createdAt),
      updateDate: formatUtc(order.updatedAt),
      payDate: order.paidAt === null ? null : formatUtc(order.paidAt),
      deliveryDate: order.shippedAt === null ? null : formatUtc(order.shippedAt),
      completeDate: order.deliveredAt === null ? null : formatUtc(order.deliveredAt),
      orderItems: order.lines.map((l) => ({
        vid: l.vid,
        quantity: l.quantity,
        sellPrice: moneyNumber(l.unitCents),
        lineItemId: l.lineItemId,
        storeLineItemId: l.storeLineItemId,
        productionOrderStatus: null,
        abnormalType: [],
      })),
    });
  }

  /** LOGISTIC, on every tracking change. */
  logistic(order: Order): void {
    const account = this.accounts.get(order.openId);
    if (!account || order.logisticStatus === null) return;
    const events = order.trackEvents
      .slice()
      .reverse()
      .map((e) => ({
        status: e.status,
        activity: e.activity,
        location: e.location,
        eventTime: formatUtc(e.eventTime),
        statusDesc: LOGISTIC_STATUS[e.status] ?? '',
        thirdActivity: activityOf(e.status),
        thirdLocation: e.location,
        thirdEventTime: formatUtc(e.eventTime),
      }));
    this.emit(account, 'logistics', 'LOGISTIC', 'UPDATE', {
      orderId: rawNumber(order.cjOrderId),
      logisticName: order.logisticName,
      trackingNumber: order.trackNumber,
      trackingUrl: order.trackingUrl,
      trackingStatus: order.logisticStatus,
      logisticsTrackEvents: JSON.stringify(events),
    });
  }

  /** STOCK to every subscribed account: params is a map vid → [{vid, areaId, areaEn, countryCode, storageNum}]. */
  stock(variants: readonly Variant[]): void {
    const params: Record<string, unknown> = {};
    for (const v of variants) {
      params[v.vid] = v.stock.map((a) => {
        const area = AREA_BY_COUNTRY.get(a.countryCode);
        return { vid: v.vid, areaId: String(area?.areaId ?? ''), areaEn: area?.areaEn ?? a.countryCode, countryCode: a.countryCode, storageNum: areaTotals(a).total };
      });
    }
    for (const account of this.accounts.list()) this.emit(account, 'stock', 'STOCK', 'UPDATE', params);
  }

  /** VARIANT with only the changed fields set (others null), as CJ's UPDATE messages are. */
  variant(v: Variant, fields: string[], base: string): void {
    const all: Record<string, unknown> = {
      vid: v.vid,
      variantName: v.nameEn,
      variantWeight: v.weightG,
      variantLength: v.lengthMm,
      variantWidth: v.widthMm,
      variantHeight: v.heightMm,
      variantImage: `${base}/images/${v.pid}/${v.image}.png`,
      variantSku: v.sku,
      variantKey: v.key,
      variantSellPrice: moneyNumber(v.priceCents),
      variantStatus: v.status,
      variantValue1: v.values[0] ?? null,
      variantValue2: v.values[1] ?? null,
      variantValue3: v.values[2] ?? null,
    };
    const params: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(all)) params[k] = k === 'vid' || fields.includes(k) ? val : null;
    params.fields = fields;
    for (const account of this.accounts.list()) this.emit(account, 'product', 'VARIANT', 'UPDATE', params);
  }

  /** PRODUCT with only the changed fields set. */
  product(p: Product, fields: string[], categoryName: string, base: string): void {
    const all: Record<string, unknown> = {
      categoryId: p.categoryId,
      categoryName,
      pid: p.pid,
      productDescription: p.descriptionHtml.replaceAll('{{BASE}}', base),
      productImage: `${base}/images/${p.pid}/1.png`,
      productName: JSON.stringify(p.nameCn),
      productNameEn: p.nameEn,
      productProperty1: null,
      productProperty2: null,
      productProperty3: null,
      productSellPrice: moneyNumber(Math.min(...p.variants.map((v) => v.priceCents))),
      productSku: p.sku,
      productStatus: p.status,
    };
    const params: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(all)) params[k] = k === 'pid' || fields.includes(k) ? val : null;
    params.fields = fields;
    for (const account of this.accounts.list()) this.emit(account, 'product', 'PRODUCT', 'UPDATE', params);
  }
}
