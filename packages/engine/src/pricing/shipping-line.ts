// A checkout shipping line (issue 4: shipping to a destination "follows the pricing rules"): the
// landed freight × shippingMarkup (1 by default: at cost) × (1 + VAT), rounded UP to the cent so the
// store never pays part of the freight; no psychological rounding — shoppers expect exact postage.
import type { DecimalString } from '../catalog/candidate.js';
import { Dec, isDecimalString, MoneyError, subtract, toDecimal, toMinor } from '../money/index.js';
import { fxWarnings, type PriceWarning } from './fx-warnings.js';
import type { IsoDate } from './iso-date.js';
import type { PricingRules } from './rules.js';

export interface ShippingLinePrice {
  /** Charged to the shopper, VAT included. */
  grossMinor: number;
  netMinor: number;
  vatMinor: number;
  /** Freight × fx, rounded up to the cent: what the store pays CJ in its own currency. */
  landedMinor: number;
  currency: string;
  fxDate: IsoDate;
  /** Empty when no `today` was given (FX age not checked). */
  warnings: PriceWarning[];
}

/** Throws MoneyError for a shipping amount that is not a decimal ≥ 0 (a quote is validated upstream). */
export function priceShippingLine(shippingUsd: DecimalString, rules: PricingRules, today?: IsoDate): ShippingLinePrice {
  if (!isDecimalString(shippingUsd) || new Dec(shippingUsd).lt('0')) {
    throw new MoneyError('invalid_amount', `shipping ${JSON.stringify(shippingUsd)} USD is not an amount ≥ 0`);
  }
  const currency = rules.currency;
  const vatFactor = new Dec('1').plus(rules.vatRate);
  const landed = toMinor(new Dec(shippingUsd).times(rules.fx.rate), currency, 'up');
  const gross = toMinor(toDecimal(landed).times(rules.shippingMarkup).times(vatFactor), currency, 'up');
  const net = toMinor(toDecimal(gross).div(vatFactor), currency, 'half-even');
  return {
    grossMinor: gross.minor,
    netMinor: net.minor,
    vatMinor: subtract(gross, net).minor,
    landedMinor: landed.minor,
    currency,
    fxDate: rules.fx.date,
    warnings: today === undefined ? [] : fxWarnings(rules.fx, today),
  };
}
