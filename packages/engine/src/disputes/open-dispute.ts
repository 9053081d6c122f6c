// Opening one dispute at CJ for one order and rule — exactly once, ever.
//
// 1. The `disputes` row is written first (status `opening`, our deterministic businessDisputeId);
//    the unique (order_id, rule) makes it one per order and rule, whoever runs the check.
// 2. A lease lock per dispute keeps two workers from talking to CJ about the same one at once.
// 3. `reason_id` is written just before `create` is sent. Once it is set, every attempt starts by
//    looking the dispute up at CJ, so a crash or an unknown outcome of `create` is resolved before
//    `create` is ever called again.
// 4. The real flow: disputeProducts → disputeConfirmInfo → create.
// 5. Once CJ has it: the row becomes open with CJ's id, the order moves to `disputed` (or, when it
//    already is, gets an event), and the operator is alerted.
import { randomUUID } from 'node:crypto';
import {
  CjBusinessError,
  CjResponseSchemaError,
  CjUnknownOutcomeError,
  CjValidationError,
  type Dispute,
  type DisputeLineInput,
} from '@lojista/cj';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, DisputesTable } from '../db/schema.js';
import { tryAcquireLock } from '../db/locks.js';
import type { Order } from '../orders/order.js';
import { getOrder, recordEvent, transition } from '../orders/order-repository.js';
import type { StoreContext } from '../stores/context.js';
import { DisputeLookupError, describeOutcome, findOurDispute, outcomeOf, ourStatus } from './cj-disputes.js';
import {
  RULES,
  businessDisputeId,
  isManualKind,
  chooseExpectType,
  chooseReason,
  disputeMessage,
  ruleApplies,
  ruleDays,
  type DisputeRule,
  type RuleFacts,
} from './rules.js';

export type OpenOutcome =
  /** Filed now and confirmed by CJ. */
  | 'opened'
  /** Found at CJ (an earlier attempt's answer was lost) and recorded. */
  | 'found'
  /** Already recorded as open/closed/cancelled: nothing to do. */
  | 'exists'
  /** Not filed yet (CJ refused for now, or could not tell): the next check tries again. */
  | 'pending'
  /** Another worker is on it. */
  | 'busy'
  /** The rule does not apply (any more) and CJ has no dispute for it. */
  | 'not_applicable';

export interface OpenResult {
  outcome: OpenOutcome;
  disputeId?: string | undefined;
  cjDisputeId?: string | undefined;
  message?: string | undefined;
}

export interface OpenOptions {
  signal?: AbortSignal | undefined;
  /** false while disputes are disabled: an `opening` row is only resolved by a lookup, never filed. */
  file?: boolean;
}

/** How long one worker may hold a dispute (a few CJ calls with their retries fit many times over). */
export const DISPUTE_LEASE_MS = 10 * 60_000;

export const disputeLockName = (businessId: string) => `dispute:${businessId}`;

export function factsOf(order: Order): RuleFacts {
  return {
    status: order.status,
    country: order.address.country,
    cjPaidAt: order.cj.paidAt,
    shippedAt: order.shippedAt,
    lastTrackingAt: order.tracking.lastAt,
  };
}

type Row = DisputesTable;

export async function openDispute(ctx: StoreContext, orderId: string, rule: DisputeRule, opts: OpenOptions = {}): Promise<OpenResult> {
  const { signal } = opts;
  const order = await getOrder(ctx.db, orderId);
  if (!order?.cj.orderId) return { outcome: 'not_applicable', message: order ? 'the order is not at CJ' : 'no such order' };
  const cjOrderId = order.cj.orderId;
  const settings = ctx.config.disputes;
  const facts = factsOf(order);
  // A dispute opened by hand applies while the order's state allows one, whether or not the schedule
  // files disputes by itself (`disputes.enabled`).
  const applies =
    opts.file !== false && (isManualKind(rule) ? RULES[rule].statuses.includes(order.status) : settings.enabled && ruleApplies(settings, rule, facts, ctx.clock.now()));

  let row = await rowFor(ctx.db, order.id, rule);
  if (row && row.status !== 'opening') return { outcome: 'exists', disputeId: row.id, cjDisputeId: row.cj_dispute_id ?? undefined };
  if (!row) {
    if (!applies) return { outcome: 'not_applicable' };
    const days = ruleDays(settings, rule, facts.country);
    const now = new Date(ctx.clock.now()).toISOString();
    const id = randomUUID();
    await ctx.db
      .insertInto('disputes')
      .values({
        id,
        order_id: order.id,
        rule,
        business_dispute_id: businessDisputeId(order.number, rule),
        cj_dispute_id: null,
        status: 'opening',
        cj_status: null,
        reason_id: null,
        message: disputeMessage(rule, { number: order.number, trackNumber: order.tracking.number }, facts, days, settings.expectType),
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    row = await rowFor(ctx.db, order.id, rule);
    if (!row) throw new Error(`dispute row for order ${order.number} (${rule}) vanished`);
  }

  const lock = await tryAcquireLock(ctx.db, ctx.clock, disputeLockName(row.business_dispute_id), randomUUID(), DISPUTE_LEASE_MS);
  if (!lock) return { outcome: 'busy', disputeId: row.id };
  try {
    // Re-read under the lock: another worker may have finished it meanwhile.
    const current = await rowFor(ctx.db, order.id, rule);
    if (!current) return { outcome: 'not_applicable' };
    if (current.status !== 'opening') return { outcome: 'exists', disputeId: current.id, cjDisputeId: current.cj_dispute_id ?? undefined };
    // reason_id is written just before `create` is sent: once it is set, a create may have reached
    // CJ (crash, lost answer, refusal), so CJ is asked first and create is never sent blindly again.
    if (current.reason_id !== null) {
      const found = await lookup(ctx, current, cjOrderId, signal);
      if (found === 'unknown') return { outcome: 'pending', disputeId: current.id, message: 'CJ could not tell whether the dispute exists; looked up again next time' };
      if (found) {
        await recordOpened(ctx, order, current, found);
        return { outcome: 'found', disputeId: current.id, cjDisputeId: found.id };
      }
    }
    if (!applies) {
      // CJ has no dispute for it and the rule no longer holds (or disputes are off): forget the row,
      // so the same businessDisputeId can be used if the rule ever applies again.
      await ctx.db.deleteFrom('disputes').where('id', '=', current.id).where('status', '=', 'opening').execute();
      return { outcome: 'not_applicable', message: 'the rule no longer applies and CJ has no dispute for it' };
    }
    return await file(ctx, order, cjOrderId, current, signal);
  } finally {
    await lock.release().catch((err: unknown) => ctx.log.warn({ err, lock: lock.name }, 'dispute lock release failed'));
  }
}

async function rowFor(db: Kysely<Database>, orderId: string, rule: DisputeRule): Promise<Row | undefined> {
  return db.selectFrom('disputes').selectAll().where('order_id', '=', orderId).where('rule', '=', rule).executeTakeFirst();
}

/** CJ ids already matched to our other rows (never taken for this one). */
async function claimedIds(db: Kysely<Database>, exceptId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('disputes').select('cj_dispute_id').where('cj_dispute_id', 'is not', null).where('id', '!=', exceptId).execute();
  return new Set(rows.map((r) => r.cj_dispute_id!));
}

async function lookup(ctx: StoreContext, row: Row, cjOrderId: string, signal?: AbortSignal): Promise<Dispute | null | 'unknown'> {
  try {
    return await findOurDispute(ctx, cjOrderId, row.business_dispute_id, await claimedIds(ctx.db, row.id), signal);
  } catch (err) {
    if (err instanceof DisputeLookupError) {
      ctx.log.warn({ err, dispute: row.business_dispute_id }, 'dispute lookup at CJ inconclusive');
      return 'unknown';
    }
    throw err;
  }
}

async function file(ctx: StoreContext, order: Order, cjOrderId: string, row: Row, signal?: AbortSignal): Promise<OpenResult> {
  const settings = ctx.config.disputes;
  const pending = (message: string): OpenResult => {
    ctx.log.warn({ order: order.number, rule: row.rule, dispute: row.business_dispute_id }, `dispute not filed yet: ${message}`);
    return { outcome: 'pending', disputeId: row.id, message };
  };
  // CJ will not take a dispute now (typically: one is already open on the order). It may be ours,
  // filed by a run whose record was lost: adopt it if so, else try again next time.
  const blocked = async (message: string): Promise<OpenResult> => {
    const found = await lookup(ctx, row, cjOrderId, signal);
    if (found && found !== 'unknown') {
      await recordOpened(ctx, order, row, found);
      return { outcome: 'found', disputeId: row.id, cjDisputeId: found.id };
    }
    return pending(message);
  };

  let lines: DisputeLineInput[];
  let reason: ReturnType<typeof chooseReason>;
  let expectType: 1 | 2;
  try {
    const products = await ctx.cj.disputes.products(cjOrderId, { signal });
    lines = products.productInfoList
      .filter((p) => p.canChoose !== false && p.lineItemId !== undefined)
      .map((p) => ({ lineItemId: p.lineItemId!, quantity: p.quantity ?? 1, price: p.price ?? '0' }));
    if (lines.length === 0) return await blocked('CJ offers no line of the order for a dispute now (another dispute open?)');
    const info = await ctx.cj.disputes.confirmInfo({ orderId: cjOrderId, productInfoList: lines }, { signal });
    // CJ's answer holds the lines and amounts it accepts; prefer them to our request.
    const confirmed = info.productInfoList
      .filter((p) => p.lineItemId !== undefined)
      .map((p) => ({ lineItemId: p.lineItemId!, quantity: p.quantity ?? 1, price: p.price ?? '0' }));
    if (confirmed.length > 0) lines = confirmed;
    reason = chooseReason(row.rule, info.disputeReasonList);
    if (!reason) return pending('CJ offers no dispute reason for the order');
    expectType = chooseExpectType(settings.expectType, info.expectResultOptionList);
  } catch (err) {
    if (err instanceof CjBusinessError || err instanceof CjValidationError) return await blocked(`CJ refused to prepare the dispute: ${err.message}`);
    throw err;
  }
  if (!reason.matched) ctx.log.warn({ rule: row.rule, reason }, 'no CJ dispute reason matches the rule; using the first one offered');

  await ctx.db.updateTable('disputes').set({ reason_id: reason.id, updated_at: new Date(ctx.clock.now()).toISOString() }).where('id', '=', row.id).execute();
  let created = false;
  try {
    await ctx.cj.disputes.create(
      {
        businessDisputeId: row.business_dispute_id,
        orderId: cjOrderId,
        disputeReasonId: reason.id,
        expectType,
        refundType: settings.refundType,
        messageText: row.message,
        productInfoList: lines,
      },
      { signal },
    );
    created = true;
  } catch (err) {
    // CJ did it but its answer did not parse: the write happened.
    if (err instanceof CjResponseSchemaError) created = true;
    // The answer was lost, or CJ refused (a duplicate businessDisputeId means it exists): only a
    // lookup can tell, and until it does, create is not called again.
    else if (!(err instanceof CjUnknownOutcomeError || err instanceof CjBusinessError || err instanceof CjValidationError)) throw err;
    else ctx.log.info({ err, dispute: row.business_dispute_id }, 'dispute create not confirmed; looking it up');
    if (!created) {
      const found = await lookup(ctx, row, cjOrderId, signal);
      if (found === 'unknown') return pending(`create outcome unknown (${(err as Error).message}) and the lookup failed`);
      if (!found) return pending(`CJ did not create the dispute: ${(err as Error).message}`);
      await recordOpened(ctx, order, { ...row, reason_id: reason.id }, found);
      return { outcome: 'found', disputeId: row.id, cjDisputeId: found.id };
    }
  }
  // Created: CJ answers only "true", so its id comes from the list.
  const found = await lookup(ctx, row, cjOrderId, signal);
  const cjDispute = found === 'unknown' ? null : found;
  await recordOpened(ctx, order, { ...row, reason_id: reason.id }, cjDispute, reason.name);
  return { outcome: 'opened', disputeId: row.id, cjDisputeId: cjDispute?.id };
}

/**
 * CJ has the dispute: row open (with CJ's id when known — the sync fills it in otherwise), order
 * disputed with an event, operator alerted. A row another worker already moved is left alone.
 */
async function recordOpened(ctx: StoreContext, order: Order, row: Row, cj: Dispute | null, reasonName?: string): Promise<void> {
  const now = new Date(ctx.clock.now()).toISOString();
  const status = cj ? ourStatus(cj) : 'open';
  const data = {
    disputeId: row.id,
    businessDisputeId: row.business_dispute_id,
    cjDisputeId: cj?.id ?? null,
    rule: row.rule,
    reasonId: row.reason_id,
  };
  const recorded = await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('disputes')
      .set({ status, cj_dispute_id: cj?.id ?? null, cj_status: cj?.status ?? null, reason_id: row.reason_id, updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', 'opening')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await markDisputed(trx, ctx.clock, order.id, `dispute opened at CJ: ${RULES[row.rule].label}`, data);
    // Adopted after CJ already decided (an answer lost days ago): its outcome goes on the timeline too,
    // as the sync would have put it.
    if (cj && status !== 'open') {
      const current = await getOrder(trx, order.id);
      if (current) {
        const what = status === 'closed' ? `closed at CJ: ${describeOutcome(cj)}` : 'cancelled at CJ';
        await recordEvent(trx, ctx.clock, current, `dispute (${RULES[row.rule].label}) ${what}`, 'dispute', { ...data, ...outcomeOf(cj) });
      }
    }
    return true;
  });
  if (!recorded) return;
  ctx.log.info({ order: order.number, ...data }, 'dispute opened at CJ');
  ctx.alerts.notify({
    kind: 'dispute_opened',
    subject: `${order.number} ${row.rule}`,
    message: `Dispute opened at CJ for order ${order.number}: ${RULES[row.rule].label}${reasonName ? ` ("${reasonName}")` : ''}. ${row.message}`,
    data: { ...data, orderNumber: order.number, cjOrderId: order.cj.orderId, cjStatus: cj?.status ?? null },
  });
}

/** paid/shipped → disputed (compare-and-set, re-read on a race); any other state gets a timeline note. */
async function markDisputed(db: Kysely<Database>, clock: Clock, orderId: string, reason: string, data: Record<string, unknown>): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const order = await getOrder(db, orderId);
    if (!order) return;
    if (order.status !== 'paid' && order.status !== 'shipped') {
      await recordEvent(db, clock, order, reason, 'dispute', data);
      return;
    }
    if (await transition(db, clock, order, { to: 'disputed', reason, actor: 'dispute', data })) return;
  }
  throw new Error(`order ${orderId} kept changing while it was being marked disputed`);
}
