import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/money/index.js';
import { psychologicalPrice, roundingSchema } from '../../src/pricing/index.js';

const defaults = roundingSchema.parse({});
const point = (raw: string, rounding = defaults) => psychologicalPrice(new Dec(raw), rounding).toFixed(2);

describe('psychologicalPrice (default bands)', () => {
  it.each([
    ['0', '0.99'],
    ['0.01', '0.99'],
    ['0.99', '0.99'],
    ['0.991', '1.99'],
    ['5.5', '5.99'],
    ['9.99', '9.99'],
    ['9.991', '14.99'],
    ['9.995', '14.99'], // the old ceil(raw) − 0.01 gave 9.99 here: below the raw price
    ['10', '14.99'], // the old system gave 9.99
    ['14.99', '14.99'],
    ['14.991', '19.99'],
    ['20', '24.99'],
    ['29.99', '29.99'],
    ['29.991', '39.99'],
    ['30', '39.99'],
    ['49.99', '49.99'],
    ['49.991', '59.99'],
    ['123.45', '129.99'],
  ])('%s → %s', (raw, expected) => {
    expect(point(raw)).toBe(expected);
  });
});

describe('custom bands', () => {
  it('.90 endings with a 10-step band above 20', () => {
    const rounding = roundingSchema.parse({ ending: '0.10', bands: [{ upTo: '20', step: '1' }, { step: '10' }] });
    expect(point('7.2', rounding)).toBe('7.90');
    expect(point('19.90', rounding)).toBe('19.90');
    expect(point('19.91', rounding)).toBe('29.90');
  });

  it('rejects bands that could make prices fall as costs rise', () => {
    expect(roundingSchema.safeParse({ bands: [{ upTo: '12', step: '5' }, { step: '10' }] }).success).toBe(false);
    expect(roundingSchema.safeParse({ bands: [{ upTo: '30', step: '5' }, { upTo: '10', step: '1' }, { step: '10' }] }).success).toBe(false);
    expect(roundingSchema.safeParse({ bands: [{ upTo: '10', step: '1' }] }).success).toBe(false);
    expect(roundingSchema.safeParse({ bands: [{ step: '1' }, { step: '10' }] }).success).toBe(false);
    expect(roundingSchema.safeParse({ ending: '1', bands: [{ step: '1' }] }).success).toBe(false);
  });
});
