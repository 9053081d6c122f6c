// Rounding is always named at the call site: each money rule says which mode it uses and why
// (see pricing/README.md). These are big.js's four modes under clearer names.
import Big from 'big.js';
import type { Decimal } from './decimal.js';

/**
 * - `half-up`: ties away from zero (2.345 → 2.35) — what people expect on a receipt.
 * - `half-even`: ties to the even digit (2.345 → 2.34, 2.355 → 2.36) — no upward bias when many
 *   amounts are rounded, used for the net part of a VAT-inclusive price.
 * - `up`: away from zero (2.341 → 2.35) — for costs, so a cost is never understated.
 * - `down`: toward zero (2.349 → 2.34) — for shown percentages, so a floor is never overstated.
 */
export type RoundingMode = 'half-up' | 'half-even' | 'up' | 'down';

const BIG_MODE = {
  down: Big.roundDown,
  'half-up': Big.roundHalfUp,
  'half-even': Big.roundHalfEven,
  up: Big.roundUp,
} as const;

/** Rounds to `dp` decimal places with the named mode. */
export function roundDecimal(value: Decimal, dp: number, mode: RoundingMode): Decimal {
  return value.round(dp, BIG_MODE[mode]);
}
