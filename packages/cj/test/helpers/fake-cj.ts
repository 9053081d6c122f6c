import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake server saw it. `at` is performance.now() on arrival (headers + body read). */
export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Reply =
  /** `body` as a string is sent verbatim (big-int JSON text, HTML, garbage); objects are JSON.stringify'd. */
  | { status?: number; body: unknown; delayMs?: number; headers?: Record<string, string> }
  /** Read the request, then destroy the socket without answering ("sent, then lost"). */
  | { drop: true }
  /** Never answer (until the server closes). */
  | { hang: true };

export type Handler = (req: Seen, nth: number) => Reply | Promise<Reply>;

export const PREFIX = '/api2.0/v1';

export function ok(data: unknown, extra: Record<string, unknown> = {}): Reply {
  return { body: { code: 200, result: true, message: 'Success', data, requestId: 'req-ok', ...extra } };
}

export function fail(code: number, message = 'error', status = 200): Reply {
  return { status, body: { code, result: false, message, data: null, requestId: `req-${code}` } };
}

export const RATE_LIMITED: Reply = { status: 429, body: { code: 1600200, message: 'Too Many Requests, QPS limit is 1 time/1second' } };

export function iso(ms: number): string {
  // CJ's format: "2021-08-18T09:16:33+08:00"
  const d = new Date(ms + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

let tokenCounter = 0;

/** A getAccessToken/refreshAccessToken success body with expiries relative to `now`. */
export function tokenReply(now: number, opts: { openId?: string | number; accessDays?: number; refreshDays?: number; withOpenId?: boolean } = {}): Reply {
  tokenCounter++;
  const data: Record<string, unknown> = {
    accessToken: `access-${tokenCounter}`,
    accessTokenExpiryDate: iso(now + (opts.accessDays ?? 15) * 86_400_000),
    refreshToken: `refresh-${tokenCounter}`,
    refreshTokenExpiryDate: iso(now + (opts.refreshDays ?? 180) * 86_400_000),
    createDate: iso(now),
  };
  if (opts.withOpenId !== false) data['openId'] = opts.openId ?? 123456789;
  return ok(data);
}

/**
 * A small programmable CJ stand-in on 127.0.0.1:0. Routes are keyed "METHOD /path" (path relative
 * to /api2.0/v1); a route may be one reply, a list of replies consumed in order (the last one
 * repeats) or a handler function. Unrouted paths answer 1600101 like CJ.
 */
export class FakeCj {
  readonly seen: Seen[] = [];
  private readonly routes = new Map<string, Handler>();
  private readonly counts = new Map<string, number>();
  private server: http.Server | undefined;
  port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}${PREFIX}`;
  }

  on(method: string, path: string, reply: Reply | Reply[] | Handler): this {
    const key = `${method} ${path}`;
    this.counts.delete(key); // sequences start over when a route is (re)defined
    if (typeof reply === 'function') this.routes.set(key, reply);
    else if (Array.isArray(reply)) this.routes.set(key, (_req, nth) => reply[Math.min(nth, reply.length - 1)]!);
    else this.routes.set(key, () => reply);
    return this;
  }

  /** Requests seen for a path (relative, e.g. "/product/listV2"). */
  hits(path: string): Seen[] {
    return this.seen.filter((s) => s.path === PREFIX + path);
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const seen: Seen = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: performance.now(),
    };
    this.seen.push(seen);
    const rel = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : url.pathname;
    const key = `${seen.method} ${rel}`;
    const nth = this.counts.get(key) ?? 0;
    this.counts.set(key, nth + 1);
    const handler = this.routes.get(key);
    const reply: Reply = handler ? await handler(seen, nth) : fail(1600101, 'Interface not found');
    if ('drop' in reply) {
      req.socket.destroy();
      return;
    }
    if ('hang' in reply) return;
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(body);
  }
}
