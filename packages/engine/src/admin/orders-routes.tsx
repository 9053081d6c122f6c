// The console's order pages: list (filters, paging, CSV), detail, and the actions — each a
// confirmation page (GET) and a CSRF-protected post that calls the same service as the JSON API,
// then redirects to the order with what happened. A second click of the same action lands on
// "already done", never on a second CJ order, payment, refund or dispute.
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { z } from 'zod';
import { openManualDispute } from '../disputes/manual-dispute.js';
import { MANUAL_DISPUTE_KINDS } from '../disputes/rules.js';
import { HttpError, notFound } from '../http/errors.js';
import type { StoreApp } from '../http/app-types.js';
import { acceptCjCost, cancelOrder, costDrift, markTransferPaid, retryOrder } from '../orders/admin-service.js';
import { allOrders, listOrders, orderFilterSchema, type OrderFilter } from '../orders/order-list.js';
import { orderMargin } from '../orders/order-margin.js';
import type { Order } from '../orders/order.js';
import { getOrder, orderEvents } from '../orders/order-repository.js';
import { refundOrder, refundState, refundable, type Refunder } from '../orders/refund.js';
import { isCancellable } from '../orders/state-machine.js';
import type { StoreContext } from '../stores/context.js';
import { csrfToken } from '../web/csrf.js';
import { setFlash, takeFlash, type Flash } from '../web/flash.js';
import type { OrderActionName } from '../web/i18n/admin-orders.js';
import { renderDocument } from '../web/render.js';
import type { AdminView } from './admin-view.js';
import { ACTION_SLUGS, csvPath, orderPath } from './orders/order-paths.js';
import { CSV_HEADER, csvRow } from './orders/orders-csv.js';
import { OrderActionPage } from './pages/order-action-page.js';
import { OrderDetailPage } from './pages/order-detail-page.js';
import { OrdersListPage } from './pages/orders-list-page.js';

export interface OrderPagesDeps {
  ctx: StoreContext;
  view: AdminView;
  guard: preHandlerHookHandler;
  csrf: preHandlerHookHandler;
  refunder: Refunder | null;
  /** A console path → the route path inside the /admin prefix. */
  local: (path: string) => string;
  send: (request: FastifyRequest, reply: FastifyReply, html: string, status?: number) => FastifyReply | Promise<FastifyReply>;
}

const PAGE_SIZE = 25;
const listQuery = orderFilterSchema.extend({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

/** The filter form sends every field; an empty one means "any". */
function withoutEmpty(query: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));
}

/** The actions an order's state allows, in the order the page shows them. */
export function availableActions(order: Order, refundRemaining: number): OrderActionName[] {
  const out: OrderActionName[] = [];
  if (order.status === 'on_hold') out.push('retry');
  if (costDrift(order)) out.push('acceptCost');
  if (order.status === 'awaiting_payment' && order.paymentProvider === 'manual') out.push('markPaid');
  if (refundable(order) && refundRemaining > 0) out.push('refund');
  if (order.cj.orderId && ['paid', 'shipped', 'delivered', 'disputed'].includes(order.status)) out.push('dispute');
  if (isCancellable(order.status)) out.push('cancel');
  return out;
}

const actionBySlug = new Map(Object.entries(ACTION_SLUGS).map(([name, slug]) => [slug, name as OrderActionName]));

type Outcome = { kind: 'done' | 'already' } | { kind: 'error'; code: string; message: string } | { kind: 'form'; error: string };

export function registerOrderPages(app: StoreApp, deps: OrderPagesDeps): void {
  const { ctx, view, guard, csrf, refunder, local, send } = deps;
  const { paths } = view;
  const m = view.messages.admin.orders;
  const section = paths.sections.orders;

  async function loadOrder(number: string): Promise<Order> {
    const order = await getOrder(ctx.db, number);
    if (!order) throw notFound(`no order ${number}`);
    return order;
  }

  app.get(local(section), { preHandler: guard, schema: { hide: true } }, async (request, reply) => {
    const parsed = listQuery.safeParse(withoutEmpty(request.query));
    if (!parsed.success) throw new HttpError(400, 'invalid_input', parsed.error.issues[0]?.message ?? 'bad filter');
    const { page, ...filter } = parsed.data;
    const result = await listOrders(ctx, filter, page, PAGE_SIZE);
    return send(request, reply, renderDocument(<OrdersListPage view={view} csrf={csrfToken(reply)} flash={takeFlash(request, reply, ctx.id)} filter={filter} result={result} />));
  });

  app.get(local(csvPath(paths)), { preHandler: guard, schema: { hide: true } }, async (request, reply) => {
    const parsed = orderFilterSchema.safeParse(withoutEmpty(request.query));
    if (!parsed.success) throw new HttpError(400, 'invalid_input', parsed.error.issues[0]?.message ?? 'bad filter');
    const filter: OrderFilter = parsed.data;
    const lines = [CSV_HEADER.join(',')];
    for await (const o of allOrders(ctx, filter)) lines.push(csvRow(o));
    const day = new Date(ctx.clock.now()).toISOString().slice(0, 10);
    return reply
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="orders-${ctx.id}-${day}.csv"`)
      .send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });

  const numberParams = z.object({ number: z.string().min(1).max(64) });

  app.get(local(`${section}/:number`), { preHandler: guard, schema: { hide: true, params: numberParams } }, async (request, reply) => {
    const order = await loadOrder(request.params.number);
    const refunds = await refundState(ctx, order);
    return send(
      request,
      reply,
      renderDocument(
        <OrderDetailPage
          view={view}
          csrf={csrfToken(reply)}
          flash={takeFlash(request, reply, ctx.id)}
          order={order}
          events={await orderEvents(ctx.db, order.id)}
          margin={orderMargin(order, ctx.config)}
          refundedMinor={refunds.refundedMinor}
          refundedLines={refunds.refundedLines}
          actions={availableActions(order, refunds.remainingMinor)}
        />,
      ),
    );
  });

  const actionParams = z.object({ number: z.string().min(1).max(64), action: z.string().max(40) });
  const actionOf = (slug: string): OrderActionName => {
    const action = actionBySlug.get(slug);
    if (!action) throw notFound(`no order action ${slug}`);
    return action;
  };

  const renderAction = async (request: FastifyRequest, reply: FastifyReply, order: Order, action: OrderActionName, status = 200, error?: string, flash?: Flash | null) => {
    const refunds = action === 'refund' ? await refundState(ctx, order) : null;
    return send(
      request,
      reply,
      renderDocument(
        <OrderActionPage
          view={view}
          csrf={csrfToken(reply)}
          flash={flash ?? null}
          order={order}
          action={action}
          error={error}
          {...(refunds ? { refund: { seq: refunds.seq, remainingMinor: refunds.remainingMinor, refundedLines: refunds.refundedLines } } : {})}
        />,
      ),
      status,
    );
  };

  app.get(local(`${section}/:number/:action`), { preHandler: guard, schema: { hide: true, params: actionParams } }, async (request, reply) => {
    const action = actionOf(request.params.action);
    const order = await loadOrder(request.params.number);
    return renderAction(request, reply, order, action, 200, undefined, takeFlash(request, reply, ctx.id));
  });

  app.post(local(`${section}/:number/:action`), { preHandler: [guard, csrf], schema: { hide: true, params: actionParams } }, async (request, reply) => {
    const action = actionOf(request.params.action);
    const order = await loadOrder(request.params.number);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const outcome = await perform(ctx, refunder, order, action, body, m);
    if (outcome.kind === 'form') return renderAction(request, reply, order, action, 422, outcome.error);
    const flash: Flash =
      outcome.kind === 'error'
        ? { kind: 'error', message: m.failed(m.errors[outcome.code] ?? outcome.message) }
        : outcome.kind === 'done'
          ? { kind: 'success', message: m.actions[action].done }
          : { kind: 'info', message: m.actions[action].already };
    setFlash(reply, ctx.id, flash);
    return reply.redirect(orderPath(paths, order.number), 303);
  });
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

async function perform(
  ctx: StoreContext,
  refunder: Refunder | null,
  order: Order,
  action: OrderActionName,
  body: Record<string, unknown>,
  m: AdminView['messages']['admin']['orders'],
): Promise<Outcome> {
  // The console has one user: the store's owner.
  const actor = 'owner';
  // A refused action whose effect is already there is the second click of a double click.
  const settledAs = async (r: { ok: false; code: string; message: string }, reached: (o: Order) => boolean): Promise<Outcome> => {
    const now = await getOrder(ctx.db, order.id);
    return now && reached(now) ? { kind: 'already' } : { kind: 'error', code: r.code, message: r.message };
  };
  switch (action) {
    case 'retry':
    case 'acceptCost': {
      const r = action === 'retry' ? await retryOrder(ctx, order.id, false, actor) : await acceptCjCost(ctx, order.id, actor);
      return r.ok ? { kind: 'done' } : settledAs(r, (o) => o.status !== 'on_hold' && r.code === 'not_on_hold');
    }
    case 'cancel': {
      const r = await cancelOrder(ctx, order.id, actor);
      return r.ok ? { kind: 'done' } : settledAs(r, (o) => o.status === 'cancelled');
    }
    case 'markPaid': {
      const reference = text(body.reference);
      if (reference.length < 3 || reference.length > 100) return { kind: 'form', error: m.markPaid.referenceHint };
      const r = await markTransferPaid(ctx, order.id, { reference, amountMinor: order.totalMinor }, actor);
      if (!r.ok) return { kind: 'error', code: r.code, message: r.message };
      return r.value.status === 'confirmed' ? { kind: 'done' } : { kind: 'already' };
    }
    case 'refund': {
      const seq = Number(text(body.seq));
      if (!Number.isInteger(seq) || seq < 0) return { kind: 'error', code: 'stale', message: 'the form lost its refund count' };
      const scope = text(body.scope) || 'full';
      const line = /^line-(\d{1,4})$/.exec(scope);
      const reference = text(body.reference);
      if (order.paymentProvider === 'manual' && (reference.length < 3 || reference.length > 100)) return { kind: 'form', error: m.errors.reference_required! };
      const r = await refundOrder(ctx, refunder, { orderId: order.id, seq, lines: line ? [Number(line[1])] : [], manualReference: reference || undefined, actor });
      if (r.ok) return { kind: r.value.replay ? 'already' : 'done' };
      return r.code === 'in_progress' ? { kind: 'already' } : { kind: 'error', code: r.code, message: r.message };
    }
    case 'dispute': {
      const kind = MANUAL_DISPUTE_KINDS.find((k) => k === text(body.kind));
      if (!kind) return { kind: 'form', error: m.dispute.kind };
      const r = await openManualDispute(ctx, order.id, kind, actor);
      if (!r.ok) return { kind: 'error', code: r.code, message: r.message };
      if (r.outcome === 'opened' || r.outcome === 'found') return { kind: 'done' };
      if (r.outcome === 'exists' || r.outcome === 'busy') return { kind: 'already' };
      return { kind: 'error', code: r.outcome === 'pending' ? 'pending' : 'not_disputable', message: r.message ?? r.outcome };
    }
  }
}
