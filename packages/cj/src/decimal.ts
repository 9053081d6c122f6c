/**
 * Money is never a float here (DESIGN.md "Money-safety rules"). CJ sends USD amounts sometimes as
 * JSON numbers, sometimes as strings ("11.85"), and product prices sometimes as ranges
 * ("0.97-4.08"). These helpers turn all of them into canonical decimal strings.
 */

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Canonical decimal text: no exponent, no leading zeros, at least two fraction digits
 * ("12" → "12.00", "4.5" → "4.50", "0.975" → "0.975", "011.850" → "11.85").
 * Returns undefined for anything that is not a plain decimal number.
 */
export function toDecimalString(value: number | string): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = numberToPlainString(value);
  } else {
    text = value.trim();
  }
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' ? '-' : '';
  const intPart = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fracRaw = m[3] ?? '';
  if ((m[2] ?? '') === '' && fracRaw === '') return undefined;
  let frac = fracRaw.replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  const isZero = /^0$/.test(intPart) && /^0+$/.test(frac);
  return `${isZero ? '' : sign}${intPart}.${frac}`;
}

/** `String(n)` can produce exponent notation (1e-7, 1e+21); expand it to plain digits. */
function numberToPlainString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mant = '0', expText = '0'] = s.toLowerCase().split('e');
  const exp = Number(expText);
  const negative = mant.startsWith('-');
  const [i = '0', f = ''] = mant.replace('-', '').split('.');
  const digits = i + f;
  const point = i.length + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

/** A price that CJ may give as one value or as "min-max". Both ends are canonical decimal strings. */
export interface PriceRange {
  min: string;
  max: string;
}

const RANGE = /^\s*(\d+(?:\.\d+)?)\s*(?:-{1,2}|~|–)\s*(\d+(?:\.\d+)?)\s*$/;

export function toPriceRange(value: number | string): PriceRange | undefined {
  if (typeof value === 'string') {
    const m = RANGE.exec(value);
    if (m) {
      const min = toDecimalString(m[1] ?? '');
      const max = toDecimalString(m[2] ?? '');
      return min !== undefined && max !== undefined ? { min, max } : undefined;
    }
  }
  const single = toDecimalString(value);
  return single === undefined ? undefined : { min: single, max: single };
}

/** A measurement (grams) that CJ may give as one value or as "min-max" ("160.0-220.0"). */
export interface NumberRange {
  min: number;
  max: number;
}

export function toNumberRange(value: number | string): NumberRange | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { min: value, max: value } : undefined;
  const m = RANGE.exec(value);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  const t = value.trim();
  if (t === '' || !/^[+-]?\d*(?:\.\d+)?$/.test(t) || !/\d/.test(t)) return undefined;
  const n = Number(t);
  return { min: n, max: n };
}
