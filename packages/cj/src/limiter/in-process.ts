import { type Clock, systemClock } from '../clock.js';
import type { RateLimiter } from './rate-limiter.js';

export interface InProcessRateLimiterOptions {
  clock?: Clock;
  /**
   * Extra spacing on top of 1000/qps, as a fraction (default 0.1 → 10%). Requests leave a few ms
   * after their grant and network jitter varies; the margin keeps their arrival at CJ ≥ 1000/qps
   * apart (cj-api.md §9.2 suggests 1.1–1.2 s at qps 1).
   */
  safetyMargin?: number;
  /**
   * Floor of that margin in ms (default 50). The jitter between a grant and the request's arrival
   * (event-loop lag in a busy process, the network) is absolute, not proportional: 10% of 167 ms
   * (qps 6) is only 17 ms, and send delays of 30–45 ms were measured under CPU contention. The
   * resulting intervals: qps 1 → 1100 ms, 2 → 550, 4 → 300, 6 → 216.7.
   */
  minMarginMs?: number;
  /**
   * A grant after this much idle time (default 2 500 ms — under undici's 4 s keep-alive) probably
   * opens a new connection, whose TCP/TLS handshake delays that request's arrival by an unknown
   * amount while the next request rides the now-warm connection and arrives early. So after a
   * "cold" grant the next one waits until the cold request has finished (`release`) plus one
   * interval. Costs one round trip after each idle period. `Infinity` disables the guard.
   */
  coldAfterMs?: number;
  /** Upper bound on that wait, in case a release never comes (default 30 000 ms). */
  maxColdHoldMs?: number;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  intervalMs: number;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

interface KeyState {
  queue: Waiter[];
  /** Earliest instant of the next grant. */
  nextFreeAt: number;
  /** Last grant or release: how long the account's connection has been idle. */
  lastActivityAt: number;
  /** A cold request is in flight: hold grants until it is released (or until coldHoldUntil). */
  coldHold: boolean;
  coldHoldUntil: number;
  pumping: boolean;
  /** Wakes the pump early (a release ended a cold hold, or the queue emptied). */
  wake: AbortController | undefined;
}

/**
 * One process's limiter. Each key has a FIFO queue drained by a single "pump" that grants the
 * head when its time comes and computes the next slot from the *actual* grant instant — so a
 * timer that fires late (a busy event loop) delays the following grant instead of squeezing it.
 */
export class InProcessRateLimiter implements RateLimiter {
  private readonly clock: Clock;
  private readonly margin: number;
  private readonly minMarginMs: number;
  private readonly coldAfterMs: number;
  private readonly maxColdHoldMs: number;
  private readonly keys = new Map<string, KeyState>();

  constructor(options: InProcessRateLimiterOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.margin = options.safetyMargin ?? 0.1;
    this.minMarginMs = options.minMarginMs ?? 50;
    this.coldAfterMs = options.coldAfterMs ?? 2_500;
    this.maxColdHoldMs = options.maxColdHoldMs ?? 30_000;
    if (!(this.margin >= 0)) throw new RangeError('safetyMargin must be >= 0');
    if (!(this.minMarginMs >= 0)) throw new RangeError('minMarginMs must be >= 0');
  }

  intervalMs(qps: number): number {
    if (!(qps > 0)) throw new RangeError(`qps must be > 0, got ${qps}`);
    const base = 1000 / qps;
    return base + Math.max(base * this.margin, this.minMarginMs);
  }

  acquire(key: string, qps: number, signal?: AbortSignal): Promise<void> {
    const intervalMs = this.intervalMs(qps);
    if (signal?.aborted) return Promise.reject(signal.reason);
    const st = this.state(key);
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = { resolve, reject, intervalMs, signal, onAbort: undefined };
      if (signal) {
        w.onAbort = () => {
          const i = st.queue.indexOf(w);
          if (i >= 0) st.queue.splice(i, 1);
          if (st.queue.length === 0) st.wake?.abort();
          reject(signal.reason);
        };
        signal.addEventListener('abort', w.onAbort, { once: true });
      }
      st.queue.push(w);
      void this.pump(st);
    });
  }

  release(key: string, qps: number): void {
    const st = this.keys.get(key);
    if (!st) return;
    const now = this.clock.now();
    st.lastActivityAt = Math.max(st.lastActivityAt, now);
    if (st.coldHold) {
      st.coldHold = false;
      // The cold request has surely reached CJ by now (its answer came back): space from here.
      st.nextFreeAt = Math.max(st.nextFreeAt, now + this.intervalMs(qps));
      st.wake?.abort();
    }
  }

  private state(key: string): KeyState {
    let st = this.keys.get(key);
    if (!st) {
      st = { queue: [], nextFreeAt: -Infinity, lastActivityAt: -Infinity, coldHold: false, coldHoldUntil: 0, pumping: false, wake: undefined };
      this.keys.set(key, st);
    }
    return st;
  }

  private async pump(st: KeyState): Promise<void> {
    if (st.pumping) return;
    st.pumping = true;
    try {
      while (st.queue.length > 0) {
        const now = this.clock.now();
        const readyAt = st.coldHold ? Math.max(st.nextFreeAt, st.coldHoldUntil) : st.nextFreeAt;
        if (st.coldHold && now >= st.coldHoldUntil) st.coldHold = false;
        if (readyAt > now) {
          st.wake = new AbortController();
          await this.clock.sleep(readyAt - now, st.wake.signal).catch(() => undefined);
          st.wake = undefined;
          continue;
        }
        const w = st.queue.shift()!;
        if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
        const cold = now - st.lastActivityAt > this.coldAfterMs;
        st.nextFreeAt = now + w.intervalMs;
        st.lastActivityAt = now;
        if (cold) {
          st.coldHold = true;
          st.coldHoldUntil = now + this.maxColdHoldMs;
        }
        w.resolve();
      }
    } finally {
      st.pumping = false;
    }
  }
}
