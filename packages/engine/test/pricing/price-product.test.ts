import { describe, expect, it } from 'vitest';
import { money, toDecimalString } from '../../src/money/index.js';
import { priceProduct, type PriceResult } from '../../src/pricing/index.js';
import { rules, TODAY } from './fixtures.js';

function ok(result: PriceResult) {
  if (!result.ok) throw new Error(`expected a price, got ${result.rejection.code}: ${result.rejection.reason}`);
  return result;
}

describe('priceProduct — worked examples', () => {
  // cost + ship (USD) × fx → landed (rounded up) × markup × (1+VAT) → raw → price point → gross;
  // net = gross ÷ (1+VAT) half-even; VAT = gross − net; margin = net − landed; % = margin ÷ net (1 dp, truncated).
  // Each row was checked by hand; see packages/engine/src/pricing/README.md.
  it.each([
    // cost,  ship,  fx,    vat,    markup, landed, raw,        gross, net,  vat, margin, pct
    ['1', '0', '0.92', '0.23', '2.5', 92, '2.829', 299, 243, 56, 151, '62.1'],
    ['0.5', '0', '0.92', '0.23', '2.5', 46, '1.4145', 199, 162, 37, 116, '71.6'],
    ['2', '1.5', '0.92', '0.23', '2.5', 322, '9.9015', 999, 812, 187, 490, '60.3'],
    ['5', '0', '0.92', '0.23', '2.5', 460, '14.145', 1499, 1219, 280, 759, '62.2'],
    ['7', '2', '0.92', '0.23', '2.5', 828, '25.461', 2999, 2438, 561, 1610, '66.0'],
    ['10', '3', '0.92', '0.23', '2.5', 1196, '36.777', 3999, 3251, 748, 2055, '63.2'],
    ['11.85', '2.37', '0.92', '0.23', '2.5', 1309, '40.25175', 4999, 4064, 935, 2755, '67.7'],
    ['3.2', '1.15', '0.95', '0.23', '2.5', 414, '12.7305', 1499, 1219, 280, 805, '66.0'],
    ['6.4', '2.1', '0.92', '0.06', '2', 782, '16.5784', 1999, 1886, 113, 1104, '58.5'],
    ['8', '0', '0.92', '0', '3', 736, '22.08', 2499, 2499, 0, 1763, '70.5'],
    ['2.5', '4.1', '0.88', '0.21', '2.2', 581, '15.46622', 1999, 1652, 347, 1071, '64.8'],
    ['10.59', '0', '0.92', '0.23', '1.5', 975, '17.98875', 1999, 1625, 374, 650, '40.0'],
  ] as const)(
    'cost %s + ship %s at fx %s, VAT %s, markup %s',
    (costUsd, shippingUsd, rate, vatRate, markup, landed, raw, gross, net, vat, margin, pct) => {
      const result = ok(priceProduct({ costUsd, shippingUsd }, rules({ fx: { rate }, vatRate, markup }), TODAY));
      expect(result).toEqual({
        ok: true,
        landedMinor: landed,
        rawGross: raw,
        grossMinor: gross,
        netMinor: net,
        vatMinor: vat,
        marginMinor: margin,
        marginPct: pct,
        currency: 'EUR',
        fxRate: rate,
        fxDate: '2026-10-20',
        warnings: [],
      });
      expect(result.netMinor + result.vatMinor).toBe(result.grossMinor);
      expect(result.landedMinor + result.marginMinor).toBe(result.netMinor);
    },
  );

  it('rounds the landed cost up: 10.59 USD × 0.92 = 9.7428 → 9.75, never 9.74', () => {
    expect(ok(priceProduct({ costUsd: '10.59', shippingUsd: '0' }, rules(), TODAY)).landedMinor).toBe(975);
  });
});

describe('priceProduct — rounding edges', () => {
  // fx 1, no VAT, markup 1 and no floor: raw = landed = cost, so the edge is the price point itself.
  const flat = (markup = '1') => rules({ fx: { rate: '1' }, vatRate: '0', markup, minMarginPct: '0', retailCap: null });
  const gross = (costUsd: string, markup?: string) =>
    ok(priceProduct({ costUsd, shippingUsd: '0' }, flat(markup), TODAY)).grossMinor;

  it.each([
    ['9.99', 999], // exactly on a step stays
    ['10', 1499], // the old system gave 9.99 here (ceil(10) − 0.01 in the < 30 band → 9.99)
    ['10.01', 1499],
    ['14.99', 1499],
    ['15', 1999],
    ['29.99', 2999],
    ['30', 3999],
    ['0.01', 99],
    ['1', 199],
  ])('raw %s → %i', (cost, expected) => {
    expect(gross(cost)).toBe(expected);
  });

  it('raw just above a step (9.990999) goes to the next step, never down', () => {
    expect(gross('9.99', '1.0001')).toBe(1499);
  });

  it('the gross price is never below the raw price', () => {
    for (const cents of [1, 99, 100, 999, 1000, 1499, 1500, 2999, 3000, 4999, 5000, 12345]) {
      expect(gross(toDecimalString(money('USD', cents)))).toBeGreaterThanOrEqual(cents);
    }
  });
});

describe('priceProduct — retail cap', () => {
  const flat = (retailCap?: string | null) =>
    rules({ fx: { rate: '1' }, vatRate: '0', markup: '1', minMarginPct: '0', ...(retailCap === undefined ? {} : { retailCap }) });

  it('accepts a price exactly at the cap (49.99) and rejects the next step (59.99)', () => {
    expect(ok(priceProduct({ costUsd: '49.99', shippingUsd: '0' }, flat(), TODAY)).grossMinor).toBe(4999);
    const over = priceProduct({ costUsd: '49.991', shippingUsd: '0' }, flat(), TODAY);
    expect(over.ok).toBe(false);
    if (over.ok) return;
    expect(over.rejection).toMatchObject({ gate: 'price', code: 'above_retail_cap' });
    expect(over.rejection.reason).toContain('59.99 EUR is above the retail cap 49.99 EUR');
  });

  it('with the defaults, the old "12 + 6 → 49.99" product now costs 59.99 VAT included and is rejected', () => {
    const result = priceProduct({ costUsd: '12', shippingUsd: '6' }, rules(), TODAY);
    expect(result.ok ? result.grossMinor : result.rejection.code).toBe('above_retail_cap');
  });

  it('with the defaults, cost + shipping of 17.66 USD is the last that fits under 49.99', () => {
    // 17.66 × 0.92 = 16.2472 → 16.25 → raw 49.96875 → 49.99; 17.67 → 16.26 → raw 49.9995 → 59.99
    expect(ok(priceProduct({ costUsd: '15.66', shippingUsd: '2.00' }, rules(), TODAY)).grossMinor).toBe(4999);
    const over = priceProduct({ costUsd: '15.67', shippingUsd: '2.00' }, rules(), TODAY);
    expect(over.ok ? over.grossMinor : over.rejection.code).toBe('above_retail_cap');
  });

  it('a null cap disables the check', () => {
    expect(ok(priceProduct({ costUsd: '50', shippingUsd: '0' }, flat(null), TODAY)).grossMinor).toBe(5999);
  });
});

describe('priceProduct — margin floor', () => {
  const lowMarkup = rules({ markup: '1.5' });

  it('passes at exactly 40.0% (margin 6.50 of net 16.25)', () => {
    const result = ok(priceProduct({ costUsd: '10.59', shippingUsd: '0' }, lowMarkup, TODAY));
    expect([result.marginMinor, result.netMinor, result.marginPct]).toEqual([650, 1625, '40.0']);
  });

  it('rejects one cent of cost more (margin 6.49 of 16.25 = 39.9%)', () => {
    const result = priceProduct({ costUsd: '10.60', shippingUsd: '0' }, lowMarkup, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe('below_margin_floor');
    expect(result.rejection.reason).toContain('margin 39.9% (6.49 EUR of net 16.25 EUR, gross 19.99 EUR) is below the 40% floor');
    expect(result.rejection.reason).toContain('landed 9.76 EUR');
  });

  it('tests the exact ratio, not the rounded display', () => {
    // 40.0% exactly fails a 40.01% floor although both print as "40.0".
    const result = priceProduct({ costUsd: '10.59', shippingUsd: '0' }, rules({ markup: '1.5', minMarginPct: '40.01' }), TODAY);
    expect(result.ok ? 'ok' : result.rejection.code).toBe('below_margin_floor');
  });

  it('a markup below 1 sells at a loss and is rejected with a negative margin in the reason', () => {
    const result = priceProduct({ costUsd: '10', shippingUsd: '0' }, rules({ markup: '0.5' }), TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.reason).toMatch(/margin -\d+\.\d%/);
  });
});

describe('priceProduct — input checks', () => {
  it.each(['0', '0.00', '-1', 'abc', '1,50', ''])('cost %j → invalid_cost', (costUsd) => {
    const result = priceProduct({ costUsd, shippingUsd: '1' }, rules(), TODAY);
    expect(result.ok ? 'ok' : result.rejection).toMatchObject({ gate: 'price', code: 'invalid_cost' });
  });

  it.each(['-0.01', '', 'unknown'])('shipping %j → invalid_shipping (never free)', (shippingUsd) => {
    const result = priceProduct({ costUsd: '5', shippingUsd }, rules(), TODAY);
    expect(result.ok ? 'ok' : result.rejection.code).toBe('invalid_shipping');
  });

  it('a quoted shipping of 0 is a known free route and is accepted', () => {
    expect(priceProduct({ costUsd: '5', shippingUsd: '0' }, rules(), TODAY).ok).toBe(true);
  });

  it('accepts supplier prices with more than two decimals exactly', () => {
    // (4.005 + 0) × 0.92 = 3.6846 → landed 3.69
    expect(ok(priceProduct({ costUsd: '4.005', shippingUsd: '0' }, rules(), TODAY)).landedMinor).toBe(369);
  });
});

describe('priceProduct — FX age', () => {
  const at = (date: string, maxAgeDays?: number) =>
    ok(priceProduct({ costUsd: '5', shippingUsd: '1' }, rules({ fx: { date, ...(maxAgeDays ? { maxAgeDays } : {}) } }), TODAY)).warnings;

  it('a rate 30 days old is fine, 31 days old is stale (a warning, still priced)', () => {
    expect(at('2026-10-02')).toEqual([]);
    const warnings = at('2026-10-01');
    expect(warnings.map((w) => w.code)).toEqual(['fx_stale']);
    expect(warnings[0]?.message).toContain('31 days before 2026-11-01 (max 30)');
  });

  it('honours maxAgeDays and flags a rate dated in the future', () => {
    expect(at('2026-10-24', 7).map((w) => w.code)).toEqual(['fx_stale']);
    expect(at('2026-10-25', 7)).toEqual([]);
    expect(at('2026-11-02').map((w) => w.code)).toEqual(['fx_date_in_future']);
  });
});
