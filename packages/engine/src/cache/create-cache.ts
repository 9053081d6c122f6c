// Builds a store's cache for its runtime: Redis when the store has one (shared by its instances),
// else memory. Lookups and invalidations are counted in the store's metrics.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { StoreMetrics } from '../observability/metrics.js';
import { MemoryCacheBackend } from './memory-cache.js';
import { RedisCacheBackend } from './redis-cache.js';
import type { CacheSettings } from './settings.js';
import { StoreCache } from './store-cache.js';

export interface CacheDeps {
  storeId: string;
  settings: CacheSettings;
  metrics: StoreMetrics;
  log: Logger;
  redis?: Redis | null;
}

export function createStoreCache(deps: CacheDeps): StoreCache {
  const backend = deps.redis ? new RedisCacheBackend(deps.redis, deps.storeId) : new MemoryCacheBackend(deps.settings.maxEntries);
  return new StoreCache(
    backend,
    { freight: deps.settings.freightTtl, product: deps.settings.productTtl },
    {
      lookup: (cache, result) => deps.metrics.cacheLookups.inc({ cache, result }),
      invalidated: (cache, n) => deps.metrics.cacheInvalidations.inc({ cache }, n),
    },
    (err, what) => deps.log.warn({ err, component: 'cache' }, `cache ${what} failed; treated as a miss`),
  );
}
