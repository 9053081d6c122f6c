// Gate 5: the selling price of one product (or one variant).
//
//   landed = (CJ cost USD + shipping USD to the main country) × fx      rounded UP to the cent
//   raw    = landed × markup × (1 + VAT)                                 exact
//   gross  = smallest psychological price point ≥ raw                    (psychological.ts)
//   net    = gross ÷ (1 + VAT)                                           rounded HALF-EVEN to the cent
//   VAT    = gross − net
//   margin = net − landed;   marginPct = margin ÷ net × 100
//   reject: cost ≤ 0 (invalid_cost), shipping < 0 or not a number (invalid_shipping),
//           marginPct < minMarginPct (below_margin_floor), gross > retailCap (above_retail_cap)
//
// Why these roundings: the landed cost is rounded up so a cost is never understated; the gross only
// ever rounds up (to a price point), so rounding adds margin; net is half-even because it is the
// legal split of a VAT-inclusive price, where neither side should be biased. The floor is tested on
// the exact ratio, never on the one-decimal display. Shipping must be a known quote: an unknown
// freight was rejected by the analyse gate and never reaches here as "0".
import type { DecimalString } from '../catalog/candidate.js';
import {
  Dec,
  decimalText,
  isDecimalString,
  ratioPctExact,
  roundDecimal,
  subtract,
  toDecimal,
  toDecimalString,
  toMinor,
  type Decimal,
  type Money,
} from '../money/index.js';
import { fxWarnings } from './fx-warnings.js';
import type { IsoDate } from './iso-date.js';
import { priceRejection, type PriceResult } from './price-result.js';
import { psychologicalPrice } from './psychological.js';
import type { PricingRules } from './rules.js';

export interface ProductCostInput {
  /** CJ's price for the product or variant, USD. */
  costUsd: DecimalString;
  /** The chosen freight quote to the store's main country, USD ("0" only when CJ quotes it free). */
  shippingUsd: DecimalString;
}

export function priceProduct(input: ProductCostInput, rules: PricingRules, today: IsoDate): PriceResult {
  const { costUsd, shippingUsd } = input;
  if (!isDecimalString(costUsd) || new Dec(costUsd).lte('0')) {
    return priceRejection('invalid_cost', `cost ${JSON.stringify(costUsd)} USD is not a positive amount`);
  }
  if (!isDecimalString(shippingUsd) || new Dec(shippingUsd).lt('0')) {
    return priceRejection('invalid_shipping', `shipping ${JSON.stringify(shippingUsd)} USD is not a known amount ≥ 0`);
  }
  const currency = rules.currency;
  const landed = toMinor(new Dec(costUsd).plus(shippingUsd).times(rules.fx.rate), currency, 'up');
  const { raw, gross, net, vat, margin } = priceLanded(landed, rules);
  const how = explain(costUsd, shippingUsd, rules, landed, raw);
  if (net.minor <= 0) {
    // Only reachable with a near-100% VAT on a one-cent price point; no ratio exists to test.
    return priceRejection('below_margin_floor', `net price ${amount(net)} leaves no margin; ${how}`);
  }
  const marginRatio = ratioPctExact(margin, net);
  const marginPct = decimalText(marginRatio, 1, 'down');

  if (marginRatio.lt(rules.minMarginPct)) {
    return priceRejection(
      'below_margin_floor',
      `margin ${marginPct}% (${amount(margin)} of net ${amount(net)}, gross ${amount(gross)}) is below the ` +
        `${rules.minMarginPct}% floor; ${how}`,
    );
  }
  if (rules.retailCap !== null && toDecimal(gross).gt(rules.retailCap)) {
    return priceRejection(
      'above_retail_cap',
      `price ${amount(gross)} is above the retail cap ${rules.retailCap} ${currency}; ${how}`,
    );
  }
  return {
    ok: true,
    grossMinor: gross.minor,
    netMinor: net.minor,
    vatMinor: vat.minor,
    landedMinor: landed.minor,
    marginMinor: margin.minor,
    marginPct,
    currency,
    fxRate: rules.fx.rate,
    fxDate: rules.fx.date,
    rawGross: raw.toFixed(),
    warnings: fxWarnings(rules.fx, today),
  };
}

/**
 * The selling price for a landed cost (store currency): the part of the formula after the CJ cost
 * and the shipping are summed and converted. Shared with the scan's list-data score ceiling, which
 * asks it for every landed cost a candidate could have.
 */
export function priceLanded(landed: Money, rules: PricingRules): { raw: Decimal; gross: Money; net: Money; vat: Money; margin: Money } {
  const vatFactor = new Dec('1').plus(rules.vatRate);
  const raw = toDecimal(landed).times(rules.markup).times(vatFactor);
  const gross = toMinor(psychologicalPrice(raw, rules.rounding), landed.currency, 'half-even'); // already whole cents
  const net = toMinor(toDecimal(gross).div(vatFactor), landed.currency, 'half-even');
  return { raw, gross, net, vat: subtract(gross, net), margin: subtract(net, landed) };
}

function amount(m: Money): string {
  return `${toDecimalString(m)} ${m.currency}`;
}

function explain(costUsd: string, shippingUsd: string, rules: PricingRules, landed: Money, raw: Decimal): string {
  const rawText = roundDecimal(raw, 4, 'half-up').toFixed();
  return (
    `cost ${costUsd} USD + shipping ${shippingUsd} USD at ${rules.fx.rate} = landed ${amount(landed)}, ` +
    `× markup ${rules.markup} × (1 + VAT ${rules.vatRate}) = raw ${rawText}`
  );
}
