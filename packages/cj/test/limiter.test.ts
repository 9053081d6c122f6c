import { describe, expect, it } from 'vitest';
import { type Clock, InProcessRateLimiter } from '../src/index.js';
import { FakeClock } from './helpers/clock.js';
import { ManualClock, flush } from './helpers/manual-clock.js';

/** Acquires `n` grants concurrently and returns the clock time of each grant, in grant order. */
async function grantTimes(limiter: InProcessRateLimiter, clock: Clock, n: number, key = 'acct', qps = 1): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(Array.from({ length: n }, () => limiter.acquire(key, qps).then(() => times.push(clock.now()))));
  return times;
}

describe('InProcessRateLimiter: spacing', () => {
  it('interval = 1000/qps plus the safety margin', () => {
    expect(new InProcessRateLimiter().intervalMs(1)).toBe(1100);
    expect(new InProcessRateLimiter({ minMarginMs: 0 }).intervalMs(6)).toBeCloseTo(183.33, 2);
    // The 50 ms floor wins over 10% at qps 4 and 6.
    expect(new InProcessRateLimiter().intervalMs(2)).toBe(550);
    expect(new InProcessRateLimiter().intervalMs(4)).toBe(300);
    expect(new InProcessRateLimiter().intervalMs(6)).toBeCloseTo(216.67, 2);
    expect(new InProcessRateLimiter({ safetyMargin: 0, minMarginMs: 0 }).intervalMs(2)).toBe(500);
    expect(() => new InProcessRateLimiter().intervalMs(0)).toThrow(RangeError);
    expect(() => new InProcessRateLimiter({ safetyMargin: -1 })).toThrow(RangeError);
  });

  it('grants concurrent callers of one key one interval apart, in arrival order', async () => {
    const clock = new FakeClock(0);
    const limiter = new InProcessRateLimiter({ sendHoldMs: 0, clock, coldAfterMs: Infinity });
    const order: number[] = [];
    await Promise.all(Array.from({ length: 5 }, (_, i) => limiter.acquire('acct', 1).then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(clock.now()).toBeCloseTo(4 * 1100, 6);
  });

  it('a late timer delays the following grants instead of squeezing them', async () => {
    // This clock oversleeps the second wait by 300 ms (a busy event loop).
    const clock = new (class extends FakeClock {
      override sleep(ms: number, signal?: AbortSignal): Promise<void> {
        return super.sleep(this.sleeps.length === 1 ? ms + 300 : ms, signal);
      }
    })(0);
    const limiter = new InProcessRateLimiter({ sendHoldMs: 0, clock, coldAfterMs: Infinity, safetyMargin: 0, minMarginMs: 0 });
    const t = await grantTimes(limiter, clock, 5);
    const gaps = t.slice(1).map((v, i) => v - t[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    expect(gaps).toContain(1300);
  });

  it('keys are independent accounts', async () => {
    const clock = new ManualClock();
    const limiter = new InProcessRateLimiter({ sendHoldMs: 0, clock, coldAfterMs: Infinity });
    await limiter.acquire('a', 1);
    await limiter.acquire('b', 1);
    const third = limiter.acquire('a', 1);
    let done = false;
    void third.then(() => (done = true));
    await flush();
    expect(done).toBe(false);
    await clock.advance(1100);
    expect(done).toBe(true);
  });

  it('an aborted waiter leaves the queue; the ones behind it move up', async () => {
    const clock = new ManualClock();
    const limiter = new InProcessRateLimiter({ sendHoldMs: 0, clock, safetyMargin: 0, minMarginMs: 0, coldAfterMs: Infinity });
    await limiter.acquire('a', 1);
    const ac = new AbortController();
    const aborted = limiter.acquire('a', 1, ac.signal);
    const next = limiter.acquire('a', 1);
    let nextAt: number | undefined;
    void next.then(() => (nextAt = clock.now()));
    ac.abort(new Error('gave up'));
    await expect(aborted).rejects.toThrow('gave up');
    await clock.advance(1000);
    expect(nextAt).toBe(1_000_000 + 1000);
  });

  it('an already-aborted signal rejects without taking a slot', async () => {
    const clock = new ManualClock();
    const limiter = new InProcessRateLimiter({ sendHoldMs: 0, clock, coldAfterMs: Infinity });
    await expect(limiter.acquire('a', 1, AbortSignal.abort())).rejects.toThrow();
    await limiter.acquire('a', 1); // immediate
  });
});

describe('InProcessRateLimiter: cold-connection guard', () => {
  it('after a cold grant, the next waits for its release plus one interval', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({ sendHoldMs: 0, clock, safetyMargin: 0, minMarginMs: 0, coldAfterMs: 2500 });
    await limiter.acquire('a', 1); // first ever: cold
    let bAt: number | undefined;
    void limiter.acquire('a', 1).then(() => (bAt = clock.now()));
    await clock.advance(1000);
    expect(bAt).toBeUndefined(); // a plain interval is not enough: the cold request may still be connecting
    await clock.advance(500);
    limiter.release('a', 1); // its answer arrived at t=1500
    await clock.advance(999);
    expect(bAt).toBeUndefined();
    await clock.advance(1);
    expect(bAt).toBe(2500);

    // B was warm (recent activity): C only needs the interval.
    let cAt: number | undefined;
    void limiter.acquire('a', 1).then(() => (cAt = clock.now()));
    await clock.advance(1000);
    expect(cAt).toBe(3500);
  });

  it('idle longer than coldAfterMs makes the next grant cold again; the hold is capped', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({ sendHoldMs: 0, clock, safetyMargin: 0, minMarginMs: 0, coldAfterMs: 2500, maxColdHoldMs: 5000 });
    await limiter.acquire('a', 1);
    limiter.release('a', 1);
    await clock.advance(10_000);
    await limiter.acquire('a', 1); // cold, never released
    let at: number | undefined;
    void limiter.acquire('a', 1).then(() => (at = clock.now()));
    await clock.advance(4999);
    expect(at).toBeUndefined();
    await clock.advance(1);
    expect(at).toBe(15_000);
  });
});

describe('InProcessRateLimiter: spacing from the write, not the grant', () => {
  it('holds the next grant until the previous request is written, then spaces one interval from the write', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({ clock, safetyMargin: 0, minMarginMs: 0, coldAfterMs: Infinity });
    await limiter.acquire('a', 1); // granted at 0 …
    let bAt: number | undefined;
    void limiter.acquire('a', 1).then(() => (bAt = clock.now()));
    await clock.advance(1000);
    expect(bAt).toBeUndefined(); // … but not written yet: a late write would squeeze the next one
    await clock.advance(300);
    limiter.sent('a', 1); // written at 1300 (a busy process, a connection to open)
    await clock.advance(999);
    expect(bAt).toBeUndefined();
    await clock.advance(1);
    expect(bAt).toBe(2300);
  });

  it('release stands in for a write that was never reported; the hold is capped', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({ clock, safetyMargin: 0, minMarginMs: 0, coldAfterMs: Infinity, sendHoldMs: 5000 });
    await limiter.acquire('a', 1);
    let bAt: number | undefined;
    void limiter.acquire('a', 1).then(() => (bAt = clock.now()));
    await clock.advance(200);
    limiter.release('a', 1);
    await clock.advance(1000);
    expect(bAt).toBe(1200);
    // B never reports anything: C waits for the cap.
    let cAt: number | undefined;
    void limiter.acquire('a', 1).then(() => (cAt = clock.now()));
    await clock.advance(4999);
    expect(cAt).toBeUndefined();
    await clock.advance(1);
    expect(cAt).toBe(6200);
  });
});
