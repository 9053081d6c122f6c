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
  /** Whether the job runner is running (started, not stopped). */
  jobsRunning: () => boolean;
  /** Scale runtime: pings Redis (rejects when it does not answer). */
  pingRedis?: () => Promise<unknown>;
}

/** Operations endpoints answer load balancers and probes: they never spend a rate-limit budget. */
const UNLIMITED = { rateLimit: false } as const;

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function systemRoutes(ctx: StoreContext, opts: SystemRouteOptions) {
  return (app: StoreApp) => {
    app.get(
      '/health',
      {
        config: UNLIMITED,
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
        config: UNLIMITED,
        schema: {
          tags: ['public'],
          summary: 'Readiness: the database (and Redis on the scale runtime) answer, the job runner runs; CJ trouble is "degraded", not unready',
          response: { 200: z.object({ ready: z.literal(true), checks: z.record(z.string(), z.string()) }) },
        },
      },
      async () => {
        if (!opts.isAccepting()) throw serviceUnavailable('not_ready', 'the store is starting or shutting down');
        try {
          await within(5_000, sql`select 1`.execute(ctx.db));
        } catch (err) {
          throw serviceUnavailable('database_unavailable', `database check failed: ${(err as Error).message}`);
        }
        const checks: Record<string, string> = { database: 'ok' };
        if (opts.pingRedis) {
          try {
            await within(5_000, opts.pingRedis());
          } catch (err) {
            throw serviceUnavailable('redis_unavailable', `Redis check failed: ${(err as Error).message}`);
          }
          checks.redis = 'ok';
        }
        if (!opts.jobsRunning()) throw serviceUnavailable('jobs_stopped', 'the job runner is not running');
        checks.jobs = 'ok';
        checks.supplier = ctx.supplier.simulated ? 'simulated' : 'cj';
        // Orders wait and retry while CJ fails: the store still sells, so this never makes it unready.
        const breaker = await ctx.metrics.cjBreakerOpen.get();
        checks.cj = breaker.values.some((v) => v.value === 1) ? 'degraded' : 'ok';
        return { ready: true as const, checks };
      },
    );

    app.get(
      '/metrics',
      {
        config: UNLIMITED,
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
