// The store cache on both backends (memory for the embedded runtime, a real Redis for the scale
// runtime): a hit within the TTL, a miss after it, an invalidation drops exactly the entries tagged
// with the id, `fresh` asks again, the metrics count hits and misses, and a broken backend is a miss.
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisGate } from '@lojista/testkit';
import { createStoreCache } from '../../src/cache/create-cache.js';
import { MemoryCacheBackend } from '../../src/cache/memory-cache.js';
import { StoreCache, type CacheBackend } from '../../src/cache/store-cache.js';
import { StoreMetrics } from '../../src/observability/metrics.js';

const redisAvailable = await redisGate();
const log = pino({ level: 'silent' });
const settings = (ttl: number) => ({ freightTtl: ttl, productTtl: ttl, maxEntries: 100 });

async function lookups(metrics: StoreMetrics, cache: string, result: string): Promise<number> {
  return (await metrics.cacheLookups.get()).values.find((v) => v.labels.cache === cache && v.labels.result === result)?.value ?? 0;
}

/** A loader that counts how often CJ would have been asked. */
function counter() {
  let n = 0;
  const load = (value: string) => async () => {
    n++;
    return { value };
  };
  return { load, calls: () => n };
}

const backends: Array<{ name: string; available: boolean; make: (id: string) => { redis: Redis | null } }> = [
  { name: 'memory', available: true, make: () => ({ redis: null }) },
  { name: 'redis', available: redisAvailable.available, make: () => ({ redis: new Redis(redisAvailable.url) }) },
];

for (const b of backends) {
  describe.runIf(b.available)(`store cache on ${b.name}`, () => {
    const id = `cache-${b.name}-${process.pid}-${Date.now()}`;
    let redis: Redis | null;
    let metrics: StoreMetrics;
    let cache: StoreCache;
    beforeAll(() => {
      ({ redis } = b.make(id));
      metrics = new StoreMetrics(id);
      cache = createStoreCache({ storeId: id, settings: settings(1500), metrics, log, redis });
    });
    afterAll(async () => {
      await cache.clear();
      redis?.disconnect();
    });

    it('answers from the cache within the TTL and asks again after it', async () => {
      const c = counter();
      expect(await cache.through('freight', 'CN>PT|v1*1', ['v1'], c.load('a'))).toEqual({ value: 'a' });
      expect(await cache.through('freight', 'CN>PT|v1*1', ['v1'], c.load('b'))).toEqual({ value: 'a' });
      expect(c.calls()).toBe(1);
      expect(await lookups(metrics, 'freight', 'hit')).toBe(1);
      expect(await lookups(metrics, 'freight', 'miss')).toBe(1);
      await new Promise((r) => setTimeout(r, 2000));
      expect(await cache.through('freight', 'CN>PT|v1*1', ['v1'], c.load('c'))).toEqual({ value: 'c' });
      expect(c.calls()).toBe(2);
    });

    it('an invalidation drops the entries tagged with the id, in that area only', async () => {
      const c = counter();
      await cache.through('freight', 'CN>PT|v2*1', ['v2'], c.load('x'));
      await cache.through('freight', 'CN>PT|v2*1,v3*1', ['v2', 'v3'], c.load('x'));
      await cache.through('freight', 'CN>PT|v3*1', ['v3'], c.load('x'));
      await cache.through('product', 'v2', ['v2'], c.load('x'));
      expect(c.calls()).toBe(4);
      await cache.invalidate('freight', ['v2']);
      await cache.through('freight', 'CN>PT|v2*1', ['v2'], c.load('y'));
      await cache.through('freight', 'CN>PT|v2*1,v3*1', ['v2', 'v3'], c.load('y'));
      expect(c.calls()).toBe(6);
      await cache.through('freight', 'CN>PT|v3*1', ['v3'], c.load('y'));
      await cache.through('product', 'v2', ['v2'], c.load('y'));
      expect(c.calls()).toBe(6);
      expect((await metrics.cacheInvalidations.get()).values.find((v) => v.labels.cache === 'freight')?.value).toBe(2);
    });

    it('fresh asks CJ and keeps the new answer', async () => {
      const c = counter();
      await cache.through('product', 'p9', ['p9'], c.load('old'));
      expect(await cache.through('product', 'p9', ['p9'], c.load('new'), { fresh: true })).toEqual({ value: 'new' });
      expect(await cache.through('product', 'p9', ['p9'], c.load('newer'))).toEqual({ value: 'new' });
      expect(c.calls()).toBe(2);
    });
  });
}

describe('store cache edges', () => {
  it('a TTL of 0 turns an area off', async () => {
    const cache = createStoreCache({ storeId: 'off', settings: { freightTtl: 0, productTtl: 1000, maxEntries: 10 }, metrics: new StoreMetrics('off'), log });
    const c = counter();
    await cache.through('freight', 'k', [], c.load('a'));
    await cache.through('freight', 'k', [], c.load('a'));
    expect(c.calls()).toBe(2);
  });

  it('memory keeps at most maxEntries, forgetting the least recently used', async () => {
    const backend = new MemoryCacheBackend(10);
    for (let i = 0; i < 15; i++) await backend.set('freight', `k${i}`, String(i), 60_000, [`v${i}`]);
    expect(await backend.get('freight', 'k0')).toBeUndefined();
    expect(await backend.get('freight', 'k14')).toBe('14');
    // Evicted entries leave the tag index too: invalidating them finds nothing.
    expect(await backend.invalidate('freight', ['v0', 'v1'])).toBe(0);
    expect(await backend.invalidate('freight', ['v14'])).toBe(1);
  });

  it('a failing backend is a miss: the caller gets CJ\'s answer, not an error', async () => {
    const broken: CacheBackend = {
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      invalidate: () => Promise.reject(new Error('down')),
      clear: () => Promise.reject(new Error('down')),
      close: async () => undefined,
    };
    const errors: string[] = [];
    const cache = new StoreCache(broken, { freight: 1000, product: 1000 }, { lookup: () => undefined, invalidated: () => undefined }, (_e, what) => errors.push(what));
    expect(await cache.through('freight', 'k', ['v'], async () => 42)).toBe(42);
    await cache.invalidate('freight', ['v']);
    expect(errors).toEqual(['read', 'write', 'invalidate']);
  });
});
