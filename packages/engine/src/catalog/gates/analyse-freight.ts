// Freight to the store's main country. An unknown freight (the call failed, or CJ returned no
// option) is a rejection: the old engine swallowed errors and priced such products with free
// shipping. Among valid options within the delivery limit the cheapest wins; ties go to the faster
// one, then the name, so the choice is deterministic.
import { Dec, isDecimalString } from '../../money/index.js';
import type { FreightQuote } from '../candidate.js';
import { analyseRejection, type AnalyseRejection } from './analyse-rejection.js';
import type { QualityRules } from './analyse-rules.js';

export type FreightChoice = { ok: true; quote: FreightQuote } | { ok: false; rejection: AnalyseRejection };

function isValidQuote(quote: FreightQuote): boolean {
  return (
    isDecimalString(quote.priceUsd) &&
    new Dec(quote.priceUsd).gte('0') &&
    Number.isInteger(quote.minDays) &&
    Number.isInteger(quote.maxDays) &&
    quote.minDays >= 0 &&
    quote.maxDays >= quote.minDays
  );
}

function cheaperFirst(a: FreightQuote, b: FreightQuote): number {
  const byPrice = new Dec(a.priceUsd).cmp(b.priceUsd);
  if (byPrice !== 0) return byPrice;
  if (a.maxDays !== b.maxDays) return a.maxDays - b.maxDays;
  return a.logisticName < b.logisticName ? -1 : a.logisticName > b.logisticName ? 1 : 0;
}

/** `quotes` null = the freight lookup failed; [] = CJ offers no route. Both mean "unknown". */
export function chooseFreight(quotes: readonly FreightQuote[] | null, rules: QualityRules, country: string): FreightChoice {
  const to = `to ${country}`;
  if (quotes === null) return fail('freight_unknown', `freight ${to} unknown (the quote failed); never assumed free`);
  const valid = quotes.filter(isValidQuote);
  if (valid.length === 0) {
    const why = quotes.length === 0 ? 'CJ offered no shipping option' : `none of ${quotes.length} options had a valid price and days`;
    return fail('freight_unknown', `freight ${to} unknown: ${why}; never assumed free`);
  }
  const inTime = valid.filter((q) => q.maxDays <= rules.maxDeliveryDays);
  if (inTime.length === 0) {
    const fastest = Math.min(...valid.map((q) => q.maxDays));
    return fail(
      'delivery_too_slow',
      `fastest of ${valid.length} option(s) ${to} takes up to ${fastest} days; the maximum is ${rules.maxDeliveryDays}`,
    );
  }
  const cheapest = inTime.reduce((best, q) => (cheaperFirst(q, best) < 0 ? q : best));
  if (new Dec(cheapest.priceUsd).gt(rules.maxShippingUsd)) {
    return fail(
      'shipping_above_max',
      `cheapest option ${to} within ${rules.maxDeliveryDays} days ("${cheapest.logisticName}") costs ${cheapest.priceUsd} USD; the maximum is ${rules.maxShippingUsd} USD`,
    );
  }
  return { ok: true, quote: cheapest };
}

function fail(code: Parameters<typeof analyseRejection>[0], reason: string): FreightChoice {
  return { ok: false, rejection: analyseRejection(code, reason) };
}
