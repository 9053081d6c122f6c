// Shared pieces of the scan tests: the store's simulator account, the CJ calls a scan made (from the
// simulator's ledger and from the recording proxy), and the recorded run.
import type { CallEntry, RunningSimulator } from '@lojista/cj-sim';
import { expect } from 'vitest';
import type { ScanCounts } from '../../src/catalog/scan-counts.js';
import { getScanRun, type ScanRunView } from '../../src/catalog/scan-runs.js';
import type { ScanResult } from '../../src/catalog/scanner.js';
import { simulatorApiKey } from '../../src/runtime/supplier-setup.js';
import type { TestStore } from '../support/store-harness.js';
import type { RecordedCall } from './recording-proxy.js';

/** The endpoints a catalogue scan calls, and what each costs in CJ points. */
export const SCAN_ENDPOINTS = { '/product/listV2': 50, '/product/query': 10, '/logistic/freightCalculate': 10 } as const;
export type ScanEndpoint = keyof typeof SCAN_ENDPOINTS;

/** The simulator account (openId) of a test store: the digits of its simulator API key. */
export function openIdOf(storeId: string): string {
  return /^CJ(\d+)@api@/.exec(simulatorApiKey(storeId))![1]!;
}

/** Accepted scan-endpoint calls of one account in the simulator's ledger after `since`. */
export function ledgerScanCalls(sim: RunningSimulator, storeId: string, since: number): Record<ScanEndpoint, number> {
  const out = { '/product/listV2': 0, '/product/query': 0, '/logistic/freightCalculate': 0 };
  const entries = sim.control.ledger({ kind: 'call', openId: openIdOf(storeId), since }) as CallEntry[];
  for (const e of entries) {
    if (e.rateLimited) continue;
    if (e.path in out) out[e.path as ScanEndpoint]++;
  }
  return out;
}

export function pointsOf(calls: Record<ScanEndpoint, number>): number {
  return Object.entries(calls).reduce((sum, [path, n]) => sum + SCAN_ENDPOINTS[path as ScanEndpoint] * n, 0);
}

export function totalCalls(calls: Record<ScanEndpoint, number>): number {
  return Object.values(calls).reduce((a, b) => a + b, 0);
}

/** The pids whose details (product/query) were requested in `calls`. */
export function queriedPids(calls: RecordedCall[]): string[] {
  return calls.filter((c) => c.path === '/product/query').map((c) => c.query.get('pid') ?? '');
}

/** The listV2 requests in `calls` as keyword + page. */
export function searchedPages(calls: RecordedCall[]): Array<{ keyword: string; page: number; size: number }> {
  return calls
    .filter((c) => c.path === '/product/listV2')
    .map((c) => ({ keyword: c.query.get('keyWord') ?? '', page: Number(c.query.get('page')), size: Number(c.query.get('size')) }));
}

export type FinishedScan = Extract<ScanResult, { runId: string }>;

export function finished(result: ScanResult): FinishedScan {
  if (result.status === 'already_running') throw new Error(`expected a scan to run, got ${JSON.stringify(result)}`);
  return result;
}

export async function recordedRun(store: TestStore, runId: string): Promise<ScanRunView> {
  const run = await getScanRun(store.runtime.ctx.db, runId);
  if (!run) throw new Error(`no scan_runs row for ${runId}`);
  return run;
}

/** The invariants every run's counts must keep, whatever stopped it. */
export function expectConsistentCounts(c: ScanCounts): void {
  const rejectedTotal = Object.values(c.rejected).reduce((a, b) => a + b, 0);
  expect(c.search.found, 'found = new + already listed + skipped as rejected').toBe(c.search.new + c.search.alreadyListed + c.search.skippedRejected);
  // Every new candidate is cheap-rejected, or its details were asked for (fetched, gone, or failed)
  // — except the one the budget stopped at, which has no verdict and is not counted further.
  expect(c.analyse.cheapRejected + c.details.fetched + c.details.gone + c.details.errors).toBeLessThanOrEqual(c.search.new);
  expect(c.analyse.passed + c.analyse.rejected).toBe(c.details.fetched);
  expect(c.translate.ok + c.translate.rejected).toBe(c.analyse.passed);
  expect(c.price.ok + c.price.rejected).toBe(c.translate.ok);
  expect(c.enrich.ok + c.enrich.rejected).toBe(c.price.ok);
  expect(c.store.added + c.store.updated + c.store.duplicates).toBe(c.enrich.ok);
  // Every rejection is recorded by gate and code.
  expect(rejectedTotal).toBe(
    c.analyse.cheapRejected + c.details.gone + c.analyse.rejected + c.translate.rejected + c.price.rejected + c.enrich.rejected + c.store.duplicates,
  );
}

/** CJ product ids of the store's products with a status. */
export async function productPids(store: TestStore, status?: 'active' | 'hidden' | 'retired'): Promise<string[]> {
  let q = store.runtime.ctx.db.selectFrom('products').select('cj_pid');
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('cj_pid').execute()).map((r) => r.cj_pid);
}

export async function rejectionRows(store: TestStore) {
  return store.runtime.ctx.db.selectFrom('rejections').selectAll().orderBy('cj_pid').execute();
}

export async function publicCatalogue(store: TestStore, query = 'limit=100'): Promise<{ total: number; items: Array<{ id: string; slug: string; title: string; description: string }> }> {
  const res = await fetch(`${store.url}/api/catalog?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; items: Array<{ id: string; slug: string; title: string; description: string }> };
}
