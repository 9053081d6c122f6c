// What the operator can do to an order: resume a held one, cancel one CJ has not been paid for,
// mark a bank transfer as received; and the numbers of the business.
import { CjBusinessError, CjUnknownOutcomeError } from '@lojista/cj';
import { enqueueJob } from '../jobs/enqueue.js';
import { Dec } from '../money/index.js';
import type { StoreContext } from '../stores/context.js';
import { lookupAtCj } from './fulfilment.js';
import { getOrder, transition } from './order-repository.js';
import { fulfilmentJob } from './payment-confirmation.js';
import { ORDER_STATUSES, isCancellable, type Actor } from './state-machine.js';

export type AdminResult<T> = { ok: true; value: T } | { ok: false; status: 404 | 409 | 502; code: string; message: string };

export async function retryOrder(ctx: StoreContext, id: string, acceptCost: boolean, actor: Actor = 'admin'): Promise<AdminResult<null>> {
  const order = await getOrder(ctx.db, id);
  if (!order) return { ok: false, status: 404, code: 'not_found', message: `no order ${id}` };
  if (order.status !== 'on_hold') return { ok: false, status: 409, code: 'not_on_hold', message: `order ${order.number} is ${order.status}, not on hold` };
  const back = order.heldFrom === 'confirmed' ? 'confirmed' : 'pending';
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await transition(trx, ctx.clock, order, { to: back, reason: 'the operator retried it', actor }))) return;
    await enqueueJob(trx, ctx.clock, { ...fulfilmentJob(order.id), payload: { orderId: order.id, acceptCostDrift: acceptCost } });
  });
  ctx.pokeJobs();
  return { ok: true, value: null };
}

/** Cancels an order while CJ has not been paid: deleted at CJ first, then here. */
export async function cancelOrder(ctx: StoreContext, id: string, actor: Actor = 'admin'): Promise<AdminResult<null>> {
  const order = await getOrder(ctx.db, id);
  if (!order) return { ok: false, status: 404, code: 'not_found', message: `no order ${id}` };
  if (!isCancellable(order.status)) {
    return {
      ok: false,
      status: 409,
      code: 'not_cancellable',
      message: `order ${order.number} is ${order.status}: CJ has been paid, so it cannot be cancelled here; open a dispute or refund the customer`,
    };
  }
  const remote = order.status === 'awaiting_payment' ? null : await lookupAtCj(ctx, order.number);
  if (remote) {
    if (!['CREATED', 'IN_CART', 'UNPAID', 'CANCELLED'].includes(remote.status ?? '')) {
      return { ok: false, status: 409, code: 'paid_at_cj', message: `CJ already has order ${order.number} as ${remote.status}; it cannot be cancelled` };
    }
    if (remote.status !== 'CANCELLED') {
      try {
        await ctx.cj.orders.delete(remote.orderId);
      } catch (err) {
        if (err instanceof CjUnknownOutcomeError || err instanceof CjBusinessError) {
          return { ok: false, status: 502, code: 'cj_refused', message: `CJ did not confirm the cancellation (${(err as Error).message}); nothing was cancelled, try again` };
        }
        throw err;
      }
    }
  }
  const moved = await transition(ctx.db, ctx.clock, order, { to: 'cancelled', reason: 'cancelled by the operator', actor, data: { cjOrderId: remote?.orderId } });
  if (!moved) return { ok: false, status: 409, code: 'changed', message: 'the order changed meanwhile; reload and try again' };
  return { ok: true, value: null };
}

export async function orderStats(ctx: StoreContext) {
  const rows = await ctx.db.selectFrom('orders').select(['status', 'total_minor', 'cj_amount_usd', 'currency']).execute();
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  let revenueMinor = 0;
  let cjCost = new Dec('0');
  const paidStatuses = new Set(['pending', 'confirmed', 'paid', 'shipped', 'delivered', 'disputed', 'on_hold']);
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (paidStatuses.has(r.status)) revenueMinor += r.total_minor;
    if (r.cj_amount_usd && ['paid', 'shipped', 'delivered', 'disputed'].includes(r.status)) cjCost = cjCost.plus(r.cj_amount_usd);
  }
  // Margin in the store currency: revenue without VAT minus CJ's charges converted at the store's rate.
  const vatFactor = new Dec('1').plus(ctx.config.pricing.vatRate);
  const netRevenue = new Dec(String(revenueMinor)).div(vatFactor).div('100');
  const costInCurrency = cjCost.times(ctx.config.pricing.fx.rate);
  return {
    orders: rows.length,
    byStatus,
    currency: ctx.config.currency,
    revenue: new Dec(String(revenueMinor)).div('100').toFixed(2),
    revenueNet: netRevenue.toFixed(2),
    cjCostUsd: cjCost.toFixed(2),
    cjCost: costInCurrency.toFixed(2),
    margin: netRevenue.minus(costInCurrency).toFixed(2),
  };
}
