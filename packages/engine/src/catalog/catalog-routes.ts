// The catalogue over HTTP: public reads for the storefront, admin writes for the operator.
import { z } from 'zod';
import { ADMIN_SECURITY, type StoreApp } from '../http/app-types.js';
import { requireToken } from '../http/auth.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import type { StoreContext } from '../stores/context.js';
import { adminProductSchema, pageQuerySchema, publicProductSchema, scanRunSchema } from './catalog-schemas.js';
import { getProduct, listCategories, listProducts } from './catalog-repository.js';
import { patchProduct } from './product-admin.js';
import { PublicCatalogCache } from './public-catalog-cache.js';
import { adminProductView, publicProductView } from './product-views.js';
import { getScanRun, listScanRuns } from './scan-runs.js';
import { SCAN_JOB, startScan } from './start-scan.js';

export { SCAN_JOB };

const catalogPageSchema = z.object({ page: z.number(), limit: z.number(), total: z.number(), items: z.array(publicProductSchema) });
const featuredSchema = z.object({ items: z.array(publicProductSchema) });
const categoriesSchema = z.object({ items: z.array(z.object({ category: z.string(), count: z.number() })) });

export function catalogRoutes(ctx: StoreContext) {
  // The public reads answer from one cache per store, dropped on any catalogue change.
  const cache = new PublicCatalogCache(ctx.catalogVersion);
  const admin = requireToken(ctx.secrets.get('adminToken'));
  const view = (p: Parameters<typeof publicProductView>[0]) => publicProductView(p, ctx.config.locale, ctx.config.thresholds.lowStock);
  const adminView = (p: Parameters<typeof adminProductView>[0]) => adminProductView(p, ctx.config.locale, ctx.config.thresholds.lowStock);

  return (app: StoreApp) => {
    app.get(
      '/catalog',
      {
        config: { earlyAnswer: cache.early },
        schema: {
          tags: ['public'],
          summary: 'Products for sale, with paging, category, search and sort',
          querystring: z
            .object({
              ...pageQuerySchema,
              category: z.string().trim().min(1).max(80).optional(),
              search: z
                .string()
                .trim()
                .min(1)
                .max(100)
                .optional()
                .describe('Full-text search over titles, tags, categories and descriptions (case and accents ignored); with sort=featured, results come by relevance'),
              sort: z.enum(['featured', 'price_asc', 'price_desc', 'newest']).default('featured'),
            })
            .strict(),
          response: { 200: catalogPageSchema },
        },
      },
      async (request, reply) =>
        cache.send(request, reply, catalogPageSchema, async () => {
          const q = request.query;
          const result = await listProducts(ctx, {
            page: q.page,
            limit: q.limit,
            sort: q.sort,
            ...(q.category ? { category: q.category } : {}),
            ...(q.search ? { search: q.search } : {}),
          });
          return { page: q.page, limit: q.limit, total: result.total, items: result.items.map(view) };
        }),
    );

    app.get(
      '/catalog/featured',
      {
        config: { earlyAnswer: cache.early },
        schema: {
          tags: ['public'],
          summary: 'The best products (highest score)',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }).strict(),
          response: { 200: featuredSchema },
        },
      },
      async (request, reply) =>
        cache.send(request, reply, featuredSchema, async () => {
          const limit = request.query.limit ?? ctx.config.catalog.featuredLimit;
          const result = await listProducts(ctx, { page: 1, limit, sort: 'featured' });
          return { items: result.items.map(view) };
        }),
    );

    app.get(
      '/catalog/categories',
      {
        config: { earlyAnswer: cache.early },
        schema: {
          tags: ['public'],
          summary: 'Store categories with their product counts',
          response: { 200: categoriesSchema },
        },
      },
      async (request, reply) => cache.send(request, reply, categoriesSchema, async () => ({ items: await listCategories(ctx) })),
    );

    app.get(
      '/catalog/product/:idOrSlug',
      {
        config: { earlyAnswer: cache.early },
        schema: {
          tags: ['public'],
          summary: 'One product for sale, by id or slug',
          params: z.object({ idOrSlug: z.string().min(1).max(200) }),
          response: { 200: publicProductSchema },
        },
      },
      async (request, reply) =>
        cache.send(request, reply, publicProductSchema, async () => {
          const product = await getProduct(ctx.db, request.params.idOrSlug);
          if (!product || product.status !== 'active') throw notFound(`no product "${request.params.idOrSlug}" for sale`);
          return view(product);
        }),
    );

    app.get(
      '/admin/catalog',
      {
        preHandler: admin,
        schema: {
          tags: ['admin'],
          summary: 'Every product with costs and margins, including hidden and retired ones',
          security: ADMIN_SECURITY,
          querystring: z
            .object({
              ...pageQuerySchema,
              status: z.enum(['active', 'hidden', 'retired']).optional(),
              search: z.string().trim().min(1).max(100).optional(),
            })
            .strict(),
          response: { 200: z.object({ total: z.number(), items: z.array(adminProductSchema) }) },
        },
      },
      async (request) => {
        const q = request.query;
        const result = await listProducts(ctx, {
          page: q.page,
          limit: q.limit,
          sort: 'newest',
          statuses: q.status ? [q.status] : ['active', 'hidden', 'retired'],
          ...(q.search ? { search: q.search } : {}),
        });
        return { total: result.total, items: result.items.map(adminView) };
      },
    );

    app.patch(
      '/catalog/product/:id',
      {
        preHandler: admin,
        schema: {
          tags: ['admin'],
          summary: 'Hide or show a product, edit its texts, category and tags, or override its price',
          security: ADMIN_SECURITY,
          params: z.object({ id: z.string().min(1).max(200) }),
          body: z
            .object({
              status: z.enum(['active', 'hidden']).optional(),
              title: z.string().trim().min(3).max(200).optional(),
              description: z.string().trim().min(1).max(20_000).optional(),
              category: z.string().trim().min(1).max(80).optional().describe('Kept by later scans once edited'),
              tags: z.array(z.string().trim().min(1).max(40)).max(20).optional().describe('Kept by later scans once edited'),
              priceOverrideMinor: z.number().int().min(1).max(100_000_000).nullable().optional(),
            })
            .strict()
            .refine((b) => Object.keys(b).length > 0, { message: 'send at least one of status, title, description, category, tags, priceOverrideMinor' }),
          response: { 200: adminProductSchema },
        },
      },
      async (request) => {
        const result = await patchProduct(ctx, request.params.id, request.body);
        if (!result.ok) throw new HttpError(result.status, result.code, result.message, result.field);
        return adminView(result.product);
      },
    );

    app.post(
      '/catalog/scan',
      {
        preHandler: admin,
        schema: {
          tags: ['admin'],
          summary: 'Start a catalogue scan now (runs as a job; see GET /catalog/scans)',
          security: ADMIN_SECURITY,
          response: { 202: z.object({ queued: z.literal(true), jobId: z.string() }) },
        },
      },
      async (_request, reply) => {
        const result = await startScan(ctx, 'admin-token');
        if (result.outcome === 'already_running') throw conflict('scan_running', `a scan is already running (run ${result.runId}); follow it at GET /catalog/scans`);
        if (result.outcome === 'already_queued') throw conflict('scan_queued', 'a scan requested earlier has not started yet');
        return reply.status(202).send({ queued: true as const, jobId: result.jobId });
      },
    );

    app.get(
      '/catalog/scans',
      {
        preHandler: admin,
        schema: {
          tags: ['admin'],
          summary: 'Recent scans with their per-gate counts (a running scan updates as it goes)',
          security: ADMIN_SECURITY,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict(),
          response: { 200: z.object({ items: z.array(scanRunSchema) }) },
        },
      },
      async (request) => ({ items: await listScanRuns(ctx.db, request.query.limit) }),
    );

    app.get(
      '/catalog/scans/:id',
      {
        preHandler: admin,
        schema: {
          tags: ['admin'],
          summary: 'One scan run',
          security: ADMIN_SECURITY,
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: scanRunSchema },
        },
      },
      async (request) => {
        const run = await getScanRun(ctx.db, request.params.id);
        if (!run) throw notFound(`no scan run ${request.params.id}`);
        return run;
      },
    );
  };
}
