// A transparent HTTP proxy between a store's CJ client and the simulator that records every request
// with its query and body. The simulator's ledger counts calls per endpoint but does not keep their
// parameters; the scan tests need them (which listV2 page, which pid was fetched).
import { request as httpRequest, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSimulator } from '@lojista/cj-sim';

export interface RecordedCall {
  seq: number;
  method: string;
  /** Path below /api2.0/v1, e.g. "/product/listV2". */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface RecordingProxy {
  url: string;
  calls: RecordedCall[];
  /** The simulator as seen through the proxy: same control API, baseUrl pointing here. */
  sim: RunningSimulator;
  /** Recorded calls after `since` (a length of `calls` taken earlier). */
  since(mark: number): RecordedCall[];
  close(): Promise<void>;
}

const API_PREFIX = '/api2.0/v1';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startRecordingProxy(sim: RunningSimulator): Promise<RecordingProxy> {
  const target = new URL(sim.url);
  const calls: RecordedCall[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://proxy.invalid');
      if (url.pathname.startsWith(API_PREFIX)) {
        let body: unknown = null;
        if (raw.length > 0) {
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            body = raw.toString('utf8');
          }
        }
        calls.push({ seq: calls.length, method: req.method ?? 'GET', path: url.pathname.slice(API_PREFIX.length), query: url.searchParams, body });
      }
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(raw);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    calls,
    sim: { ...sim, url, baseUrl: `${url}${API_PREFIX}` },
    since: (mark) => calls.slice(mark),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
