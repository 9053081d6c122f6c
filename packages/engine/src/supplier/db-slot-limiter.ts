// The CJ account's QPS budget shared by every process that opens the store's database — the
// embedded runtime's engine and a one-shot command beside it (`lojista cj webhooks enable` while the
// store serves, which CJ requires: it checks that the URL answers). CJ counts an account's QPS across
// processes, and two in-process budgets made it answer 429 (issue 10 §7).
//
// Within a process the in-process limiter orders and spaces the calls; across processes each call
// then claims the account's send slot, a lease in the store's `locks` table (`cj-slot:<account>`):
// taken atomically when free, held until the request is written, then left to expire one interval
// after the write. A process that dies holding it frees it after `sendHoldMs` (3 s). Real time, not the
// store's clock: QPS is counted on CJ's wall clock.
import { randomBytes } from 'node:crypto';
import type { InProcessRateLimiter, RateLimiter } from '@lojista/cj';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema.js';
import { tryAcquireLock } from '../db/locks.js';
import { systemClock } from '../clock.js';

const realTime = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

export const CJ_SLOT_PREFIX = 'cj-slot:';

export interface DbSlotLimiterOptions {
  /** Longest a claimed request may take to report its write before the slot frees (default 3 000): also how long a process killed mid-call holds the account. */
  sendHoldMs?: number;
  log?: Logger;
}

export class DbSlotRateLimiter implements RateLimiter {
  private readonly sendHoldMs: number;
  /** This process's claim awaiting its write, per account (one at most: the inner limiter holds the next grant). */
  private readonly claims = new Map<string, string>();

  constructor(
    private readonly inner: InProcessRateLimiter,
    private readonly db: Kysely<Database>,
    private readonly opts: DbSlotLimiterOptions = {},
  ) {
    this.sendHoldMs = opts.sendHoldMs ?? 3_000;
  }

  async acquire(key: string, qps: number, signal?: AbortSignal): Promise<void> {
    await this.inner.acquire(key, qps, signal);
    const name = `${CJ_SLOT_PREFIX}${key}`;
    const token = randomBytes(8).toString('hex');
    try {
      for (;;) {
        signal?.throwIfAborted();
        if (await tryAcquireLock(this.db, realTime, name, token, this.sendHoldMs)) break;
        // Held by another process: sleep until its lease ends (re-checked, it may move).
        const held = await this.db.selectFrom('locks').select('expires_at').where('name', '=', name).executeTakeFirst();
        const waitMs = held ? Date.parse(held.expires_at) - Date.now() : 0;
        await systemClock.sleep(Math.min(Math.max(waitMs, 5), 1_000), signal);
      }
    } catch (err) {
      this.inner.release(key, qps);
      throw err;
    }
    this.claims.set(key, token);
  }

  sent(key: string, qps: number): void {
    this.inner.sent(key, qps);
    const token = this.claims.get(key);
    if (token === undefined) return;
    this.claims.delete(key);
    // Free one interval after the write: the next claim, from any process, is spaced from it.
    const until = new Date(Date.now() + this.inner.intervalMs(qps)).toISOString();
    this.db
      .updateTable('locks')
      .set({ expires_at: until })
      .where('name', '=', `${CJ_SLOT_PREFIX}${key}`)
      .where('owner', '=', token)
      .execute()
      .catch((err: unknown) => this.opts.log?.warn({ err }, 'could not mark the CJ send slot; it frees when its hold lapses'));
  }

  release(key: string, qps: number): void {
    this.sent(key, qps);
    this.inner.release(key, qps);
  }
}
