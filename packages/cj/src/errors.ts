/**
 * Typed failures. Every error the client throws (except the caller's own AbortSignal reason) is a
 * CjError, so callers can branch with `instanceof` and never on message text (CJ says messages
 * change; cj-api.md §3).
 */

export interface CjErrorInit {
  message: string;
  /** Endpoint path, e.g. "/shopping/order/createOrderV2". */
  endpoint: string;
  code?: number | undefined;
  requestId?: string | undefined;
  httpStatus?: number | undefined;
  cause?: unknown;
}

export class CjError extends Error {
  override name = 'CjError';
  readonly endpoint: string;
  /** CJ's numeric code from the envelope, when there was one. */
  readonly code: number | undefined;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;

  constructor(init: CjErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.endpoint = init.endpoint;
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
  }
}

/**
 * Token or credential problem. `reauthenticate` is true only for the codes that mean "this token is
 * no longer good" (1600001/1600002/1600003/1600030): the client then re-authenticates and retries
 * the call once. Wrong API key, unknown user, etc. are not retried.
 */
export class CjAuthError extends CjError {
  override name = 'CjAuthError';
  readonly reauthenticate: boolean;
  constructor(init: CjErrorInit & { reauthenticate?: boolean }) {
    super(init);
    this.reauthenticate = init.reauthenticate ?? false;
  }
}

/**
 * A new getAccessToken is needed but one was made less than 5 minutes ago (persisted in the token
 * store, so this holds across restarts) — or refreshAccessToken's 5/min budget is spent. The client
 * does not call CJ; retry after `retryAfterMs`.
 */
export class CjAuthCooldownError extends CjAuthError {
  override name = 'CjAuthCooldownError';
  readonly retryAfterMs: number;
  constructor(init: CjErrorInit & { retryAfterMs: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

export type RateLimitKind = 'qps' | 'quota' | 'points';

/** HTTP 429 / 1600200 (qps), 1600201 (quota used up), 16900500 (points exhausted). */
export class CjRateLimitedError extends CjError {
  override name = 'CjRateLimitedError';
  readonly kind: RateLimitKind;
  constructor(init: CjErrorInit & { kind: RateLimitKind }) {
    super(init);
    this.kind = init.kind;
  }
}

/** CJ rejected the request's parameters or shape (1600300, 1600100 as docs use it, 169002xx, 16900403). */
export class CjValidationError extends CjError {
  override name = 'CjValidationError';
}

/** CJ processed the request and refused it for a business reason; `code` says which. */
export class CjBusinessError extends CjError {
  override name = 'CjBusinessError';
}

/** 1603003: this orderNumber already exists at CJ. Look it up instead of creating it. */
export class CjDuplicateOrderError extends CjBusinessError {
  override name = 'CjDuplicateOrderError';
}

/** 1604000: the CJ balance does not cover the amount. */
export class CjInsufficientBalanceError extends CjBusinessError {
  override name = 'CjInsufficientBalanceError';
}

/** 1605000/1605001: logisticName is not one freightCalculate offers for the route. */
export class CjInvalidLogisticError extends CjBusinessError {
  override name = 'CjInvalidLogisticError';
}

/** Product/variant/order/warehouse not found, or product/variant removed from shelves. */
export class CjNotFoundError extends CjBusinessError {
  override name = 'CjNotFoundError';
}

export type TransportPhase = 'not_sent' | 'maybe_sent';

/**
 * The HTTP exchange failed. `phase: 'not_sent'` means the connection was never established
 * (ECONNREFUSED, ENOTFOUND, EAI_AGAIN, connect timeout): CJ cannot have seen the request.
 * For non-idempotent calls a `maybe_sent` failure is never surfaced as this class — it becomes
 * CjUnknownOutcomeError.
 */
export class CjTransportError extends CjError {
  override name = 'CjTransportError';
  readonly phase: TransportPhase;
  /** Low-level error code (ECONNREFUSED, UND_ERR_SOCKET, TIMEOUT…). */
  readonly transportCode: string | undefined;
  constructor(init: CjErrorInit & { phase: TransportPhase; transportCode?: string | undefined }) {
    super(init);
    this.phase = init.phase;
    this.transportCode = init.transportCode;
  }
}

/**
 * CJ answered but failed on its side: HTTP 5xx, a body that is not a CJ JSON envelope, or CJ codes
 * 1600000 ("System busy") / 1600301 ("Read timed out"). Retried for reads; for non-idempotent
 * calls it becomes CjUnknownOutcomeError.
 */
export class CjServerError extends CjError {
  override name = 'CjServerError';
}

export type UnknownOutcomeReason = 'timeout' | 'connection_lost' | 'server_error' | 'bad_response' | 'aborted';

/**
 * A non-idempotent call (create order, pay, create dispute…) may or may not have taken effect at
 * CJ. It is NEVER resent automatically. Reconcile first — e.g. `orders.detail(orderNumber)` — and
 * only then decide to resend. `businessKey` carries the request's identifying fields.
 */
export class CjUnknownOutcomeError extends CjError {
  override name = 'CjUnknownOutcomeError';
  readonly reason: UnknownOutcomeReason;
  readonly businessKey: Readonly<Record<string, string>> | undefined;
  /** How to find out what happened, in words. */
  readonly reconcile: string | undefined;
  constructor(
    init: CjErrorInit & {
      reason: UnknownOutcomeReason;
      businessKey?: Readonly<Record<string, string>> | undefined;
      reconcile?: string | undefined;
    },
  ) {
    super(init);
    this.reason = init.reason;
    this.businessKey = init.businessKey;
    this.reconcile = init.reconcile;
  }
}

/** The account's circuit breaker is open after repeated transport/5xx/1600000 failures; nothing was sent. */
export class CjCircuitOpenError extends CjError {
  override name = 'CjCircuitOpenError';
}

/**
 * CJ reported success but `data` does not match the endpoint's schema. For a write this means the
 * operation DID happen at CJ; only its answer could not be read. `issues` names the fields.
 */
export class CjResponseSchemaError extends CjError {
  override name = 'CjResponseSchemaError';
  readonly issues: readonly { path: string; message: string }[];
  readonly data: unknown;
  constructor(init: CjErrorInit & { issues: readonly { path: string; message: string }[]; data: unknown }) {
    super(init);
    this.issues = init.issues;
    this.data = init.data;
  }
}

/** A webhook body that is not JSON, lacks messageId/type, or whose params do not match its type. */
export class CjWebhookError extends Error {
  override name = 'CjWebhookError';
  readonly issues: readonly { path: string; message: string }[];
  constructor(message: string, issues: readonly { path: string; message: string }[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.issues = issues;
  }
}
