import { LosslessNumber, parse, stringify } from 'lossless-json';
import { toDecimalString } from './decimal.js';

/**
 * Parses CJ response text without losing digits.
 *
 * CJ sends 18–19 digit ids (cjOrderId, orderId in webhooks, commentId, sometimes openId) as bare JSON
 * numbers; `JSON.parse` silently rounds them (cj-api.md §9.9). Here every number that a JS `number`
 * cannot hold exactly is returned as its original decimal text (a string):
 *  - integers beyond Number.MAX_SAFE_INTEGER → string ("210823100016290555");
 *  - decimals with more than 15 significant digits → string (a double keeps only ~15).
 * Everything else becomes a plain `number`, so schemas only ever see `number | string`.
 */
export function parseCjJson(text: string): unknown {
  return parse(text, null, parseNumber);
}

const INTEGER = /^-?\d+$/;

function parseNumber(raw: string): number | string {
  const n = Number(raw);
  if (INTEGER.test(raw)) return Number.isSafeInteger(n) ? n : raw;
  if (!Number.isFinite(n)) return raw;
  return significantDigits(raw) <= 15 ? n : raw;
}

function significantDigits(raw: string): number {
  const mantissa = raw.replace(/^-/, '').split(/[eE]/)[0] ?? '';
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  return digits.length;
}

/** Marks a decimal string to be written as a bare JSON number with exactly these digits. */
export function jsonDecimal(decimal: string): LosslessNumber {
  return new LosslessNumber(decimal);
}

/** Serialises a request body; `jsonDecimal` values keep their exact digits. */
export function stringifyCjJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('request body is not serialisable to JSON');
  return text;
}

/**
 * A money amount from the caller (decimal string or number) → exact JSON number. Throws naming the
 * field when it is not a plain decimal, so a bad amount never reaches CJ.
 */
export function moneyInput(field: string, value: string | number): LosslessNumber {
  const d = toDecimalString(value);
  if (d === undefined) throw new RangeError(`${field} must be a decimal amount like "11.85", got ${JSON.stringify(value)}`);
  return jsonDecimal(d);
}
