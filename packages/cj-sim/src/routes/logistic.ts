// logistic/*: freight (two shapes from the same table) and tracking.
import { CjError, Codes, paramError } from '../errors.js';
import { moneyNumber } from '../json.js';
import { COUNTRIES, type Country } from '../logistics/countries.js';
import { freightOptions, type FreightOption, type ParcelLine } from '../logistics/freight.js';
import { formatCents } from '../money.js';
import { trackInfoRow } from '../orders/present.js';
import { Body } from '../params.js';
import type { SimState } from '../state.js';
import { accountOf, route, type RouteContext, type RouteDef } from './types.js';

function country(code: string): Country {
  const c = COUNTRIES.get(code.toUpperCase());
  if (!c) throw new CjError(Codes.countryNotFound, `country code not found: ${code}`);
  return c;
}

function parcelFromVids(state: SimState, list: unknown[]): ParcelLine[] {
  return list.map((raw, i) => {
    const item = Body.of(raw);
    const vid = item.string('vid');
    if (vid === undefined) throw paramError(`products[${i}].vid must be not empty`);
    const quantity = item.int('quantity', { min: 1, max: 100_000 });
    if (quantity === undefined) throw paramError(`products[${i}].quantity must be not empty`);
    const variant = state.catalogue.byVid.get(vid);
    if (!variant) throw new CjError(Codes.variantNotFound, `Variant not found: ${vid}`);
    return { weightG: variant.weightG, quantity, prop: state.catalogue.byPid.get(variant.pid)?.prop ?? 'COMMON' };
  });
}

function freightCalculate(ctx: RouteContext): unknown {
  const b = Body.of(ctx.body);
  const from = country(b.requireString('startCountryCode'));
  const to = country(b.requireString('endCountryCode'));
  const lines = parcelFromVids(ctx.state, b.requireArray('products'));
  return freightOptions(from.code, to, lines).map((o) => ({
    logisticAging: o.logisticAging,
    logisticPrice: moneyNumber(o.priceCents),
    logisticPriceCn: moneyNumber(o.priceCnCents),
    logisticName: o.logisticName,
    taxesFee: moneyNumber(0),
    clearanceOperationFee: moneyNumber(0),
    totalPostageFee: moneyNumber(o.priceCents),
  }));
}

const PHONE_RULE = { expression: '^[\\s\\d\\-（）()+]{6,32}$', interceptType: '0', max: null, min: null, msgCode: '1001', msgEn: 'Must be a 6-32 digit number (only numbers, symbols and spaces are supported).', type: 'phone' };

function areaOf(c: Country): Record<string, unknown> {
  return { cnName: c.nameCn, countryId: String(c.serial), enName: c.nameEn, id: String(c.serial), parentId: null, postCode: '', shortCode: c.code };
}

function tipRow(o: FreightOption, index: number, from: Country, to: Country): Record<string, unknown> {
  const c = o.carrier;
  return {
    arrivalTime: o.logisticAging,
    discountFee: moneyNumber(o.priceCents),
    discountFeeCNY: moneyNumber(o.priceCnCents),
    volumeWeight: null,
    option: { arrivalTime: o.logisticAging, cnName: c.cnName, enName: c.name, id: c.optionId },
    ruleTips: [PHONE_RULE],
    ruleTipTypes: ['phone'],
    channelId: c.channelId,
    error: '',
    errorEn: '',
    optionId: c.optionId,
    postage: moneyNumber(o.priceCents),
    postageCNY: moneyNumber(o.priceCnCents),
    priceIncreases: '100',
    reSort: String(index + 1),
    remoteFee: 0,
    remoteFeeCNY: 0,
    tip: '',
    uid: '',
    orderId: null,
    unWeightChargeTarget: null,
    floatMaxPrice: null,
    floatMinPrice: null,
    logisticsParamRespDTO: null,
    message: '',
    wrapPostage: moneyNumber(o.priceCents),
    wrapPostageCNY: moneyNumber(o.priceCnCents),
    wrapWeight: 0,
    stopWords: [],
    channel: { cnName: c.channelName, enName: c.name, id: c.channelId },
    cjRespDTO: { postage: formatCents(o.priceCents), postageCNY: formatCents(o.priceCnCents), remoteFee: '0.00', remoteFeeCNY: '0' },
    destArea: areaOf(to),
    srcArea: areaOf(from),
    dump: false,
    zonePrice: [],
    allRuleTips: [PHONE_RULE],
    taxesFee: null,
    clearanceOperationFee: null,
    totalPostageFee: moneyNumber(o.priceCents),
  };
}

/** The parcel of one reqDTOS entry: freightTrialSkuList, else skuList, else the declared weight (100 g when absent, as CJ answers bare requests). */
function tipParcel(state: SimState, req: Body, index: number): ParcelLine[] {
  const trial = req.array('freightTrialSkuList') ?? [];
  const props = req.array('productProp');
  const declaredProp = typeof props?.[0] === 'string' ? props[0] : 'COMMON';
  const resolve = (key: string | undefined, vid: string | undefined) => {
    const c = state.catalogue;
    if (vid !== undefined) return c.byVid.get(vid);
    if (key === undefined) return undefined;
    return c.byVariantSku.get(key.toUpperCase()) ?? c.bySpu.get(key.toUpperCase())?.variants[0];
  };
  if (trial.length > 0) {
    return trial.map((raw, i) => {
      const item = Body.of(raw);
      const variant = resolve(item.string('sku'), item.string('vid'));
      const quantity = item.int('skuQuantity', { min: 1 }) ?? 1;
      const weight = item.int('skuWeight', { min: 1 });
      if (!variant && weight === undefined) throw new CjError(Codes.variantNotFound, `Variant not found: reqDTOS[${index}].freightTrialSkuList[${i}]`);
      return { weightG: variant?.weightG ?? weight ?? 100, quantity, prop: variant ? state.catalogue.byPid.get(variant.pid)?.prop ?? declaredProp : declaredProp };
    });
  }
  const skus = (req.array('skuList') ?? []).filter((s): s is string => typeof s === 'string');
  if (skus.length > 0) {
    return skus.map((sku) => {
      const variant = resolve(sku, undefined);
      if (!variant) throw new CjError(Codes.variantNotFound, `Variant not found: ${sku}`);
      return { weightG: variant.weightG, quantity: 1, prop: state.catalogue.byPid.get(variant.pid)?.prop ?? 'COMMON' };
    });
  }
  return [{ weightG: (req.int('weight', { min: 1 }) ?? 100) + (req.int('wrapWeight', { min: 0 }) ?? 0), quantity: 1, prop: declaredProp }];
}

function freightCalculateTip(ctx: RouteContext): unknown {
  const list = Body.of(ctx.body).requireArray('reqDTOS');
  return list.flatMap((raw, i) => {
    const req = Body.of(raw);
    const src = req.string('srcAreaCode');
    const dest = req.string('destAreaCode');
    if (src === undefined) throw paramError(`reqDTOS[${i}].srcAreaCode must be not empty`);
    if (dest === undefined) throw paramError(`reqDTOS[${i}].destAreaCode must be not empty`);
    const from = country(src);
    const to = country(dest);
    return freightOptions(from.code, to, tipParcel(ctx.state, req, i)).map((o, j) => tipRow(o, j, from, to));
  });
}

function trackInfo(ctx: RouteContext): unknown {
  const numbers = ctx.query.list('trackNumber');
  if (numbers.length === 0) throw paramError('trackNumber must be not empty');
  const account = accountOf(ctx);
  const mine = ctx.state.orders.forAccount(account).filter((o) => o.trackNumber !== null && numbers.includes(o.trackNumber));
  return numbers.flatMap((n) => mine.filter((o) => o.trackNumber === n)).map((o) => trackInfoRow(o, ctx.state.lifecycle));
}

export const logisticRoutes: RouteDef[] = [
  route({ method: 'POST', path: '/logistic/freightCalculate', auth: 'token', body: 'json', envelope: 'standard', handler: freightCalculate }),
  route({ method: 'POST', path: '/logistic/freightCalculateTip', auth: 'token', body: 'json', envelope: 'standard+success', handler: freightCalculateTip }),
  route({ method: 'GET', path: '/logistic/trackInfo', auth: 'token', body: 'none', envelope: 'standard', handler: trackInfo }),
  // Deprecated on 2024-06-01 in favour of trackInfo, same shape.
  route({ method: 'GET', path: '/logistic/getTrackInfo', auth: 'token', body: 'none', envelope: 'standard', handler: trackInfo }),
];
