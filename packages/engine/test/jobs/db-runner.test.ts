// What only the embedded runtime has: leases on the clock, and schedules. Everything both runtimes
// promise is in the shared contract (runner-contract.ts, run by contract-*.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { enqueueJob } from '../../src/jobs/enqueue.js';
import { DbJobRunner } from '../../src/jobs/db-runner.js';
import { Scheduler, syncSchedules } from '../../src/jobs/scheduler.js';
import { databaseKinds } from '../support/databases.js';
import { silentLogger } from '../support/logger.js';
import { until } from './runtimes.js';

const kinds = await databaseKinds();

describe.each(kinds)('database job runner on $name', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  async function setup(opts: { leaseMs?: number } = {}) {
    const store = await kind.open();
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 12));
    const runner = new DbJobRunner({
      db: store.db,
      dialect: kind.name,
      clock,
      log: silentLogger(),
      pollMs: 10,
      leaseMs: opts.leaseMs ?? 30_000,
    });
    cleanups.push(async () => {
      await runner.stop(1_000);
      await store.cleanup();
    });
    return { store, clock, runner };
  }

  it.skipIf(!kind.available)('a job whose worker died is claimed again after its lease expires', async () => {
    const { store, clock, runner } = await setup({ leaseMs: 60_000 });
    await enqueueJob(store.db, clock, { type: 'work' });
    // Simulate a dead worker: the row is running under someone else's expired lease.
    await store.db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'dead-worker', attempts: 1, locked_until: new Date(clock.now() + 60_000).toISOString() })
      .execute();
    let ran = 0;
    runner.register('work', async () => void ran++);
    runner.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toBe(0);
    clock.advance(60_001);
    await until(() => ran === 1);
  });

  it.skipIf(!kind.available)('schedules never enqueue a second live run', async () => {
    const { store, clock } = await setup();
    const defs = [{ name: 'scan', intervalMs: 4 * 3_600_000, jobType: 'scan' }];
    await syncSchedules(store.db, clock, defs);
    const scheduler = new Scheduler(store.db, clock, silentLogger(), defs);
    expect(await scheduler.tick()).toEqual([]);
    clock.advance(4 * 3_600_000);
    expect(await scheduler.tick()).toEqual(['scan']);
    expect(await scheduler.tick()).toEqual([]);
    // Four hours later the first run is still queued (a slow run): the occurrence is skipped.
    clock.advance(4 * 3_600_000);
    expect(await scheduler.tick()).toEqual([]);
    const jobs = await store.db.selectFrom('jobs').selectAll().execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.dedupe_key).toBe('schedule:scan');
  });
});
