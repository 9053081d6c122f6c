// Following open disputes at CJ: `getDisputeList` gives each one's status and, once CJ has decided,
// `finallyDeal` (1 refund, 2 reissue, 3 reject). The row keeps CJ's raw status (`cj_status`) and ours
// (open/closed/cancelled); the decision goes into the order's timeline. The order itself stays
// `disputed`: whether it was delivered after all is the orders area's business (CJ status sync).
import type { Dispute } from '@lojista/cj';
import type { DisputesTable } from '../db/schema.js';
import { getOrder, recordEvent } from '../orders/order-repository.js';
import type { StoreContext } from '../stores/context.js';
import { describeOutcome, DisputeLookupError, fetchDispute, findOurDispute, outcomeOf, ourStatus } from './cj-disputes.js';
import { RULES } from './rules.js';

export interface SyncSummary {
  checked: number;
  changed: number;
  closed: number;
  cancelled: number;
  errors: Array<{ dispute: string; error: string }>;
}

const SYNC_BATCH = 100;

export async function syncDisputes(ctx: StoreContext, opts: { signal?: AbortSignal | undefined } = {}): Promise<SyncSummary> {
  const summary: SyncSummary = { checked: 0, changed: 0, closed: 0, cancelled: 0, errors: [] };
  // Least recently synced first, so a large backlog is worked through over several runs.
  const rows = await ctx.db.selectFrom('disputes').selectAll().where('status', '=', 'open').orderBy('updated_at').limit(SYNC_BATCH).execute();
  for (const row of rows) {
    opts.signal?.throwIfAborted();
    try {
      const result = await syncOne(ctx, row, opts.signal);
      summary.checked++;
      if (result !== 'unchanged') summary.changed++;
      if (result === 'closed') summary.closed++;
      if (result === 'cancelled') summary.cancelled++;
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      ctx.log.warn({ err, dispute: row.business_dispute_id }, 'dispute sync failed');
      summary.errors.push({ dispute: row.business_dispute_id, error: (err as Error).message });
    }
  }
  return summary;
}

export type SyncResult = 'unchanged' | 'updated' | 'closed' | 'cancelled';

/** Brings one open row up to date with CJ. */
export async function syncOne(ctx: StoreContext, row: DisputesTable, signal?: AbortSignal): Promise<SyncResult> {
  const order = await getOrder(ctx.db, row.order_id);
  if (!order?.cj.orderId) return 'unchanged';
  let cj: Dispute | null | undefined;
  if (row.cj_dispute_id) {
    cj = await fetchDispute(ctx, row.cj_dispute_id, signal);
  } else {
    // Opened, but CJ's id was not known yet (create answered "true" and the list lagged).
    const claimed = await ctx.db.selectFrom('disputes').select('cj_dispute_id').where('cj_dispute_id', 'is not', null).execute();
    try {
      cj = await findOurDispute(ctx, order.cj.orderId, row.business_dispute_id, new Set(claimed.map((c) => c.cj_dispute_id!)), signal);
    } catch (err) {
      if (err instanceof DisputeLookupError) return 'unchanged';
      throw err;
    }
  }
  const now = new Date(ctx.clock.now()).toISOString();
  if (!cj) {
    await ctx.db.updateTable('disputes').set({ updated_at: now }).where('id', '=', row.id).where('status', '=', 'open').execute();
    return 'unchanged';
  }
  const status = ourStatus(cj);
  const changed = status !== row.status || (cj.status ?? null) !== row.cj_status || cj.id !== row.cj_dispute_id;
  // Compare-and-set on `open`: an operator's cancel running at the same time wins.
  const updated = await ctx.db
    .updateTable('disputes')
    .set({ status, cj_status: cj.status ?? null, cj_dispute_id: cj.id, updated_at: now })
    .where('id', '=', row.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0 || !changed) return 'unchanged';
  const data = { disputeId: row.id, businessDisputeId: row.business_dispute_id, rule: row.rule, ...outcomeOf(cj) };
  if (status === 'closed') {
    await recordEvent(ctx.db, ctx.clock, order, `dispute (${RULES[row.rule].label}) closed at CJ: ${describeOutcome(cj)}`, 'dispute', data);
    ctx.log.info({ order: order.number, ...data }, 'dispute closed at CJ');
    return 'closed';
  }
  if (status === 'cancelled') {
    await recordEvent(ctx.db, ctx.clock, order, `dispute (${RULES[row.rule].label}) cancelled at CJ`, 'dispute', data);
    return 'cancelled';
  }
  return 'updated';
}
