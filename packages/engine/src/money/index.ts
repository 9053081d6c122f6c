// Money for the engine: integer minor units tagged with a currency, decimal text at the edges,
// big.js (strict) for anything fractional. See each module for the rules it enforces.
export { Dec, DECIMAL_PATTERN, dec, decInt, fractionDigits, isDecimalString, type Decimal } from './decimal.js';
export { roundDecimal, type RoundingMode } from './rounding.js';
export { MoneyError, type MoneyErrorCode } from './money-error.js';
export {
  assertTwoDecimalCurrency,
  isTwoDecimalCurrency,
  SUPPLIER_CURRENCY,
  type CurrencyCode,
  type SupplierCurrency,
} from './currency.js';
export { assertSameCurrency, assertSafeMinor, money, type Money } from './money.js';
export {
  add,
  compare,
  equals,
  isNegative,
  isPositive,
  isZero,
  max,
  min,
  multiplyByInteger,
  negate,
  subtract,
  sum,
} from './arithmetic.js';
export { parseMoney, toDecimal, toMinor, type ParseOptions } from './parse.js';
export { formatMoney, toDecimalString } from './format.js';
export { percentOf, ratioPct, ratioPctExact } from './percent.js';
export { convertDecimal, convertExact, convertMoney, decimalText } from './convert.js';
export { decimalStringSchema, type DecimalSchemaOptions } from './decimal-schema.js';
