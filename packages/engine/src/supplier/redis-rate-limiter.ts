// The CJ account's QPS budget shared by every engine instance through Redis (the scale runtime):
// CJ counts requests per account across all processes. Each grant reserves the next free slot
// atomically in a Lua script, on the Redis server's clock so every instance agrees; the caller then
// waits for its slot. Follows the RateLimiter contract of @lojista/cj (spacing, FIFO by reservation,
// cancellation, no throw on release).
import type { RateLimiter } from '@lojista/cj';
import type { Redis } from 'ioredis';

// KEYS[1] = the account's "next free instant" (ms); ARGV[1] = interval ms. Returns ms to wait.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextFree)
local interval = tonumber(ARGV[1])
redis.call('SET', KEYS[1], slot + interval, 'PX', math.max(60000, (slot - now) + interval * 10))
return slot - now
`;

export interface RedisRateLimiterOptions {
  /** Key prefix, so tests and several fleets can share a Redis. */
  prefix?: string;
  /** Extra spacing as a fraction of 1000/qps (default 0.1), with a floor of `minMarginMs` (default 50). */
  safetyMargin?: number;
  minMarginMs?: number;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly prefix: string;
  private readonly margin: number;
  private readonly minMarginMs: number;

  constructor(
    private readonly redis: Redis,
    opts: RedisRateLimiterOptions = {},
  ) {
    this.prefix = opts.prefix ?? 'lojista:cj-qps:';
    this.margin = opts.safetyMargin ?? 0.1;
    this.minMarginMs = opts.minMarginMs ?? 50;
    this.redis.defineCommand('lojistaReserveSlot', { numberOfKeys: 1, lua: RESERVE });
  }

  intervalMs(qps: number): number {
    const base = 1000 / qps;
    return Math.ceil(base + Math.max(base * this.margin, this.minMarginMs));
  }

  async acquire(key: string, qps: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    const reserve = (this.redis as unknown as { lojistaReserveSlot(k: string, interval: number): Promise<number> }).lojistaReserveSlot;
    const waitMs = Number(await reserve.call(this.redis, `${this.prefix}${key}`, this.intervalMs(qps)));
    if (signal?.aborted) throw signal.reason;
    if (waitMs <= 0) return;
    // An aborted wait lets its slot lapse: it costs throughput, never spacing.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, waitMs);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
