// The outcome writer both runtimes' rules live in: a worker that no longer owns a job (its lease
// or BullMQ lock was taken over) changes nothing and raises no dead-letter alert.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { enqueueJob } from '../../src/jobs/enqueue.js';
import { JobOutcomes, toJobRecord } from '../../src/jobs/outcome.js';
import type { DeadJobEvent } from '../../src/jobs/types.js';
import { databaseKinds } from '../support/databases.js';
import { silentLogger } from '../support/logger.js';

const sqlite = (await databaseKinds()).find((k) => k.name === 'sqlite')!;

describe('job outcomes', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  async function runningJob(maxAttempts: number) {
    const store = await sqlite.open();
    cleanups.push(() => store.cleanup());
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 12));
    const id = (await enqueueJob(store.db, clock, { type: 'pay', maxAttempts }))!;
    await store.db.updateTable('jobs').set({ status: 'running', locked_by: 'owner', attempts: maxAttempts }).execute();
    const row = await store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { db: store.db, clock, job: toJobRecord(row) };
  }

  it('a fenced-out worker neither records its outcome nor calls onDead', async () => {
    const { db, clock, job } = await runningJob(1);
    const dead: DeadJobEvent[] = [];
    const outcomes = new JobOutcomes({ db, clock, log: silentLogger(), onDead: (e) => void dead.push(e) });
    await outcomes.failed(job, 'someone-else', new Error('boom'));
    await outcomes.succeeded(job, 'someone-else');
    expect(await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow()).toMatchObject({ status: 'running', locked_by: 'owner' });
    expect(dead).toEqual([]);
  });

  it('a failing onDead hook is logged, not thrown into the runner', async () => {
    const { db, clock, job } = await runningJob(1);
    const outcomes = new JobOutcomes({
      db,
      clock,
      log: silentLogger(),
      onDead: () => {
        throw new Error('alert channel down');
      },
    });
    await outcomes.failed(job, 'owner', new Error('boom'));
    expect(await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow()).toMatchObject({ status: 'dead', last_error: 'boom', locked_by: null });
  });
});
