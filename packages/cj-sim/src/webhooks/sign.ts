// The `sign` header of CJ webhooks (cj-api.md §8): Base64 (standard, padded) of
// HMAC-SHA256 over the raw body bytes, keyed with the string form of the account's openId.
import { createHmac } from 'node:crypto';

export function webhookSignature(rawBody: string | Buffer, openId: string | number | bigint): string {
  return createHmac('sha256', String(openId)).update(rawBody).digest('base64');
}
