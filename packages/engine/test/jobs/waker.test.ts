// The polling loops' sleep (DbJobRunner, OutboxRelay): cut short by a poke, and a poke made while
// the loop was busy is not lost.
import { describe, expect, it } from 'vitest';
import { Waker } from '../../src/jobs/waker.js';

async function timed(p: Promise<void>): Promise<number> {
  const t0 = performance.now();
  await p;
  return performance.now() - t0;
}

describe('Waker', () => {
  it('sleeps the whole interval when nobody pokes', async () => {
    expect(await timed(new Waker().sleep(60))).toBeGreaterThanOrEqual(50);
  });

  it('returns at once when poked during the sleep', async () => {
    const w = new Waker();
    const slept = w.sleep(5_000);
    setTimeout(() => w.poke(), 10);
    expect(await timed(slept)).toBeLessThan(1_000);
  });

  it('remembers a poke made while awake: the next sleep returns at once, the one after sleeps', async () => {
    const w = new Waker();
    await w.sleep(1); // a finished sleep: its wake-up is spent
    w.poke();
    expect(await timed(w.sleep(5_000))).toBeLessThan(1_000);
    expect(await timed(w.sleep(60))).toBeGreaterThanOrEqual(50);
  });

  it('a poke that ended a sleep is consumed by it', async () => {
    const w = new Waker();
    const slept = w.sleep(5_000);
    w.poke();
    await slept;
    expect(await timed(w.sleep(60))).toBeGreaterThanOrEqual(50);
  });
});
