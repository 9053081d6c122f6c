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
  /**
   * After a grant, the next one waits until the granted request is on the wire (`sent`, or
   * `release` if it never reported), then spaces one interval from *that* instant — so however
   * late the process gets to write it (timers, a busy CPU, a connection to open), two writes are
   * never closer than the interval. This caps the wait if neither comes (default 10 000 ms);
   * 0 turns the hold off (grants spaced from each other only, for callers that never report).
   */
  sendHoldMs?: number;
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
  /** The last grant's request has not reported being written yet: hold the next grant. */
  sendHold: boolean;
  sendHoldUntil: number;
  pumping: boolean;
  /** Wakes the pump early (a release ended a cold hold, or the queue emptied). */
  wake: AbortController | undefined;
}

/**
 * One process's limiter. Each key has a FIFO queue drained by a single "pump" that grants the
 * head when its time comes. The next slot is computed from the instant the granted request was
 * *written to the socket* (`sent`), re-checked against the clock after every wait — so a timer
 * that fires late, or a request that leaves late, delays the following grant instead of
 * squeezing it.
 */
export class InProcessRateLimiter implements RateLimiter {
  private readonly clock: Clock;
  private readonly margin: number;
  private readonly minMarginMs: number;
  private readonly coldAfterMs: number;
  private readonly maxColdHoldMs: number;
  private readonly sendHoldMs: number;
  private readonly keys = new Map<string, KeyState>();

  constructor(options: InProcessRateLimiterOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.margin = options.safetyMargin ?? 0.1;
    this.minMarginMs = options.minMarginMs ?? 50;
    this.coldAfterMs = options.coldAfterMs ?? 2_500;
    this.maxColdHoldMs = options.maxColdHoldMs ?? 30_000;
    this.sendHoldMs = options.sendHoldMs ?? 10_000;
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

  sent(key: string, qps: number): void {
    const st = this.keys.get(key);
    if (!st?.sendHold) return;
    this.endSendHold(st, this.clock.now(), qps);
  }

  /** The granted request is on the wire now (or known never to be): space the next one from here. */
  private endSendHold(st: KeyState, now: number, qps: number): void {
    st.sendHold = false;
    st.nextFreeAt = Math.max(st.nextFreeAt, now + this.intervalMs(qps));
    st.lastActivityAt = Math.max(st.lastActivityAt, now);
    st.wake?.abort();
  }

  release(key: string, qps: number): void {
    const st = this.keys.get(key);
    if (!st) return;
    const now = this.clock.now();
    // Finished without reporting its write (another fetch, or not sent at all): it cannot leave
    // any later than now.
    if (st.sendHold) this.endSendHold(st, now, qps);
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
      st = { queue: [], nextFreeAt: -Infinity, lastActivityAt: -Infinity, coldHold: false, coldHoldUntil: 0, sendHold: false, sendHoldUntil: 0, pumping: false, wake: undefined };
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
        if (st.sendHold && now >= st.sendHoldUntil) st.sendHold = false;
        if (st.coldHold && now >= st.coldHoldUntil) st.coldHold = false;
        let readyAt = st.coldHold ? Math.max(st.nextFreeAt, st.coldHoldUntil) : st.nextFreeAt;
        if (st.sendHold) readyAt = Math.max(readyAt, st.sendHoldUntil);
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
        if (this.sendHoldMs > 0) {
          st.sendHold = true;
          st.sendHoldUntil = now + this.sendHoldMs;
        }
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
