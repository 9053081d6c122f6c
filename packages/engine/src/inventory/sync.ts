// The 2 h safety net behind the webhooks: every listed product (active, or hidden by these rules —
// never retired, never hidden by the operator) read from CJ and run through the inventory rules,
// within a CJ points budget. Products are taken least recently synced first, so a run the budget
// stops is continued by the next one. Never overlaps itself: a lease lock in the store's database.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { lockHolder, tryAcquireLock } from '../db/locks.js';
import type { StoreContext } from '../stores/context.js';
import { SYNC_HIDDEN_REASONS, type InventoryEffect, type SyncHiddenReason } from './apply.js';
import { INVENTORY_POINTS, refreshProduct } from './refresh.js';

export const INVENTORY_LOCK = 'inventory-sync';

/**
 * Default budget of one run when none is given: 20 points per product the catalogue may hold — one
 * product/query each (10) with room for the occasional getInventoryByPid / queryByVid (10 each).
 */
export const DEFAULT_POINTS_PER_PRODUCT = 20;

export interface InventorySyncOptions {
  signal?: AbortSignal;
  /** CJ points this run may spend; default DEFAULT_POINTS_PER_PRODUCT × catalog.maxProducts. */
  pointsBudget?: number;
}

export interface InventorySyncCounts {
  /** Products the run should look at (active, or hidden for stock, delisting or margin). */
  listed: number;
  /** Read from CJ and applied. */
  checked: number;
  /** Left for the next run (budget reached, or the run stopped). */
  unchecked: number;
  hidden: Record<SyncHiddenReason, number>;
  shown: number;
  repriced: number;
  costChanged: number;
  stockChanged: number;
  lowStock: number;
  notFound: number;
}

export type InventorySyncSummary =
  | ({
      status: 'finished' | 'stopped' | 'failed';
      runId: string;
      cjCalls: number;
      pointsSpent: number;
      pointsBudget: number;
      errors: Array<{ pid: string; message: string }>;
      /** Why the run ended early, e.g. "points budget reached". */
      note: string | null;
    } & InventorySyncCounts)
  | { status: 'already_running'; holder: string };

function emptyCounts(): InventorySyncCounts {
  return {
    listed: 0,
    checked: 0,
    unchecked: 0,
    hidden: { out_of_stock: 0, delisted: 0, margin_floor: 0 },
    shown: 0,
    repriced: 0,
    costChanged: 0,
    stockChanged: 0,
    lowStock: 0,
    notFound: 0,
  };
}

export async function syncInventory(ctx: StoreContext, opts: InventorySyncOptions = {}): Promise<InventorySyncSummary> {
  const runId = randomUUID();
  const lock = await tryAcquireLock(ctx.db, ctx.clock, INVENTORY_LOCK, runId, 5 * 60_000);
  if (!lock) return { status: 'already_running', holder: (await lockHolder(ctx.db, ctx.clock, INVENTORY_LOCK)) ?? 'unknown' };
  const renew = setInterval(() => void lock.renew(), 60_000);

  const budget = opts.pointsBudget ?? DEFAULT_POINTS_PER_PRODUCT * ctx.config.catalog.maxProducts;
  const counts = emptyCounts();
  const errors: Array<{ pid: string; message: string }> = [];
  let points = 0;
  let calls = 0;
  let note: string | null = null;
  let status: 'finished' | 'stopped' | 'failed' = 'finished';
  const spend = (cost: number) => {
    if (points + cost > budget) return false;
    points += cost;
    calls++;
    return true;
  };
  ctx.log.info({ runId, budget }, 'inventory sync started');

  try {
    const products = await ctx.db
      .selectFrom('products')
      .select(['id', 'cj_pid'])
      .where((eb) => eb.or([eb('status', '=', 'active'), eb.and([eb('status', '=', 'hidden'), eb('hidden_reason', 'in', [...SYNC_HIDDEN_REASONS])])]))
      // Never synced first, then the longest ago (NULLs sort differently on SQLite and PostgreSQL).
      .orderBy(sql`coalesce(last_synced_at, '')`)
      .orderBy('id')
      .execute();
    counts.listed = products.length;
    for (const product of products) {
      if (opts.signal?.aborted) {
        status = 'stopped';
        note = 'stopped: the sync was cancelled';
        break;
      }
      if (points + INVENTORY_POINTS.query > budget) {
        note = `points budget reached (${points}/${budget}) with ${products.length - counts.checked} product(s) left for the next run`;
        break;
      }
      try {
        const outcome = await refreshProduct(ctx, product.id, { signal: opts.signal, spend });
        if (!outcome) continue;
        counts.checked++;
        tally(counts, outcome.effects);
      } catch (err) {
        if (isFatal(err, opts.signal)) throw err;
        errors.push({ pid: product.cj_pid, message: (err as Error).message });
        ctx.log.warn({ err, pid: product.cj_pid }, 'inventory sync: product check failed; the next run tries again');
      }
    }
  } catch (err) {
    if (opts.signal?.aborted) {
      status = 'stopped';
      note = 'stopped: the sync was cancelled';
    } else {
      status = 'failed';
      note = `inventory sync failed: ${(err as Error).message}`;
      ctx.log.error({ err, runId }, 'inventory sync failed');
    }
  } finally {
    clearInterval(renew);
    await lock.release();
  }
  counts.unchecked = counts.listed - counts.checked;

  const summary: InventorySyncSummary = { status, runId, ...counts, cjCalls: calls, pointsSpent: points, pointsBudget: budget, errors, note };
  ctx.log.info({ ...summary, errors: errors.length }, 'inventory sync ended');
  return summary;
}

function tally(counts: InventorySyncCounts, effects: readonly InventoryEffect[]): void {
  for (const effect of effects) {
    switch (effect) {
      case 'hidden_out_of_stock':
        counts.hidden.out_of_stock++;
        break;
      case 'hidden_delisted':
        counts.hidden.delisted++;
        break;
      case 'hidden_margin_floor':
        counts.hidden.margin_floor++;
        break;
      case 'shown':
        counts.shown++;
        break;
      case 'repriced':
        counts.repriced++;
        break;
      case 'cost_changed':
        counts.costChanged++;
        break;
      case 'stock_changed':
        counts.stockChanged++;
        break;
      case 'low_stock':
        counts.lowStock++;
        break;
      case 'not_found':
        counts.notFound++;
        break;
      default:
        break;
    }
  }
}

/** Errors that end the run rather than one product: auth, an open circuit, CJ's limits, cancellation. */
function isFatal(err: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  const name = (err as Error)?.name ?? '';
  return /Auth|Circuit|Abort|RateLimited/.test(name);
}
