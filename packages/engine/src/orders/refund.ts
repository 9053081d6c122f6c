// Refunding a customer, in full or per line. The refund row is written before the provider is
// called and its request key (`<orderId>:<seq>`, seq = how many refunds the order had when the
// operator decided) is unique: a double submit or two tabs find the row instead of refunding
// twice, and a call resumed after a crash reuses the same Stripe idempotency key. A bank transfer
// (or demo) refund is recorded as done by hand. When everything paid is refunded the order moves
// to `refunded`.
import { randomUUID } from 'node:crypto';
import type { RefundsTable } from '../db/schema.js';
import { Dec } from '../money/index.js';
import { PaymentError } from '../payments/payment-error.js';
import type { RefundInput, RefundResult } from '../payments/stripe-provider.js';
import type { StoreContext } from '../stores/context.js';
import type { AdminResult } from './admin-service.js';
import type { Order } from './order.js';
import { getOrder, recordEvent, transition } from './order-repository.js';
import type { Actor, OrderStatus } from './state-machine.js';

/** Whoever gives the money back through the payment provider (Stripe); null for stores without one. */
export interface Refunder {
  refund(input: RefundInput, opts?: { signal?: AbortSignal }): Promise<RefundResult>;
}

export interface RefundRequest {
  orderId: string;
  /** Line numbers to refund; empty or absent: everything not refunded yet (shipping included). */
  lines?: number[] | undefined;
  /** The number of refunds the order had when the operator decided (see `refundState`). */
  seq: number;
  /** For a refund made by hand (bank transfer): the transfer's reference. */
  manualReference?: string | undefined;
  /** Who asked (owner in the console, admin-token on the API, an agent), for the timeline. */
  actor: Actor;
}

export interface RefundDone {
  refundId: string;
  amountMinor: number;
  /** true when this request had already been carried out (a double submit). */
  replay: boolean;
  /** true when the order is now fully refunded. */
  full: boolean;
}

/** States an order can be refunded in: the customer paid and CJ was paid or the order was cancelled. */
const REFUNDABLE: readonly OrderStatus[] = ['paid', 'shipped', 'delivered', 'disputed', 'cancelled'];
/** A `requested` row younger than this is another request in flight; older, it is resumed. */
const IN_FLIGHT_MS = 2 * 60_000;

export interface RefundState {
  /** Charged by the customer, minor units. */
  paidMinor: number;
  refundedMinor: number;
  remainingMinor: number;
  /** Line numbers already refunded (all of them after a full refund). */
  refundedLines: Set<number>;
  /** Pass as `seq` with the next refund. */
  seq: number;
  refunds: RefundsTable[];
}

export async function refundState(ctx: StoreContext, order: Order): Promise<RefundState> {
  const charges = await ctx.db.selectFrom('payments').select('amount_minor').where('order_id', '=', order.id).where('kind', '=', 'charge').execute();
  const refunds = await ctx.db.selectFrom('refunds').selectAll().where('order_id', '=', order.id).orderBy('created_at').execute();
  const live = refunds.filter((r) => r.status !== 'failed');
  const paidMinor = charges.reduce((sum, c) => sum + c.amount_minor, 0);
  const refundedMinor = live.reduce((sum, r) => sum + r.amount_minor, 0);
  const refundedLines = new Set<number>();
  for (const r of live) {
    const lines = r.scope === 'full' ? order.lines.map((l) => l.lineNo) : (JSON.parse(r.lines) as number[]);
    for (const n of lines) refundedLines.add(n);
  }
  return { paidMinor, refundedMinor, remainingMinor: Math.max(0, paidMinor - refundedMinor), refundedLines, seq: live.length, refunds };
}

export function refundable(order: Order): boolean {
  return REFUNDABLE.includes(order.status);
}

const fail = (status: 404 | 409 | 502, code: string, message: string) => ({ ok: false as const, status, code, message });

export async function refundOrder(ctx: StoreContext, refunder: Refunder | null, req: RefundRequest): Promise<AdminResult<RefundDone>> {
  const order = await getOrder(ctx.db, req.orderId);
  if (!order) return fail(404, 'not_found', `no order ${req.orderId}`);
  const key = `${order.id}:${req.seq}`;
  const existing = await ctx.db.selectFrom('refunds').selectAll().where('request_key', '=', key).executeTakeFirst();
  if (existing?.status === 'done') return { ok: true, value: { refundId: existing.id, amountMinor: existing.amount_minor, replay: true, full: order.status === 'refunded' } };
  if (existing?.status === 'requested') {
    if (ctx.clock.now() - Date.parse(existing.updated_at) < IN_FLIGHT_MS) return fail(409, 'in_progress', `a refund of order ${order.number} is being made; reload in a moment`);
    return callProvider(ctx, refunder, order, existing);
  }

  if (order.status === 'refunded') return fail(409, 'already_refunded', `order ${order.number} is already refunded`);
  if (!refundable(order)) {
    return fail(409, 'not_refundable', `order ${order.number} is ${order.status}: cancel it first (CJ has not been paid), then refund it`);
  }
  const state = await refundState(ctx, order);
  if (state.paidMinor === 0) return fail(409, 'not_paid', `order ${order.number} has no recorded payment to refund`);
  if (req.seq !== state.seq) return fail(409, 'stale', `the refunds of order ${order.number} changed meanwhile; reload the order and decide again`);

  const lines = [...new Set(req.lines ?? [])].sort((a, b) => a - b);
  let amountMinor: number;
  if (lines.length === 0) {
    amountMinor = state.remainingMinor;
  } else {
    amountMinor = 0;
    for (const n of lines) {
      const line = order.lines.find((l) => l.lineNo === n);
      if (!line) return fail(409, 'no_such_line', `order ${order.number} has no line ${n}`);
      if (state.refundedLines.has(n)) return fail(409, 'line_refunded', `line ${n} of order ${order.number} is already refunded`);
      amountMinor += line.unitPriceMinor * line.quantity;
    }
    amountMinor = Math.min(amountMinor, state.remainingMinor);
  }
  if (amountMinor <= 0) return fail(409, 'nothing_to_refund', `everything paid for order ${order.number} is already refunded`);

  const provider = order.paymentProvider;
  if (provider === 'stripe' && !refunder) return fail(409, 'no_provider', 'this store has no Stripe client to refund through (payments.provider changed?)');
  if (provider === 'manual' && !req.manualReference) {
    return fail(409, 'reference_required', 'a bank transfer is refunded by hand: make the transfer, then record its reference');
  }
  const now = new Date(ctx.clock.now()).toISOString();
  const row: RefundsTable = {
    id: randomUUID(),
    order_id: order.id,
    request_key: key,
    provider,
    scope: lines.length === 0 ? 'full' : 'lines',
    lines: JSON.stringify(lines),
    amount_minor: amountMinor,
    currency: order.currency,
    status: provider === 'stripe' ? 'requested' : 'done',
    provider_ref: provider === 'stripe' ? null : `manual:${key}`,
    note: provider === 'stripe' ? null : (req.manualReference ?? 'demo payment: nothing to give back'),
    actor: req.actor,
    created_at: now,
    updated_at: now,
  };
  const inserted = await ctx.db.insertInto('refunds').values(row).onConflict((oc) => oc.column('request_key').doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
    // The other submit of a double click won the row: answer with what it did.
    const other = await ctx.db.selectFrom('refunds').selectAll().where('request_key', '=', key).executeTakeFirst();
    if (other?.status === 'done') return { ok: true, value: { refundId: other.id, amountMinor: other.amount_minor, replay: true, full: false } };
    return fail(409, 'in_progress', `a refund of order ${order.number} is being made; reload in a moment`);
  }
  if (row.status === 'done') return { ok: true, value: { ...(await settle(ctx, order, row)), replay: false } };
  return callProvider(ctx, refunder, order, row);
}

async function callProvider(ctx: StoreContext, refunder: Refunder | null, order: Order, row: RefundsTable): Promise<AdminResult<RefundDone>> {
  if (!refunder || !order.paymentRef) return fail(409, 'no_provider', 'this store has no Stripe client to refund through');
  await ctx.db.updateTable('refunds').set({ updated_at: new Date(ctx.clock.now()).toISOString() }).where('id', '=', row.id).execute();
  let result: RefundResult;
  try {
    result = await refunder.refund({
      orderId: order.id,
      reference: order.paymentRef,
      amountMinor: row.amount_minor,
      currency: row.currency,
      // Per store and refund request: the same refund on every retry, never one of another store.
      idempotencyKey: `lojista-refund-${ctx.id}-${row.request_key}`,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof PaymentError && err.outcomeUnknown) {
      // Stripe may have refunded: the row stays `requested`, and the next attempt (same key) finds out.
      return fail(502, 'outcome_unknown', `Stripe did not answer (${message}); try again in a few minutes — it will not refund twice`);
    }
    await ctx.db.updateTable('refunds').set({ status: 'failed', note: message.slice(0, 500), request_key: `${row.request_key}:failed:${row.id}`, updated_at: new Date(ctx.clock.now()).toISOString() }).where('id', '=', row.id).execute();
    await recordEvent(ctx.db, ctx.clock, order, `refund of ${new Dec(String(row.amount_minor)).div('100').toFixed(2)} ${row.currency} refused by Stripe: ${message}`, row.actor as Actor, { refundId: row.id });
    return fail(502, 'refund_refused', `Stripe refused the refund: ${message}`);
  }
  const done = { ...row, status: 'done' as const, provider_ref: result.id };
  const settled = await settle(ctx, order, done);
  return { ok: true, value: { ...settled, replay: false } };
}

/** Marks the refund done, records it as a payment, and moves the order to `refunded` when nothing is left. */
async function settle(ctx: StoreContext, order: Order, row: RefundsTable): Promise<Omit<RefundDone, 'replay'>> {
  const now = new Date(ctx.clock.now()).toISOString();
  const full = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('refunds').set({ status: 'done', provider_ref: row.provider_ref, updated_at: now }).where('id', '=', row.id).execute();
    await trx
      .insertInto('payments')
      .values({ id: randomUUID(), order_id: order.id, provider: row.provider, provider_ref: row.provider_ref ?? row.id, kind: 'refund', amount_minor: row.amount_minor, currency: row.currency, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const current = (await getOrder(trx, order.id))!;
    const charges = await trx.selectFrom('payments').select('amount_minor').where('order_id', '=', order.id).where('kind', '=', 'charge').execute();
    const refunds = await trx.selectFrom('refunds').select('amount_minor').where('order_id', '=', order.id).where('status', '=', 'done').execute();
    const remaining = charges.reduce((s, c) => s + c.amount_minor, 0) - refunds.reduce((s, r) => s + r.amount_minor, 0);
    const lines = JSON.parse(row.lines) as number[];
    const amount = `${new Dec(String(row.amount_minor)).div('100').toFixed(2)} ${row.currency}`;
    const what = `${row.provider === 'stripe' ? 'refunded through Stripe' : 'recorded a refund made by hand'}: ${amount}${lines.length ? ` (line ${lines.join(', ')})` : ''}${row.note && row.provider !== 'stripe' ? `, reference ${row.note}` : ''}`;
    const data = { refundId: row.id, providerRef: row.provider_ref, amountMinor: row.amount_minor, lines, note: row.note };
    if (remaining <= 0 && current.status !== 'refunded') {
      await transition(trx, ctx.clock, current, { to: 'refunded', reason: `the operator ${what}`, actor: row.actor as Actor, data });
      return true;
    }
    await recordEvent(trx, ctx.clock, current, `the operator ${what}`, row.actor as Actor, data);
    return remaining <= 0;
  });
  return { refundId: row.id, amountMinor: row.amount_minor, full };
}
