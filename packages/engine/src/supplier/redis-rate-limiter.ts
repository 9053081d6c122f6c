// The CJ account's QPS budget shared by every engine instance through Redis (the scale runtime):
// CJ counts requests per account across all processes. Follows the RateLimiter contract of
// @lojista/cj (spacing on the wire, FIFO by reservation, cancellation, no throw on release).
//
// Two steps, both Lua scripts on the Redis server's clock so every instance agrees:
//   1. reserve — take the next slot in line (`next`), which orders the waiters and tells each how
//      long to sleep;
//   2. claim — after the sleep, take the send slot itself: only if no other request is between its
//      claim and its write (`pend`), and the last write (`last`) is a full interval ago; otherwise
//      re-wait and claim again. The claim stamps `last` with the server's time, and the request's
//      write, reported by `sent`, stamps it again — so a timer that fires late, or a process that is
//      slow to write (a busy CPU), delays the next claim instead of letting two requests bunch up.
// A process that dies between claim and write holds the account for `sendHoldMs` at most.
import { randomBytes } from 'node:crypto';
import type { RateLimiter } from '@lojista/cj';
import type { Redis } from 'ioredis';
import { systemClock } from '../clock.js';

// KEYS[1] = the account's hash; ARGV[1] = interval ms. Returns ms to sleep before claiming.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
local slot = math.max(now, nextFree, last + interval)
redis.call('HSET', KEYS[1], 'next', slot + interval)
redis.call('PEXPIRE', KEYS[1], math.max(60000, (slot - now) + interval * 10))
return slot - now
`;

// KEYS[1]; ARGV[1] = interval ms, ARGV[2] = claim token, ARGV[3] = hold ms, ARGV[4] = poll ms.
// Returns 0 when the send slot is ours, else ms to wait before claiming again.
const CLAIM = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local pend = redis.call('HGET', KEYS[1], 'pend')
if pend and now < tonumber(redis.call('HGET', KEYS[1], 'pendUntil') or '0') then
  return tonumber(ARGV[4])
end
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
if now < last + interval then
  return last + interval - now
end
local nextFree = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
redis.call('HSET', KEYS[1], 'last', now, 'pend', ARGV[2], 'pendUntil', now + tonumber(ARGV[3]), 'next', math.max(nextFree, now + interval))
redis.call('PEXPIRE', KEYS[1], math.max(60000, interval * 10))
return 0
`;

// KEYS[1]; ARGV[1] = claim token. The claimed request is on the wire (or finished): space from now.
const SENT = `
if redis.call('HGET', KEYS[1], 'pend') ~= ARGV[1] then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
redis.call('HSET', KEYS[1], 'last', math.max(last, now))
redis.call('HDEL', KEYS[1], 'pend', 'pendUntil')
return 1
`;

export interface RedisRateLimiterOptions {
  /** Key prefix, so tests and several fleets can share a Redis. */
  prefix?: string;
  /** Extra spacing as a fraction of 1000/qps (default 0.1), with a floor of `minMarginMs` (default 50). */
  safetyMargin?: number;
  minMarginMs?: number;
  /** Longest a claimed request may take to report its write before the next claim goes ahead (default 10 000). */
  sendHoldMs?: number;
  /** How often a waiter asks again while another request is between its claim and its write (default 5). */
  pollMs?: number;
  /** Logs a failed `sent` report (the hold then lapses after `sendHoldMs`). */
  onError?: (err: unknown) => void;
}

interface Scripts {
  lojistaReserveSlot(key: string, interval: number): Promise<number>;
  lojistaClaimSlot(key: string, interval: number, token: string, holdMs: number, pollMs: number): Promise<number>;
  lojistaSlotSent(key: string, token: string): Promise<number>;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly prefix: string;
  private readonly margin: number;
  private readonly minMarginMs: number;
  private readonly sendHoldMs: number;
  private readonly pollMs: number;
  /** This process's claim awaiting its write, per account (one at most: a claim needs no `pend`). */
  private readonly claims = new Map<string, string>();

  constructor(
    private readonly redis: Redis,
    private readonly opts: RedisRateLimiterOptions = {},
  ) {
    this.prefix = opts.prefix ?? 'lojista:cj-qps:';
    this.margin = opts.safetyMargin ?? 0.1;
    this.minMarginMs = opts.minMarginMs ?? 50;
    this.sendHoldMs = opts.sendHoldMs ?? 10_000;
    this.pollMs = opts.pollMs ?? 5;
    this.redis.defineCommand('lojistaReserveSlot', { numberOfKeys: 1, lua: RESERVE });
    this.redis.defineCommand('lojistaClaimSlot', { numberOfKeys: 1, lua: CLAIM });
    this.redis.defineCommand('lojistaSlotSent', { numberOfKeys: 1, lua: SENT });
  }

  intervalMs(qps: number): number {
    const base = 1000 / qps;
    return Math.ceil(base + Math.max(base * this.margin, this.minMarginMs));
  }

  private get scripts(): Scripts {
    return this.redis as unknown as Scripts;
  }

  async acquire(key: string, qps: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const redisKey = `${this.prefix}h:${key}`;
    const interval = this.intervalMs(qps);
    // An aborted wait lets its reservation lapse: it costs throughput, never spacing.
    await systemClock.sleep(Number(await this.scripts.lojistaReserveSlot(redisKey, interval)), signal);
    const token = randomBytes(8).toString('hex');
    for (;;) {
      signal?.throwIfAborted();
      const waitMs = Number(await this.scripts.lojistaClaimSlot(redisKey, interval, token, this.sendHoldMs, this.pollMs));
      if (waitMs <= 0) break;
      await systemClock.sleep(waitMs, signal);
    }
    if (signal?.aborted) {
      this.report(redisKey, token);
      throw signal.reason;
    }
    this.claims.set(key, token);
  }

  sent(key: string): void {
    const token = this.claims.get(key);
    if (token === undefined) return;
    this.claims.delete(key);
    this.report(`${this.prefix}h:${key}`, token);
  }

  release(key: string): void {
    this.sent(key);
  }

  private report(redisKey: string, token: string): void {
    this.scripts.lojistaSlotSent(redisKey, token).catch((err: unknown) => this.opts.onError?.(err));
  }
}
