/**
 * One HTTP exchange, nothing more: fetch with a per-attempt timeout combined with the caller's
 * signal, and a precise account of *whether the request can have reached CJ*. That distinction is
 * what makes retrying a write safe or unsafe, so it is decided here, close to the socket.
 */

export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export interface HttpResponse {
  status: number;
  text: string;
}

export type TransportFailureKind =
  /** The connection was never established: CJ cannot have seen the request. */
  | 'not_sent'
  /** Failed after the connection existed (reset, closed mid-response…): the request may have been processed. */
  | 'maybe_sent'
  /** Our per-attempt timeout fired: the request may have been processed. */
  | 'timeout'
  /** The caller's signal aborted while the request was in flight: it may have been processed. */
  | 'aborted';

export class TransportFailure extends Error {
  override name = 'TransportFailure';
  constructor(
    readonly kind: TransportFailureKind,
    readonly code: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Error codes that prove no byte of the request was written: DNS failures and connection
 * establishment failures. Anything else after fetch() started is treated as "maybe sent".
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export async function httpExchange(fetchImpl: typeof fetch, req: HttpRequest): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  try {
    const res = await fetchImpl(req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.body === undefined ? {} : { body: req.body }),
      signal,
    });
    // The body is read under the same signal: a response that stalls mid-body is a timeout too.
    const text = await res.text();
    return { status: res.status, text };
  } catch (err) {
    if (req.signal?.aborted) {
      throw new TransportFailure('aborted', 'ABORTED', 'aborted by the caller while in flight', { cause: err });
    }
    if (timeout.aborted) {
      throw new TransportFailure('timeout', 'TIMEOUT', `no complete response within ${req.timeoutMs} ms`, { cause: err });
    }
    const code = findErrorCode(err);
    const kind = code !== undefined && NOT_SENT_CODES.has(code) ? 'not_sent' : 'maybe_sent';
    throw new TransportFailure(kind, code, describe(err, code), { cause: err });
  }
}

/** fetch wraps the socket error: TypeError("fetch failed") → cause (maybe an AggregateError of attempts). */
function findErrorCode(err: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') return e.code;
  if (Array.isArray(e.errors)) {
    // Happy-eyeballs tries several addresses; "not sent" only if every attempt says so.
    const codes = e.errors.map((x) => findErrorCode(x, depth + 1));
    if (codes.length > 0 && codes.every((c) => c !== undefined && NOT_SENT_CODES.has(c))) return codes[0];
  }
  return findErrorCode(e.cause, depth + 1);
}

function describe(err: unknown, code: string | undefined): string {
  const cause = (err as { cause?: { message?: unknown } })?.cause?.message;
  const msg = typeof cause === 'string' ? cause : err instanceof Error ? err.message : String(err);
  return code ? `${msg} (${code})` : msg;
}
