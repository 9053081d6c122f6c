// Found by the crash test: the embedded job runner filled a freed slot only at its next poll, so
// short jobs ran at most `concurrency` per poll interval — 8 a second at the default 250 ms. A
// burst of CJ webhooks (each one a job) then held every paid order's fulfilment job back: in the
// crash run on SQLite, 1 478 webhook jobs took minutes to drain. Fixed in src/jobs/db-runner.ts: a
// finished job pokes the loop, and a poke that arrives while the loop is busy is not lost.
//
// Rerun: npx vitest run packages/engine/test/jobs/db-runner-refill.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { DbJobRunner } from '../../src/jobs/db-runner.js';
import { enqueueJob } from '../../src/jobs/enqueue.js';
import { databaseKinds } from '../support/databases.js';
import { silentLogger } from '../support/logger.js';
import { until } from '../e2e/support/e2e-kit.js';

const kinds = await databaseKinds();
const POLL_MS = 5_000;

describe.each(kinds)('the database job runner on $name refills a freed slot at once', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it.skipIf(!kind.available)('runs 20 short jobs well within one poll interval', async () => {
    const store = await kind.open();
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 12));
    const runner = new DbJobRunner({ db: store.db, dialect: kind.name, clock, log: silentLogger(), pollMs: POLL_MS, concurrency: 2 });
    cleanups.push(async () => {
      await runner.stop(1_000);
      await store.cleanup();
    });
    for (let i = 0; i < 20; i++) await enqueueJob(store.db, clock, { type: 'short', payload: { i } });
    let ran = 0;
    runner.register('short', async () => void ran++);
    const started = Date.now();
    runner.start();
    // Before the fix: 2 jobs, then a 5 s poll, 2 more… — 45 s for 20 jobs.
    await until('20 jobs done', async () => ran === 20, POLL_MS / 2, 5);
    expect(Date.now() - started).toBeLessThan(POLL_MS / 2);
  });

  it.skipIf(!kind.available)('a poke that arrives while the loop is claiming is not lost', async () => {
    const store = await kind.open();
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 12));
    const runner = new DbJobRunner({ db: store.db, dialect: kind.name, clock, log: silentLogger(), pollMs: POLL_MS, concurrency: 1 });
    cleanups.push(async () => {
      await runner.stop(1_000);
      await store.cleanup();
    });
    let ran = 0;
    runner.register('later', async () => void ran++);
    runner.start();
    // Let the first (empty) claim finish and the loop idle, then enqueue and poke many times in a
    // row: at least one poke lands while the loop is busy claiming; the job still runs at once.
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 5; i++) {
      await enqueueJob(store.db, clock, { type: 'later', payload: { i } });
      runner.poke();
    }
    await until('5 poked jobs done', async () => ran === 5, POLL_MS / 2, 5);
  });
});
