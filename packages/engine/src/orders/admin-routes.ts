// The operator's order API: list and filter, detail with the event timeline, retry a held order,
// accept CJ's higher cost, cancel, mark a bank transfer paid, refund, open a dispute by hand, and
// the business numbers. The console's order pages call the same services.
import { z } from 'zod';
import { ADMIN_SECURITY, type StoreApp } from '../http/app-types.js';
import { requireToken } from '../http/auth.js';
import { HttpError, notFound } from '../http/errors.js';
import type { StoreContext } from '../stores/context.js';
import { MANUAL_DISPUTE_KINDS } from '../disputes/rules.js';
import { openManualDispute } from '../disputes/manual-dispute.js';
import { acceptCjCost, cancelOrder, markTransferPaid, orderStats, retryOrder } from './admin-service.js';
import { listOrders, orderFilterSchema } from './order-list.js';
import { getOrder, orderEvents } from './order-repository.js';
import { adminOrderView } from './order-views.js';
import { refundOrder, refundState, type Refunder } from './refund.js';

export function orderAdminRoutes(ctx: StoreContext, refunder: Refunder | null = null) {
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
          summary: 'Orders, newest first, filtered by status, hold reason, creation dates (store time zone, inclusive) or a search on number/email/name',
          security,
          querystring: orderFilterSchema
            .extend({
              page: z.coerce.number().int().min(1).max(10_000).default(1),
              limit: z.coerce.number().int().min(1).max(200).default(50),
            })
            .strict(),
        },
      },
      async (request) => {
        const { page, limit, ...filter } = request.query;
        const r = await listOrders(ctx, filter, page, limit);
        return { page, limit, total: r.total, items: r.orders.map((o) => adminOrderView(o, ctx.config.locale)) };
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
        const refunds = await refundState(ctx, order);
        return {
          ...adminOrderView(order, ctx.config.locale),
          events: await orderEvents(ctx.db, order.id),
          payments,
          refunds: {
            seq: refunds.seq,
            paidMinor: refunds.paidMinor,
            refundedMinor: refunds.refundedMinor,
            remainingMinor: refunds.remainingMinor,
            refundedLines: [...refunds.refundedLines],
          },
        };
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
        const r = await retryOrder(ctx, request.params.id, request.body?.acceptCost ?? false, 'admin-token');
        if (!r.ok) throw fail(r);
        return reply.status(202).send({ queued: true });
      },
    );

    app.post(
      '/orders/:id/cancel',
      { preHandler: admin, schema: { tags: ['admin: orders'], summary: 'Cancel an order CJ has not been paid for (deleted at CJ first)', security, params: idParams } },
      async (request) => {
        const r = await cancelOrder(ctx, request.params.id, 'admin-token');
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
        const r = await markTransferPaid(ctx, request.params.id, request.body, 'admin-token');
        if (!r.ok) throw new HttpError(r.status, r.code, r.message, r.code === 'payment_rejected' ? 'body.amountMinor' : undefined);
        return r.value;
      },
    );

    app.post(
      '/orders/:id/accept-cost',
      {
        preHandler: admin,
        schema: {
          tags: ['admin: orders'],
          summary: 'Accept what CJ charges above the expected cost for an order held for it, and resume it',
          security,
          params: idParams,
        },
      },
      async (request, reply) => {
        const r = await acceptCjCost(ctx, request.params.id, 'admin-token');
        if (!r.ok) throw fail(r);
        return reply.status(202).send({ queued: true });
      },
    );

    app.post(
      '/orders/:id/refund',
      {
        preHandler: admin,
        schema: {
          tags: ['admin: orders'],
          summary: 'Refund the customer, in full or per line (Stripe through its API; a bank transfer recorded as made by hand)',
          description:
            'Send `seq` = the `refunds.seq` of GET /orders/{id}: a retry with the same seq is the same refund (never a second one), a stale seq is refused with 409 stale. ' +
            '`lines` (line numbers) refunds those lines; without it, everything not refunded yet, shipping included. ' +
            'A bank-transfer order needs `reference`, the transfer you made. The order becomes `refunded` when nothing is left.',
          security,
          params: idParams,
          body: z
            .object({
              seq: z.number().int().min(0).max(1000),
              lines: z.array(z.number().int().min(1).max(1000)).max(100).optional(),
              reference: z.string().trim().min(3).max(100).optional(),
            })
            .strict(),
        },
      },
      async (request) => {
        const r = await refundOrder(ctx, refunder, { orderId: request.params.id, seq: request.body.seq, lines: request.body.lines, manualReference: request.body.reference, actor: 'admin-token' });
        if (!r.ok) throw fail(r);
        return r.value;
      },
    );

    app.post(
      '/orders/:id/dispute',
      {
        preHandler: admin,
        schema: {
          tags: ['admin: orders'],
          summary: "Open a dispute at CJ by hand (damaged, wrong item, not received), through CJ's dispute flow; one per order and kind",
          security,
          params: idParams,
          body: z.object({ kind: z.enum(MANUAL_DISPUTE_KINDS) }).strict(),
        },
      },
      async (request) => {
        const r = await openManualDispute(ctx, request.params.id, request.body.kind, 'admin-token');
        if (!r.ok) throw fail(r);
        return { outcome: r.outcome, disputeId: r.disputeId ?? null, message: r.message ?? null };
      },
    );
  };
}
