import { createHmac, timingSafeEqual } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Base64 (standard, padded) HMAC-SHA256 of the raw body, keyed with String(openId) — CJ's `sign` header. */
export function computeWebhookSignature(rawBody: string | Uint8Array, openId: string | number | bigint): string {
  return createHmac('sha256', String(openId)).update(rawBody).digest('base64');
}

/**
 * Checks CJ's `sign` header (cj-api.md §8): HMAC-SHA256 over the raw request bytes — never a
 * re-serialised body — with the key String(openId), Base64-encoded. Constant-time comparison.
 * Returns false for a missing or malformed header. Pass openId as a string: a Long beyond 2^53
 * cannot be a JS number without losing digits.
 */
export function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  signHeader: string | readonly string[] | null | undefined,
  openId: string | number | bigint,
): boolean {
  const header = Array.isArray(signHeader) ? signHeader[0] : signHeader;
  if (typeof header !== 'string') return false;
  const given = header.trim();
  if (!BASE64.test(given)) return false;
  const expected = createHmac('sha256', String(openId)).update(rawBody).digest();
  const actual = Buffer.from(given, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
