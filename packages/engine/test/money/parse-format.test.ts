import { describe, expect, it } from 'vitest';
import {
  add,
  formatMoney,
  money,
  MoneyError,
  parseMoney,
  sum,
  toDecimal,
  toDecimalString,
  toMinor,
  Dec,
} from '../../src/money/index.js';

const spaces = (text: string) => text.replace(/\s/g, ' '); // Intl uses U+00A0 / U+202F

describe('parseMoney', () => {
  it.each([
    ['11.85', 1185],
    ['11.8', 1180],
    ['11', 1100],
    ['0.5', 50],
    ['0.05', 5],
    ['0', 0],
    ['-3.20', -320],
    ['007.10', 710],
    // Classic float traps: 1.15 * 100 = 114.99999999999999 and 4.35 * 100 = 434.99999999999994 in JS.
    ['1.15', 115],
    ['4.35', 435],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%s → %i minor units', (text, minor) => {
    expect(parseMoney(text, 'EUR')).toEqual({ currency: 'EUR', minor });
  });

  it('turns "-0" into 0, not -0', () => {
    expect(Object.is(parseMoney('-0.00', 'EUR').minor, 0)).toBe(true);
  });

  it.each(['1,234.50', '12,99', '.5', '5.', '+5', '1e3', ' 5', '5 ', '', 'abc', 'NaN', 'Infinity', '1.2.3', '--1'])(
    'rejects %j',
    (text) => {
      expect(() => parseMoney(text, 'EUR')).toThrow(MoneyError);
      try {
        parseMoney(text, 'EUR');
      } catch (err) {
        expect((err as MoneyError).code).toBe('invalid_amount');
      }
    },
  );

  it('refuses more than two decimals unless a rounding mode is named', () => {
    expect(() => parseMoney('3.456', 'USD')).toThrow(/more than 2 decimals/);
    expect(parseMoney('3.455', 'USD', { rounding: 'half-up' }).minor).toBe(346);
    expect(parseMoney('3.455', 'USD', { rounding: 'half-even' }).minor).toBe(346);
    expect(parseMoney('3.445', 'USD', { rounding: 'half-even' }).minor).toBe(344);
    expect(parseMoney('3.445', 'USD', { rounding: 'half-up' }).minor).toBe(345);
    expect(parseMoney('3.459', 'USD', { rounding: 'down' }).minor).toBe(345);
    expect(parseMoney('3.451', 'USD', { rounding: 'up' }).minor).toBe(346);
    // 1.005 is 1.00499999999999989… as a float, so Math.round(1.005 * 100) gives 100; decimal gives 101.
    expect(parseMoney('1.005', 'USD', { rounding: 'half-up' }).minor).toBe(101);
  });

  it('refuses amounts beyond safe integers instead of losing cents', () => {
    expect(() => parseMoney('90071992547409.92', 'EUR')).toThrow(/too large/);
  });
});

describe('toDecimalString / toDecimal / toMinor', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [-12345, '-123.45'],
    [123456789, '1234567.89'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i → %s and back', (minor, text) => {
    const amount = money('EUR', minor);
    expect(toDecimalString(amount)).toBe(text);
    expect(parseMoney(text, 'EUR')).toEqual(amount);
    expect(toDecimal(amount).toFixed(2)).toBe(text);
  });

  it('rounds an exact decimal with the named mode', () => {
    expect(toMinor(new Dec('10.902'), 'EUR', 'half-even').minor).toBe(1090);
    expect(toMinor(new Dec('10.902'), 'EUR', 'up').minor).toBe(1091);
    expect(toMinor(new Dec('10.905'), 'EUR', 'half-even').minor).toBe(1090);
    expect(toMinor(new Dec('10.915'), 'EUR', 'half-even').minor).toBe(1092);
  });
});

describe('no float on the way', () => {
  it('0.1 + 0.2 is exactly 0.30', () => {
    const total = add(parseMoney('0.1', 'EUR'), parseMoney('0.2', 'EUR'));
    expect(toDecimalString(total)).toBe('0.30');
    expect(total).toEqual(parseMoney('0.3', 'EUR'));
  });

  it('ten times 0.10 is exactly 1.00', () => {
    const dimes = Array.from({ length: 10 }, () => parseMoney('0.10', 'EUR'));
    expect(toDecimalString(sum('EUR', dimes))).toBe('1.00');
  });

  it('the strict decimal type refuses JS numbers outright', () => {
    expect(() => new Dec(0.1 as unknown as string)).toThrow();
    expect(() => new Dec('1').times(3 as unknown as string)).toThrow();
  });
});

describe('formatMoney', () => {
  it.each([
    [1299, 'pt-PT', '12,99 €'],
    [5, 'pt-PT', '0,05 €'],
    [100, 'pt-PT', '1,00 €'],
    [123456, 'pt-PT', '1234,56 €'],
    [12345678, 'pt-PT', '123 456,78 €'],
    [-450, 'pt-PT', '-4,50 €'],
    [1299, 'en-US', '€12.99'],
    [Number.MAX_SAFE_INTEGER, 'pt-PT', '90 071 992 547 409,91 €'],
  ])('%i in %s → %s', (minor, locale, shown) => {
    expect(spaces(formatMoney(money('EUR', minor), locale))).toBe(shown);
  });

  it('formats USD too', () => {
    expect(formatMoney(money('USD', 1185), 'en-US')).toBe('$11.85');
  });
});
