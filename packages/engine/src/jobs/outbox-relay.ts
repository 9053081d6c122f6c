// The scale runtime's outbox relay: moves due rows of the store's `jobs` table (PostgreSQL) into the
// store's BullMQ queue. The table stays the source of truth; BullMQ is only the transport that
// spreads the work over every engine process.
//
// Exactly-once hand-over, per row and pass, inside one transaction that holds the rows with
// FOR UPDATE SKIP LOCKED (so concurrent relays in other processes take other rows):
//   1. add the BullMQ jobs, then
//   2. mark the rows `running` under the delivery's name, then commit.
// A crash between 1 and 2 rolls the mark back: the row is relayed again under a new delivery and
// the orphaned BullMQ job is skipped by the worker, which only runs the delivery the row names
// (see bullmq-delivery.ts). A worker that picks a job up before the commit waits on the row lock.
//
// Deliveries can still be lost after the commit — Redis restarted without persistence, a job
// BullMQ failed on its own (stalled too often), an outcome that could not be written. The relay
// therefore also sweeps: a `running` row whose BullMQ job is finished or gone goes back to `queued`.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Queue } from 'bullmq';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import {
  BULLMQ_LOCK_PREFIX,
  bullJobId,
  deliveryOf,
  newDelivery,
  RELAYED_LOCKED_UNTIL,
  relayedLockedBy,
  type DeliveryData,
} from './bullmq-delivery.js';
import { Waker } from './waker.js';

export interface OutboxRelayOptions {
  /** The store's PostgreSQL database (its schema). */
  db: Kysely<Database>;
  /** The store's queue (see `queueNameForStore`), or a job type's queue (one per lane, see lanes.ts). */
  queue: Queue<DeliveryData> | ((type: string) => Queue<DeliveryData>);
  clock: Clock;
  log: Logger;
  /** Job types to relay — those this process has handlers for; default every type. */
  types?: () => readonly string[];
  /** How often to look for due rows when idle (real time); default 250 ms. */
  pollMs?: number;
  /** Rows per transaction; default 100. */
  batchSize?: number;
  /** How often to look for lost deliveries (real time); default 30 s. */
  sweepMs?: number;
}

/** BullMQ states in which a delivery will still reach (or is at) a worker. */
const LIVE_STATES = new Set(['waiting', 'delayed', 'prioritized', 'active', 'waiting-children']);

const SWEEP_PAGE = 500;

export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | null = null;
  /** A poke that arrives during a pass is kept: its commit may be newer than the pass's snapshot. */
  private readonly waker = new Waker();
  private lastSweep = 0;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly sweepMs: number;

  constructor(private readonly opts: OutboxRelayOptions) {
    this.pollMs = opts.pollMs ?? 250;
    this.batchSize = opts.batchSize ?? 100;
    this.sweepMs = opts.sweepMs ?? 30_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Relay now instead of at the next poll. */
  poke(): void {
    this.waker.poke();
  }

  /** Stops relaying; resolves once the pass in progress (if any) has committed or rolled back. */
  async stop(): Promise<void> {
    this.running = false;
    this.poke();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let relayed = 0;
      try {
        relayed = await this.relayOnce();
        failures = 0;
      } catch (err) {
        // Redis or PostgreSQL down: back off rather than log every poll. The rows stay queued.
        failures++;
        this.opts.log.error({ err, failures }, 'outbox relay pass failed');
      }
      // Real time on purpose: the sweep is housekeeping, not job timing.
      if (Date.now() - this.lastSweep >= this.sweepMs) {
        this.lastSweep = Date.now();
        try {
          await this.recoverLost();
        } catch (err) {
          this.opts.log.error({ err }, 'outbox relay sweep failed');
        }
      }
      if (!this.running) break;
      if (failures > 0) await this.waker.sleep(Math.max(this.pollMs, Math.min(this.pollMs * 2 ** failures, 10_000)));
      // A full batch means there may be more due rows: go again at once (as after a poke).
      else if (relayed < this.batchSize) await this.waker.sleep(this.pollMs);
    }
  }

  private queueOf(type: string): Queue<DeliveryData> {
    const { queue } = this.opts;
    return typeof queue === 'function' ? queue(type) : queue;
  }

  /** One pass: relays up to `batchSize` due rows; returns how many. */
  async relayOnce(): Promise<number> {
    const types = this.opts.types?.();
    if (types?.length === 0) return 0;
    const now = new Date(this.opts.clock.now()).toISOString();
    return this.opts.db.transaction().execute(async (trx) => {
      let due = trx
        .selectFrom('jobs')
        .select(['id', 'type'])
        .where('status', '=', 'queued')
        .where('run_at', '<=', now);
      if (types) due = due.where('type', 'in', types);
      const rows = await due.orderBy('run_at').orderBy('created_at').limit(this.batchSize).forUpdate().skipLocked().execute();
      if (rows.length === 0) return 0;

      const delivery = newDelivery();
      const byQueue = new Map<Queue<DeliveryData>, typeof rows>();
      for (const row of rows) {
        const q = this.queueOf(row.type);
        byQueue.set(q, [...(byQueue.get(q) ?? []), row]);
      }
      // No BullMQ `delay`: a row is relayed once it is due by the injected clock, and BullMQ's
      // delays would run on Redis's clock instead. BullMQ retries are off: retries, backoff and the
      // dead-letter state are the row's business, identical in both runtimes.
      for (const [queue, queued] of byQueue) {
        await queue.addBulk(
          queued.map((row) => ({
            name: row.type,
            data: { jobId: row.id, delivery },
            opts: {
              jobId: bullJobId(row.id, delivery),
              attempts: 1,
              removeOnComplete: { age: 86_400 },
              removeOnFail: { age: 7 * 86_400 },
            },
          })),
        );
      }
      await trx
        .updateTable('jobs')
        .set({ status: 'running', locked_by: relayedLockedBy(delivery), locked_until: RELAYED_LOCKED_UNTIL, updated_at: now })
        .where('id', 'in', rows.map((r) => r.id))
        .execute();
      this.opts.log.debug({ count: rows.length, delivery }, 'jobs relayed to BullMQ');
      return rows.length;
    });
  }

  /**
   * Puts back to `queued` every row BullMQ holds no live delivery for; returns how many. The
   * attempt is not given back: like an expired lease in the embedded runtime, a run whose outcome
   * was never recorded counts.
   */
  async recoverLost(): Promise<number> {
    let recovered = 0;
    let after = '';
    for (;;) {
      const rows = await this.opts.db
        .selectFrom('jobs')
        .select(['id', 'type', 'locked_by'])
        .where('status', '=', 'running')
        .where('locked_by', 'like', `${BULLMQ_LOCK_PREFIX}%`)
        .where('id', '>', after)
        .orderBy('id')
        .limit(SWEEP_PAGE)
        .execute();
      const states = await Promise.all(
        rows.map(async (row) => {
          const delivery = deliveryOf(row.locked_by);
          return delivery ? this.queueOf(row.type).getJobState(bullJobId(row.id, delivery)) : 'unknown';
        }),
      );
      for (const [i, row] of rows.entries()) {
        const state = states[i]!;
        if (LIVE_STATES.has(state)) continue;
        // Fenced on the `locked_by` we read: if the row moved on meanwhile (its worker finished
        // it, or it was relayed again), this touches nothing.
        const result = await this.opts.db
          .updateTable('jobs')
          .set({
            status: 'queued',
            locked_by: null,
            locked_until: null,
            last_error: `BullMQ delivery lost (${state}); requeued`,
            updated_at: new Date(this.opts.clock.now()).toISOString(),
          })
          .where('id', '=', row.id)
          .where('status', '=', 'running')
          .where('locked_by', '=', row.locked_by)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) {
          recovered++;
          this.opts.log.warn({ jobId: row.id, lockedBy: row.locked_by, state }, 'BullMQ delivery lost; job requeued');
        }
      }
      if (rows.length < SWEEP_PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    return recovered;
  }
}

/**
 * Hands every job BullMQ holds back to the table (`queued`, attempt kept) — for a store moving from
 * the scale runtime to the embedded one, whose runner never claims rows relayed to BullMQ. Run it
 * only once no BullMQ worker of the store is left; returns how many rows it released.
 */
export async function releaseRelayedJobs(db: Kysely<Database>, clock: Clock): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: 'queued',
      locked_by: null,
      locked_until: null,
      last_error: 'released from BullMQ',
      updated_at: new Date(clock.now()).toISOString(),
    })
    .where('status', '=', 'running')
    .where('locked_by', 'like', `${BULLMQ_LOCK_PREFIX}%`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
