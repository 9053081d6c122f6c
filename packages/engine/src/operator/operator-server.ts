// The optional operator listener (off by default): cross-store health and metrics for Prometheus
// and the person running the machine — never store data. It has its own token.
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { AggregatorRegistry } from 'prom-client';
import { tokenMatches, bearerToken } from '../http/auth.js';
import { registerSecurityHeaders } from '../http/security-headers.js';
import { processRegistry } from '../observability/metrics.js';
import type { StoreRuntime } from '../runtime/store-runtime.js';

export interface OperatorOptions {
  port: number;
  host: string;
  token: string;
  stores: StoreRuntime[];
}

export async function startOperatorServer(opts: OperatorOptions): Promise<FastifyInstance> {
  const app = Fastify({ logController: new LogController({ disableRequestLogging: true }) });
  const processMetrics = processRegistry();
  // The same security headers as the stores' listeners (helmet), and no copies kept anywhere.
  registerSecurityHeaders(app, {});
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });
  app.addHook('onRequest', async (request, reply) => {
    const presented = bearerToken(request);
    if (!presented || !tokenMatches(presented, opts.token)) {
      await reply.status(401).send({ error: { code: 'unauthorized', message: 'send "Authorization: Bearer <operator token>"' } });
    }
  });
  app.get('/health', async () => ({
    status: 'ok',
    stores: opts.stores.map((s) => ({ id: s.ctx.id, url: s.url, supplier: s.ctx.supplier.simulated ? 'simulated' : 'cj' })),
  }));
  app.get('/metrics', async (_request, reply) => {
    // Every store registers the same metric names (told apart by their `store` label), which
    // Registry.merge refuses; the aggregator combines the families and keeps the labelled series.
    const all = await Promise.all([processMetrics, ...opts.stores.map((s) => s.ctx.metrics.registry)].map((r) => r.getMetricsAsJSON()));
    const merged = AggregatorRegistry.aggregate(all);
    reply.header('content-type', merged.contentType);
    return merged.metrics();
  });
  await app.listen({ port: opts.port, host: opts.host });
  return app;
}
