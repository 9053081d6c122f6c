// The embedded runtime's cache: an LRU per store (bounded by entries), with a tag index so an
// invalidation finds its entries without scanning.
import { LRUCache } from 'lru-cache';
import type { CacheArea, CacheBackend } from './store-cache.js';

interface Entry {
  value: string;
  tags: readonly string[];
}

export class MemoryCacheBackend implements CacheBackend {
  private readonly lru: LRUCache<string, Entry>;
  /** `${area}|${tag}` → cache keys tagged with it. */
  private readonly byTag = new Map<string, Set<string>>();

  constructor(maxEntries: number, now: () => number = Date.now) {
    this.lru = new LRUCache<string, Entry>({
      max: maxEntries,
      ttlAutopurge: false,
      perf: { now },
      // Evicted, expired or replaced: forget it in the tag index too.
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  async get(area: CacheArea, key: string): Promise<string | undefined> {
    return this.lru.get(`${area}|${key}`)?.value;
  }

  async set(area: CacheArea, key: string, value: string, ttlMs: number, tags: readonly string[]): Promise<void> {
    const k = `${area}|${key}`;
    const scoped = tags.map((t) => `${area}|${t}`);
    this.lru.set(k, { value, tags: scoped }, { ttl: ttlMs });
    for (const t of scoped) {
      let keys = this.byTag.get(t);
      if (!keys) this.byTag.set(t, (keys = new Set()));
      keys.add(k);
    }
  }

  async invalidate(area: CacheArea, tags: readonly string[]): Promise<number> {
    let n = 0;
    for (const tag of tags) {
      for (const k of [...(this.byTag.get(`${area}|${tag}`) ?? [])]) if (this.lru.delete(k)) n++;
    }
    return n;
  }

  async clear(): Promise<void> {
    this.lru.clear();
    this.byTag.clear();
  }

  async close(): Promise<void> {
    await this.clear();
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const t of tags) {
      const keys = this.byTag.get(t);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(t);
    }
  }
}
