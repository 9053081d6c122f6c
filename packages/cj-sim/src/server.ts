// Assembles the simulator: the Fastify server (CJ API under /api2.0/v1, product images under
// /images, the control API under /_sim), the state, and the realtime ticker.
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { flagImage, productImage } from './catalogue/png.js';
import { createControl, registerControlRoutes, type SimControl } from './control.js';
import { errorEnvelope } from './envelope.js';
import { Codes } from './errors.js';
import { toJson } from './json.js';
import type { ResolvedOptions } from './options.js';
import { handleApiCall, type PipelineHost } from './pipeline.js';
import { Router } from './routes/index.js';
import { SimState } from './state.js';

export const API_PREFIX = '/api2.0/v1';

export class Simulator implements PipelineHost {
  state: SimState;
  readonly router = new Router();
  readonly held = new Set<Socket>();
  readonly control: SimControl;
  readonly app: FastifyInstance;
  url = '';
  private ticker: NodeJS.Timeout | undefined;
  private readonly images = new Map<string, Buffer>();

  constructor(readonly opts: ResolvedOptions) {
    this.state = new SimState(opts);
    this.control = createControl(
      () => this.state,
      () => this.reset(),
    );
    this.app = Fastify({ logger: opts.logger, exposeHeadRoutes: false, forceCloseConnections: true, bodyLimit: 1_048_576 });
    // Bodies arrive as raw text: the pipeline parses them itself so that malformed JSON, a missing
    // body and a wrong content type get CJ's codes instead of Fastify's errors.
    this.app.removeAllContentTypeParsers();
    this.app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

    this.app.route({ method: ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS'], url: `${API_PREFIX}/*`, handler: (req, reply) => handleApiCall(this, req, reply) });
    this.app.get('/images/flags/:file', async (req, reply) => {
      const m = /^([A-Z]{2})\.png$/.exec((req.params as Record<string, string>).file ?? '');
      if (!m?.[1]) return reply.code(404).send('not found');
      return reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=86400').send(this.image(`flag:${m[1]}`, () => flagImage(m[1] ?? 'US')));
    });
    this.app.get('/images/:pid/:file', async (req, reply) => {
      const { pid, file } = req.params as Record<string, string>;
      const product = this.state.catalogue.byPid.get(pid ?? '');
      const n = Number(/^(\d+)\.png$/.exec(file ?? '')?.[1] ?? NaN);
      if (!product || !Number.isInteger(n) || n < 1 || n > product.imageCount) return reply.code(404).send('not found');
      return reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=86400').send(this.image(`${product.hue}:${n}`, () => productImage(product.hue, n)));
    });
    registerControlRoutes(this.app, this.control, () => this.info());
    this.app.setNotFoundHandler((req, reply) => {
      const underApi = req.url === API_PREFIX || req.url.startsWith(`${API_PREFIX}?`);
      return reply
        .code(underApi ? 200 : 404)
        .header('content-type', 'application/json;charset=UTF-8')
        .send(toJson(errorEnvelope('standard', Codes.interfaceNotFound, 'Interface not found', crypto.randomUUID())));
    });
  }

  baseFor(req: FastifyRequest): string {
    if (this.opts.publicUrl) return this.opts.publicUrl;
    const host = req.headers.host;
    return host ? `${req.protocol}://${host}` : this.url;
  }

  private image(key: string, make: () => Buffer): Buffer {
    let png = this.images.get(key);
    if (!png) {
      if (this.images.size > 5000) this.images.clear();
      png = make();
      this.images.set(key, png);
    }
    return png;
  }

  async listen(port: number, host: string): Promise<void> {
    await this.app.listen({ port, host });
    const address = this.app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    this.url = `http://${shownHost}:${actualPort}`;
    this.state.baseUrl = this.opts.publicUrl ?? this.url;
    if (this.opts.clock === 'realtime') {
      // Due events (shipping, tracking, retries) happen on their own in realtime mode.
      this.ticker = setInterval(() => void this.state.processDue(), 1000);
      this.ticker.unref();
    }
  }

  get port(): number {
    const address = this.app.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  async reset(): Promise<void> {
    this.state.close();
    this.state = new SimState(this.opts);
    this.state.baseUrl = this.opts.publicUrl ?? this.url;
  }

  info(): Record<string, unknown> {
    const s = this.state;
    return {
      name: 'cj-sim',
      description: 'Local simulator of the CJ Dropshipping Open API 2.0',
      baseUrl: `${this.url}${API_PREFIX}`,
      seed: this.opts.seed,
      clock: this.opts.clock,
      now: s.clock.now(),
      nowIso: new Date(s.clock.now()).toISOString(),
      demoApiKey: s.demo.apiKey,
      products: s.catalogue.products.length,
      accounts: s.accounts.list().length,
      defaultQps: this.opts.qps,
    };
  }

  async close(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.state.close();
    for (const socket of this.held) socket.destroy();
    await this.app.close();
  }
}
