// The disputes schedule (every 30 minutes by default): file a dispute for every order a rule now
// applies to, finish the ones an earlier run left `opening`, then sync the open ones from CJ.
//
// Rules (days per store, overridden per destination country; see settings.ts):
// - not_shipped:     status paid, `cj_paid_at` at least notShippedDays ago;
// - tracking_silent: status shipped, `last_tracking_at` (else `shipped_at`) at least trackingSilentDays ago;
// - not_delivered:   status shipped or disputed (for another rule), `shipped_at` at least notDeliveredDays ago.
import { sql } from 'kysely';
import type { StoreContext } from '../stores/context.js';
import { openDispute, type OpenOutcome } from './open-dispute.js';
import { DAY_MS, DISPUTE_RULES, RULES, isManualKind, minRuleDays, ruleApplies, type DisputeRule } from './rules.js';
import { syncDisputes, type SyncSummary } from './sync.js';

export const DISPUTES_JOB = 'disputes.check';

export interface CheckOptions {
  signal?: AbortSignal | undefined;
}

export interface CheckSummary {
  /** Orders a rule applies to that had no dispute row for it, plus rows left `opening`. */
  candidates: number;
  outcomes: Record<OpenOutcome, number>;
  errors: Array<{ order: string; rule: DisputeRule; error: string }>;
  sync: SyncSummary;
}

/** Most new disputes one run files per rule; the rest wait for the next run. */
const BATCH_PER_RULE = 100;
const PAGE = 500;

interface Candidate {
  orderId: string;
  number: string;
  rule: DisputeRule;
}

export async function checkDisputes(ctx: StoreContext, opts: CheckOptions = {}): Promise<CheckSummary> {
  const { signal } = opts;
  const settings = ctx.config.disputes;
  const summary: CheckSummary = {
    candidates: 0,
    outcomes: { opened: 0, found: 0, exists: 0, pending: 0, busy: 0, not_applicable: 0 },
    errors: [],
    sync: { checked: 0, changed: 0, closed: 0, cancelled: 0, errors: [] },
  };

  const work: Candidate[] = [];
  if (settings.enabled) for (const rule of DISPUTE_RULES) work.push(...(await candidates(ctx, rule)));
  // Rows an earlier run (or a crash) left opening: resolved even while disputes are disabled, but
  // then only by a lookup at CJ, never by filing.
  const opening = await ctx.db
    .selectFrom('disputes')
    .innerJoin('orders', 'orders.id', 'disputes.order_id')
    .select(['disputes.order_id as orderId', 'orders.number as number', 'disputes.rule as rule'])
    .where('disputes.status', '=', 'opening')
    .orderBy('disputes.created_at')
    .execute();
  for (const o of opening) if (!work.some((w) => w.orderId === o.orderId && w.rule === o.rule)) work.push(o);
  summary.candidates = work.length;

  for (const c of work) {
    signal?.throwIfAborted();
    try {
      // A dispute the operator opened by hand is finished even while the schedule files none itself.
      const r = await openDispute(ctx, c.orderId, c.rule, { signal, file: settings.enabled || isManualKind(c.rule) });
      summary.outcomes[r.outcome]++;
    } catch (err) {
      if (signal?.aborted) throw err;
      ctx.log.warn({ err, order: c.number, rule: c.rule }, 'dispute could not be opened');
      summary.errors.push({ order: c.number, rule: c.rule, error: (err as Error).message });
    }
  }

  summary.sync = await syncDisputes(ctx, { signal });
  ctx.log.info({ candidates: summary.candidates, ...summary.outcomes, errors: summary.errors.length, sync: summary.sync }, 'disputes checked');
  return summary;
}

/** Orders the rule applies to now and that never had a dispute row for it. */
async function candidates(ctx: StoreContext, rule: DisputeRule): Promise<Candidate[]> {
  const settings = ctx.config.disputes;
  const now = ctx.clock.now();
  // Pre-filter in SQL with the smallest day count of any country; the exact per-country check follows.
  const cutoff = new Date(now - minRuleDays(settings, rule) * DAY_MS).toISOString();
  const def = RULES[rule];
  const since =
    rule === 'not_shipped' ? sql<string>`cj_paid_at` : rule === 'tracking_silent' ? sql<string>`coalesce(last_tracking_at, shipped_at)` : sql<string>`shipped_at`;
  const out: Candidate[] = [];
  // Paged, so orders of countries with longer deadlines cannot crowd out the ones already due.
  for (let offset = 0; out.length < BATCH_PER_RULE; offset += PAGE) {
    const rows = await ctx.db
      .selectFrom('orders')
      .select(['id', 'number', 'status', 'ship_country', 'cj_paid_at', 'shipped_at', 'last_tracking_at'])
      .where('status', 'in', [...def.statuses])
      .where('cj_order_id', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('disputes').select('disputes.id').whereRef('disputes.order_id', '=', 'orders.id').where('disputes.rule', '=', rule))),
      )
      .where(since, '<=', cutoff)
      .orderBy(since)
      .orderBy('id')
      .limit(PAGE)
      .offset(offset)
      .execute();
    for (const r of rows) {
      const facts = { status: r.status, country: r.ship_country, cjPaidAt: r.cj_paid_at, shippedAt: r.shipped_at, lastTrackingAt: r.last_tracking_at };
      if (out.length < BATCH_PER_RULE && ruleApplies(settings, rule, facts, now)) out.push({ orderId: r.id, number: r.number, rule });
    }
    if (rows.length < PAGE) break;
  }
  return out;
}
