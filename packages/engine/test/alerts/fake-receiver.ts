// A local HTTP server on port 0 standing in for the Telegram Bot API or a webhook endpoint: it keeps
// every request and answers what the test tells it to (or never answers, for timeouts).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: unknown;
}

export type Answer = { status: number; body?: unknown } | 'hang';

export interface FakeReceiver {
  /** http://127.0.0.1:<port> */
  url: string;
  received: ReceivedRequest[];
  answer(fn: (req: ReceivedRequest) => Answer): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<FakeReceiver> {
  const received: ReceivedRequest[] = [];
  let respond: (req: ReceivedRequest) => Answer = () => ({ status: 200, body: { ok: true, result: {} } });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, body };
      received.push(request);
      const answer = respond(request);
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (fn) => {
      respond = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bind one, then release it. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
