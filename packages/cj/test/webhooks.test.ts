import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CjWebhookError,
  TRACKING_STATUS_DESCRIPTIONS,
  TrackingStatus,
  computeWebhookSignature,
  parseWebhook,
  trackingStatusName,
  verifyWebhookSignature,
} from '../src/index.js';

// Bodies written as CJ sends them: raw text, big numbers unquoted.
const PRODUCT = `{"messageId":"7cceede817dc47e8b3a4ad1d1a4d5a2f","type":"PRODUCT","messageType":"UPDATE","openId":1234567890123456789,
  "params":{"pid":"1424608189734850560","categoryId":null,"productNameEn":"Amethyst Cluster","productSellPrice":12.5,"productStatus":3,"productImage":null,
  "fields":["productNameEn","productSellPrice"]}}`;
const VARIANT = `{"messageId":"m2","type":"VARIANT","messageType":"UPDATE","params":{"vid":"1424608189734850561","variantKey":"[\\"XS\\"]","variantSellPrice":"4.08",
  "variantWeight":"120.0","variantStatus":1,"variantLength":10,"fields":["variantSellPrice"]}}`;
const STOCK = `{"messageId":"m3","type":"STOCK","messageType":"UPDATE","params":{"1424608189734850561":[
  {"vid":"1424608189734850561","areaId":"2","areaEn":"US Warehouse","countryCode":"US","storageNum":17},
  {"vid":"1424608189734850561","areaId":1,"areaEn":"CN Warehouse","countryCode":"CN","storageNum":"250"}]}}`;
const ORDER = `{"messageId":"m4","type":"ORDER","messageType":"UPDATE","params":{"orderNum":"LOJ-1001","cjOrderId":210823100016290555,"orderStatus":"SHIPPED",
  "logisticName":"CJPacket","trackNumber":"YT1","trackingUrl":"https://t","createDate":"2021-08-23 11:31:45","updateDate":null,
  "orderItems":[{"vid":"V1","quantity":2,"sellPrice":11.85,"lineItemId":1700000000000000001,"abnormalType":[]}]}}`;
const ORDER_CONNECTED = `{"messageId":"m4b","type":"ORDER","messageType":"ORDER_CONNNECTED","params":{"orderNumber":"LOJ-1002","cjOrderId":"210823100016290556"}}`;
const ORDERSPLIT = `{"messageId":"m5","type":"ORDERSPLIT","messageType":"INSERT","params":{"originalOrderId":"SD2108231000","orderSplitTime":"2021-08-24 10:00:00",
  "splitOrderList":[{"orderCode":"SD2108231000-1","createAt":1629770400000,"orderStatus":300,"productList":[{"sku":"CJ-1","vid":"V1","quantity":1,"productCode":"P"}]}]}}`;
const SOURCING = `{"messageId":"m6","type":"SOURCINGCREATE","messageType":"INSERT","params":{"cjProductId":"P9","cjVariantId":"V9","cjVariantSku":"CJ-9","cjSourcingId":285,
  "status":"completed","failReason":null,"createDate":"2021-08-24 10:00:00"}}`;
const LOGISTIC = `{"messageId":"m7","type":"LOGISTIC","messageType":"UPDATE","params":{"orderId":210823100016290555,"logisticName":"YunExpress","trackingNumber":"YT1",
  "trackingUrl":"https://t","trackingStatus":12,
  "logisticsTrackEvents":"[{\\"status\\":\\"12\\",\\"activity\\":\\"Delivered\\",\\"location\\":\\"LA\\",\\"eventTime\\":\\"2021-09-01 10:00:00\\"},{\\"status\\":\\"6\\",\\"activity\\":\\"Arrived\\"}]"}}`;

describe('parseWebhook', () => {
  it('PRODUCT: big openId exact, money as decimal string, fields list', () => {
    const m = parseWebhook(PRODUCT);
    expect(m).toMatchObject({ type: 'PRODUCT', messageId: '7cceede817dc47e8b3a4ad1d1a4d5a2f', messageType: 'UPDATE', openId: '1234567890123456789' });
    if (m.type !== 'PRODUCT') throw new Error('narrowing');
    expect(m.params).toMatchObject({ pid: '1424608189734850560', productNameEn: 'Amethyst Cluster', productSellPrice: '12.50', productStatus: 3, fields: ['productNameEn', 'productSellPrice'] });
    expect(m.params.categoryId).toBeUndefined();
  });

  it('VARIANT: variantKey decoded, numbers from strings', () => {
    const m = parseWebhook(VARIANT);
    expect(m).toMatchObject({ type: 'VARIANT', params: { vid: '1424608189734850561', variantKey: ['XS'], variantSellPrice: '4.08', variantWeight: 120, variantStatus: 1, fields: ['variantSellPrice'] } });
  });

  it('STOCK: vid → areas map becomes a typed list', () => {
    const m = parseWebhook(STOCK);
    expect(m).toEqual({
      type: 'STOCK',
      messageId: 'm3',
      messageType: 'UPDATE',
      openId: undefined,
      params: [
        {
          vid: '1424608189734850561',
          areas: [
            { vid: '1424608189734850561', areaId: '2', areaEn: 'US Warehouse', countryCode: 'US', storageNum: 17 },
            { vid: '1424608189734850561', areaId: '1', areaEn: 'CN Warehouse', countryCode: 'CN', storageNum: 250 },
          ],
        },
      ],
    });
  });

  it('ORDER: cjOrderId (a JSON number beyond 2^53) exact; orderNum alias → orderNumber', () => {
    const m = parseWebhook(ORDER);
    expect(m).toMatchObject({
      type: 'ORDER',
      params: {
        orderNumber: 'LOJ-1001',
        cjOrderId: '210823100016290555',
        orderStatus: 'SHIPPED',
        trackNumber: 'YT1',
        orderItems: [{ vid: 'V1', quantity: 2, sellPrice: '11.85', lineItemId: '1700000000000000001', abnormalType: [] }],
      },
    });
    expect(parseWebhook(ORDER_CONNECTED)).toMatchObject({ type: 'ORDER', messageType: 'ORDER_CONNNECTED', params: { orderNumber: 'LOJ-1002', cjOrderId: '210823100016290556', orderItems: [] } });
  });

  it('ORDERSPLIT', () => {
    expect(parseWebhook(ORDERSPLIT)).toMatchObject({
      type: 'ORDERSPLIT',
      params: { originalOrderId: 'SD2108231000', splitOrderList: [{ orderCode: 'SD2108231000-1', createAt: 1629770400000, orderStatus: 300, productList: [{ sku: 'CJ-1', vid: 'V1', quantity: 1 }] }] },
    });
  });

  it('SOURCINGCREATE', () => {
    expect(parseWebhook(SOURCING)).toMatchObject({ type: 'SOURCINGCREATE', params: { cjProductId: 'P9', cjSourcingId: '285', status: 'completed', failReason: undefined } });
  });

  it('LOGISTIC: orderId exact, logisticsTrackEvents JSON string decoded, trackingStatus named', () => {
    const m = parseWebhook(Buffer.from(LOGISTIC, 'utf8'));
    expect(m).toMatchObject({
      type: 'LOGISTIC',
      params: {
        orderId: '210823100016290555',
        trackingStatus: 12,
        trackingStatusName: 'Signed',
        logisticsTrackEvents: [
          { status: '12', activity: 'Delivered', location: 'LA', eventTime: '2021-09-01 10:00:00' },
          { status: '6', activity: 'Arrived' },
        ],
      },
    });
  });

  it('LOGISTIC: events as a real array, empty string, or absent; undocumented status code keeps its number', () => {
    const base = { messageId: 'x', type: 'LOGISTIC', params: { orderId: '1', trackingStatus: 99 } };
    expect(parseWebhook(JSON.stringify(base))).toMatchObject({ params: { logisticsTrackEvents: [], trackingStatus: 99, trackingStatusName: undefined } });
    expect(parseWebhook(JSON.stringify({ ...base, params: { logisticsTrackEvents: '' } }))).toMatchObject({ params: { logisticsTrackEvents: [] } });
    expect(parseWebhook(JSON.stringify({ ...base, params: { logisticsTrackEvents: [{ activity: 'A' }] } }))).toMatchObject({ params: { logisticsTrackEvents: [{ activity: 'A' }] } });
    expect(() => parseWebhook(JSON.stringify({ ...base, params: { logisticsTrackEvents: '{oops' } }))).toThrow(CjWebhookError);
  });

  it('an unknown type is an UNKNOWN message, not an error (so it can be acknowledged and stored)', () => {
    const m = parseWebhook('{"messageId":"m8","type":"PRIVATEORDER","messageType":"INSERT","params":{"x":210823100016290555}}');
    expect(m).toEqual({ type: 'UNKNOWN', rawType: 'PRIVATEORDER', messageId: 'm8', messageType: 'INSERT', openId: undefined, params: { x: '210823100016290555' } });
  });

  it('rejects bodies that are not JSON, lack messageId/type, or have params that do not fit', () => {
    expect(() => parseWebhook('not json')).toThrow(CjWebhookError);
    expect(() => parseWebhook('{"type":"ORDER","params":{}}')).toThrow(/messageId/);
    const err = (() => {
      try {
        parseWebhook('{"messageId":"m","type":"PRODUCT","params":{"productSellPrice":"12"}}');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CjWebhookError);
    expect((err as CjWebhookError).issues[0]?.path).toBe('params.pid');
  });
});

describe('tracking status map', () => {
  it('covers 0–14 with CJ’s wording', () => {
    expect(Object.keys(TRACKING_STATUS_DESCRIPTIONS)).toHaveLength(15);
    expect(TrackingStatus.Delivery).toBe(10);
    expect(trackingStatusName(12)).toBe('Signed');
    expect(trackingStatusName(0)).toBe('NoInformation');
    expect(TRACKING_STATUS_DESCRIPTIONS[13]).toBe('Failure/abnormality');
  });
});

describe('verifyWebhookSignature', () => {
  const openId = '1234567890123456789';
  const sign = (body: string | Buffer, key: string) => createHmac('sha256', key).update(body).digest('base64');

  it('accepts the Base64 HMAC-SHA256 of the raw bytes keyed with String(openId)', () => {
    expect(verifyWebhookSignature(ORDER, sign(ORDER, openId), openId)).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(ORDER), sign(ORDER, openId), openId)).toBe(true);
    expect(verifyWebhookSignature(ORDER, [sign(ORDER, openId)], openId)).toBe(true);
    expect(computeWebhookSignature(ORDER, openId)).toBe(sign(ORDER, openId));
    // A numeric openId within 2^53 is keyed by its decimal string.
    expect(verifyWebhookSignature(ORDER, sign(ORDER, '12312'), 12312)).toBe(true);
  });

  it('rejects a tampered body, including a re-serialised one', () => {
    const header = sign(ORDER, openId);
    expect(verifyWebhookSignature(ORDER.replace('LOJ-1001', 'LOJ-1002'), header, openId)).toBe(false);
    expect(verifyWebhookSignature(JSON.stringify(JSON.parse(ORDER)), header, openId)).toBe(false);
  });

  it('rejects the wrong key, a missing or malformed header', () => {
    expect(verifyWebhookSignature(ORDER, sign(ORDER, '1234567890123456788'), openId)).toBe(false);
    expect(verifyWebhookSignature(ORDER, undefined, openId)).toBe(false);
    expect(verifyWebhookSignature(ORDER, '', openId)).toBe(false);
    expect(verifyWebhookSignature(ORDER, 'not base64!', openId)).toBe(false);
    expect(verifyWebhookSignature(ORDER, sign(ORDER, openId).slice(0, 20), openId)).toBe(false);
  });
});
