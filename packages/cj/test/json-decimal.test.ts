import { describe, expect, it } from 'vitest';
import { parseCjJson, toDecimalString, toNumberRange, toPriceRange } from '../src/index.js';

describe('parseCjJson', () => {
  it('keeps integers beyond 2^53 exact, as strings', () => {
    const v = parseCjJson('{"cjOrderId":210823100016290555,"commentId":1424608189734850560,"small":42}') as Record<string, unknown>;
    expect(v['cjOrderId']).toBe('210823100016290555');
    expect(v['commentId']).toBe('1424608189734850560');
    expect(v['small']).toBe(42);
    // JSON.parse would have rounded it:
    expect(String((JSON.parse('{"a":210823100016290555}') as { a: number }).a)).not.toBe('210823100016290555');
  });

  it('keeps MAX_SAFE_INTEGER as a number and the next integer as text', () => {
    expect(parseCjJson('9007199254740991')).toBe(9007199254740991);
    expect(parseCjJson('9007199254740993')).toBe('9007199254740993');
    expect(parseCjJson('-9007199254740993')).toBe('-9007199254740993');
  });

  it('reads ordinary decimals as numbers and over-precise ones as text', () => {
    expect(parseCjJson('11.85')).toBe(11.85);
    expect(parseCjJson('0.1234567890123456789')).toBe('0.1234567890123456789');
  });

  it('rejects invalid JSON', () => {
    expect(() => parseCjJson('<html>')).toThrow();
  });
});

describe('decimal normalisation', () => {
  it.each([
    ['11.85', '11.85'],
    [11.85, '11.85'],
    [12, '12.00'],
    ['4.5', '4.50'],
    ['0.975', '0.975'],
    ['011.850', '11.85'],
    [' 3 ', '3.00'],
    [1e21, '1000000000000000000000.00'],
    [1e-7, '0.0000001'],
    ['-0.00', '0.00'],
  ])('%j → %s', (input, out) => {
    expect(toDecimalString(input)).toBe(out);
  });

  it.each(['', 'abc', '1,5', '1e5', '.', 'NaN'])('rejects %j', (input) => {
    expect(toDecimalString(input)).toBeUndefined();
  });

  it('parses price ranges and single prices', () => {
    expect(toPriceRange('0.97-4.08')).toEqual({ min: '0.97', max: '4.08' });
    expect(toPriceRange('0.97 -- 4.08')).toEqual({ min: '0.97', max: '4.08' });
    expect(toPriceRange('11.85')).toEqual({ min: '11.85', max: '11.85' });
    expect(toPriceRange(3)).toEqual({ min: '3.00', max: '3.00' });
    expect(toPriceRange('cheap')).toBeUndefined();
  });

  it('parses weights as numbers or ranges', () => {
    expect(toNumberRange('1500.0')).toEqual({ min: 1500, max: 1500 });
    expect(toNumberRange('160.0-220.0')).toEqual({ min: 160, max: 220 });
    expect(toNumberRange(88)).toEqual({ min: 88, max: 88 });
    expect(toNumberRange('heavy')).toBeUndefined();
  });
});
