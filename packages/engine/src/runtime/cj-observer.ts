// Turns the CJ client's call and breaker events into this store's metrics and alerts.
import type { CjEvent, CjObserver } from '@lojista/cj';
import type { Logger } from 'pino';
import type { AlertService } from '../alerts/alert-service.js';
import type { StoreMetrics } from '../observability/metrics.js';
import { cjPointsFor } from '../supplier/cj-points.js';

const AUTH_ENDPOINTS = new Set(['/authentication/getAccessToken', '/authentication/refreshAccessToken']);

export function cjObserver(metrics: StoreMetrics, alerts: AlertService, log: Logger): CjObserver {
  return (event: CjEvent) => {
    if (event.type === 'breaker') {
      metrics.cjBreakerOpen.set(event.state === 'open' ? 1 : 0);
      log.warn({ state: event.state }, `CJ circuit breaker ${event.state}`);
      if (event.state === 'open') {
        alerts.notify({
          kind: 'circuit_open',
          subject: 'cj',
          message: 'CJ calls keep failing; they are paused for a moment (circuit breaker open). Orders wait and retry.',
        });
      }
      return;
    }
    metrics.cjCalls.inc({ endpoint: event.endpoint, outcome: event.outcome, code: String(event.cjCode ?? '') });
    // One debug line per call; it carries the id of the request (or of the job's request) behind it.
    log.debug({ endpoint: event.endpoint, outcome: event.outcome, code: event.cjCode, ms: Math.round(event.durationMs) }, 'CJ call');
    metrics.cjCallSeconds.observe({ endpoint: event.endpoint }, (event.durationMs + event.queuedMs) / 1000);
    if (event.outcome === 'ok') metrics.cjPoints.inc({ endpoint: event.endpoint }, cjPointsFor(event.endpoint));
    if (AUTH_ENDPOINTS.has(event.endpoint) && event.outcome === 'cj_error') {
      alerts.notify({
        kind: 'cj_auth_failure',
        subject: 'cj-token',
        message: `CJ refused authentication (code ${event.cjCode ?? '?'}); check the store's CJ API key`,
        data: { endpoint: event.endpoint, code: event.cjCode },
      });
    }
  };
}
