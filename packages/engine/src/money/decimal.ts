// The one place money meets big.js. Every decimal computation in the engine goes through `Dec`, a
// private big.js constructor in strict mode: `new Dec(0.1)` throws, so a JS float can never slip into
// a money computation unnoticed (strict mode also makes toNumber() throw when it would lose digits).
// A private constructor (Big() with no argument) keeps these settings away from any other code that
// imports big.js and changes its global DP/RM.
import Big from 'big.js';

export const Dec = Big();
Dec.strict = true;
// Divisions (net = gross ÷ 1.23, margin ÷ net) keep 30 places before the explicit final rounding;
// every result the engine stores is rounded again with a documented mode, so this only guards the
// intermediate value.
Dec.DP = 30;
Dec.RM = Big.roundHalfEven;

export type Decimal = Big;

/** A decimal amount as text: optional "-", digits, optional "." and digits. No exponent, no "+". */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** True for "11.85", "11.8", "11", "0.50", "-2"; false for "1,234.50", "12,99", ".5", "5.", "1e3", " 5". */
export function isDecimalString(text: unknown): text is string {
  return typeof text === 'string' && DECIMAL_PATTERN.test(text);
}

/** Parses a decimal string into a Dec, or throws a RangeError naming the bad text. */
export function dec(text: string): Decimal {
  if (!isDecimalString(text)) {
    throw new RangeError(`not a decimal string: ${JSON.stringify(text)} (expected e.g. "11.85")`);
  }
  return new Dec(text);
}

/** A Dec from a safe integer (minor units, counts); refuses anything else so no float gets in. */
export function decInt(value: number): Decimal {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${String(value)}`);
  return new Dec(String(value));
}

/** Number of digits after the point in a decimal string ("11.850" → 3, "11" → 0). */
export function fractionDigits(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}
