import { describe, expect, it } from 'vitest';
import { pricingRulesSchema } from '../../src/pricing/index.js';

describe('pricingRulesSchema', () => {
  it('fills every default around a dated FX rate', () => {
    expect(pricingRulesSchema.parse({ fx: { date: '2026-10-20' } })).toEqual({
      currency: 'EUR',
      fx: { rate: '0.92', date: '2026-10-20', maxAgeDays: 30 },
      vatRate: '0.23',
      markup: '2.5',
      minMarginPct: '40',
      rounding: {
        ending: '0.01',
        bands: [
          { upTo: '10', step: '1' },
          { upTo: '30', step: '5' },
          { step: '10' },
        ],
      },
      retailCap: '49.99',
      shippingMarkup: '1',
    });
  });

  it('requires the FX date, and a real one', () => {
    const missing = pricingRulesSchema.safeParse({});
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(['fx']);
    const noDate = pricingRulesSchema.safeParse({ fx: { rate: '0.92' } });
    expect(noDate.error?.issues[0]?.path).toEqual(['fx', 'date']);
    expect(pricingRulesSchema.safeParse({ fx: { date: '2026-02-30' } }).success).toBe(false);
    expect(pricingRulesSchema.safeParse({ fx: { date: '20/10/2026' } }).success).toBe(false);
  });

  it.each([
    [{ markup: 2.5 }, ['markup']],
    [{ vatRate: '1' }, ['vatRate']],
    [{ vatRate: '-0.1' }, ['vatRate']],
    [{ minMarginPct: '100' }, ['minMarginPct']],
    [{ retailCap: '49.999' }, ['retailCap']],
    [{ currency: 'JPY' }, ['currency']],
    [{ fx: { date: '2026-10-20', rate: '0' } }, ['fx', 'rate']],
    [{ markUp: '2' }, []],
  ])('rejects %j', (input, path) => {
    const result = pricingRulesSchema.safeParse({ fx: { date: '2026-10-20' }, ...input });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('accepts no cap', () => {
    expect(pricingRulesSchema.parse({ fx: { date: '2026-10-20' }, retailCap: null }).retailCap).toBeNull();
  });
});
