// /health, /ready and /metrics at the listener's root (where load balancers and Prometheus look), and
// /api/store (the store's identity for a headless storefront).
import { sql } from 'kysely';
import { z } from 'zod';
import { ADMIN_SECURITY, type StoreApp } from '../http/app-types.js';
import { requireToken } from '../http/auth.js';
import { serviceUnavailable } from '../http/errors.js';
import type { StoreContext } from '../stores/context.js';

export interface SystemRouteOptions {
  version: string;
  startedAt: number;
  /** false while starting up or draining for shutdown. */
  isAccepting: () => boolean;
}

export function systemRoutes(ctx: StoreContext, opts: SystemRouteOptions) {
  return (app: StoreApp) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['public'],
          summary: 'Liveness, and whether the supplier is simulated',
          response: {
            200: z.object({
              status: z.literal('ok'),
              store: z.string(),
              version: z.string(),
              uptimeSeconds: z.number(),
              supplier: z.object({ mode: z.enum(['cj', 'simulated']), warning: z.string().optional() }),
            }),
          },
        },
      },
      async () => ({
        status: 'ok' as const,
        store: ctx.id,
        version: opts.version,
        uptimeSeconds: Math.round((Date.now() - opts.startedAt) / 1000),
        supplier: ctx.supplier.simulated
          ? { mode: 'simulated' as const, warning: 'orders go to the bundled CJ simulator, not to CJ: nothing is really bought or shipped' }
          : { mode: 'cj' as const },
      }),
    );

    app.get(
      '/ready',
      {
        schema: {
          tags: ['public'],
          summary: 'Readiness: the database answers and the store accepts traffic',
          response: { 200: z.object({ ready: z.literal(true), checks: z.record(z.string(), z.string()) }) },
        },
      },
      async () => {
        if (!opts.isAccepting()) throw serviceUnavailable('not_ready', 'the store is starting or shutting down');
        try {
          await sql`select 1`.execute(ctx.db);
        } catch (err) {
          throw serviceUnavailable('database_unavailable', `database check failed: ${(err as Error).message}`);
        }
        return { ready: true as const, checks: { database: 'ok', supplier: ctx.supplier.simulated ? 'simulated' : 'cj' } };
      },
    );

    app.get(
      '/metrics',
      {
        preHandler: requireToken(ctx.secrets.get('adminToken')),
        schema: { tags: ['admin'], summary: 'Prometheus metrics of this store', security: ADMIN_SECURITY },
      },
      async (_request, reply) => {
        reply.header('content-type', ctx.metrics.registry.contentType);
        return ctx.metrics.registry.metrics();
      },
    );
  };
}

/** GET /store under the API prefix. */
export function storeInfoRoutes(ctx: StoreContext) {
  return (app: StoreApp) => {
    app.get(
      '/store',
      {
        schema: {
          tags: ['public'],
          summary: 'Store identity for the storefront',
          response: {
            200: z.object({
              id: z.string(),
              name: z.string(),
              locale: z.string(),
              currency: z.string(),
              mainCountry: z.string(),
              branding: z.object({ tagline: z.string().optional(), logoUrl: z.string().optional(), accentColor: z.string().optional() }),
            }),
          },
        },
      },
      async () => ({
        id: ctx.id,
        name: ctx.config.name,
        locale: ctx.config.locale,
        currency: ctx.config.currency,
        mainCountry: ctx.config.mainCountry,
        branding: ctx.config.branding,
      }),
    );
  };
}
