// Reads orders and moves them through the state machine. Every status change is a compare-and-set
// on the current status plus an event row, in the caller's transaction — so two workers can never
// both make the same move, and the timeline is complete.
import type { Kysely, Updateable } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, OrdersTable } from '../db/schema.js';
import { timeOrderedId } from '../time-ordered-id.js';
import { orderFromRow, type Order } from './order.js';
import { checkTransition, type Actor, type OrderStatus } from './state-machine.js';

type Db = Kysely<Database>;

export async function getOrder(db: Db, idOrNumber: string): Promise<Order | undefined> {
  const row = await db
    .selectFrom('orders')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const lines = await db.selectFrom('order_lines').selectAll().where('order_id', '=', row.id).execute();
  return orderFromRow(row, lines);
}

export async function getOrderByCjId(db: Db, cjOrderId: string): Promise<Order | undefined> {
  const row = await db.selectFrom('orders').select('id').where('cj_order_id', '=', cjOrderId).executeTakeFirst();
  return row ? getOrder(db, row.id) : undefined;
}

export async function getOrderByTrackNumber(db: Db, trackNumber: string): Promise<Order | undefined> {
  const row = await db.selectFrom('orders').select('id').where('track_number', '=', trackNumber).executeTakeFirst();
  return row ? getOrder(db, row.id) : undefined;
}

export class TransitionRefused extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
    reason: string,
  ) {
    super(reason);
    this.name = 'TransitionRefused';
  }
}

export interface TransitionRequest {
  to: OrderStatus;
  reason: string;
  actor: Actor;
  data?: Record<string, unknown>;
  /** Other columns to write with the status (tracking, CJ ids, hold reason…). */
  set?: Updateable<OrdersTable>;
}

/**
 * Moves `order` to `req.to` if it is still in the status it was read in and the move is declared,
 * in the caller's transaction or in one of its own. Returns false when another worker moved it
 * first (the caller re-reads); throws TransitionRefused when the move is not allowed.
 */
export async function transition(db: Db, clock: Clock, order: Pick<Order, 'id' | 'status' | 'heldFrom'>, req: TransitionRequest): Promise<boolean> {
  const check = checkTransition(order.status, req.to, order.heldFrom);
  if (!check.ok) throw new TransitionRefused(order.status, req.to, check.reason);
  // The status and its event commit together, also for callers without a transaction of their own:
  // a crash between the two would leave a move missing from the timeline.
  if (!db.isTransaction) return db.transaction().execute((trx) => transition(trx, clock, order, req));
  const now = new Date(clock.now()).toISOString();
  const holdColumns: Updateable<OrdersTable> =
    req.to === 'on_hold'
      ? { held_from: order.status }
      : order.status === 'on_hold'
        ? { held_from: null, hold_reason: null, hold_detail: null }
        : {};
  const updated = await db
    .updateTable('orders')
    .set({ ...holdColumns, ...req.set, status: req.to, updated_at: now })
    .where('id', '=', order.id)
    .where('status', '=', order.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await db
    .insertInto('order_events')
    .values({
      id: timeOrderedId(clock.now()),
      order_id: order.id,
      from_status: order.status,
      to_status: req.to,
      reason: req.reason,
      actor: req.actor,
      data: JSON.stringify(req.data ?? {}),
      created_at: now,
    })
    .execute();
  return true;
}

/** Records something that happened to an order without changing its status (a note in the timeline). */
export async function recordEvent(db: Db, clock: Clock, order: Pick<Order, 'id' | 'status'>, reason: string, actor: Actor, data: Record<string, unknown> = {}): Promise<void> {
  await db
    .insertInto('order_events')
    .values({
      id: timeOrderedId(clock.now()),
      order_id: order.id,
      from_status: order.status,
      to_status: order.status,
      reason,
      actor,
      data: JSON.stringify(data),
      created_at: new Date(clock.now()).toISOString(),
    })
    .execute();
}

export async function orderEvents(db: Db, orderId: string) {
  const rows = await db.selectFrom('order_events').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
  return rows.map((r) => ({
    from: r.from_status,
    to: r.to_status,
    reason: r.reason,
    actor: r.actor,
    data: JSON.parse(r.data) as Record<string, unknown>,
    at: r.created_at,
  }));
}
