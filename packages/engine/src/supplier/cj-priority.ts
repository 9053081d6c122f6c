// Fulfilment first: CJ calls made for an agent or the admin's CJ window run in a "background" lane
// that yields the account's QPS to every other call. A background call enters the account's rate
// limiter only while no other call of this store waits there and none was active for a short grace
// (two request intervals: a fulfilment's next call follows its last within milliseconds), and only
// one background call waits there at a time. So a paid order's create/confirm/pay never queues
// behind a flood of agent searches (at most behind the one background request already granted).
// The limiter itself is untouched: this wraps it. Per process; on the scale runtime each instance
// keeps its own lanes over the shared Redis budget.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RateLimiter } from '@lojista/cj';
import type { Clock } from '../clock.js';

const lane = new AsyncLocalStorage<'background'>();

/** Runs `fn` with every CJ call it makes in the background lane. */
export function inBackgroundLane<T>(fn: () => Promise<T>): Promise<T> {
  return lane.run('background', fn);
}

export function isBackgroundLane(): boolean {
  return lane.getStore() === 'background';
}

export class PriorityLimiter implements RateLimiter {
  private foregroundWaiting = 0;
  private backgroundEntered = false;
  private turns: Array<() => void> = [];
  private lastForegroundAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly inner: RateLimiter,
    private readonly clock: Clock,
    /** Upper bound of the grace after foreground activity. */
    private readonly maxGraceMs = 2_000,
  ) {}

  /** Calls waiting for a grant now, by lane (for tests and the overview). */
  get waiting(): { foreground: number; background: number } {
    return { foreground: this.foregroundWaiting, background: this.turns.length + (this.backgroundEntered ? 1 : 0) };
  }

  async acquire(key: string, qps: number, signal?: AbortSignal): Promise<void> {
    if (!isBackgroundLane()) {
      this.foregroundWaiting++;
      this.lastForegroundAt = this.clock.now();
      try {
        await this.inner.acquire(key, qps, signal);
      } finally {
        this.foregroundWaiting--;
        this.lastForegroundAt = this.clock.now();
        this.wake();
      }
      return;
    }
    const graceMs = Math.min(this.maxGraceMs, 2_000 / qps);
    for (;;) {
      if (this.foregroundWaiting > 0 || this.backgroundEntered) {
        await this.nextTurn(signal);
        continue;
      }
      const quietMs = this.clock.now() - this.lastForegroundAt;
      if (quietMs < graceMs) {
        await this.clock.sleep(graceMs - quietMs, signal);
        continue;
      }
      break;
    }
    this.backgroundEntered = true;
    try {
      await this.inner.acquire(key, qps, signal);
    } finally {
      this.backgroundEntered = false;
      this.wake();
    }
  }

  // Both hooks go to the wrapped limiter: it spaces grants from the moment a request is on the wire.
  sent(key: string, qps: number): void {
    this.inner.sent?.(key, qps);
  }

  release(key: string, qps: number): void {
    if (!isBackgroundLane()) this.lastForegroundAt = this.clock.now();
    this.inner.release?.(key, qps);
  }

  private nextTurn(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.turns = this.turns.filter((t) => t !== turn);
        reject(signal?.reason);
      };
      const turn = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.turns.push(turn);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private wake(): void {
    // Every background waiter looks again; the first to find the way clear goes, the others wait on.
    const turns = this.turns;
    this.turns = [];
    for (const turn of turns) turn();
  }
}
