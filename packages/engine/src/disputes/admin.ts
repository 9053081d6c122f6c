// What the operator can see and do: list disputes, one dispute with its timeline (and CJ's live
// view on request), and cancel an open dispute at CJ.
import { randomUUID } from 'node:crypto';
import { CjBusinessError, CjUnknownOutcomeError, CjValidationError, type Dispute } from '@lojista/cj';
import type { DisputesTable } from '../db/schema.js';
import { tryAcquireLock } from '../db/locks.js';
import { getOrder, orderEvents, recordEvent } from '../orders/order-repository.js';
import type { StoreContext } from '../stores/context.js';
import { DisputeLookupError, fetchDispute, findOurDispute, ourStatus } from './cj-disputes.js';
import { DISPUTE_LEASE_MS, disputeLockName } from './open-dispute.js';
import { RULES, type DisputeRowStatus, type DisputeRule } from './rules.js';

type Row = DisputesTable & { order_number: string; order_status: string; cj_order_id: string | null };

export function disputeView(row: Row) {
  return {
    id: row.id,
    orderId: row.order_id,
    orderNumber: row.order_number,
    orderStatus: row.order_status,
    cjOrderId: row.cj_order_id,
    rule: row.rule,
    ruleLabel: RULES[row.rule].label,
    businessDisputeId: row.business_dispute_id,
    cjDisputeId: row.cj_dispute_id,
    status: row.status,
    cjStatus: row.cj_status,
    reasonId: row.reason_id,
    message: row.message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
export type DisputeView = ReturnType<typeof disputeView>;

function rows(ctx: StoreContext) {
  return ctx.db
    .selectFrom('disputes')
    .innerJoin('orders', 'orders.id', 'disputes.order_id')
    .selectAll('disputes')
    .select(['orders.number as order_number', 'orders.status as order_status', 'orders.cj_order_id as cj_order_id']);
}

/** By our id or by our businessDisputeId. */
export async function getDispute(ctx: StoreContext, id: string): Promise<Row | undefined> {
  return rows(ctx)
    .where((eb) => eb.or([eb('disputes.id', '=', id), eb('disputes.business_dispute_id', '=', id)]))
    .executeTakeFirst();
}

export interface DisputeFilter {
  status?: DisputeRowStatus | undefined;
  rule?: DisputeRule | undefined;
  /** Our order id or number. */
  order?: string | undefined;
  page: number;
  limit: number;
}

export async function listDisputes(ctx: StoreContext, f: DisputeFilter) {
  let base = ctx.db.selectFrom('disputes').innerJoin('orders', 'orders.id', 'disputes.order_id');
  if (f.status) base = base.where('disputes.status', '=', f.status);
  if (f.rule) base = base.where('disputes.rule', '=', f.rule);
  if (f.order) {
    const order = f.order;
    base = base.where((eb) => eb.or([eb('orders.id', '=', order), eb('orders.number', '=', order.toUpperCase())]));
  }
  const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const page = await base
    .selectAll('disputes')
    .select(['orders.number as order_number', 'orders.status as order_status', 'orders.cj_order_id as cj_order_id'])
    .orderBy('disputes.created_at', 'desc')
    .orderBy('disputes.id')
    .limit(f.limit)
    .offset((f.page - 1) * f.limit)
    .execute();
  return { page: f.page, limit: f.limit, total: Number(n), items: page.map(disputeView) };
}

/** One dispute, the order events about it (opened, closed with CJ's decision, cancelled), and CJ's live detail when asked. */
export async function disputeDetail(ctx: StoreContext, row: Row, live: boolean) {
  const events = (await orderEvents(ctx.db, row.order_id)).filter((e) => e.data.disputeId === row.id);
  const closed = [...events].reverse().find((e) => typeof e.data.finallyDeal === 'number');
  const outcome = closed ? { finallyDeal: closed.data.finallyDeal, outcome: closed.data.outcome, money: closed.data.money, replacementAmount: closed.data.replacementAmount, resendOrderCode: closed.data.resendOrderCode } : null;
  let cj: { detail: Record<string, unknown> | null; error?: string } | undefined;
  if (live) {
    if (!row.cj_dispute_id) cj = { detail: null, error: 'CJ id not known yet' };
    else {
      try {
        cj = { detail: await ctx.cj.disputes.detail(row.cj_dispute_id, { timeoutMs: 10_000 }) };
      } catch (err) {
        cj = { detail: null, error: (err as Error).message };
      }
    }
  }
  return { ...disputeView(row), outcome, events, ...(cj ? { cj } : {}) };
}

export type CancelResult =
  | { ok: true; dispute: DisputeView }
  | { ok: false; status: 404 | 409 | 502; code: string; message: string };

/**
 * Cancels an open dispute at CJ (`disputes/cancel {orderId, disputeId}`), then here. An unknown
 * outcome or a refusal is settled by reading CJ's status; nothing is recorded as cancelled unless
 * CJ confirmed it.
 */
export async function cancelDispute(ctx: StoreContext, id: string, signal?: AbortSignal): Promise<CancelResult> {
  const row = await getDispute(ctx, id);
  if (!row) return { ok: false, status: 404, code: 'not_found', message: `no dispute ${id}` };
  if (row.status !== 'open') return { ok: false, status: 409, code: 'not_open', message: `dispute ${row.business_dispute_id} is ${row.status}; only an open dispute can be cancelled` };
  if (!row.cj_order_id) return { ok: false, status: 409, code: 'not_at_cj', message: `order ${row.order_number} has no CJ order id` };
  const lock = await tryAcquireLock(ctx.db, ctx.clock, disputeLockName(row.business_dispute_id), randomUUID(), DISPUTE_LEASE_MS);
  if (!lock) return { ok: false, status: 409, code: 'busy', message: 'the dispute is being updated right now; try again in a moment' };
  try {
    let cjId = row.cj_dispute_id;
    if (!cjId) {
      const claimed = await ctx.db.selectFrom('disputes').select('cj_dispute_id').where('cj_dispute_id', 'is not', null).execute();
      try {
        cjId = (await findOurDispute(ctx, row.cj_order_id, row.business_dispute_id, new Set(claimed.map((c) => c.cj_dispute_id!)), signal))?.id ?? null;
      } catch (err) {
        if (!(err instanceof DisputeLookupError)) throw err;
      }
      if (!cjId) return { ok: false, status: 502, code: 'cj_unknown', message: 'CJ\'s id for this dispute is not known yet; try again after the next sync' };
    }
    let after: Dispute | undefined;
    try {
      await ctx.cj.disputes.cancel({ orderId: row.cj_order_id, disputeId: cjId }, { signal });
      after = await fetchDispute(ctx, cjId, signal).catch(() => undefined);
    } catch (err) {
      if (!(err instanceof CjUnknownOutcomeError || err instanceof CjBusinessError || err instanceof CjValidationError)) throw err;
      // Whether it took effect (or why CJ refused) only CJ's status can say.
      after = await fetchDispute(ctx, cjId, signal).catch(() => undefined);
      const status = after ? ourStatus(after) : undefined;
      if (status === 'closed') {
        await ctx.db.updateTable('disputes').set({ status: 'closed', cj_status: after!.status ?? null, cj_dispute_id: cjId, updated_at: new Date(ctx.clock.now()).toISOString() }).where('id', '=', row.id).where('status', '=', 'open').execute();
        return { ok: false, status: 409, code: 'already_closed', message: `CJ has already closed dispute ${cjId} (${after!.status ?? 'closed'})` };
      }
      if (status !== 'cancelled') {
        const code = err instanceof CjUnknownOutcomeError ? 'cj_unknown' : 'cj_refused';
        return { ok: false, status: 502, code, message: `CJ did not confirm the cancellation (${(err as Error).message}); nothing was cancelled here, try again` };
      }
    }
    const now = new Date(ctx.clock.now()).toISOString();
    const updated = await ctx.db
      .updateTable('disputes')
      .set({ status: 'cancelled', cj_status: after?.status ?? 'cancelled', cj_dispute_id: cjId, updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) {
      const order = await getOrder(ctx.db, row.order_id);
      if (order) {
        await recordEvent(ctx.db, ctx.clock, order, `dispute (${RULES[row.rule].label}) cancelled by the operator`, 'admin', {
          disputeId: row.id,
          businessDisputeId: row.business_dispute_id,
          cjDisputeId: cjId,
          rule: row.rule,
        });
      }
    }
    return { ok: true, dispute: disputeView((await getDispute(ctx, row.id))!) };
  } finally {
    await lock.release().catch((err: unknown) => ctx.log.warn({ err, lock: lock.name }, 'dispute lock release failed'));
  }
}
