// One JSON POST with a hard time limit, for the remote channels. Error messages never include the
// URL: a Telegram URL carries the bot token in its path and webhook URLs (Slack, Discord…) are often
// secrets themselves.
import { ChannelError } from './channel.js';

export interface JsonPostResult {
  status: number;
  ok: boolean;
  /** The response body, at most 2 KB of it. */
  text: string;
}

export async function postJson(
  fetchImpl: typeof fetch,
  url: string,
  body: unknown,
  timeoutMs: number,
): Promise<JsonPostResult> {
  // One signal covers the connection, the headers and the body, so a server that answers slowly
  // byte by byte cannot hold `raise` past the limit either.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'lojista-alerts' },
      body: JSON.stringify(body),
      signal,
    });
    const text = (await res.text()).slice(0, 2048);
    return { status: res.status, ok: res.ok, text };
  } catch (err) {
    throw new ChannelError(describeFetchError(err, timeoutMs));
  }
}

function describeFetchError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: unknown; cause?: { code?: unknown } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  // Only a bare error code (ECONNREFUSED, ENOTFOUND…) is passed on; fetch's own messages may quote the URL.
  const code = e?.cause?.code;
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code)) return `network error ${code}`;
  return 'network error';
}

/** A short, single-line excerpt of a response body for the failure reason. */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
