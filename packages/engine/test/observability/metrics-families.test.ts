// /metrics tells the truth: after a catalogue scan, one order (paid at CJ, then shipped and delivered
// through CJ's webhooks), an inventory sync and a backup, every metric family the store declares has
// samples — and the ones those events feed hold the values the events imply, so a family fed only
// by its zero start would fail here. Every metric the Grafana dashboard and the alert rules query
// must exist in that /metrics too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncInventory } from '../../src/inventory/sync.js';
import { REPO } from '../cli/cli-process.js';
import { testSimulator } from '../support/store-harness.js';
import { listOrders, planCheckouts, postCheckout, sellableVariants, until } from '../e2e/support/e2e-kit.js';
import { startE2eStore, type E2eStore } from '../e2e/support/e2e-store.js';
import { familySamples, parseExposition, total, type Exposition } from './prometheus-text.js';

let sim: RunningSimulator;
let store: E2eStore;
let exp: Exposition;
let declared: string[];
let scanPoints = 0;
let backupFinishedAt = '';

beforeAll(async () => {
  sim = await testSimulator();
  store = await startE2eStore({ sim, config: { schedules: { orderReconcile: '1h' } } });
  const ctx = store.runtime.ctx;
  const scan = await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 500 });
  if (scan.status === 'already_running') throw new Error('a scan was already running');
  scanPoints = scan.pointsSpent;
  const hook = { type: 'ENABLE' as const, callbackUrls: [`${store.url}/api/webhooks/cj`] };
  await ctx.cj.webhook.set({ order: hook, logistics: hook });

  const api = { url: store.url, adminToken: store.adminToken };
  const [body] = planCheckouts(await sellableVariants(api), 1, 5, { keyPrefix: 'metrics' });
  await postCheckout(store.url, body!);
  await until('the order paid at CJ', async () => (await listOrders(api))[0]?.status === 'paid', 60_000, 200);
  for (let day = 0; day < 20; day += 4) {
    await sim.control.advanceClock({ days: 4 });
    await sim.control.flushWebhooks();
  }
  await until('CJ webhooks processed', async () => (await ctx.db.selectFrom('inbox').select('status').where('status', '=', 'processed').execute()).length > 0, 60_000, 200);
  expect((await syncInventory(ctx)).status).toBe('finished');
  backupFinishedAt = (await store.runtime.backups.runNow('test')).manifest.finishedAt;

  declared = (await ctx.metrics.registry.getMetricsAsJSON()).map((m) => m.name);
  const res = await fetch(`${store.url}/metrics`, { headers: { authorization: `Bearer ${store.adminToken}` } });
  expect(res.status).toBe(200);
  exp = parseExposition(await res.text());
}, 300_000);

afterAll(async () => {
  await store?.close();
  await sim?.close();
});

describe('/metrics after a scan, an order, a sync and a backup', () => {
  it('declares the families the dashboard and alerts rely on', () => {
    expect(declared.length).toBeGreaterThan(25);
    expect(declared).toEqual(expect.arrayContaining(['lojista_jobs_total', 'lojista_products', 'lojista_orders', 'lojista_backup_last_success_timestamp_seconds']));
  });

  it('every declared family has samples, all labelled with the store', () => {
    const empty = declared.filter((name) => familySamples(exp, name).length === 0);
    expect(empty).toEqual([]);
    for (const name of declared) for (const s of familySamples(exp, name)) expect(s.labels.store).toBe(store.id);
  });

  it('the families these events feed hold what the events imply', () => {
    const one = (name: string, where: Record<string, string> = {}) => total(exp, name, where);
    expect(one('lojista_products', { status: 'active' })).toBeGreaterThan(0);
    expect(one('lojista_orders')).toBe(1);
    expect(one('lojista_orders', { status: 'awaiting_payment' }) + one('lojista_orders', { status: 'pending' })).toBe(0);
    expect(one('lojista_jobs_total', { type: 'orders.fulfil', result: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(one('lojista_jobs_total', { type: 'webhook.process', result: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(one('lojista_job_duration_seconds_count', { type: 'orders.fulfil' })).toBeGreaterThanOrEqual(1);
    expect(one('lojista_order_payment_to_paid_seconds_count')).toBe(1);
    expect(one('lojista_webhook_lag_seconds_count', { source: 'cj' })).toBeGreaterThanOrEqual(1);
    expect(one('lojista_webhooks_pending')).toBe(0);
    expect(one('lojista_cj_balance_usd', { currency: 'USD' })).toBeGreaterThan(0);
    expect(one('lojista_orders_unpaid_at_cj_usd')).toBe(0);
    // The scan's points, counted per answered call, are at least what the scan run recorded.
    expect(one('lojista_cj_points_total')).toBeGreaterThanOrEqual(scanPoints);
    expect(one('lojista_cj_points_total', { endpoint: '/product/listV2' })).toBeGreaterThan(0);
    expect(one('lojista_cj_calls_total')).toBeGreaterThan(0);
    expect(one('lojista_scan_runs_total', { status: 'finished' })).toBe(1);
    expect(one('lojista_scan_candidates_total')).toBeGreaterThan(0);
    expect(one('lojista_scan_running')).toBe(0);
    expect(one('lojista_scan_points_spent')).toBe(scanPoints);
    expect(one('lojista_scan_last_finished_timestamp_seconds', { status: 'finished' })).toBeGreaterThan(0);
    expect(one('lojista_backups_total', { result: 'ok' })).toBe(1);
    expect(one('lojista_backup_last_success_timestamp_seconds')).toBe(Date.parse(backupFinishedAt) / 1000);
    expect(one('lojista_backup_last_size_bytes')).toBeGreaterThan(0);
    expect(one('lojista_backup_interval_seconds')).toBe(6 * 3600);
    expect(one('lojista_http_requests_total')).toBeGreaterThan(0);
    expect(one('lojista_http_request_duration_seconds_count')).toBeGreaterThan(0);
  });
});

/** Metric names a PromQL text mentions (lojista_…; a histogram's as lojista_…_bucket). */
function metricNames(promql: string): string[] {
  return [...promql.matchAll(/\b(lojista_[a-z0-9_]+)/g)].map((m) => m[1]!);
}

/** A family, or a sample name such as a histogram's _bucket. */
function exists(name: string): boolean {
  return exp.families.has(name) || exp.samples.some((s) => s.name === name);
}

describe('deploy/grafana and deploy/prometheus query only metrics that exist', () => {
  const dashboard = JSON.parse(readFileSync(join(REPO, 'deploy', 'grafana', 'lojista.json'), 'utf8')) as {
    panels: Array<{ title: string; type: string; targets?: Array<{ expr: string }> }>;
    templating: { list: Array<{ definition?: string }> };
  };

  it('every dashboard panel has a query, and every metric it queries is in /metrics', () => {
    const panels = dashboard.panels.filter((p) => p.type !== 'row');
    expect(panels.length).toBeGreaterThanOrEqual(20);
    for (const p of panels) expect(p.targets?.length, p.title).toBeGreaterThan(0);
    const queried = new Set([...panels.flatMap((p) => p.targets!.map((t) => t.expr)), ...dashboard.templating.list.map((v) => v.definition ?? '')].flatMap(metricNames));
    expect(queried.size).toBeGreaterThan(20);
    expect([...queried].filter((n) => !exists(n))).toEqual([]);
  });

  it('every metric the alert rules query is in /metrics', () => {
    const rules = readFileSync(join(REPO, 'deploy', 'prometheus', 'lojista-alerts.yml'), 'utf8');
    const queried = new Set(metricNames(rules));
    expect(queried.size).toBeGreaterThanOrEqual(8);
    expect([...queried].filter((n) => !exists(n))).toEqual([]);
  });
});
