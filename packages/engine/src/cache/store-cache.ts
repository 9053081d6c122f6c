// One store's cache of CJ answers: named areas (freight, product), each entry tagged with the CJ ids
// it depends on (variant ids, product ids) so a change reported for one id drops exactly the entries
// that used it. In memory on the embedded runtime, in Redis on the scale runtime (shared by the
// instances); either way a cache failure is a miss, never an error for the caller.

export type CacheArea = 'freight' | 'product';
export const CACHE_AREAS: readonly CacheArea[] = ['freight', 'product'];

export interface CacheBackend {
  get(area: CacheArea, key: string): Promise<string | undefined>;
  set(area: CacheArea, key: string, value: string, ttlMs: number, tags: readonly string[]): Promise<void>;
  /** Drops every entry of the area tagged with any of these ids; returns how many. */
  invalidate(area: CacheArea, tags: readonly string[]): Promise<number>;
  clear(): Promise<void>;
  close(): Promise<void>;
}

export interface CacheObserver {
  lookup(area: CacheArea, result: 'hit' | 'miss'): void;
  invalidated(area: CacheArea, entries: number): void;
}

export class StoreCache {
  constructor(
    private readonly backend: CacheBackend,
    private readonly ttls: Record<CacheArea, number>,
    private readonly observer: CacheObserver,
    private readonly onError: (err: unknown, what: string) => void,
  ) {}

  /**
   * The cached value for `key`, else `load()`'s (stored for the area's TTL under `tags`). `fresh`
   * skips the read (the caller needs CJ's answer now) and stores the new answer.
   */
  async through<T>(area: CacheArea, key: string, tags: readonly string[], load: () => Promise<T>, opts: { fresh?: boolean } = {}): Promise<T> {
    const ttl = this.ttls[area];
    if (ttl <= 0) return load();
    if (!opts.fresh) {
      const raw = await this.safely(() => this.backend.get(area, key), 'read');
      if (raw !== undefined) {
        this.observer.lookup(area, 'hit');
        return JSON.parse(raw) as T;
      }
    }
    this.observer.lookup(area, 'miss');
    const value = await load();
    await this.safely(() => this.backend.set(area, key, JSON.stringify(value), ttl, tags), 'write');
    return value;
  }

  /** Drops the area's entries that depend on any of these CJ ids (variant or product ids). */
  async invalidate(area: CacheArea, tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    const n = await this.safely(() => this.backend.invalidate(area, tags), 'invalidate');
    if (n) this.observer.invalidated(area, n);
  }

  clear(): Promise<void> {
    return this.safely(() => this.backend.clear(), 'clear').then(() => undefined);
  }

  close(): Promise<void> {
    return this.backend.close();
  }

  private async safely<T>(op: () => Promise<T>, what: string): Promise<T | undefined> {
    try {
      return await op();
    } catch (err) {
      this.onError(err, what);
      return undefined;
    }
  }
}
