// Everything a service call needs to act for one store, resolved once at the edge (the listener,
// the job, the webhook) and passed first to every call. There is no "current store" anywhere else.
import type { CjClient } from '@lojista/cj';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AlertService } from '../alerts/alert-service.js';
import type { StoreCache } from '../cache/store-cache.js';
import type { CatalogChangeSignal } from '../catalog/catalog-version.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { StoreMetrics } from '../observability/metrics.js';
import type { StoreSecrets } from './secrets.js';
import type { StoreConfig } from './store-config.js';

export interface SupplierInfo {
  /** true while the store talks to the bundled CJ simulator instead of the real CJ API. */
  simulated: boolean;
  baseUrl: string;
}

export interface StoreContext {
  readonly id: string;
  readonly config: StoreConfig;
  readonly secrets: StoreSecrets;
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  readonly clock: Clock;
  readonly log: Logger;
  readonly metrics: StoreMetrics;
  readonly cj: CjClient;
  readonly supplier: SupplierInfo;
  readonly alerts: AlertService;
  /** CJ answers reused within their TTL (memory, or Redis on the scale runtime). */
  readonly cache: StoreCache;
  /** Changes whenever the catalogue does (any writer, any instance): what catalogue response caches key on. */
  readonly catalogVersion: CatalogChangeSignal;
  /** Ask the job runner to look for work now (after committing a job). */
  readonly pokeJobs: () => void;
}
