// The background lane: agent/admin-window CJ calls never take a grant a foreground call waits for.
import type { RateLimiter } from '@lojista/cj';
import { describe, expect, it } from 'vitest';
import { inBackgroundLane, PriorityLimiter } from '../../src/supplier/cj-priority.js';

/** A FIFO limiter whose grants the test hands out one at a time. */
class SteppedLimiter implements RateLimiter {
  queue: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  acquire(_key: string, _qps: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = { resolve, reject };
      this.queue.push(entry);
      signal?.addEventListener('abort', () => {
        this.queue = this.queue.filter((e) => e !== entry);
        reject(signal.reason);
      });
    });
  }
  grant(): boolean {
    const next = this.queue.shift();
    next?.resolve();
    return next !== undefined;
  }
}

const tick = () => new Promise((r) => setImmediate(r));

/** A clock whose sleeps pass at once (the grace after foreground activity is then over). */
function fastClock() {
  let t = 1_000_000;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

describe('PriorityLimiter', () => {
  it('lets a foreground call through before queued background calls (at most one background grant ahead)', async () => {
    const inner = new SteppedLimiter();
    const limiter = new PriorityLimiter(inner, fastClock());
    const order: string[] = [];
    const bg = Array.from({ length: 5 }, (_, i) => inBackgroundLane(() => limiter.acquire('acct', 6).then(() => order.push(`bg${i}`))));
    await tick();
    expect(inner.queue).toHaveLength(1); // one background call waits in the real limiter, the rest outside it
    const fg = limiter.acquire('acct', 6).then(() => order.push('fg'));
    await tick();
    expect(inner.queue).toHaveLength(2);
    while (inner.grant()) await tick();
    await Promise.all([...bg, fg]);
    expect(order.indexOf('fg')).toBeLessThanOrEqual(1);
    expect(order.filter((o) => o.startsWith('bg'))).toHaveLength(5);
  });

  it('background calls wait while foreground calls are waiting, then all complete in turn', async () => {
    const inner = new SteppedLimiter();
    const limiter = new PriorityLimiter(inner, fastClock());
    const order: string[] = [];
    const fg = [0, 1, 2].map((i) => limiter.acquire('acct', 6).then(() => order.push(`fg${i}`)));
    await tick();
    const bg = inBackgroundLane(() => limiter.acquire('acct', 6).then(() => order.push('bg')));
    await tick();
    expect(inner.queue).toHaveLength(3);
    while (inner.queue.length > 0) {
      inner.grant();
      await tick();
      await tick();
    }
    await Promise.all([...fg, bg]);
    expect(order).toEqual(['fg0', 'fg1', 'fg2', 'bg']);
  });

  it('after foreground activity, a background call waits out the grace before it enters the limiter', async () => {
    const inner = new SteppedLimiter();
    let t = 0;
    const sleeps: number[] = [];
    let wakeSleep: (() => void) | null = null;
    const clock = { now: () => t, sleep: (ms: number) => new Promise<void>((r) => { sleeps.push(ms); wakeSleep = r; }) };
    const limiter = new PriorityLimiter(inner, clock);
    const fg = limiter.acquire('acct', 4);
    inner.grant();
    await fg;
    t = 100;
    const bg = inBackgroundLane(() => limiter.acquire('acct', 4));
    await tick();
    expect(inner.queue).toHaveLength(0);
    expect(sleeps).toEqual([400]); // 2 intervals at 4 qps = 500 ms, 100 of them gone
    t = 500;
    wakeSleep!();
    await tick();
    expect(inner.queue).toHaveLength(1);
    inner.grant();
    await bg;
  });

  it('a cancelled background wait leaves nothing behind', async () => {
    const inner = new SteppedLimiter();
    const limiter = new PriorityLimiter(inner, fastClock());
    const fg = limiter.acquire('acct', 6);
    const abort = new AbortController();
    const bg = inBackgroundLane(() => limiter.acquire('acct', 6, abort.signal));
    await tick();
    abort.abort(new Error('stop'));
    await expect(bg).rejects.toThrow('stop');
    expect(limiter.waiting).toEqual({ foreground: 1, background: 0 });
    inner.grant();
    await fg;
    expect(limiter.waiting).toEqual({ foreground: 0, background: 0 });
  });
});
