// The 5-minute safety net behind webhooks and the fulfilment job: it restarts fulfilment that was
// missed, resumes orders held for money or stock once the cause is gone, follows CJ's status of
// paid and shipped orders, polls tracking in batches, and cancels checkouts never paid.
import { Dec } from '../money/index.js';
import type { StoreContext } from '../stores/context.js';
import { enqueueJob } from '../jobs/enqueue.js';
import { advance, readBalance, remoteFrom, type RemoteOrder } from './fulfilment.js';
import { getOrder, transition } from './order-repository.js';
import { fulfilmentJob } from './payment-confirmation.js';
import type { OrderStatus } from './state-machine.js';
import { applyTracking } from './tracking.js';

export const RECONCILE_JOB = 'orders.reconcile';

export interface ReconcileSummary {
  restarted: number;
  resumed: number;
  synced: number;
  trackingPolled: number;
  expired: number;
}

const SYNC_BATCH = 50;

export async function reconcileOrders(ctx: StoreContext, signal?: AbortSignal): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { restarted: 0, resumed: 0, synced: 0, trackingPolled: 0, expired: 0 };
  const now = ctx.clock.now();
  const iso = (offset = 0) => new Date(now + offset).toISOString();

  // 1. Paid orders that are not at CJ yet: make sure their fulfilment job exists (de-duplicated).
  const stuck = await ctx.db.selectFrom('orders').select('id').where('status', 'in', ['pending', 'confirmed']).where('updated_at', '<', iso(-60_000)).execute();
  for (const o of stuck) if (await enqueueJob(ctx.db, ctx.clock, fulfilmentJob(o.id))) summary.restarted++;

  // 2. Holds that resolve themselves: enough CJ balance again, or the item back in stock.
  const held = await ctx.db.selectFrom('orders').select(['id', 'hold_reason', 'cj_amount_usd', 'cost_usd', 'shipping_quote_usd']).where('status', '=', 'on_hold').orderBy('created_at').execute();
  // The balance gauge follows the money: read once per run when orders were paid at CJ since the
  // last run (fulfilment no longer reads it before each payment), or when orders wait for it.
  const waiting = held.some((h) => h.hold_reason === 'insufficient_balance');
  const readAt = ctx.metrics.cjBalanceReadAt();
  const paidSince = readAt === null ? undefined : await ctx.db.selectFrom('orders').select('id').where('cj_paid_at', '>', new Date(readAt).toISOString()).limit(1).executeTakeFirst();
  const balance = waiting || paidSince ? await readBalance(ctx, signal) : null;
  if (waiting && balance !== null) {
    let available = new Dec(balance);
    for (const h of held.filter((x) => x.hold_reason === 'insufficient_balance')) {
      const needed = new Dec(h.cj_amount_usd ?? new Dec(h.cost_usd).plus(h.shipping_quote_usd).toFixed(2));
      if (available.lt(needed)) break; // oldest first: do not let a later order jump the queue
      available = available.minus(needed);
      if (await resume(ctx, h.id, 'the CJ balance covers the order again')) summary.resumed++;
    }
  }
  for (const h of held.filter((x) => x.hold_reason === 'out_of_stock')) {
    const order = await getOrder(ctx.db, h.id);
    if (!order) continue;
    const variants = await ctx.db.selectFrom('variants').select(['id', 'stock', 'on_sale']).where('id', 'in', order.lines.map((l) => l.variantId)).execute();
    const inStock = order.lines.every((l) => {
      const v = variants.find((x) => x.id === l.variantId);
      return v !== undefined && v.on_sale === 1 && v.stock >= l.quantity;
    });
    if (inStock && (await resume(ctx, h.id, 'the items are back in stock'))) summary.resumed++;
  }

  // 3. Follow CJ for orders it holds: paid → shipped → delivered (webhooks may have been missed).
  //    One order/list call for the whole batch (by CJ order id, ≤ 100 per call), not one lookup each.
  const active = await ctx.db
    .selectFrom('orders')
    .select(['id', 'cj_order_id'])
    .where('status', 'in', ['paid', 'shipped', 'disputed'])
    .where('cj_order_id', 'is not', null)
    .orderBy('updated_at')
    .limit(SYNC_BATCH)
    .execute();
  const remotes = active.length > 0 ? await remoteOrders(ctx, active.map((a) => a.cj_order_id!), signal) : new Map<string, RemoteOrder>();
  for (const { id, cj_order_id } of active) {
    const order = await getOrder(ctx.db, id);
    if (!order) continue;
    const remote = remotes.get(cj_order_id!);
    if (!remote) continue;
    const current = await advance(ctx, order, remote, 'cj_sync');
    if (remote.trackNumber && current.status !== 'delivered') {
      await applyTracking(ctx, current, { trackNumber: remote.trackNumber, trackingUrl: remote.trackingUrl }, 'cj_sync');
    }
    // A synced order moves to the back of the queue even when nothing changed.
    await ctx.db.updateTable('orders').set({ updated_at: iso() }).where('id', '=', id).execute();
    summary.synced++;
  }

  // 4. Tracking in batches: "last heard" moves when the carrier's status text changes, which is what
  //    the dispute rule for silent tracking watches. (Delivered is never decided from this text.)
  const shipped = await ctx.db
    .selectFrom('orders')
    .select(['id', 'track_number', 'tracking_text'])
    .where('status', '=', 'shipped')
    .where('track_number', 'is not', null)
    .orderBy('last_tracking_at')
    .limit(SYNC_BATCH)
    .execute();
  if (shipped.length > 0) {
    const infos = await ctx.cj.logistic.trackInfo(shipped.map((s) => s.track_number!), { signal });
    for (const info of infos) {
      const row = shipped.find((s) => s.track_number === info.trackingNumber);
      summary.trackingPolled++;
      if (!row || !info.trackingStatus || info.trackingStatus === row.tracking_text) continue;
      await ctx.db.updateTable('orders').set({ tracking_text: info.trackingStatus, last_tracking_at: iso() }).where('id', '=', row.id).execute();
    }
  }

  // 5. Checkouts never paid.
  const expired = await ctx.db
    .selectFrom('orders')
    .select(['id', 'status', 'held_from'])
    .where('status', '=', 'awaiting_payment')
    .where('created_at', '<', iso(-ctx.config.checkout.paymentTimeout))
    .execute();
  for (const o of expired) {
    const moved = await transition(ctx.db, ctx.clock, { id: o.id, status: o.status, heldFrom: o.held_from as OrderStatus | null }, {
      to: 'cancelled',
      reason: 'not paid in time',
      actor: 'system',
    });
    if (moved) summary.expired++;
  }
  ctx.log.info({ ...summary }, 'orders reconciled');
  return summary;
}

/** CJ's view of these orders (by CJ order id), from one order/list call. */
async function remoteOrders(ctx: StoreContext, cjOrderIds: string[], signal?: AbortSignal): Promise<Map<string, RemoteOrder>> {
  const page = await ctx.cj.orders.list({ orderIds: cjOrderIds, pageSize: cjOrderIds.length, pageNum: 1 }, { signal });
  return new Map(page.items.map((o) => [o.orderId, remoteFrom(o)]));
}

async function resume(ctx: StoreContext, orderId: string, reason: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const order = await getOrder(trx, orderId);
    if (!order || order.status !== 'on_hold') return false;
    const back = order.heldFrom === 'confirmed' ? 'confirmed' : 'pending';
    if (!(await transition(trx, ctx.clock, order, { to: back, reason, actor: 'system' }))) return false;
    await enqueueJob(trx, ctx.clock, fulfilmentJob(orderId));
    return true;
  });
}

export { resume as resumeHeldOrder };
