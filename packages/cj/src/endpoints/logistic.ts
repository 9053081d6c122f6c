import { type CallOptions, type Execute, defineEndpoint } from '../endpoint.js';
import { moneyInput } from '../json.js';
import { type FreightOption, type FreightTipOption, type TrackInfo, freightData, freightTipData, trackInfoData } from '../schemas/logistic.js';

// Logistics (cj-api.md §6.6). The two freight calls are POSTs but read-only: safe to retry.
export const logisticEndpoints = {
  freightCalculate: defineEndpoint<FreightOption[]>({ path: '/logistic/freightCalculate', method: 'POST', idempotent: true, auth: true, data: freightData }),
  freightCalculateTip: defineEndpoint<FreightTipOption[]>({ path: '/logistic/freightCalculateTip', method: 'POST', idempotent: true, auth: true, data: freightTipData }),
  trackInfo: defineEndpoint<TrackInfo[]>({ path: '/logistic/trackInfo', method: 'GET', idempotent: true, auth: true, data: trackInfoData }),
} as const;

export interface FreightCalculateBody {
  startCountryCode: string;
  endCountryCode: string;
  zip?: string;
  taxId?: string;
  houseNumber?: string;
  iossNumber?: string;
  products: { vid: string; quantity: number }[];
}

/** One route request of freightCalculateTip; CJ documents many more optional fields, passed through as given. */
export interface FreightTipRequest {
  srcAreaCode: string;
  destAreaCode: string;
  zip?: string;
  houseNumber?: string;
  iossNumber?: string;
  storageIdList?: string[];
  platforms?: string[];
  /** Grams. */
  weight?: number;
  wrapWeight?: number;
  /** cm³ here (not mm). */
  volume?: number;
  productProp?: string[];
  totalGoodsAmount?: string | number;
  skuList?: string[];
  freightTrialSkuList?: { sku?: string; vid?: string; skuQuantity?: number; skuWeight?: number; skuVolume?: number; [k: string]: unknown }[];
  [k: string]: unknown;
}

export class LogisticApi {
  constructor(private readonly execute: Execute) {}

  /** Options (logisticName, aging, price) for a route — the only valid sources of createOrder's logisticName. */
  freightCalculate(body: FreightCalculateBody, call?: CallOptions): Promise<FreightOption[]> {
    return this.execute(logisticEndpoints.freightCalculate, { body }, call);
  }

  freightCalculateTip(body: { reqDTOS: FreightTipRequest[] }, call?: CallOptions): Promise<FreightTipOption[]> {
    const reqDTOS = body.reqDTOS.map((r, i) =>
      r.totalGoodsAmount === undefined ? r : { ...r, totalGoodsAmount: moneyInput(`reqDTOS[${i}].totalGoodsAmount`, r.totalGoodsAmount) },
    );
    return this.execute(logisticEndpoints.freightCalculateTip, { body: { reqDTOS } }, call);
  }

  /** GET logistic/trackInfo?trackNumber=A&trackNumber=B (the deprecated getTrackInfo is not used). */
  trackInfo(trackNumbers: string[], call?: CallOptions): Promise<TrackInfo[]> {
    if (trackNumbers.length === 0) return Promise.resolve([]);
    return this.execute(logisticEndpoints.trackInfo, { query: { trackNumber: trackNumbers } }, call);
  }
}
