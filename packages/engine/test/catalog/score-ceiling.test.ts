// The list-data score ceiling must be a bound: no product CJ could reveal behind a listing (any cost
// inside its price span, any shipping the quality rules accept, any delivery time) may score above
// it. Checked against the real price gate and score over a grid of costs and shippings, with the
// default rules and with rounding/VAT/markup choices where psychological price points bite hardest.
import { describe, expect, it } from 'vitest';
import { ListScoreCeiling } from '../../src/catalog/gates/score-ceiling.js';
import { scoreProduct } from '../../src/catalog/gates/score.js';
import { priceProduct } from '../../src/pricing/price-product.js';
import type { PricingRules } from '../../src/pricing/rules.js';
import { rules, TODAY } from '../pricing/fixtures.js';

const cents = (n: number) => (n / 100).toFixed(2);

/** Every (cost, shipping) on a cent grid inside the span: the best score the gates could give. */
function bestRealScore(pricing: PricingRules, minCents: number, maxCents: number, maxShipCents: number, listedNum: number, step = 7): number | null {
  let best: number | null = null;
  for (let cost = minCents; cost <= maxCents; cost += step) {
    for (let ship = 0; ship <= maxShipCents; ship += ship < 20 ? 1 : step) {
      const priced = priceProduct({ costUsd: cents(cost), shippingUsd: cents(ship) }, pricing, TODAY);
      if (!priced.ok) continue;
      const score = scoreProduct({ marginPct: priced.marginPct, shippingUsd: cents(ship), deliveryMaxDays: 1, listedNum });
      if (best === null || score > best) best = score;
    }
  }
  return best;
}

describe('the list-data score ceiling', () => {
  const cases: Array<{ name: string; pricing: PricingRules }> = [
    { name: 'the default rules', pricing: rules() },
    { name: 'a low markup near the margin floor', pricing: rules({ markup: '1.75', minMarginPct: '40' }) },
    { name: 'no VAT, a high markup, no retail cap', pricing: rules({ vatRate: '0', markup: '3.3', retailCap: null }) },
  ];
  const spans: Array<[number, number, number]> = [
    [50, 50, 0],
    [99, 350, 12],
    [330, 420, 400],
    [1200, 1900, 999],
    [1750, 2000, 5000],
  ];

  for (const { name, pricing } of cases) {
    it(`is never below a real score, and as high as one when the grid reaches it (${name})`, () => {
      const ceiling = new ListScoreCeiling(pricing, '8');
      for (const [min, max, listedNum] of spans) {
        const verdict = ceiling.verdict({ priceMinUsd: cents(min), priceMaxUsd: cents(max), listedNum });
        const real = bestRealScore(pricing, min, max, 800, listedNum);
        if (real === null) {
          expect(verdict.sellable, `${min}–${max}`).toBe(false);
          continue;
        }
        expect(verdict.sellable, `${min}–${max}`).toBe(true);
        if (!verdict.sellable) continue;
        expect(verdict.ceiling, `${min}–${max} cents, listed ${listedNum}`).toBeGreaterThanOrEqual(real);
        // Free shipping and the fastest delivery are possible on the grid, so the bound is reached
        // within the grid's coarseness (costs every 7 cents).
        expect(verdict.ceiling - real, `${min}–${max}`).toBeLessThanOrEqual(1);
      }
    });
  }

  it('rejects from the list price alone what no shipping could bring under the retail cap', () => {
    const ceiling = new ListScoreCeiling(rules(), '8');
    // 19.00 USD × 0.92 × 2.5 × 1.23 = 53.75 EUR before rounding: above the 49.99 cap even shipped free.
    const verdict = ceiling.verdict({ priceMinUsd: '19.00', priceMaxUsd: '19.50', listedNum: 10 });
    expect(verdict).toMatchObject({ sellable: false, code: 'above_retail_cap' });
    expect(priceProduct({ costUsd: '19.00', shippingUsd: '0' }, rules(), TODAY)).toMatchObject({ ok: false, rejection: { code: 'above_retail_cap' } });
    // One cent of span under the cap's reach keeps it: a cheaper variant may still sell.
    expect(ceiling.verdict({ priceMinUsd: '17.00', priceMaxUsd: '19.50', listedNum: 10 }).sellable).toBe(true);
  });
});
