// A local HTTP server standing in for DeepL or an OpenAI-compatible endpoint: it records every
// request and answers what the test tells it to.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeReply {
  status?: number;
  json?: unknown;
  /** Raw body, sent as is (for non-JSON answers). */
  raw?: string;
  delayMs?: number;
}

export interface FakeServer {
  baseUrl: string;
  requests: RecordedRequest[];
  reply: (req: RecordedRequest) => FakeReply;
  close(): Promise<void>;
}

export async function startFakeServer(reply: (req: RecordedRequest) => FakeReply = () => ({ json: {} })): Promise<FakeServer> {
  const state = { reply };
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the raw text
      }
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      const answer = state.reply(recorded);
      const send = () => {
        if (res.destroyed) return;
        res.statusCode = answer.status ?? 200;
        res.setHeader('content-type', answer.raw !== undefined ? 'text/plain' : 'application/json');
        res.end(answer.raw ?? JSON.stringify(answer.json ?? {}));
      };
      if (answer.delayMs) {
        const t = setTimeout(() => {
          timers.delete(t);
          send();
        }, answer.delayMs);
        timers.add(t);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get reply() {
      return state.reply;
    },
    set reply(fn) {
      state.reply = fn;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
