// Putting an order on hold: it needs help (money, stock, an address, the supplier) before it can go
// on. The operator is alerted; some holds resume by themselves (see reconcile.ts).
import type { StoreContext } from '../stores/context.js';
import type { Order } from './order.js';
import { transition } from './order-repository.js';
import type { HoldReason } from './state-machine.js';

export async function holdOrder(ctx: StoreContext, order: Order, reason: HoldReason, detail: string): Promise<void> {
  const moved = await transition(ctx.db, ctx.clock, order, {
    to: 'on_hold',
    reason: `${reason}: ${detail}`,
    actor: 'fulfilment',
    set: { hold_reason: reason, hold_detail: detail },
  });
  if (!moved) return;
  ctx.log.warn({ order: order.number, reason, detail }, 'order on hold');
  ctx.alerts.notify({
    kind: reason === 'insufficient_balance' ? 'insufficient_balance' : 'order_on_hold',
    subject: reason === 'insufficient_balance' ? 'cj-balance' : order.number,
    message: `order ${order.number} on hold (${reason}): ${detail}`,
    data: { order: order.number, reason },
  });
}
