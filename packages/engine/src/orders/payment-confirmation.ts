// A customer payment confirmed (Stripe webhook, the operator for a bank transfer, or the demo): the
// order moves to `pending` and its fulfilment job is written in the same transaction, so the order
// reaches CJ within seconds and is never forgotten.
import { randomUUID } from 'node:crypto';
import { enqueueJob } from '../jobs/enqueue.js';
import type { StoreContext } from '../stores/context.js';
import { getOrder, recordEvent, transition } from './order-repository.js';

export const FULFIL_JOB = 'orders.fulfil';

export interface PaymentConfirmation {
  orderId: string;
  provider: string;
  reference: string;
  amountMinor: number;
  currency: string;
}

export type ConfirmOutcome =
  | { status: 'confirmed' }
  | { status: 'already_confirmed' }
  | { status: 'rejected'; reason: string };

export function fulfilmentJob(orderId: string) {
  return { type: FULFIL_JOB, payload: { orderId }, dedupeKey: `fulfil:${orderId}`, maxAttempts: 20 };
}

export async function confirmPayment(ctx: StoreContext, p: PaymentConfirmation): Promise<ConfirmOutcome> {
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<ConfirmOutcome> => {
    const order = await getOrder(trx, p.orderId);
    if (!order) return { status: 'rejected', reason: `no order ${p.orderId}` };
    // A payment that does not match the order is refused before it is recorded: recorded, its
    // reference would make the correct confirmation (the operator fixing a mistyped amount) look like
    // a duplicate ("already_confirmed") while the order never goes to CJ.
    if (order.status === 'awaiting_payment' && (p.amountMinor !== order.totalMinor || p.currency !== order.currency)) {
      await recordEvent(trx, ctx.clock, order, 'payment amount differs from the order total; not fulfilled', 'payment', { ...p, expected: order.totalMinor });
      return { status: 'rejected', reason: `paid ${p.amountMinor} ${p.currency}, expected ${order.totalMinor} ${order.currency}` };
    }
    const now = new Date(ctx.clock.now()).toISOString();
    const inserted = await trx
      .insertInto('payments')
      .values({
        id: randomUUID(),
        order_id: order.id,
        provider: p.provider,
        provider_ref: p.reference,
        kind: 'charge',
        amount_minor: p.amountMinor,
        currency: p.currency,
        created_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return { status: 'already_confirmed' };
    if (order.status !== 'awaiting_payment') {
      await recordEvent(trx, ctx.clock, order, `payment ${p.reference} arrived while the order was ${order.status}`, 'payment', { ...p });
      return { status: 'rejected', reason: `order is ${order.status}` };
    }
    const moved = await transition(trx, ctx.clock, order, {
      to: 'pending',
      reason: `paid via ${p.provider}`,
      actor: 'payment',
      data: { reference: p.reference },
      set: { paid_at: now, payment_ref: p.reference },
    });
    if (!moved) return { status: 'already_confirmed' };
    await enqueueJob(trx, ctx.clock, fulfilmentJob(order.id));
    return { status: 'confirmed' };
  });
  if (outcome.status === 'confirmed') ctx.pokeJobs();
  if (outcome.status === 'rejected') {
    ctx.alerts.notify({ kind: 'order_on_hold', subject: p.orderId, message: `payment not applied: ${outcome.reason}`, data: { ...p } });
  }
  return outcome;
}
