// One catalogue scan: search → details → analyse → translate → price → enrich → store, for every
// niche keyword, within the run's CJ points budget. Never overlaps itself (a lease lock in the
// store's database, so also across processes), records the run with per-gate counts, and remembers
// rejections so a product is not fetched again unless its listing changed.
import { createHash, randomUUID } from 'node:crypto';
import type { StoreContext } from '../stores/context.js';
import { tryAcquireLock, lockHolder } from '../db/locks.js';
import type { Translator } from '../translation/types.js';
import type { CandidateDetail, CandidateSummary, FreightQuote, Rejection } from './candidate.js';
import { activeProducts, capFloor, getProductByPid, retireBeyondCap } from './catalog-repository.js';
import { analyseBeforeFreight, cheapChecks } from './gates/analyse.js';
import { ListScoreCeiling } from './gates/score-ceiling.js';
import { CandidatePool, type SearchedPage } from './scan-pool.js';
import { withNicheKeywords } from './gates/analyse-rules.js';
import { emptyCounts, type CjGate, type ScanCounts, type ScanProgress } from './scan-counts.js';
import { ScanBudget } from './scan-budget.js';
import { advanceCursor, nextPage, rejectionsFor, rememberRejection } from './scan-state.js';
import { POINTS, type CatalogSupplier } from './supplier.js';
import { freightSource, runGates } from './pipeline.js';

export const SCAN_LOCK = 'catalog-scan';

export interface ScanDeps {
  supplier: CatalogSupplier;
  translator: Translator;
}

export interface ScanOptions {
  trigger: 'schedule' | 'api' | 'cli' | 'start';
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
  /** Override the config's points budget (tests, a quick CLI scan). */
  pointsBudget?: number;
}

export type ScanResult =
  | { status: 'finished' | 'failed'; runId: string; counts: ScanCounts; cjCalls: number; pointsSpent: number; note: string | null }
  | { status: 'already_running'; holder: string };

/** Hash of what listV2 says about a product; a change means the product deserves another look. */
export function listingHash(s: CandidateSummary): string {
  return createHash('sha256').update([s.nameEn, s.priceMinUsd, s.priceMaxUsd, s.image ?? ''].join('|')).digest('hex').slice(0, 16);
}

class StopScan extends Error {}

export async function runScan(ctx: StoreContext, deps: ScanDeps, opts: ScanOptions): Promise<ScanResult> {
  const runId = randomUUID();
  const lock = await tryAcquireLock(ctx.db, ctx.clock, SCAN_LOCK, runId, 5 * 60_000);
  if (!lock) return { status: 'already_running', holder: (await lockHolder(ctx.db, ctx.clock, SCAN_LOCK)) ?? 'unknown' };
  const renew = setInterval(() => void lock.renew(), 60_000);
  const started = ctx.clock.now();
  const counts = emptyCounts();
  const budget = new ScanBudget(opts.pointsBudget ?? ctx.config.catalog.pointsBudgetPerScan);
  const errors: Array<{ at: string; message: string }> = [];
  let note: string | null = null;
  let status: 'finished' | 'failed' = 'finished';
  let keyword: string | null = null;
  const iso = () => new Date(ctx.clock.now()).toISOString();

  await ctx.db
    .insertInto('scan_runs')
    .values({
      id: runId,
      trigger: opts.trigger,
      status: 'running',
      started_at: iso(),
      finished_at: null,
      counts: JSON.stringify(counts),
      cj_calls: 0,
      cj_points: 0,
      errors: '[]',
      note: null,
    })
    .execute();
  ctx.log.info({ runId, trigger: opts.trigger, budget: budget.limit }, 'catalogue scan started');

  let lastSaved = 0;
  const saveProgress = async () => {
    // Lets GET /catalog/scans show a running scan's counts while it works.
    if (Date.now() - lastSaved < 2_000) return;
    lastSaved = Date.now();
    await ctx.db
      .updateTable('scan_runs')
      .set({ counts: JSON.stringify(counts), cj_calls: budget.callCount, cj_points: budget.points })
      .where('id', '=', runId)
      .execute();
  };
  const progress = () => {
    const elapsedMs = ctx.clock.now() - started;
    const rate = budget.points > 0 ? elapsedMs / budget.points : null;
    opts.onProgress?.({
      runId,
      counts,
      cjCalls: budget.callCount,
      pointsSpent: budget.points,
      pointsBudget: budget.limit,
      elapsedMs,
      etaMs: rate === null ? null : Math.round(rate * budget.remaining),
      keyword,
    });
  };
  const spend = (gate: CjGate, points: number, what: string) => {
    if (opts.signal?.aborted) throw new StopScan('stopped: the scan was cancelled');
    if (!budget.canSpend(points)) throw new StopScan(`points budget reached (${budget.points}/${budget.limit}) before ${what}`);
    budget.spend(points);
    counts.cj[gate].calls++;
    counts.cj[gate].points += points;
  };
  const maxProducts = ctx.config.catalog.maxProducts;
  const floor = () => capFloor(ctx.db, maxProducts);
  const reject = async (pid: string, hash: string, rejection: Rejection) => {
    counts.rejected[`${rejection.gate}:${rejection.code}`] = (counts.rejected[`${rejection.gate}:${rejection.code}`] ?? 0) + 1;
    ctx.metrics.scanProducts.inc({ gate: rejection.gate, result: 'rejected' });
    await rememberRejection(ctx.db, pid, hash, rejection, iso());
  };

  const quality = withNicheKeywords(ctx.config.quality, ctx.config.niche.keywords);

  const listCeiling = new ListScoreCeiling(ctx.config.pricing, quality.maxShippingUsd);
  const pool = new CandidatePool();

  /** What list data alone decides: a rejection, or the candidate joins the pool with its ceiling. */
  const admit = async (summary: CandidateSummary, hash: string, page: SearchedPage) => {
    pool.markSeen(summary.pid);
    const cheap = cheapChecks(summary, quality);
    if (cheap) {
      counts.analyse.cheapRejected++;
      return reject(summary.pid, hash, cheap);
    }
    const verdict = listCeiling.verdict(summary);
    if (!verdict.sellable) {
      counts.analyse.cheapRejected++;
      return reject(summary.pid, hash, { gate: 'price', code: verdict.code, reason: verdict.reason });
    }
    pool.add({ summary, listingHash: hash, ceiling: verdict.ceiling, page });
  };

  const consider = async (summary: CandidateSummary, hash: string) => {
    // A product costs its details and its freight quote: start it only when the budget covers both,
    // so a run never stops half-way through a product with its details paid for and no verdict.
    if (!budget.canSpend(POINTS.details + POINTS.freight)) {
      throw new StopScan(`points budget reached (${budget.points}/${budget.limit}) before details and freight of ${summary.pid}`);
    }
    spend('details', POINTS.details, `details of ${summary.pid}`);
    let detail: CandidateDetail | null;
    try {
      detail = await deps.supplier.details(summary.pid, opts.signal);
    } catch (err) {
      if (isFatal(err)) throw err;
      counts.details.errors++;
      errors.push({ at: iso(), message: `details ${summary.pid}: ${(err as Error).message}` });
      return;
    }
    if (!detail) {
      counts.details.gone++;
      return reject(summary.pid, hash, { gate: 'details', code: 'not_found', reason: 'CJ no longer has this product (not found or off the shelves)' });
    }
    counts.details.fetched++;
    // What the record alone rejects is rejected before the freight quote is bought.
    const early = analyseBeforeFreight(detail, quality);
    if (!early.ok) {
      counts.analyse.rejected++;
      return reject(summary.pid, hash, early.rejection);
    }
    const source = freightSource(detail.variants);
    let freight: FreightQuote[] | null = null;
    if (source) {
      spend('freight', POINTS.freight, `freight of ${summary.pid}`);
      try {
        freight = await deps.supplier.freight(
          { fromCountry: source.country, toCountry: ctx.config.mainCountry, vid: source.variant.vid, quantity: 1 },
          opts.signal,
        );
      } catch (err) {
        if (isFatal(err)) throw err;
        errors.push({ at: iso(), message: `freight ${summary.pid}: ${(err as Error).message}` });
        freight = null;
      }
    }
    const outcome = await runGates(ctx, deps.translator, { detail, freight, listingHash: hash }, {
      ...(opts.signal ? { signal: opts.signal } : {}),
      maxProducts,
      capFloor: floor,
    });
    // Per-gate counts: every gate passed counts "ok", the gate that stopped the product "rejected".
    for (const gate of outcome.ok ? (['analyse', 'translate', 'price', 'enrich'] as const) : outcome.passed) {
      if (gate === 'analyse') counts.analyse.passed++;
      else counts[gate].ok++;
    }
    if (!outcome.ok) {
      const gate = outcome.rejection.gate;
      if (gate === 'analyse') counts.analyse.rejected++;
      else if (gate === 'store') counts.store.duplicates++;
      else if (gate === 'translate' || gate === 'price' || gate === 'enrich') counts[gate].rejected++;
      return reject(summary.pid, hash, outcome.rejection);
    }
    const stored = outcome.stored;
    if (stored.created) counts.store.added++;
    else counts.store.updated++;
    counts.store.retired += stored.retired.length;
    ctx.metrics.scanProducts.inc({ gate: 'store', result: 'stored' });
  };

  const movePastDonePages = async () => {
    // The cursor moves past a page only once all of it was looked at: a run stopped with some of a
    // page's candidates undecided resumes there next time instead of skipping them until it wraps.
    for (const done of pool.donePages()) await advanceCursor(ctx.db, done.cursor, done.page, done.totalPages, iso());
  };

  try {
    const targets = searchTargets(ctx, rotate(ctx.config.niche.keywords, await countRuns(ctx)));
    const plan = targets.flatMap((target) => Array.from({ length: ctx.config.catalog.pagesPerKeyword }, () => target));
    const lastPage = new Map<string, { page: number; totalPages: number }>();
    let planned = 0;

    const searchNextPage = async () => {
      const target = plan[planned++]!;
      keyword = target.keyword;
      const previous = lastPage.get(target.cursor);
      const page = previous ? (previous.page >= Math.min(previous.totalPages, 1000) ? 1 : previous.page + 1) : await nextPage(ctx.db, target.cursor);
      spend('search', POINTS.search, `searching "${target.keyword}" page ${page}`);
      const result = await deps.supplier.search(
        {
          keyword: target.keyword,
          page,
          size: ctx.config.catalog.pageSize,
          ...(target.categoryId ? { categoryId: target.categoryId } : {}),
        },
        opts.signal,
      );
      counts.search.pages++;
      const totalPages = Math.max(result.totalPages, 1);
      lastPage.set(target.cursor, { page, totalPages });
      const searched = pool.openPage(target.cursor, page, totalPages);
      const remembered = await rejectionsFor(ctx.db, result.items.map((i) => i.pid));
      for (const summary of result.items) {
        // Counted as each candidate is looked at, so a run the budget stops still adds up
        // (found = new + already listed or found earlier in this run + skipped as rejected).
        counts.search.found++;
        const hash = listingHash(summary);
        if (await getProductByPid(ctx.db, summary.pid)) {
          counts.search.alreadyListed++;
          continue;
        }
        if (remembered.get(summary.pid)?.listingHash === hash) {
          counts.search.skippedRejected++;
          continue;
        }
        if (pool.has(summary.pid)) {
          counts.search.alreadyListed++;
          continue;
        }
        counts.search.new++;
        await admit(summary, hash, searched);
      }
      await movePastDonePages();
      progress();
    };

    const perCandidate = POINTS.details + POINTS.freight;
    // A filling run (a first scan, or the cap raised a lot) stops once the cap is full: any product
    // it stored after that would retire one it stored itself, both paid for in CJ calls. What is
    // left waits for the next runs, which start full and spend only on candidates whose ceiling
    // beats the weakest product kept (their pages are not passed, so they are searched again).
    const filling = (await activeProducts(ctx.db)).active <= maxProducts / 2;
    for (;;) {
      // Search on while the pool holds fewer candidates than the budget could detail: the more of a
      // run's candidates are known, the better the ones it spends details on.
      const searchLeft = planned < plan.length;
      if (searchLeft && (pool.size === 0 || pool.size * perCandidate < budget.remaining - POINTS.search)) {
        await searchNextPage();
        continue;
      }
      const next = pool.peek();
      if (!next) break;
      // Candidates come best ceiling first: once the best one waiting cannot beat the weakest
      // product the full catalogue keeps, none of the others can, and none is worth a CJ call.
      const weakest = await floor();
      if (filling && weakest !== null) {
        note = `catalogue filled (${maxProducts} products): ${pool.size} candidates left for the next scans`;
        break;
      }
      if (weakest !== null && next.ceiling <= weakest) {
        for (const candidate of pool.drain()) {
          counts.analyse.belowCap++;
          pool.settle(candidate);
        }
        await movePastDonePages();
        if (!searchLeft) note = `catalogue full: no candidate left could beat its weakest product (score ${weakest})`;
        continue;
      }
      pool.take();
      keyword = next.summary.keyword;
      await consider(next.summary, next.listingHash);
      pool.settle(next);
      await movePastDonePages();
      progress();
      await saveProgress();
    }
  } catch (err) {
    if (err instanceof StopScan) {
      note = err.message;
    } else {
      status = 'failed';
      note = `scan failed: ${(err as Error).message}`;
      errors.push({ at: iso(), message: (err as Error).message });
      ctx.log.error({ err, runId }, 'catalogue scan failed');
    }
  } finally {
    clearInterval(renew);
  }

  try {
    // Also covers a cap lowered in the config since the last run.
    const retired = await retireBeyondCap(ctx.db, ctx.config.catalog.maxProducts, iso());
    counts.store.retired += retired.length;
  } finally {
    await ctx.db
      .updateTable('scan_runs')
      .set({
        status,
        finished_at: iso(),
        counts: JSON.stringify(counts),
        cj_calls: budget.callCount,
        cj_points: budget.points,
        errors: JSON.stringify(errors.slice(0, 100)),
        note,
      })
      .where('id', '=', runId)
      .execute();
    await lock.release();
  }
  ctx.metrics.scanRuns.inc({ status });
  progress();
  ctx.log.info({ runId, status, note, counts, cjCalls: budget.callCount, points: budget.points }, 'catalogue scan ended');
  return { status, runId, counts, cjCalls: budget.callCount, pointsSpent: budget.points, note };
}

/** Errors that stop the whole run (auth, open circuit, cancellation) rather than one product. */
function isFatal(err: unknown): boolean {
  const name = (err as Error)?.name ?? '';
  return err instanceof StopScan || /Auth|Circuit|Abort|RateLimited/.test(name);
}


/** Every keyword, within each configured CJ category (or in all categories when none is set). */
function searchTargets(ctx: StoreContext, keywords: string[]): Array<{ keyword: string; categoryId?: string; cursor: string }> {
  const categories = ctx.config.niche.categoryIds;
  if (categories.length === 0) return keywords.map((keyword) => ({ keyword, cursor: keyword }));
  return keywords.flatMap((keyword) => categories.map((categoryId) => ({ keyword, categoryId, cursor: `${keyword}|${categoryId}` })));
}

/** Each run starts at a different keyword, so a budget that runs out still covers every keyword over time. */
function rotate<T>(items: readonly T[], offset: number): T[] {
  if (items.length === 0) return [];
  const k = offset % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

async function countRuns(ctx: StoreContext): Promise<number> {
  const { n } = await ctx.db.selectFrom('scan_runs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}
