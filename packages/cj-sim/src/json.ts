// JSON in and out, big-integer safe.
//
// CJ emits some ids (cjOrderId in webhooks, commentId, openId) as bare 18–19-digit JSON numbers,
// beyond 2^53. JavaScript's JSON.stringify cannot write them, so responses are serialised with
// lossless-json: a LosslessNumber is written verbatim. Money is written the same way ("12.30"
// stays 12.30, never 12.3) because CJ returns BigDecimal(18,2) values as numbers.
import { LosslessNumber, isSafeNumber, parse, stringify } from 'lossless-json';
import { formatCents } from './money.js';

/** A number written verbatim into JSON (ids, money). */
export function rawNumber(digits: string | number): LosslessNumber {
  return new LosslessNumber(String(digits));
}

/** Money as a bare JSON number with exactly two decimals, e.g. 4.25. */
export function moneyNumber(cents: number): LosslessNumber {
  return new LosslessNumber(formatCents(cents));
}

/** Serialises a response body; LosslessNumber values are emitted as bare numbers. */
export function toJson(value: unknown): string {
  return stringify(value) ?? 'null';
}

/**
 * Parses a request body. Safe numbers become numbers; integers too big for a double stay strings,
 * so an id sent as a bare number (210823100016290555) still matches the string id we stored.
 */
export function parseJson(text: string): unknown {
  return parse(text, null, (digits: string) => (isSafeNumber(digits) ? Number(digits) : digits));
}
