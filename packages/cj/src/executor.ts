import { BrokenCircuitError, type CircuitBreakerPolicy, IsolatedCircuitError, TaskCancelledError } from 'cockatiel';
import type { Clock } from './clock.js';
import { type CallOptions, type EndpointDef, type EndpointRequest, buildQueryString } from './endpoint.js';
import { readEnvelope } from './envelope.js';
import { errorForCode } from './error-codes.js';
import {
  CjAuthError,
  CjCircuitOpenError,
  CjError,
  CjRateLimitedError,
  CjResponseSchemaError,
  CjServerError,
  CjTransportError,
  CjUnknownOutcomeError,
  type UnknownOutcomeReason,
} from './errors.js';
import { stringifyCjJson } from './json.js';
import type { RateLimiter } from './limiter/rate-limiter.js';
import type { CjCallEvent, CjCallOutcome, CjLogger, CjObserver } from './observer.js';
import { type RetrySettings, backoffSequence } from './resilience/backoff.js';
import { isRetryable } from './resilience/classify.js';
import { whenWritten } from './limiter/wire-tap.js';
import { type HttpResponse, TransportFailure, httpExchange } from './transport.js';

export interface ExecutorConfig {
  accountId: string;
  baseUrl: string;
  qps: number;
  timeoutMs: number;
  retry: RetrySettings;
  limiter: RateLimiter;
  breaker: CircuitBreakerPolicy;
  clock: Clock;
  fetch: typeof fetch;
  observer: CjObserver | undefined;
  logger: CjLogger;
}

export interface TokenProvider {
  accessToken(signal?: AbortSignal): Promise<string>;
  invalidate(token: string): Promise<void>;
}

/**
 * The one path every CJ request takes:
 *   token → breaker → rate limiter → HTTP (per-attempt timeout) → envelope → schema
 * wrapped in a retry loop that resends only what is safe to resend (resilience/classify.ts), and
 * that re-authenticates once when CJ rejects the token.
 */
export class Executor {
  private tokens: TokenProvider | undefined;

  constructor(private readonly cfg: ExecutorConfig) {}

  setTokenProvider(tokens: TokenProvider): void {
    this.tokens = tokens;
  }

  async execute<T>(endpoint: EndpointDef<T>, request: EndpointRequest, call: CallOptions = {}): Promise<T> {
    const { signal } = call;
    const timeoutMs = call.timeoutMs ?? this.cfg.timeoutMs;
    const nextDelay = backoffSequence(this.cfg.retry);
    let reauthenticated = false;
    let failures = 0;
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      let token: string | undefined;
      if (endpoint.auth) {
        if (!this.tokens) throw new Error('executor has no token provider');
        token = await this.tokens.accessToken(signal);
      }
      try {
        return await this.attempt(endpoint, request, token, attempt, timeoutMs, signal);
      } catch (err) {
        // 1600001 & co: CJ did not process the call, so one resend with a new token is safe.
        if (err instanceof CjAuthError && err.reauthenticate && endpoint.reauthenticateOnTokenError !== false && token !== undefined && this.tokens && !reauthenticated) {
          reauthenticated = true;
          await this.tokens.invalidate(token);
          continue;
        }
        failures++;
        if (failures >= this.cfg.retry.maxAttempts || !isRetryable(err, endpoint)) throw err;
        let delay = nextDelay();
        // After a 429 wait at least one full interval: the budget is being used elsewhere.
        if (err instanceof CjRateLimitedError) delay = Math.max(delay, 1000 / this.cfg.qps);
        this.cfg.logger.warn(
          { accountId: this.cfg.accountId, endpoint: endpoint.path, attempt, delayMs: Math.round(delay), err: describe(err) },
          'CJ call failed; retrying',
        );
        await this.cfg.clock.sleep(delay, signal);
      }
    }
  }

  private async attempt<T>(
    endpoint: EndpointDef<T>,
    request: EndpointRequest,
    token: string | undefined,
    attempt: number,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    try {
      return await this.cfg.breaker.execute(async () => {
        const queuedAt = performance.now();
        await this.cfg.limiter.acquire(this.cfg.accountId, this.cfg.qps, signal);
        const startedAt = performance.now();
        const emit = (outcome: CjCallOutcome, extra: { cjCode?: number | undefined; httpStatus?: number | undefined; requestId?: string | undefined } = {}): void =>
          this.emit({
            endpoint: endpoint.path,
            method: endpoint.method,
            durationMs: performance.now() - startedAt,
            queuedMs: startedAt - queuedAt,
            outcome,
            attempt,
            ...extra,
          });
        let res: HttpResponse;
        let reported = false;
        const sent = (): void => {
          if (reported) return;
          reported = true;
          this.markSent();
        };
        try {
          const http = this.buildRequest(endpoint, request, token, timeoutMs, signal);
          // Node's own fetch says when the request reaches the socket; any other fetch (tests,
          // a caller's wrapper) is taken as sending when called.
          if (this.cfg.fetch === globalThis.fetch) res = await whenWritten(sent, () => httpExchange(this.cfg.fetch, http));
          else {
            sent();
            res = await httpExchange(this.cfg.fetch, http);
          }
        } catch (err) {
          const mapped = this.transportError(endpoint, request, err, signal);
          if (mapped !== signal?.reason) emit(mapped instanceof CjUnknownOutcomeError ? 'unknown_outcome' : 'transport_error');
          throw mapped;
        } finally {
          sent();
          this.releaseSlot();
        }
        return this.interpret(endpoint, request, res, emit);
      }, signal);
    } catch (err) {
      if (err instanceof BrokenCircuitError || err instanceof IsolatedCircuitError) {
        this.emit({ endpoint: endpoint.path, method: endpoint.method, durationMs: 0, queuedMs: 0, outcome: 'circuit_open', attempt });
        throw new CjCircuitOpenError({
          message: `circuit open for CJ account ${this.cfg.accountId} after repeated failures; not sending ${endpoint.path}`,
          endpoint: endpoint.path,
          cause: err,
        });
      }
      // cockatiel's own cancellation (while waiting on a half-open trial): surface the caller's reason.
      if (err instanceof TaskCancelledError && signal?.aborted) throw signal.reason;
      throw err;
    }
  }

  /** Tells the limiter the granted request is on the wire (its optional hook; never throws). */
  private markSent(): void {
    try {
      this.cfg.limiter.sent?.(this.cfg.accountId, this.cfg.qps);
    } catch (err) {
      this.cfg.logger.warn({ accountId: this.cfg.accountId, err: describe(err) }, 'rate limiter sent mark failed');
    }
  }

  /** Tells the limiter the granted request has finished (its optional hook; never throws). */
  private releaseSlot(): void {
    try {
      this.cfg.limiter.release?.(this.cfg.accountId, this.cfg.qps);
    } catch (err) {
      this.cfg.logger.warn({ accountId: this.cfg.accountId, err: describe(err) }, 'rate limiter release failed');
    }
  }

  private buildRequest(endpoint: EndpointDef<unknown>, request: EndpointRequest, token: string | undefined, timeoutMs: number, signal: AbortSignal | undefined) {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (token !== undefined) headers['CJ-Access-Token'] = token;
    let body: string | undefined;
    // GET/DELETE take query params; POST/PATCH a JSON body (cj-api.md §1).
    if (request.body !== undefined) {
      body = stringifyCjJson(request.body);
      headers['content-type'] = 'application/json';
    } else if (endpoint.method === 'POST' || endpoint.method === 'PATCH') {
      headers['content-type'] = 'application/json';
    }
    return {
      url: `${this.cfg.baseUrl}${endpoint.path}${buildQueryString(request.query, request.commaJoin)}`,
      method: endpoint.method,
      headers,
      body,
      timeoutMs,
      signal,
    };
  }

  private transportError(endpoint: EndpointDef<unknown>, request: EndpointRequest, err: unknown, signal: AbortSignal | undefined): unknown {
    if (!(err instanceof TransportFailure)) return err;
    if (err.kind === 'not_sent') {
      return new CjTransportError({ message: `${endpoint.path}: ${err.message}`, endpoint: endpoint.path, phase: 'not_sent', transportCode: err.code, cause: err });
    }
    if (endpoint.idempotent) {
      // Nothing is at stake for a read the caller abandoned: surface the caller's own reason.
      if (err.kind === 'aborted') return signal?.reason ?? err;
      return new CjTransportError({ message: `${endpoint.path}: ${err.message}`, endpoint: endpoint.path, phase: 'maybe_sent', transportCode: err.code, cause: err });
    }
    const reason: UnknownOutcomeReason = err.kind === 'timeout' ? 'timeout' : err.kind === 'aborted' ? 'aborted' : 'connection_lost';
    return this.unknownOutcome(endpoint, request, reason, err.message, { cause: err });
  }

  private interpret<T>(
    endpoint: EndpointDef<T>,
    request: EndpointRequest,
    res: HttpResponse,
    emit: (outcome: CjCallOutcome, extra?: { cjCode?: number | undefined; httpStatus?: number | undefined; requestId?: string | undefined }) => void,
  ): T {
    const reading = readEnvelope(res.status, res.text);
    const httpStatus = res.status;
    if (reading.kind === 'not_envelope') {
      if (httpStatus === 429) {
        emit('rate_limited', { httpStatus });
        throw new CjRateLimitedError({ message: `${endpoint.path}: HTTP 429`, endpoint: endpoint.path, httpStatus, kind: 'qps' });
      }
      if (httpStatus >= 400 && httpStatus < 500) {
        // A gateway refused the request outright (404 page, 413…): definite, nothing processed.
        emit('cj_error', { httpStatus });
        throw new CjError({ message: `${endpoint.path}: HTTP ${httpStatus}, ${reading.reason}`, endpoint: endpoint.path, httpStatus });
      }
      const serverError = new CjServerError({ message: `${endpoint.path}: HTTP ${httpStatus}, ${reading.reason}`, endpoint: endpoint.path, httpStatus });
      if (endpoint.idempotent) {
        emit('transport_error', { httpStatus });
        throw serverError;
      }
      emit('unknown_outcome', { httpStatus });
      throw this.unknownOutcome(endpoint, request, httpStatus >= 500 ? 'server_error' : 'bad_response', serverError.message, { cause: serverError, httpStatus });
    }

    const { envelope } = reading;
    const meta = { cjCode: envelope.code, httpStatus, requestId: envelope.requestId };
    if (reading.kind === 'failure') {
      const err = errorForCode({
        message: `${endpoint.path}: ${envelope.message ?? 'CJ reported failure'}${envelope.code === undefined ? '' : ` (code ${envelope.code})`}`,
        endpoint: endpoint.path,
        code: envelope.code,
        httpStatus,
        requestId: envelope.requestId,
      });
      if (err instanceof CjServerError && !endpoint.idempotent) {
        emit('unknown_outcome', meta);
        throw this.unknownOutcome(endpoint, request, 'server_error', err.message, { cause: err, httpStatus, code: envelope.code, requestId: envelope.requestId });
      }
      emit(err instanceof CjRateLimitedError ? 'rate_limited' : 'cj_error', meta);
      throw err;
    }

    const parsed = endpoint.data.safeParse(envelope.data);
    if (!parsed.success) {
      emit('schema_error', meta);
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(data)', message: i.message }));
      throw new CjResponseSchemaError({
        message: `${endpoint.path}: CJ reported success but data does not match the expected shape: ${issues
          .slice(0, 5)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}`,
        endpoint: endpoint.path,
        httpStatus,
        code: envelope.code,
        requestId: envelope.requestId,
        issues,
        data: envelope.data,
      });
    }
    emit('ok', meta);
    return parsed.data;
  }

  private unknownOutcome(
    endpoint: EndpointDef<unknown>,
    request: EndpointRequest,
    reason: UnknownOutcomeReason,
    detail: string,
    extra: { cause?: unknown; httpStatus?: number | undefined; code?: number | undefined; requestId?: string | undefined },
  ): CjUnknownOutcomeError {
    const err = new CjUnknownOutcomeError({
      message: `${endpoint.path}: outcome unknown (${reason}: ${detail}); not resent — reconcile before retrying${endpoint.reconcile ? `: ${endpoint.reconcile}` : ''}`,
      endpoint: endpoint.path,
      reason,
      businessKey: request.businessKey,
      reconcile: endpoint.reconcile,
      ...extra,
    });
    this.cfg.logger.error({ accountId: this.cfg.accountId, endpoint: endpoint.path, reason, businessKey: request.businessKey }, 'CJ call outcome unknown');
    return err;
  }

  private emit(e: Omit<CjCallEvent, 'type' | 'accountId'>): void {
    if (!this.cfg.observer) return;
    try {
      this.cfg.observer({ type: 'call', accountId: this.cfg.accountId, ...e });
    } catch {
      // A broken metrics hook must never break a CJ call.
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
