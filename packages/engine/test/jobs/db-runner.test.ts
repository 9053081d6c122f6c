import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { enqueueJob } from '../../src/jobs/enqueue.js';
import { DbJobRunner } from '../../src/jobs/db-runner.js';
import { Scheduler, syncSchedules } from '../../src/jobs/scheduler.js';
import { RetryLaterError, type DeadJobEvent } from '../../src/jobs/types.js';
import { databaseKinds } from '../support/databases.js';
import { silentLogger } from '../support/logger.js';

const kinds = await databaseKinds();

async function until(check: () => Promise<boolean> | boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(kinds)('database job runner on $name', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  async function setup(opts: { leaseMs?: number; backoff?: (n: number) => number } = {}) {
    const store = await kind.open();
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 12));
    const dead: DeadJobEvent[] = [];
    const runner = new DbJobRunner({
      db: store.db,
      dialect: kind.name,
      clock,
      log: silentLogger(),
      pollMs: 10,
      leaseMs: opts.leaseMs ?? 30_000,
      backoff: opts.backoff ?? (() => 1_000),
      onDead: (e) => void dead.push(e),
    });
    cleanups.push(async () => {
      await runner.stop(1_000);
      await store.cleanup();
    });
    return { store, clock, runner, dead };
  }

  it.skipIf(!kind.available)('a job exists only if its transaction commits, and runs once', async () => {
    const { store, clock, runner } = await setup();
    const seen: unknown[] = [];
    runner.register('greet', async ({ job }) => void seen.push(job.payload));
    await store.db
      .transaction()
      .execute(async (trx) => {
        await enqueueJob(trx, clock, { type: 'greet', payload: { n: 1 } });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await store.db.transaction().execute((trx) => enqueueJob(trx, clock, { type: 'greet', payload: { n: 2 } }));
    runner.start();
    await until(async () => (await store.db.selectFrom('jobs').where('status', '=', 'done').selectAll().execute()).length === 1);
    expect(seen).toEqual([{ n: 2 }]);
  });

  it.skipIf(!kind.available)('retries with backoff on the clock, then dead-letters', async () => {
    const { store, clock, runner, dead } = await setup();
    let calls = 0;
    runner.register('flaky', async () => {
      calls++;
      throw new Error(`boom ${calls}`);
    });
    await enqueueJob(store.db, clock, { type: 'flaky', maxAttempts: 3 });
    runner.start();
    await until(() => calls === 1);
    await until(async () => (await store.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status === 'queued');
    // Not due yet: nothing runs until the clock passes the backoff.
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(1);
    clock.advance(1_000);
    await until(() => calls === 2);
    await until(async () => (await store.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status === 'queued');
    clock.advance(1_000);
    await until(() => dead.length === 1);
    const row = await store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('dead');
    expect(row.last_error).toBe('boom 3');
    expect(dead[0]!.job.attempt).toBe(3);
  });

  it.skipIf(!kind.available)('RetryLaterError does not burn an attempt', async () => {
    const { store, clock, runner } = await setup();
    let calls = 0;
    runner.register('wait', async () => {
      calls++;
      if (calls < 3) throw new RetryLaterError('balance too low', 5_000);
    });
    await enqueueJob(store.db, clock, { type: 'wait', maxAttempts: 1 });
    runner.start();
    await until(() => calls === 1);
    await until(async () => (await store.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status === 'queued');
    clock.advance(5_000);
    await until(() => calls === 2);
    await until(async () => (await store.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status === 'queued');
    clock.advance(5_000);
    await until(async () => (await store.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status === 'done');
  });

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
