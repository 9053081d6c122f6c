// One error type for every payment failure, with a code the order side can act on. The two flags
// matter more than the message: `retryable` says whether calling again can help, `outcomeUnknown`
// says the provider may have acted (so the retry must reuse the same order/attempt, which the
// idempotency key turns into "return what was created").

export type PaymentErrorCode =
  /** The PaymentStartInput is wrong (a bug on our side): bad amounts, totals that do not add up. */
  | 'invalid_input'
  /** The store's payment configuration or secrets cannot work. */
  | 'misconfigured'
  /** The provider refused the request as invalid (4xx other than auth / rate limit). */
  | 'rejected'
  /** The provider refused our credentials (wrong or revoked secret key). */
  | 'authentication'
  /** The same idempotency key was used with different parameters. */
  | 'idempotency_conflict'
  | 'rate_limited'
  /** Network failure, timeout or 5xx: the provider may or may not have acted. */
  | 'unavailable'
  /** The caller aborted; the request may still complete at the provider. */
  | 'aborted'
  /** The provider answered something we cannot use (no session URL, a total that differs). */
  | 'bad_response';

const RETRYABLE: ReadonlySet<PaymentErrorCode> = new Set(['rate_limited', 'unavailable', 'aborted']);
const OUTCOME_UNKNOWN: ReadonlySet<PaymentErrorCode> = new Set(['unavailable', 'aborted']);

export class PaymentError extends Error {
  override readonly name = 'PaymentError';
  readonly retryable: boolean;
  readonly outcomeUnknown: boolean;
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;

  constructor(
    readonly code: PaymentErrorCode,
    message: string,
    opts: { cause?: unknown; statusCode?: number; requestId?: string } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.retryable = RETRYABLE.has(code);
    this.outcomeUnknown = OUTCOME_UNKNOWN.has(code);
    this.statusCode = opts.statusCode;
    this.requestId = opts.requestId;
  }
}
