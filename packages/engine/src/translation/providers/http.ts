// One JSON POST with a deadline, for the remote providers. Every failure becomes a
// TranslationError with a code the fallback and the caller can act on; the API key is only ever
// in the request headers, never in an error message.
import { TranslationError, type TranslationErrorCode } from '../types.js';

export interface PostOptions {
  provider: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** For tests and proxies; the global fetch by default. */
  fetch?: typeof fetch | undefined;
}

function codeForStatus(status: number): TranslationErrorCode {
  if (status === 401 || status === 403) return 'auth';
  if (status === 456) return 'quota';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'rejected';
}

export async function postJson(url: string, headers: Readonly<Record<string, string>>, body: unknown, opts: PostOptions): Promise<unknown> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    throw failure(err, opts, timeout);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw failure(err, opts, timeout);
  }
  if (!res.ok) {
    const detail = text.replace(/\s+/g, ' ').slice(0, 200);
    throw new TranslationError(codeForStatus(res.status), opts.provider, `${opts.provider} answered HTTP ${res.status}${detail ? `: ${detail}` : ''}`, res.status);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TranslationError('bad_response', opts.provider, `${opts.provider} answered HTTP ${res.status} with a body that is not JSON`);
  }
}

/** Tells the caller's cancel from our deadline from a network failure. */
function failure(err: unknown, opts: PostOptions, timeout: AbortSignal): TranslationError {
  if (opts.signal?.aborted) return new TranslationError('aborted', opts.provider, 'translation cancelled');
  if (timeout.aborted) return new TranslationError('timeout', opts.provider, `${opts.provider} did not answer within ${opts.timeoutMs} ms`);
  const msg = err instanceof Error ? err.message : String(err);
  return new TranslationError('network', opts.provider, `${opts.provider} could not be reached: ${msg}`);
}
