// The scale runtime's cache: entries in Redis, shared by every instance of the store, under the
// store's own prefix. A tag is a Redis set of the keys that depend on one CJ id; it lives as long as
// its newest entry (an area's entries share one TTL).
import type { Redis } from 'ioredis';
import type { CacheArea, CacheBackend } from './store-cache.js';

export class RedisCacheBackend implements CacheBackend {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    storeId: string,
  ) {
    this.prefix = `lojista:${storeId}:cache`;
  }

  async get(area: CacheArea, key: string): Promise<string | undefined> {
    return (await this.redis.get(this.key(area, key))) ?? undefined;
  }

  async set(area: CacheArea, key: string, value: string, ttlMs: number, tags: readonly string[]): Promise<void> {
    const k = this.key(area, key);
    const multi = this.redis.multi().set(k, value, 'PX', ttlMs);
    for (const t of tags) multi.sadd(this.tag(area, t), k).pexpire(this.tag(area, t), ttlMs);
    await multi.exec();
  }

  async invalidate(area: CacheArea, tags: readonly string[]): Promise<number> {
    let n = 0;
    for (const t of tags) {
      const tagKey = this.tag(area, t);
      const keys = await this.redis.smembers(tagKey);
      if (keys.length > 0) n += await this.redis.del(...keys);
      await this.redis.del(tagKey);
    }
    return n;
  }

  async clear(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    // The connection belongs to the store runtime, which closes it.
  }

  private key(area: CacheArea, key: string): string {
    return `${this.prefix}:${area}:${key}`;
  }

  private tag(area: CacheArea, tag: string): string {
    return `${this.prefix}:tag:${area}:${tag}`;
  }
}
