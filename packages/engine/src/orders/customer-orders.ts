// An order as its customer may look it up (number + email), and its history told in the customer's
// terms: the states it went through and when, never the internal reasons (which name the supplier,
// costs or holds).
import type { StoreContext } from '../stores/context.js';
import type { Order } from './order.js';
import { getOrder, orderEvents } from './order-repository.js';
import type { OrderStatus } from './state-machine.js';

/**
 * The order with this number whose customer email matches, or undefined. The caller answers alike
 * whether the number or the email was wrong: order numbers are not enumerable.
 */
export async function findCustomerOrder(ctx: StoreContext, number: string, email: string): Promise<Order | undefined> {
  const row = await ctx.db.selectFrom('orders').select('id').where('number', '=', number.trim().toUpperCase()).executeTakeFirst();
  const order = row ? await getOrder(ctx.db, row.id) : undefined;
  return order && order.customer.email === email.trim().toLowerCase() ? order : undefined;
}

export interface TimelineStep {
  status: OrderStatus;
  at: string;
}

/** The states the order entered, oldest first (a status entered twice, e.g. after a hold, once). */
export async function customerTimeline(ctx: StoreContext, order: Pick<Order, 'id'>): Promise<TimelineStep[]> {
  const steps: TimelineStep[] = [];
  for (const event of await orderEvents(ctx.db, order.id)) {
    // Notes (from = to) are not steps; a hold is the operator's business, and the customer sees the
    // order "being prepared" meanwhile.
    if (event.to === event.from || event.to === 'on_hold' || event.from === 'on_hold') continue;
    if (steps.some((s) => s.status === event.to)) continue;
    steps.push({ status: event.to as OrderStatus, at: event.at });
  }
  return steps;
}
