import { describe, expect, it } from 'vitest';
import { decimalStringSchema, isDecimalString } from '../../src/money/index.js';

describe('isDecimalString', () => {
  it('accepts only plain decimal text', () => {
    expect(['11.85', '11', '0.5', '-2', '00.10'].every(isDecimalString)).toBe(true);
    expect(['1,234.50', '12,99', '.5', '5.', '+5', '1e3', '', ' 1', 11.85, null].some(isDecimalString)).toBe(false);
  });
});

describe('decimalStringSchema', () => {
  it('refuses a number, telling the owner to quote it', () => {
    const result = decimalStringSchema().safeParse(0.92);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/quote it/);
  });

  it('applies bounds and decimals exactly', () => {
    const schema = decimalStringSchema({ greaterThan: '0', max: '100', maxDecimals: 2 });
    expect(schema.parse('0.01')).toBe('0.01');
    expect(schema.parse('100')).toBe('100');
    expect(schema.safeParse('0').success).toBe(false);
    expect(schema.safeParse('100.01').success).toBe(false);
    expect(schema.safeParse('1.001').success).toBe(false);
    expect(schema.safeParse('1,5').success).toBe(false);
    const open = decimalStringSchema({ min: '0', lessThan: '1' });
    expect(open.safeParse('0').success).toBe(true);
    expect(open.safeParse('0.999999').success).toBe(true);
    expect(open.safeParse('1').success).toBe(false);
  });
});
