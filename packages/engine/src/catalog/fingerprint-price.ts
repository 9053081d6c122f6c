// The price side of the fingerprint. A band makes the exact key differ for clearly different prices
// (the old key appended floor(price), so $4.99 and $5.01 never matched). Bands are geometric —
// each 25% wider than the last — because "$1 apart" means a lot at $2 and nothing at $40. The
// near-duplicate test compares the two prices directly instead, so a band edge cannot split a pair.
// Integer cents only (BigInt for the growth step): no float touches the price.

/** Band 0 below $1.00; band n ≥ 1 from 100 × 1.25^(n−1) cents (each bound rounded up). */
export function priceBand(cents: number): number {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`price in cents must be a safe integer ≥ 0, got ${cents}`);
  const target = BigInt(cents);
  let bound = 100n;
  let band = 0;
  while (bound <= target) {
    band++;
    bound = (bound * 5n + 3n) / 4n; // ceil(bound × 1.25)
  }
  return band;
}

/** True when the higher price is at most `maxRatioPct` percent above the lower one. */
export function pricesCompatible(aCents: number, bCents: number, maxRatioPct: number): boolean {
  if (!Number.isSafeInteger(maxRatioPct) || maxRatioPct < 0) {
    throw new RangeError(`maxRatioPct must be a whole percentage ≥ 0, got ${maxRatioPct}`);
  }
  const [low, high] = aCents <= bCents ? [BigInt(aCents), BigInt(bCents)] : [BigInt(bCents), BigInt(aCents)];
  return high * 100n <= low * BigInt(100 + maxRatioPct);
}
