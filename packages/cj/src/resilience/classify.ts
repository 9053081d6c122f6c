import type { EndpointDef } from '../endpoint.js';
import { CjRateLimitedError, CjServerError, CjTransportError, CjUnknownOutcomeError } from '../errors.js';

/**
 * Whether another attempt is safe and useful:
 *  - 429/1600200: CJ refused the request, so resending is safe for any call;
 *  - a transport failure that proves nothing was sent (ECONNREFUSED, DNS, connect timeout): any call;
 *  - for idempotent endpoints only: timeouts, resets, 5xx, non-JSON bodies, 1600000/1600301.
 * Non-idempotent calls never reach the last case: their ambiguous failures are CjUnknownOutcomeError.
 */
export function isRetryable(err: unknown, endpoint: EndpointDef<unknown>): boolean {
  if (err instanceof CjRateLimitedError) return err.kind === 'qps' && endpoint.retryOnRateLimit !== false;
  if (err instanceof CjTransportError) return err.phase === 'not_sent' || endpoint.idempotent;
  if (err instanceof CjServerError) return endpoint.idempotent;
  return false;
}

/** What the circuit breaker counts: CJ unreachable or failing — never business, auth or rate-limit answers. */
export function isBreakerFailure(err: unknown): boolean {
  if (err instanceof CjTransportError || err instanceof CjServerError) return true;
  if (err instanceof CjUnknownOutcomeError) return err.reason !== 'aborted';
  return false;
}
