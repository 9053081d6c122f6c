// The operator's window on CJ for this store's account: search, product, categories, freight,
// stock, balance, warehouses. Admin only; every call spends the store's own QPS budget, except product details and
// freight quotes answered from the store's cache (src/cache).
import { z } from 'zod';
import { ADMIN_SECURITY, type StoreApp } from '../http/app-types.js';
import { requireToken } from '../http/auth.js';
import { Dec } from '../money/index.js';
import type { StoreContext } from '../stores/context.js';
import { inBackgroundLane } from './cj-priority.js';
import { cjErrorToHttp } from './cj-errors-http.js';
import { cachedFreight } from '../cache/freight.js';

const anyJson = z.any();

export function cjProxyRoutes(ctx: StoreContext) {
  const admin = requireToken(ctx.secrets.get('adminToken'));
  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      // The operator's browsing of CJ yields the account's QPS to fulfilment.
      return await inBackgroundLane(call);
    } catch (err) {
      throw cjErrorToHttp(err);
    }
  };
  const meta = (summary: string) => ({ tags: ['admin: CJ'], summary, security: ADMIN_SECURITY, response: { 200: anyJson } });

  return (app: StoreApp) => {
    app.get(
      '/cj/products',
      {
        preHandler: admin,
        schema: {
          ...meta('Search CJ (listV2) by keyword'),
          querystring: z
            .object({
              q: z.string().trim().min(1, 'q (the search keyword) is required').max(100),
              page: z.coerce.number().int().min(1).max(1000).default(1),
              size: z.coerce.number().int().min(1).max(100).default(20),
            })
            .strict(),
        },
      },
      async (request) =>
        guard(() =>
          ctx.cj.products.listV2({ keyWord: request.query.q, page: request.query.page, size: request.query.size, features: ['enable_category'] }),
        ),
    );
    app.get(
      '/cj/product/:pid',
      { preHandler: admin, schema: { ...meta('One CJ product with variants and stock'), params: z.object({ pid: z.string().min(1).max(64) }) } },
      // Reused for cache.productTtl; a webhook or the inventory sync about the product drops it.
      async (request) =>
        guard(() =>
          ctx.cache.through('product', request.params.pid, [request.params.pid], () => ctx.cj.products.query({ pid: request.params.pid }, { features: ['enable_inventory'] })),
        ),
    );
    app.get('/cj/categories', { preHandler: admin, schema: meta('CJ category tree') }, async () => guard(() => ctx.cj.products.categories()));
    app.post(
      '/cj/freight',
      {
        preHandler: admin,
        schema: {
          ...meta('Shipping options for a variant on a route, cheapest first'),
          body: z
            .object({
              vid: z.string().min(1).max(64),
              quantity: z.number().int().min(1).max(100).default(1),
              countryCode: z.string().regex(/^[A-Z]{2}$/, 'an ISO-2 country such as "PT"').optional(),
              fromCountryCode: z.string().regex(/^[A-Z]{2}$/, 'an ISO-2 country such as "CN"').default('CN'),
            })
            .strict(),
        },
      },
      async (request) => {
        const b = request.body;
        const options = await guard(() => cachedFreight(ctx, b.fromCountryCode, b.countryCode ?? ctx.config.mainCountry, [{ vid: b.vid, quantity: b.quantity }]));
        const price = (o: { logisticPrice?: string | undefined }) => new Dec(o.logisticPrice ?? '999999');
        return [...options].sort((a, b2) => price(a).cmp(price(b2)));
      },
    );
    app.get(
      '/cj/stock/:vid',
      { preHandler: admin, schema: { ...meta('Stock of one variant per warehouse'), params: z.object({ vid: z.string().min(1).max(64) }) } },
      async (request) => guard(() => ctx.cj.stock.byVid(request.params.vid)),
    );
    app.get('/cj/balance', { preHandler: admin, schema: meta('The CJ account balance (USD)') }, async () => guard(() => ctx.cj.pay.balance()));
    app.get('/cj/warehouses', { preHandler: admin, schema: meta('CJ warehouse areas') }, async () => guard(() => ctx.cj.products.globalWarehouses()));
  };
}
