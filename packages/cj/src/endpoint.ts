import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * One CJ endpoint, declared once: where it lives, whether resending it is harmless, and the schema
 * of its `data`. The executor derives retry and unknown-outcome behaviour from `idempotent` alone.
 */
export interface EndpointDef<T> {
  /** Relative to the base URL, e.g. "/product/listV2". Only real paths (cj-api.md §6). */
  readonly path: string;
  readonly method: HttpMethod;
  /**
   * True when sending it twice has the same effect as once (reads, and read-only POSTs such as
   * freightCalculate). False for anything that creates, pays, confirms, deletes or configures.
   */
  readonly idempotent: boolean;
  /** Sends CJ-Access-Token (false only for getAccessToken/refreshAccessToken). */
  readonly auth: boolean;
  /** Validates and normalises `envelope.data`. */
  readonly data: z.ZodType<T>;
  /** Retry HTTP 429/1600200 (default true). getAccessToken opts out: its limit is a 5-minute window. */
  readonly retryOnRateLimit?: boolean;
  /**
   * On 1600001/1600002/1600003/1600030, renew the token and resend once (default true: CJ did not
   * process the call). logout opts out — renewing a token only to log it out makes no sense.
   */
  readonly reauthenticateOnTokenError?: boolean;
  /** For CjUnknownOutcomeError: how the caller finds out what happened. */
  readonly reconcile?: string;
}

export function defineEndpoint<T>(def: EndpointDef<T>): EndpointDef<T> {
  return def;
}

/** Accepted by every public method as its final argument. */
export interface CallOptions {
  /** Cancels waiting (token, rate limiter, back-off) and the request in flight. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout for this call, overriding the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
}

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];
export type QueryParams = Readonly<Record<string, QueryValue>>;

export interface EndpointRequest {
  query?: QueryParams | undefined;
  body?: unknown;
  headers?: Record<string, string> | undefined;
  /** Identifying fields of a write (e.g. orderNumber), carried by CjUnknownOutcomeError. */
  businessKey?: Record<string, string> | undefined;
  /** Array params to send comma-joined instead of as repeated keys (listV2's quirk, cj-api.md §1). */
  commaJoin?: readonly string[] | undefined;
}

/**
 * GET params as CJ expects them: arrays as repeated keys (`?trackNumber=A&trackNumber=B`) unless
 * the endpoint wants them comma-joined; undefined/null dropped.
 */
export function buildQueryString(query: QueryParams | undefined, commaJoin: readonly string[] = []): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      if (commaJoin.includes(key)) sp.append(key, value.join(','));
      else for (const v of value) sp.append(key, String(v));
    } else {
      sp.append(key, String(value));
    }
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** The executor's entry point, as the endpoint areas see it. */
export type Execute = <T>(endpoint: EndpointDef<T>, request: EndpointRequest, call?: CallOptions) => Promise<T>;
