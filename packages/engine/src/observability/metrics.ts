// Prometheus metrics, one registry per store so a store's /metrics shows only that store. The
// optional operator listener merges every store's registry with the process metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
  readonly alerts: Counter<'kind' | 'result'>;

  constructor(readonly storeId: string) {
    this.registry.setDefaultLabels({ store: storeId });
    const registers = [this.registry];
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
    this.products = new Gauge({
      name: 'lojista_products',
      help: 'Products in the catalogue by status',
      labelNames: ['status'],
      registers,
    });
    this.jobs = new Counter({
      name: 'lojista_jobs_total',
      help: 'Jobs run by type and result',
      labelNames: ['type', 'result'],
      registers,
    });
    this.alerts = new Counter({
      name: 'lojista_alerts_total',
      help: 'Alerts raised by kind and result (sent, suppressed, failed)',
      labelNames: ['kind', 'result'],
      registers,
    });
  }
}

/** Process-wide metrics (CPU, memory, event loop) for the operator listener. */
export function processRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lojista_process_' });
  return registry;
}
