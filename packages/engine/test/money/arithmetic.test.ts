import { describe, expect, it } from 'vitest';
import {
  add,
  assertTwoDecimalCurrency,
  compare,
  convertDecimal,
  convertExact,
  convertMoney,
  equals,
  isNegative,
  isPositive,
  isZero,
  max,
  min,
  money,
  MoneyError,
  multiplyByInteger,
  negate,
  parseMoney,
  percentOf,
  ratioPct,
  subtract,
  sum,
  type Money,
} from '../../src/money/index.js';

const eur = (text: string) => parseMoney(text, 'EUR');
const usd = (text: string) => parseMoney(text, 'USD');

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof MoneyError ? err.code : `not a MoneyError: ${String(err)}`;
  }
  return undefined;
}

describe('money()', () => {
  it('accepts 2-decimal currencies and safe integers only', () => {
    expect(money('EUR', 1299)).toEqual({ currency: 'EUR', minor: 1299 });
    expect(code(() => money('EUR', 12.99))).toBe('unsafe_integer');
    expect(code(() => money('EUR', Number.NaN))).toBe('unsafe_integer');
    expect(code(() => money('EUR', Number.MAX_SAFE_INTEGER + 1))).toBe('unsafe_integer');
    expect(code(() => money('JPY', 100))).toBe('unsupported_currency'); // 0 decimals
    expect(code(() => money('BHD', 100))).toBe('unsupported_currency'); // 3 decimals
    expect(code(() => money('eur', 100))).toBe('unsupported_currency');
    expect(code(() => assertTwoDecimalCurrency('XYZ1'))).toBe('unsupported_currency');
  });

  it('is frozen', () => {
    const amount = money('EUR', 1) as { minor: number };
    expect(() => {
      amount.minor = 2;
    }).toThrow(TypeError);
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies by an integer and compares exactly', () => {
    expect(add(eur('12.99'), eur('0.01'))).toEqual(eur('13.00'));
    expect(subtract(eur('12.99'), eur('13.00'))).toEqual(eur('-0.01'));
    expect(multiplyByInteger(eur('12.99'), 3)).toEqual(eur('38.97'));
    expect(negate(eur('1.50'))).toEqual(eur('-1.50'));
    expect(compare(eur('9.99'), eur('10.00'))).toBe(-1);
    expect(compare(eur('10.00'), eur('10'))).toBe(0);
    expect(equals(eur('10.00'), eur('10'))).toBe(true);
    expect(min(eur('2'), eur('1'))).toEqual(eur('1'));
    expect(max(eur('2'), eur('1'))).toEqual(eur('2'));
    expect(sum('EUR', [])).toEqual(eur('0'));
    expect([isZero(eur('0')), isNegative(eur('-0.01')), isPositive(eur('0.01'))]).toEqual([true, true, true]);
  });

  it('refuses a fractional multiplier (that is a percentage or a conversion)', () => {
    expect(code(() => multiplyByInteger(eur('1'), 1.5))).toBe('invalid_amount');
  });

  it('refuses results outside safe integers', () => {
    const big = money('EUR', Number.MAX_SAFE_INTEGER);
    expect(code(() => add(big, eur('0.01')))).toBe('unsafe_integer');
    expect(code(() => multiplyByInteger(big, 2))).toBe('unsafe_integer');
  });

  it('refuses to mix currencies at run time', () => {
    // Currencies read from config are plain strings, so only the run-time check can catch these.
    const cost: Money = usd('11.85');
    const price: Money = eur('12.99');
    expect(code(() => add(price, cost))).toBe('currency_mismatch');
    expect(code(() => subtract(price, cost))).toBe('currency_mismatch');
    expect(code(() => compare(price, cost))).toBe('currency_mismatch');
    expect(code(() => sum(price.currency, [price, cost]))).toBe('currency_mismatch');
  });

  it('refuses to mix literal currencies at compile time', () => {
    const cost = usd('11.85');
    const price = eur('12.99');
    // The directives below fail `tsc` if the compiler ever stops catching the mix.
    // @ts-expect-error USD cannot be added to EUR
    expect(code(() => add(price, cost))).toBe('currency_mismatch');
    // @ts-expect-error nor compared with it
    expect(code(() => compare(cost, price))).toBe('currency_mismatch');
  });
});

describe('percentages', () => {
  it('percentOf rounds with the named mode', () => {
    expect(percentOf(eur('10.00'), '23', 'half-up')).toEqual(eur('2.30'));
    expect(percentOf(eur('0.05'), '50', 'half-up')).toEqual(eur('0.03'));
    expect(percentOf(eur('0.05'), '50', 'half-even')).toEqual(eur('0.02'));
    expect(percentOf(eur('0.07'), '50', 'half-even')).toEqual(eur('0.04'));
    expect(percentOf(eur('0.05'), '50', 'down')).toEqual(eur('0.02'));
    expect(percentOf(eur('0.05'), '50', 'up')).toEqual(eur('0.03'));
    expect(percentOf(eur('19.99'), '12.5', 'half-up')).toEqual(eur('2.50'));
  });

  it('ratioPct gives a fixed-decimal string', () => {
    expect(ratioPct(eur('7.59'), eur('12.19'), 1, 'down')).toBe('62.2');
    expect(ratioPct(eur('7.59'), eur('12.19'), 2, 'half-up')).toBe('62.26');
    expect(ratioPct(eur('6.50'), eur('16.25'), 1, 'down')).toBe('40.0');
    expect(code(() => ratioPct(eur('1'), eur('0'), 1, 'down'))).toBe('invalid_amount');
  });
});

describe('conversion', () => {
  it('converts a decimal string through a decimal rate, rounding once', () => {
    expect(convertDecimal('11.85', '0.92', 'EUR', 'half-even')).toEqual(eur('10.90')); // 10.902
    expect(convertDecimal('11.85', '0.92', 'EUR', 'up')).toEqual(eur('10.91'));
    expect(convertDecimal('0.10', '3', 'EUR', 'half-even')).toEqual(eur('0.30'));
    expect(convertExact('11.85', '0.92').toFixed()).toBe('10.902');
    expect(convertMoney(usd('100.00'), '0.923456', 'EUR', 'half-up')).toEqual(eur('92.35'));
  });

  it('refuses a non-positive rate, a same-currency conversion and float-ish text', () => {
    expect(code(() => convertDecimal('1', '0', 'EUR', 'up'))).toBe('invalid_amount');
    expect(code(() => convertDecimal('1', '-0.92', 'EUR', 'up'))).toBe('invalid_amount');
    expect(code(() => convertMoney(eur('1'), '1', 'EUR', 'up'))).toBe('currency_mismatch');
    expect(() => convertDecimal('1e2', '0.92', 'EUR', 'up')).toThrow(RangeError);
  });
});
