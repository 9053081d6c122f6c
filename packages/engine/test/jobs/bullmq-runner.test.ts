// What only the scale runtime has to get right, on real PostgreSQL and Redis: the hand-over from
// the outbox to BullMQ (racing relays, a relay that dies between adding and committing, a worker
// faster than the relay's commit) and deliveries lost in Redis. The behaviour both runtimes share
// is in the contract (runner-contract.ts).
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { redisGate } from '@lojista/testkit';
import { ManualClock } from '../../src/clock.js';
import { openDatabase } from '../../src/db/connect.js';
import { BullJobRunner, type BullJobRunnerOptions } from '../../src/jobs/bullmq-runner.js';
import { bullJobId, deliveryOf, queueNameForStore, RELAYED_LOCKED_UNTIL, type DeliveryData } from '../../src/jobs/bullmq-delivery.js';
import { enqueueJob } from '../../src/jobs/enqueue.js';
import { OutboxRelay, releaseRelayedJobs } from '../../src/jobs/outbox-relay.js';
import { databaseKinds } from '../support/databases.js';
import { silentLogger } from '../support/logger.js';
import { deleteRedisPrefix, sleep, until } from './runtimes.js';

const postgres = (await databaseKinds()).find((k) => k.name === 'postgres')!;
const redis = await redisGate();
const available = postgres.available && redis.available;
const STORE = 'store-1';

describe.skipIf(!available)('BullMQ runtime: outbox relay and deliveries', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  async function setup() {
    const store = await postgres.open();
    const prefix = `lojista-test-${randomBytes(6).toString('hex')}`;
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 12));
    cleanups.push(async () => {
      await store.cleanup();
      await deleteRedisPrefix(redis.url, prefix);
    });
    const queue = <Q extends Queue<DeliveryData>>(make: (name: string, opts: { connection: { url: string }; prefix: string }) => Q): Q => {
      const q = make(queueNameForStore(STORE), { connection: { url: redis.url }, prefix });
      cleanups.push(() => q.close());
      return q;
    };
    const relay = (q: Queue<DeliveryData>, db = store.db, batchSize?: number) =>
      new OutboxRelay({ db, queue: q, clock, log: silentLogger(), batchSize });
    const runner = (opts: Partial<BullJobRunnerOptions> = {}) => {
      const r = new BullJobRunner({
        db: store.db,
        storeId: STORE,
        prefix,
        connection: { url: redis.url },
        clock,
        log: silentLogger(),
        pollMs: 10,
        sweepMs: 100,
        ...opts,
      });
      cleanups.push(() => r.stop(1_000));
      return r;
    };
    return { store, db: store.db, clock, queue, relay, runner };
  }

  it('relays every due row exactly once, however many relays race, with our retry settings off in BullMQ', async () => {
    const { store, db, clock, queue, relay } = await setup();
    const ids: string[] = [];
    for (let n = 0; n < 50; n++) ids.push((await enqueueJob(db, clock, { type: 'sync', payload: { n } }))!);
    const later = (await enqueueJob(db, clock, { type: 'sync', runAt: clock.now() + 60_000 }))!;
    // Three relays, as three engine processes would run them: each its own pool and queue client.
    const relays = await Promise.all(
      [0, 1, 2].map(async () => {
        const pool = await openDatabase(store.target);
        cleanups.push(() => pool.close());
        return relay(queue((name, opts) => new Queue<DeliveryData>(name, opts)), pool.db, 7);
      }),
    );
    const totals = await Promise.all(
      relays.map(async (r) => {
        let total = 0;
        for (let n = await r.relayOnce(); n > 0; n = await r.relayOnce()) total += n;
        return total;
      }),
    );
    expect(totals.reduce((a, b) => a + b, 0)).toBe(50);

    const q = queue((name, opts) => new Queue<DeliveryData>(name, opts));
    const jobs = await q.getJobs(['waiting']);
    expect(jobs).toHaveLength(50);
    expect(new Set(jobs.map((j) => j.data.jobId))).toEqual(new Set(ids));
    const rows = await db.selectFrom('jobs').selectAll().where('id', 'in', ids).execute();
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'running', attempts: 0, locked_until: RELAYED_LOCKED_UNTIL });
      const job = jobs.find((j) => j.data.jobId === row.id)!;
      expect(job.id).toBe(bullJobId(row.id, deliveryOf(row.locked_by)!));
      expect(job.name).toBe('sync');
      expect(job.opts).toMatchObject({ attempts: 1, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 604_800 } });
    }
    expect((await db.selectFrom('jobs').select('status').where('id', '=', later).executeTakeFirstOrThrow()).status).toBe('queued');
  });

  it('a relay that dies between adding to BullMQ and committing leaves an orphan that is skipped; the job runs once', async () => {
    const { db, clock, queue, relay, runner } = await setup();
    class DiesAfterAdd extends Queue<DeliveryData> {
      override async addBulk(jobs: Parameters<Queue<DeliveryData>['addBulk']>[0]): ReturnType<Queue<DeliveryData>['addBulk']> {
        await super.addBulk(jobs);
        throw new Error('process killed after add');
      }
    }
    const id = (await enqueueJob(db, clock, { type: 'pay' }))!;
    await expect(relay(queue((name, opts) => new DiesAfterAdd(name, opts))).relayOnce()).rejects.toThrow('process killed after add');
    expect((await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow()).status).toBe('queued');

    let calls = 0;
    const r = runner();
    r.register('pay', async () => void calls++);
    r.start();
    const q = queue((name, opts) => new Queue<DeliveryData>(name, opts));
    await until(async () => (await q.getJobs(['completed'])).length === 2);
    const results = (await q.getJobs(['completed'])).map((j) => j.returnvalue).sort();
    expect(results).toEqual(['done', 'skipped']);
    expect(calls).toBe(1);
    expect(await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('a worker that gets the job before the relay commits waits for the commit, then runs it', async () => {
    const { db, clock, queue, relay, runner } = await setup();
    class SlowCommit extends Queue<DeliveryData> {
      override async addBulk(jobs: Parameters<Queue<DeliveryData>['addBulk']>[0]) {
        const added = await super.addBulk(jobs);
        await sleep(300); // the row is locked but not yet marked while the worker already has the job
        return added;
      }
    }
    let calls = 0;
    // Its own relay idles for a minute and sweeps as rarely: only the slow relay below hands over.
    const r = runner({ pollMs: 60_000, sweepMs: 60_000 });
    r.register('ship', async () => void calls++);
    r.start();
    await sleep(200);
    const id = (await enqueueJob(db, clock, { type: 'ship' }))!;
    expect(await relay(queue((name, opts) => new SlowCommit(name, opts))).relayOnce()).toBe(1);
    await until(async () => (await db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === 'done', 3_000);
    expect(calls).toBe(1);
  });

  it('a relay that cannot reach BullMQ backs off, keeps the rows queued, and still stops at once', async () => {
    const { db, clock, queue } = await setup();
    let tries = 0;
    class Unreachable extends Queue<DeliveryData> {
      override async addBulk(): ReturnType<Queue<DeliveryData>['addBulk']> {
        tries++;
        throw new Error('connect ECONNREFUSED');
      }
    }
    await enqueueJob(db, clock, { type: 'sync' });
    const r = new OutboxRelay({ db, queue: queue((name, opts) => new Unreachable(name, opts)), clock, log: silentLogger(), pollMs: 10 });
    r.start();
    await sleep(400);
    const t0 = Date.now();
    await r.stop();
    expect(Date.now() - t0).toBeLessThan(200);
    // 10, 20, 40, 80, 160 ms apart: a handful of tries, not one every poll.
    expect(tries).toBeGreaterThanOrEqual(2);
    expect(tries).toBeLessThanOrEqual(7);
    expect((await db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status).toBe('queued');
  });

  it('a delivery lost in Redis is swept back to queued and runs', async () => {
    const { db, clock, queue, relay, runner } = await setup();
    const q = queue((name, opts) => new Queue<DeliveryData>(name, opts));
    const id = (await enqueueJob(db, clock, { type: 'track' }))!;
    expect(await relay(q).relayOnce()).toBe(1);
    // Redis restarted without persistence: the queue is gone, the row still says BullMQ has it.
    await q.obliterate({ force: true });
    let calls = 0;
    const r = runner();
    r.register('track', async () => void calls++);
    r.start();
    await until(async () => (await db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === 'done');
    expect(calls).toBe(1);
    // The lost delivery never started, so it cost no attempt.
    expect(await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toMatchObject({ attempts: 1, last_error: null });
  });

  it('the sweep leaves live deliveries alone', async () => {
    const { db, clock, queue, relay } = await setup();
    const q = queue((name, opts) => new Queue<DeliveryData>(name, opts));
    await enqueueJob(db, clock, { type: 'track' });
    const r = relay(q);
    expect(await r.relayOnce()).toBe(1);
    expect(await r.recoverLost()).toBe(0);
    expect((await db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status).toBe('running');
  });

  it('jobs BullMQ holds can be handed back to the table when the store leaves the scale runtime', async () => {
    const { db, clock, queue, relay } = await setup();
    await enqueueJob(db, clock, { type: 'track' });
    await enqueueJob(db, clock, { type: 'track', runAt: clock.now() + 60_000 });
    expect(await relay(queue((name, opts) => new Queue<DeliveryData>(name, opts))).relayOnce()).toBe(1);
    expect(await releaseRelayedJobs(db, clock)).toBe(1);
    const rows = await db.selectFrom('jobs').select(['status', 'locked_by', 'locked_until']).execute();
    expect(rows).toEqual([
      { status: 'queued', locked_by: null, locked_until: null },
      { status: 'queued', locked_by: null, locked_until: null },
    ]);
  });
});

describe('BullMQ delivery names', () => {
  it('derive the queue from the store id, refusing what BullMQ cannot key', () => {
    expect(queueNameForStore('acme-shop_2')).toBe('acme-shop_2');
    expect(() => queueNameForStore('a:b')).toThrow(/cannot name a BullMQ queue/);
  });

  it('read the delivery back from locked_by, before and after a worker took it', () => {
    expect(deliveryOf('bullmq:abc123')).toBe('abc123');
    expect(deliveryOf('bullmq:abc123:worker-1:7')).toBe('abc123');
    expect(deliveryOf('12345-abcd')).toBeNull();
    expect(deliveryOf(null)).toBeNull();
  });
});
