/** What happened to one HTTP attempt — enough for Prometheus counters and latency histograms. */
export type CjCallOutcome =
  | 'ok'
  | 'cj_error'
  | 'rate_limited'
  | 'transport_error'
  | 'unknown_outcome'
  | 'circuit_open'
  | 'schema_error';

export interface CjCallEvent {
  type: 'call';
  accountId: string;
  /** Endpoint path, e.g. "/product/listV2" (a bounded set: safe as a metric label). */
  endpoint: string;
  method: string;
  /** Wall time of the HTTP exchange and parsing (excludes waiting for the rate limiter). */
  durationMs: number;
  /** Time spent waiting for the account's rate limiter before sending. */
  queuedMs: number;
  outcome: CjCallOutcome;
  cjCode?: number | undefined;
  httpStatus?: number | undefined;
  /** 1 for the first attempt of a call, 2 for its first retry, … */
  attempt: number;
  requestId?: string | undefined;
}

export interface CjBreakerEvent {
  type: 'breaker';
  accountId: string;
  state: 'open' | 'half_open' | 'closed';
}

export type CjEvent = CjCallEvent | CjBreakerEvent;

export type CjObserver = (event: CjEvent) => void;

/** pino-compatible subset. */
export interface CjLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: CjLogger = { debug() {}, info() {}, warn() {}, error() {} };
