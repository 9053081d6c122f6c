// Psychological price points: 0.99…9.99, then 14.99 / 19.99 / 24.99 / 29.99, then 39.99, 49.99…
// (with the default bands). The result is the SMALLEST price point ≥ the raw price, so rounding can
// only add margin, never remove it. The old system computed ceil(raw) − 0.01, which rounds DOWN
// whenever raw lands in (x.99, x+1.00]: raw 10.00 became 9.99 and raw 9.995 became 9.99. Here raw
// 10.00 → 14.99 and raw 9.991 → 14.99; raw exactly on a point (9.99, 29.99) stays there.
import { Dec, roundDecimal, type Decimal } from '../money/index.js';
import type { PsychologicalRounding } from './rules.js';

/**
 * Price point for an exact raw price (major units). Bands are tried in order; a raw price belongs to
 * the first band whose highest point (upTo − ending) is ≥ raw. Inside a band the point is k × step −
 * ending with k the smallest integer giving a point ≥ raw and above the previous band.
 */
export function psychologicalPrice(raw: Decimal, rounding: PsychologicalRounding): Decimal {
  const ending = new Dec(rounding.ending);
  let lower = new Dec('0');
  for (const band of rounding.bands) {
    const step = new Dec(band.step);
    if (band.upTo === undefined || raw.lte(new Dec(band.upTo).minus(ending))) {
      // k ≥ (raw + ending) / step so the point is ≥ raw; k > lower / step so it is inside this band.
      const byRaw = roundDecimal(raw.plus(ending).div(step), 0, 'up');
      const byBand = roundDecimal(lower.div(step), 0, 'down').plus('1');
      const k = byRaw.gt(byBand) ? byRaw : byBand;
      return k.times(step).minus(ending);
    }
    lower = new Dec(band.upTo);
  }
  // Unreachable with validated rules (the last band has no upTo); kept for a clear failure.
  throw new RangeError('psychological rounding: no band covers the price (the last band needs no upTo)');
}
