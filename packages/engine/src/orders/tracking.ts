// Tracking news for an order (LOGISTIC webhook or trackInfo polling). Delivered is decided only by
// CJ's delivered status or the "sign for" event (12) — never guessed from free text.
import type { StoreContext } from '../stores/context.js';
import { advance } from './fulfilment.js';
import type { Order } from './order.js';
import { getOrder, transition } from './order-repository.js';
import { SIGNED_FOR } from './cj-status.js';

export interface TrackingNews {
  trackNumber?: string | undefined;
  trackingUrl?: string | undefined;
  /** LOGISTIC webhook code 0–14, when known. */
  status?: number | undefined;
}

const FAILURE_CODES = new Set([13, 14]);

export async function applyTracking(ctx: StoreContext, order: Order, news: TrackingNews, actor: 'webhook' | 'cj_sync'): Promise<Order> {
  const now = new Date(ctx.clock.now()).toISOString();
  // Codes only move forward, except failure/return (13/14), which always get through.
  const status =
    news.status === undefined
      ? order.tracking.status
      : FAILURE_CODES.has(news.status) || order.tracking.status === null || news.status >= order.tracking.status || FAILURE_CODES.has(order.tracking.status)
        ? news.status
        : order.tracking.status;
  const trackNumber = news.trackNumber ?? order.tracking.number;
  const trackingUrl = news.trackingUrl ?? order.tracking.url;
  // "Last heard" moves only on news: the dispute rule for silent tracking depends on it.
  const changed = trackNumber !== order.tracking.number || trackingUrl !== order.tracking.url || status !== order.tracking.status;
  if (changed) {
    await ctx.db
      .updateTable('orders')
      .set({ track_number: trackNumber, tracking_url: trackingUrl, logistic_status: status, last_tracking_at: now, updated_at: now })
      .where('id', '=', order.id)
      .execute();
  }
  let current = (await getOrder(ctx.db, order.id))!;
  if (current.tracking.number && (current.status === 'paid' || current.status === 'confirmed')) {
    current = await advance(ctx, current, { orderId: current.cj.orderId ?? '', status: 'SHIPPED', amountUsd: undefined }, actor);
  }
  if (news.status === SIGNED_FOR && (current.status === 'shipped' || current.status === 'disputed' || current.status === 'paid')) {
    const moved = await transition(ctx.db, ctx.clock, current, {
      to: 'delivered',
      reason: 'tracking: signed for (12)',
      actor,
      set: { delivered_at: now },
    });
    if (moved) current = (await getOrder(ctx.db, order.id))!;
  }
  return current;
}
