// The operator's order list: filters (state, hold reason, creation dates in the store's time zone,
// a search on number, email or name), newest first, paged. One query for the JSON API, the console
// and its CSV export.
import { z } from 'zod';
import type { StoreContext } from '../stores/context.js';
import type { Order } from './order.js';
import { getOrder } from './order-repository.js';
import { HOLD_REASONS, ORDER_STATUSES } from './state-machine.js';
import { addDays, dayStart } from '../overview/store-days.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(d)), 'not a calendar date');

export const orderFilterSchema = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  hold: z.enum(HOLD_REASONS).optional(),
  /** First day, inclusive, in the store's time zone. */
  from: day.optional(),
  /** Last day, inclusive. */
  to: day.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type OrderFilter = z.output<typeof orderFilterSchema>;

export interface OrderPage {
  page: number;
  limit: number;
  total: number;
  orders: Order[];
}

function filtered(ctx: StoreContext, f: OrderFilter) {
  let base = ctx.db.selectFrom('orders');
  if (f.status) base = base.where('status', '=', f.status);
  if (f.hold) base = base.where('hold_reason', '=', f.hold).where('status', '=', 'on_hold');
  const tz = ctx.config.timezone;
  if (f.from) base = base.where('created_at', '>=', new Date(dayStart(f.from, tz)).toISOString());
  if (f.to) base = base.where('created_at', '<', new Date(dayStart(addDays(f.to, 1), tz)).toISOString());
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    // lower() on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
    base = base.where((eb) =>
      eb.or([eb('number', 'like', `%${f.q!.toUpperCase()}%`), eb(eb.fn('lower', [eb.ref('customer_email')]), 'like', like), eb(eb.fn('lower', [eb.ref('customer_name')]), 'like', like)]),
    );
  }
  return base;
}

export async function listOrders(ctx: StoreContext, f: OrderFilter, page: number, limit: number): Promise<OrderPage> {
  const base = filtered(ctx, f);
  const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base.select('id').orderBy('created_at', 'desc').orderBy('id').limit(limit).offset((page - 1) * limit).execute();
  const orders: Order[] = [];
  for (const r of rows) orders.push((await getOrder(ctx.db, r.id))!);
  return { page, limit, total: Number(n), orders };
}

/** Every matching order, newest first, in batches (the CSV export), up to `max`. */
export async function* allOrders(ctx: StoreContext, f: OrderFilter, max = 50_000): AsyncGenerator<Order> {
  const batch = 200;
  for (let page = 1; (page - 1) * batch < max; page++) {
    const { orders } = await listOrders(ctx, f, page, batch);
    for (const o of orders) yield o;
    if (orders.length < batch) return;
  }
}
