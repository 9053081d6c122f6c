// A webhook receiver for tests: records every POST (raw body, headers) and answers with a status
// the test chooses (or hangs, to exercise the 3 s timeout).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface Received {
  raw: string;
  headers: IncomingHttpHeaders;
  at: number;
}

export class Receiver {
  readonly received: Received[] = [];
  /** Status for the next requests; 'hang' never answers. */
  status: number | 'hang' = 200;
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers, at: Date.now() });
        if (this.status === 'hang') return;
        res.writeHead(this.status, { 'content-type': 'application/json' });
        res.end('{"code":200,"result":"success","message":"ok"}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/cj/webhook`;
    return this;
  }

  /** Messages (not probes) of one type. */
  messages(type?: string): Received[] {
    return this.received.filter((r) => r.raw !== '{}' && (type === undefined || r.raw.includes(`"type":"${type}"`)));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
