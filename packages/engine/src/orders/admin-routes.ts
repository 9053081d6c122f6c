// The operator's order API: list and filter, detail with the event timeline, retry a held order,
// cancel, mark a bank transfer paid, and the business numbers.
import { z } from 'zod';
import { ADMIN_SECURITY, type StoreApp } from '../http/app-types.js';
import { requireToken } from '../http/auth.js';
import { HttpError, notFound } from '../http/errors.js';
import type { StoreContext } from '../stores/context.js';
import { cancelOrder, orderStats, retryOrder } from './admin-service.js';
import { getOrder, orderEvents } from './order-repository.js';
import { adminOrderView } from './order-views.js';
import { confirmPayment } from './payment-confirmation.js';
import { ORDER_STATUSES } from './state-machine.js';

export function orderAdminRoutes(ctx: StoreContext) {
  const admin = requireToken(ctx.secrets.get('adminToken'));
  const security = ADMIN_SECURITY;
  const idParams = z.object({ id: z.string().min(1).max(64) });
  const fail = (r: { status: number; code: string; message: string }) => new HttpError(r.status, r.code, r.message);

  return (app: StoreApp) => {
    app.get(
      '/orders',
      {
        preHandler: admin,
        schema: {
          tags: ['admin: orders'],
          summary: 'Orders, newest first, filtered by status or a search on number/email/name',
          security,
          querystring: z
            .object({
              status: z.enum(ORDER_STATUSES).optional(),
              q: z.string().trim().min(1).max(100).optional(),
              page: z.coerce.number().int().min(1).max(10_000).default(1),
              limit: z.coerce.number().int().min(1).max(200).default(50),
            })
            .strict(),
        },
      },
      async (request) => {
        const { status, q, page, limit } = request.query;
        let base = ctx.db.selectFrom('orders');
        if (status) base = base.where('status', '=', status);
        if (q) {
          const like = `%${q.toLowerCase()}%`;
          // lower() on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
          base = base.where((eb) =>
            eb.or([eb('number', 'like', `%${q.toUpperCase()}%`), eb('customer_email', 'like', like), eb(eb.fn('lower', [eb.ref('customer_name')]), 'like', like)]),
          );
        }
        const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
        const rows = await base.select('id').orderBy('created_at', 'desc').orderBy('id').limit(limit).offset((page - 1) * limit).execute();
        const items = [];
        for (const r of rows) items.push(adminOrderView((await getOrder(ctx.db, r.id))!, ctx.config.locale));
        return { page, limit, total: Number(n), items };
      },
    );

    app.get('/orders/stats', { preHandler: admin, schema: { tags: ['admin: orders'], summary: 'Counts by state, revenue, CJ cost and margin', security } }, async () =>
      orderStats(ctx),
    );

    app.get(
      '/orders/:id',
      { preHandler: admin, schema: { tags: ['admin: orders'], summary: 'One order with its event timeline and payments', security, params: idParams } },
      async (request) => {
        const order = await getOrder(ctx.db, request.params.id);
        if (!order) throw notFound(`no order ${request.params.id}`);
        const payments = await ctx.db.selectFrom('payments').selectAll().where('order_id', '=', order.id).orderBy('created_at').execute();
        return { ...adminOrderView(order, ctx.config.locale), events: await orderEvents(ctx.db, order.id), payments };
      },
    );

    app.post(
      '/orders/:id/retry',
      {
        preHandler: admin,
        schema: {
          tags: ['admin: orders'],
          summary: 'Resume a held order (acceptCost: accept a CJ price above the expected one)',
          security,
          params: idParams,
          // Optional: a bare POST (no body) arrives as null, which prefault({}) alone would refuse.
          body: z.object({ acceptCost: z.boolean().default(false) }).strict().nullish(),
        },
      },
      async (request, reply) => {
        const r = await retryOrder(ctx, request.params.id, request.body?.acceptCost ?? false);
        if (!r.ok) throw fail(r);
        return reply.status(202).send({ queued: true });
      },
    );

    app.post(
      '/orders/:id/cancel',
      { preHandler: admin, schema: { tags: ['admin: orders'], summary: 'Cancel an order CJ has not been paid for (deleted at CJ first)', security, params: idParams } },
      async (request) => {
        const r = await cancelOrder(ctx, request.params.id);
        if (!r.ok) throw fail(r);
        return { cancelled: true };
      },
    );

    app.post(
      '/orders/:id/mark-paid',
      {
        preHandler: admin,
        schema: {
          tags: ['admin: orders'],
          summary: 'Record a bank transfer (manual payments): the order goes to CJ at once',
          security,
          params: idParams,
          body: z.object({ reference: z.string().trim().min(3).max(100), amountMinor: z.number().int().min(1) }).strict(),
        },
      },
      async (request) => {
        const order = await getOrder(ctx.db, request.params.id);
        if (!order) throw notFound(`no order ${request.params.id}`);
        if (order.paymentProvider !== 'manual') throw new HttpError(409, 'not_manual', `order ${order.number} is paid through ${order.paymentProvider}, not by transfer`);
        const r = await confirmPayment(ctx, { orderId: order.id, provider: 'manual', reference: request.body.reference, amountMinor: request.body.amountMinor, currency: order.currency });
        if (r.status === 'rejected') throw new HttpError(409, 'payment_rejected', r.reason, 'body.amountMinor');
        return { status: r.status };
      },
    );
  };
}
