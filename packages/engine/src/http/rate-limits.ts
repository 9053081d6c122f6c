// Rate-limit budgets by purpose. Every public route spends the general `http.publicRateLimit` budget
// unless it names a purpose here; a route that names one spends that budget instead (its own bucket
// per client IP), so a burst of searches cannot lock a customer out of checkout and the reverse.
// Routes attach it as Fastify route config: `{ config: { rateLimit: purposeRateLimit(config, 'search') } }`.
import type { StoreConfig } from '../stores/store-config.js';

export type RatePurpose = keyof StoreConfig['http']['rateLimits'];

export interface RouteRateLimit {
  max: number;
  timeWindow: number;
  /** Keeps each purpose's counters apart from the general bucket of the same client. */
  keyGenerator: (request: { ip: string }) => string;
}

export function purposeRateLimit(config: StoreConfig, purpose: RatePurpose): RouteRateLimit {
  const budget = config.http.rateLimits[purpose];
  return { max: budget.max, timeWindow: budget.window, keyGenerator: (request) => `${purpose}:${request.ip}` };
}
