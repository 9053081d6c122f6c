// A dispute the operator opens by hand (damaged, wrong item, not received), from the console or the
// API. It goes through the same one-per-order-and-kind path as the automatic rules (row first, lease,
// look up before any second create, CJ's products → confirm info → create), so a double click
// files one dispute.
import { getOrder, recordEvent } from '../orders/order-repository.js';
import type { Actor } from '../orders/state-machine.js';
import type { StoreContext } from '../stores/context.js';
import { openDispute, type OpenOutcome } from './open-dispute.js';
import { RULES, type ManualDisputeKind } from './rules.js';

export type ManualDisputeResult =
  | { ok: true; outcome: OpenOutcome; disputeId: string | undefined; message: string | undefined }
  | { ok: false; status: 404 | 409; code: string; message: string };

/** `actor`: who asked (owner, admin-token, an agent), for the order's timeline. */
export async function openManualDispute(ctx: StoreContext, orderId: string, kind: ManualDisputeKind, actor: Actor): Promise<ManualDisputeResult> {
  const order = await getOrder(ctx.db, orderId);
  if (!order) return { ok: false, status: 404, code: 'not_found', message: `no order ${orderId}` };
  if (!order.cj.orderId) return { ok: false, status: 409, code: 'not_at_cj', message: `order ${order.number} is not at CJ yet: there is nothing to dispute` };
  if (!RULES[kind].statuses.includes(order.status)) {
    return { ok: false, status: 409, code: 'not_disputable', message: `order ${order.number} is ${order.status}: a dispute needs an order CJ has been paid for` };
  }
  const existing = await ctx.db.selectFrom('disputes').select('id').where('order_id', '=', order.id).where('rule', '=', kind).executeTakeFirst();
  if (!existing) await recordEvent(ctx.db, ctx.clock, order, `the operator asked CJ for a dispute: ${RULES[kind].label}`, actor, { kind });
  const r = await openDispute(ctx, order.id, kind);
  return { ok: true, outcome: r.outcome, disputeId: r.disputeId, message: r.message };
}
