// Translates the SDK's errors into PaymentError codes. Matching is on the SDK's `type` string and
// the HTTP status rather than `instanceof`, which breaks when two copies of the SDK are loaded.
import { PaymentError } from './payment-error.js';

interface StripeLikeError {
  type: string;
  message: string;
  statusCode?: number;
  requestId?: string;
  code?: string;
}

function isStripeError(err: unknown): err is StripeLikeError {
  if (!(err instanceof Error)) return false;
  const type: unknown = (err as Error & { type?: unknown }).type;
  return typeof type === 'string' && type.startsWith('Stripe');
}

export function mapStripeError(err: unknown, what: string): PaymentError {
  if (err instanceof PaymentError) return err;
  if (!isStripeError(err)) {
    // Not from the SDK (a bug, or a crash inside the HTTP stack): treat as unknown, so a retry is safe.
    return new PaymentError('unavailable', `${what}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const opts = { cause: err, statusCode: err.statusCode, requestId: err.requestId };
  const detail = `${what}: Stripe ${err.statusCode ?? 'no response'}${err.code ? ` ${err.code}` : ''}: ${err.message}`;
  switch (err.type) {
    case 'StripeAuthenticationError':
      return new PaymentError('authentication', `${detail} (check the store's stripeSecretKey)`, opts);
    case 'StripePermissionError':
      return new PaymentError('authentication', `${detail} (the key lacks permission; a restricted key needs Checkout Sessions write)`, opts);
    case 'StripeIdempotencyError':
      return new PaymentError('idempotency_conflict', detail, opts);
    case 'StripeRateLimitError':
      return new PaymentError('rate_limited', detail, opts);
    case 'StripeConnectionError':
      return new PaymentError('unavailable', detail, opts);
    case 'StripeInvalidRequestError':
    case 'StripeCardError':
      return new PaymentError('rejected', detail, opts);
    default:
      // StripeAPIError and anything newer: 5xx or an unreadable answer; Stripe may have acted.
      return new PaymentError(
        err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? 'rejected' : 'unavailable',
        detail,
        opts,
      );
  }
}
