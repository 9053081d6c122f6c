// Prometheus metrics, one registry per store so a store's /metrics shows only that store. The
// optional operator listener merges every store's registry with the process metrics.
//
// Counters and histograms are fed where things happen. Gauges of state (products, orders, jobs,
// webhooks waiting, scans, the newest backup) are read from the store's database when Prometheus
// scrapes (see store-snapshot.ts), so they hold a value from the first scrape on and stay true
// whichever process changed the data. Label sets an alert relies on start at 0.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ALERT_KINDS } from '../alerts/alert-kinds.js';
import { HOLD_REASONS, ORDER_STATUSES } from '../orders/state-machine.js';
import type { StoreSnapshot } from './store-snapshot.js';

/** How long one snapshot serves the gauges of a scrape (they are collected one by one). */
const SNAPSHOT_TTL_MS = 1_000;
const JOB_STATES = ['queued', 'running', 'dead'] as const;

export class StoreMetrics {
  readonly registry = new Registry();
  readonly cjCalls: Counter<'endpoint' | 'outcome' | 'code'>;
  readonly cjCallSeconds: Histogram<'endpoint'>;
  readonly cjBreakerOpen: Gauge;
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpSeconds: Histogram<'route' | 'method'>;
  readonly scanRuns: Counter<'status'>;
  readonly scanProducts: Counter<'gate' | 'result'>;
  readonly products: Gauge<'status'>;
  readonly jobs: Counter<'type' | 'result'>;
  readonly cacheLookups: Counter<'cache' | 'result'>;
  readonly cacheInvalidations: Counter<'cache'>;
  private cjBalanceReadMs: number | null = null;
  readonly alerts: Counter<'kind' | 'result'>;
  readonly cjPoints: Counter<'endpoint'>;
  readonly cjBalanceUsd: Gauge<'currency'>;
  readonly orders: Gauge<'status'>;
  readonly ordersHeld: Gauge<'reason'>;
  readonly ordersUnpaidAtCjUsd: Gauge;
  readonly paymentToPaidSeconds: Histogram;
  readonly jobSeconds: Histogram<'type'>;
  readonly jobsInQueue: Gauge<'type' | 'status'>;
  readonly webhookLagSeconds: Histogram<'source'>;
  readonly webhooksPending: Gauge<'source'>;
  readonly webhookOldestPendingSeconds: Gauge<'source'>;
  readonly scanRunning: Gauge;
  readonly scanPointsSpent: Gauge;
  readonly scanPointsBudget: Gauge;
  readonly scanLastFinished: Gauge<'status'>;
  readonly backups: Counter<'result'>;
  readonly backupLastSuccess: Gauge;
  readonly backupLastBytes: Gauge;
  readonly backupLastDuration: Gauge;
  readonly backupInterval: Gauge;

  private readSnapshot: (() => Promise<StoreSnapshot>) | null = null;
  private cached: { at: number; value: Promise<StoreSnapshot | null> } | null = null;
  /** Job types the runner knows: their queue gauges start at 0. */
  private readonly jobTypes = new Set<string>();

  constructor(readonly storeId: string) {
    this.registry.setDefaultLabels({ store: storeId });
    const registers = [this.registry];
    // A gauge whose value comes from the snapshot when Prometheus asks.
    const fromSnapshot = <L extends string>(name: string, help: string, labelNames: readonly L[], fill: (g: Gauge<L>, s: StoreSnapshot) => void): Gauge<L> => {
      const read = () => this.snapshot();
      return new Gauge<L>({
        name,
        help,
        labelNames,
        registers,
        async collect() {
          const snap = await read();
          if (snap) fill(this, snap);
        },
      });
    };
    this.cjCalls = new Counter({
      name: 'lojista_cj_calls_total',
      help: 'CJ API calls by endpoint, outcome and CJ code',
      labelNames: ['endpoint', 'outcome', 'code'],
      registers,
    });
    this.cjCallSeconds = new Histogram({
      name: 'lojista_cj_call_duration_seconds',
      help: 'CJ API call duration, including the wait for the QPS budget',
      labelNames: ['endpoint'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    });
    this.cjBreakerOpen = new Gauge({
      name: 'lojista_cj_circuit_open',
      help: '1 while the CJ circuit breaker of this store is open',
      registers,
    });
    this.httpRequests = new Counter({
      name: 'lojista_http_requests_total',
      help: 'HTTP requests by route, method and status',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    this.httpSeconds = new Histogram({
      name: 'lojista_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['route', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.scanRuns = new Counter({
      name: 'lojista_scan_runs_total',
      help: 'Catalogue scans by final status',
      labelNames: ['status'],
      registers,
    });
    this.scanProducts = new Counter({
      name: 'lojista_scan_candidates_total',
      help: 'Catalogue candidates by gate and result',
      labelNames: ['gate', 'result'],
      registers,
    });
    this.products = fromSnapshot('lojista_products', 'Products in the catalogue by status', ['status'], (g, s) => {
      for (const status of ['active', 'hidden', 'retired']) g.set({ status }, s.products[status] ?? 0);
    });
    this.jobs = new Counter({
      name: 'lojista_jobs_total',
      help: 'Job attempts by type and result (ok, retry = will run again later, failed = threw; dead = gave up for good)',
      labelNames: ['type', 'result'],
      registers,
    });
    this.alerts = new Counter({
      name: 'lojista_alerts_total',
      help: 'Alerts raised by kind and result (sent, suppressed, failed)',
      labelNames: ['kind', 'result'],
      registers,
    });
    for (const kind of ALERT_KINDS) this.alerts.inc({ kind, result: 'sent' }, 0);

    this.cjPoints = new Counter({
      name: 'lojista_cj_points_total',
      help: "CJ points spent by endpoint (CJ's published costs: listV2/list 50, product/query, stock and freight 10, others 0)",
      labelNames: ['endpoint'],
      registers,
    });
    // Labelled so that a balance this process never read has no sample (rather than a false 0).
    this.cjBalanceUsd = new Gauge({
      name: 'lojista_cj_balance_usd',
      help: 'CJ account balance, as last read by this process (after its first payment at CJ, by the order reconciliation after payments, and while orders wait for balance)',
      labelNames: ['currency'],
      registers,
    });
    // CJ answers reused (src/cache): freight quotes and CJ product details.
    this.cacheLookups = new Counter({ name: 'lojista_cache_lookups_total', help: 'Cache lookups of CJ answers by cache and result (hit, miss)', labelNames: ['cache', 'result'], registers });
    this.cacheInvalidations = new Counter({ name: 'lojista_cache_invalidations_total', help: 'Cached CJ answers dropped because CJ reported a change (webhook, inventory sync)', labelNames: ['cache'], registers });
    for (const cache of ['freight', 'product']) {
      for (const result of ['hit', 'miss']) this.cacheLookups.inc({ cache, result }, 0);
      this.cacheInvalidations.inc({ cache }, 0);
    }
    this.orders = fromSnapshot('lojista_orders', 'Orders by status', ['status'], (g, s) => {
      for (const status of ORDER_STATUSES) g.set({ status }, s.orders[status] ?? 0);
    });
    this.ordersHeld = fromSnapshot('lojista_orders_held', 'Orders on hold by reason', ['reason'], (g, s) => {
      g.reset();
      for (const reason of HOLD_REASONS) g.set({ reason }, 0);
      for (const [reason, n] of Object.entries(s.heldByReason)) g.set({ reason }, n);
    });
    this.ordersUnpaidAtCjUsd = fromSnapshot('lojista_orders_unpaid_at_cj_usd', 'USD that orders paid by customers but not yet paid at CJ will need from the CJ balance', [], (g, s) =>
      g.set(s.unpaidAtCjUsd),
    );
    this.paymentToPaidSeconds = new Histogram({
      name: 'lojista_order_payment_to_paid_seconds',
      help: "Seconds from the customer's payment to the order paid at CJ",
      buckets: [1, 2, 5, 10, 30, 60, 300, 900, 3600, 14_400, 86_400],
      registers,
    });
    this.jobSeconds = new Histogram({
      name: 'lojista_job_duration_seconds',
      help: 'Duration of one job attempt by type',
      labelNames: ['type'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600, 3600],
      registers,
    });
    this.jobsInQueue = fromSnapshot('lojista_jobs_in_queue', 'Jobs waiting (queued), running, or given up (dead), by type', ['type', 'status'], (g, s) => {
      g.reset();
      for (const type of this.jobTypes) for (const status of JOB_STATES) g.set({ type, status }, 0);
      for (const j of s.jobs) g.set({ type: j.type, status: j.status }, j.n);
    });
    this.webhookLagSeconds = new Histogram({
      name: 'lojista_webhook_lag_seconds',
      help: 'Seconds from receiving a webhook to having processed it, by sender',
      labelNames: ['source'],
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900],
      registers,
    });
    this.webhooksPending = fromSnapshot('lojista_webhooks_pending', 'Webhooks received and not processed yet (or failed, to be retried), by sender', ['source'], (g, s) => {
      for (const source of ['cj', 'stripe']) g.set({ source }, s.webhooksPending.find((w) => w.source === source)?.n ?? 0);
    });
    this.webhookOldestPendingSeconds = fromSnapshot('lojista_webhook_oldest_pending_seconds', 'Age of the oldest webhook not processed yet (0 when none), by sender', ['source'], (g, s) => {
      for (const source of ['cj', 'stripe']) g.set({ source }, s.webhooksPending.find((w) => w.source === source)?.oldestAgeSeconds ?? 0);
    });
    this.scanRunning = fromSnapshot('lojista_scan_running', '1 while a catalogue scan runs', [], (g, s) => g.set(Math.min(1, s.scan.running)));
    this.scanPointsSpent = fromSnapshot('lojista_scan_points_spent', 'CJ points the running (or last) catalogue scan has spent', [], (g, s) => g.set(s.scan.pointsSpent ?? 0));
    this.scanPointsBudget = new Gauge({ name: 'lojista_scan_points_budget', help: 'CJ points one catalogue scan may spend (catalog.pointsBudgetPerScan)', registers });
    this.scanLastFinished = fromSnapshot('lojista_scan_last_finished_timestamp_seconds', 'When the last catalogue scan that finished (or failed) ended, by status; 0 = never', ['status'], (g, s) => {
      for (const status of ['finished', 'failed']) g.set({ status }, s.scan.lastFinishedAt[status] ? Date.parse(s.scan.lastFinishedAt[status]!) / 1000 : 0);
    });
    this.backups = new Counter({ name: 'lojista_backups_total', help: 'Backups taken by this process, by result', labelNames: ['result'], registers });
    for (const result of ['ok', 'failed']) this.backups.inc({ result }, 0);
    this.backupLastSuccess = fromSnapshot('lojista_backup_last_success_timestamp_seconds', 'When the newest complete backup in the backup folder finished; 0 = none', [], (g, s) =>
      g.set(s.backup ? Date.parse(s.backup.finishedAt) / 1000 : 0),
    );
    this.backupLastBytes = fromSnapshot('lojista_backup_last_size_bytes', 'Size of the newest complete backup', [], (g, s) => g.set(s.backup?.bytes ?? 0));
    this.backupLastDuration = fromSnapshot('lojista_backup_last_duration_seconds', 'How long the newest complete backup took', [], (g, s) => g.set((s.backup?.durationMs ?? 0) / 1000));
    this.backupInterval = new Gauge({ name: 'lojista_backup_interval_seconds', help: 'The store\'s backup schedule (backups.every); 0 = scheduled backups off', registers });
  }

  /** The CJ balance as CJ answered it (a decimal string in USD), read at `atMs` (the store's clock). */
  recordCjBalance(amountUsd: string, atMs: number): void {
    this.cjBalanceUsd.set({ currency: 'USD' }, Number(amountUsd));
    this.lastCjBalance = amountUsd;
    this.cjBalanceReadMs = atMs;
  }

  /** Whether this process has read the CJ balance yet. */
  cjBalanceKnown(): boolean {
    return this.cjBalanceReadMs !== null;
  }

  /** When this process last read the CJ balance (epoch ms), or null. */
  cjBalanceReadAt(): number | null {
    return this.cjBalanceReadMs;
  }

  /** The last balance CJ answered in this process, exact (the gauge holds a float); null before one. */
  lastCjBalance: string | null = null;

  /** Where the state gauges read from; set once the store's database is open. */
  attachSnapshot(read: () => Promise<StoreSnapshot>): void {
    this.readSnapshot = read;
    this.cached = null;
  }

  /** Job types the runner handles, so their queue gauges start at 0. */
  registerJobType(type: string): void {
    this.jobTypes.add(type);
    for (const result of ['ok', 'retry', 'failed', 'dead']) this.jobs.inc({ type, result }, 0);
  }

  /** One snapshot per scrape: every state gauge of a scrape reads the same one. */
  private snapshot(): Promise<StoreSnapshot | null> {
    if (!this.readSnapshot) return Promise.resolve(null);
    const now = Date.now();
    if (!this.cached || now - this.cached.at > SNAPSHOT_TTL_MS) {
      // A closed or unreachable database leaves the gauges as they were; /ready reports the database.
      this.cached = { at: now, value: this.readSnapshot().catch(() => null) };
    }
    return this.cached.value;
  }
}

/** Process-wide metrics (CPU, memory, event loop) for the operator listener. */
export function processRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lojista_process_' });
  return registry;
}
