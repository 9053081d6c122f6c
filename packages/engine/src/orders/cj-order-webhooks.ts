// ORDER and LOGISTIC webhooks from CJ, processed from the inbox. Out of order or repeated messages
// are harmless: statuses only move forward and every change is idempotent.
import { parseWebhook } from '@lojista/cj';
import type { StoreContext } from '../stores/context.js';
import type { InboxDispatcher } from '../webhooks/inbox.js';
import { enqueueJob } from '../jobs/enqueue.js';
import { advance } from './fulfilment.js';
import { getOrder, getOrderByCjId, getOrderByTrackNumber } from './order-repository.js';
import { fulfilmentJob } from './payment-confirmation.js';
import { applyTracking } from './tracking.js';

export function registerOrderWebhooks(dispatcher: InboxDispatcher): void {
  dispatcher.on('cj', 'ORDER', async (ctx, row) => {
    const message = parseWebhook(row.payload);
    if (message.type !== 'ORDER') return 'ignored';
    const p = message.params;
    const order =
      (p.orderNumber ? await getOrder(ctx.db, p.orderNumber) : undefined) ?? (p.cjOrderId ? await getOrderByCjId(ctx.db, p.cjOrderId) : undefined);
    if (!order) return 'ignored';
    if (p.cjOrderId && !order.cj.orderId) {
      await ctx.db.updateTable('orders').set({ cj_order_id: p.cjOrderId }).where('id', '=', order.id).execute();
    }
    if (order.status === 'pending' || order.status === 'confirmed') {
      // Fulfilment owns these steps; nudge it rather than racing it.
      await nudge(ctx, order.id);
      return 'processed';
    }
    const current = await advance(ctx, order, { orderId: p.cjOrderId ?? order.cj.orderId ?? '', status: p.orderStatus, amountUsd: undefined, trackNumber: p.trackNumber, trackingUrl: p.trackingUrl }, 'webhook');
    if (p.trackNumber && current.status !== 'delivered') await applyTracking(ctx, current, { trackNumber: p.trackNumber, trackingUrl: p.trackingUrl }, 'webhook');
    return 'processed';
  });

  dispatcher.on('cj', 'LOGISTIC', async (ctx, row) => {
    const message = parseWebhook(row.payload);
    if (message.type !== 'LOGISTIC') return 'ignored';
    const p = message.params;
    const order = (p.orderId ? await getOrderByCjId(ctx.db, p.orderId) : undefined) ?? (p.trackingNumber ? await getOrderByTrackNumber(ctx.db, p.trackingNumber) : undefined);
    if (!order) return 'ignored';
    await applyTracking(ctx, order, { trackNumber: p.trackingNumber, trackingUrl: p.trackingUrl, status: p.trackingStatus }, 'webhook');
    return 'processed';
  });
}

async function nudge(ctx: StoreContext, orderId: string): Promise<void> {
  if (await enqueueJob(ctx.db, ctx.clock, fulfilmentJob(orderId))) ctx.pokeJobs();
}
