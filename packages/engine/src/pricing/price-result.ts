// What gate 5 returns: a full breakdown in minor units of the store currency, or a rejection.
import type { DecimalString, Rejection } from '../catalog/candidate.js';
import type { PriceWarning } from './fx-warnings.js';
import type { IsoDate } from './iso-date.js';

export interface PriceBreakdown {
  ok: true;
  /** Shown price, VAT included, after psychological rounding. */
  grossMinor: number;
  /** gross ÷ (1 + VAT), half-even to the cent. */
  netMinor: number;
  /** gross − net, so the three always add up. */
  vatMinor: number;
  /** (cost + shipping) × fx, rounded up to the cent. */
  landedMinor: number;
  /** net − landed. */
  marginMinor: number;
  /** margin ÷ net × 100, one decimal, truncated (39.96 shows as "39.9", never as a passing "40.0"). */
  marginPct: DecimalString;
  currency: string;
  fxRate: DecimalString;
  fxDate: IsoDate;
  /** landed × markup × (1 + VAT) before rounding, exact — explains the chosen price point. */
  rawGross: DecimalString;
  warnings: PriceWarning[];
}

export type PriceRejectionCode = 'invalid_cost' | 'invalid_shipping' | 'below_margin_floor' | 'above_retail_cap';

export interface PriceRejected {
  ok: false;
  rejection: Rejection & { gate: 'price'; code: PriceRejectionCode };
}

export type PriceResult = PriceBreakdown | PriceRejected;

export function priceRejection(code: PriceRejectionCode, reason: string): PriceRejected {
  return { ok: false, rejection: { gate: 'price', code, reason } };
}
