import { describe, expect, it } from 'vitest';
import { MoneyError } from '../../src/money/index.js';
import { priceProduct, priceShippingLine, priceVariants, repriceOnCostChange } from '../../src/pricing/index.js';
import { rules, TODAY } from './fixtures.js';

describe('priceVariants', () => {
  it('prices each variant with its own cost and the same shipping, in order', () => {
    const r = rules();
    const results = priceVariants(
      {
        shippingUsd: '6',
        variants: [
          { vid: 'v-small', priceUsd: '5' }, // (5 + 6) × 0.92 = 10.12 → raw 31.119 → 39.99
          { vid: 'v-large', priceUsd: '7' }, // 11.96 → raw 36.777 → 39.99
          { vid: 'v-xl', priceUsd: '12' }, // 16.56 → raw 50.922 → 59.99 > cap
          { vid: 'v-broken', priceUsd: '0' },
        ],
      },
      r,
      TODAY,
    );
    expect(results.map((v) => v.vid)).toEqual(['v-small', 'v-large', 'v-xl', 'v-broken']);
    expect(results.map((v) => (v.result.ok ? v.result.grossMinor : v.result.rejection.code))).toEqual([
      3999,
      3999,
      'above_retail_cap',
      'invalid_cost',
    ]);
    expect(results.map((v) => (v.result.ok ? v.result.landedMinor : null))).toEqual([1012, 1196, null, null]);
    expect(results[0]?.result).toEqual(priceProduct({ costUsd: '5', shippingUsd: '6' }, r, TODAY));
  });
});

describe('repriceOnCostChange', () => {
  const old = { costUsd: '10.00', shippingUsd: '2.00' };
  const decide = (newCost: string, thresholdPct?: string | number) =>
    repriceOnCostChange(old, newCost, rules(), { today: TODAY, ...(thresholdPct === undefined ? {} : { thresholdPct }) });

  it.each([
    ['11.50', false, '15.00'], // exactly 15% up: not over
    ['11.51', true, '15.10'],
    ['8.50', false, '-15.00'], // exactly 15% down
    ['8.49', true, '-15.10'],
    ['10.00', false, '0.00'],
  ])('10.00 → %s: exceeds=%s (%s%)', (newCost, exceeds, pct) => {
    const decision = decide(newCost);
    expect(decision.exceedsThreshold).toBe(exceeds);
    expect(decision.changePct).toBe(pct);
  });

  it('returns the new price under the current rules when it exceeds', () => {
    const decision = decide('12.00');
    expect(decision.exceedsThreshold && decision.newPrice).toEqual(
      priceProduct({ costUsd: '12.00', shippingUsd: '2.00' }, rules(), TODAY),
    );
  });

  it('takes a config threshold as a number or a string', () => {
    expect(decide('11.01', 10).exceedsThreshold).toBe(true);
    expect(decide('11.00', '10').exceedsThreshold).toBe(false);
  });

  it('an unusable new cost re-prices into a rejection (hide the product)', () => {
    const decision = decide('0');
    expect(decision.exceedsThreshold).toBe(true);
    if (decision.exceedsThreshold) {
      expect(decision.changePct).toBeNull();
      expect(decision.newPrice.ok ? 'ok' : decision.newPrice.rejection.code).toBe('invalid_cost');
    }
  });

  it('a cost rise that breaks the margin floor comes back as a rejection', () => {
    const decision = repriceOnCostChange({ costUsd: '9', shippingUsd: '0' }, '10.60', rules({ markup: '1.5' }), { today: TODAY });
    expect(decision.exceedsThreshold && !decision.newPrice.ok && decision.newPrice.rejection.code).toBe('below_margin_floor');
  });
});

describe('priceShippingLine', () => {
  it('landed shipping × (1 + VAT), rounded up to the cent, no markup by default', () => {
    // 3.50 × 0.92 = 3.22; × 1.23 = 3.9606 → 3.97; net 3.97 ÷ 1.23 = 3.2276 → 3.23
    expect(priceShippingLine('3.50', rules())).toEqual({
      grossMinor: 397,
      netMinor: 323,
      vatMinor: 74,
      landedMinor: 322,
      currency: 'EUR',
      fxDate: '2026-10-20',
      warnings: [],
    });
  });

  it('rounds the landed freight up first: 1.01 × 0.92 = 0.9292 → 0.93 → × 1.23 = 1.1439 → 1.15', () => {
    expect(priceShippingLine('1.01', rules())).toMatchObject({ landedMinor: 93, grossMinor: 115, netMinor: 93, vatMinor: 22 });
  });

  it('applies a configured shippingMarkup', () => {
    // 3.22 × 1.5 × 1.23 = 5.9409 → 5.95; net 4.84
    expect(priceShippingLine('3.50', rules({ shippingMarkup: '1.5' }))).toMatchObject({ grossMinor: 595, netMinor: 484, vatMinor: 111 });
  });

  it('free stays free, and no psychological rounding', () => {
    expect(priceShippingLine('0', rules())).toMatchObject({ grossMinor: 0, netMinor: 0, vatMinor: 0 });
    expect(priceShippingLine('8', rules()).grossMinor).toBe(906); // 7.36 × 1.23 = 9.0528 → 9.06
  });

  it('warns on a stale FX rate when given today, and refuses a bad amount', () => {
    expect(priceShippingLine('3.50', rules({ fx: { date: '2026-01-01' } }), TODAY).warnings.map((w) => w.code)).toEqual(['fx_stale']);
    expect(() => priceShippingLine('-1', rules())).toThrow(MoneyError);
    expect(() => priceShippingLine('3,50', rules())).toThrow(MoneyError);
  });
});
