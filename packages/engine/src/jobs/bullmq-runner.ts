// The scale runtime's job runner: the store's `jobs` table (PostgreSQL) is the outbox and the source
// of truth, BullMQ on Redis is the transport. An OutboxRelay moves due rows into the store's queue;
// a BullMQ Worker runs them and writes each outcome back to the row with the same rules as
// DbJobRunner (JobOutcomes), so retries, backoff, dead-letter state and the operator's view do not
// depend on the runtime.
//
// Semantics: a row runs only under the delivery it names (bullmq-delivery.ts) and its outcome is
// written only by the worker that holds it (fenced on `locked_by`), so one successful run is
// recorded once however often BullMQ delivers a job. Runs themselves are at-least-once — a worker
// killed mid-job leaves a BullMQ job whose lock expires; BullMQ's stalled check hands it to another
// worker, which takes the row over and runs it again — so handlers stay idempotent.
import { randomUUID } from 'node:crypto';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Database, JobsTable } from '../db/schema.js';
import {
  DEFAULT_BULLMQ_PREFIX,
  deliveryOf,
  queueNameForLane,
  queueNameForStore,
  RELAYED_LOCKED_UNTIL,
  runningLockedBy,
  type DeliveryData,
} from './bullmq-delivery.js';
import { laneOf, type LaneConcurrency } from './lanes.js';
import { JobOutcomes, toJobRecord } from './outcome.js';
import { OutboxRelay } from './outbox-relay.js';
import { RetryLaterError, type DeadJobEvent, type JobHandler, type JobRunner, type JobTypeOptions } from './types.js';

export interface BullJobRunnerOptions {
  /** The store's PostgreSQL database (its schema): the outbox and the source of truth. */
  db: Kysely<Database>;
  /** Names the store's BullMQ queue (`<prefix>:<storeId>:…` in Redis). */
  storeId: string;
  /** Redis for BullMQ, e.g. `{ url: 'redis://127.0.0.1:6379' }`. BullMQ opens and closes its own connections. */
  connection: ConnectionOptions;
  /** Redis key prefix; default `lojista`. Tests use a unique one each. */
  prefix?: string;
  /** Every timestamp stored in the row comes from this clock. */
  clock: Clock;
  log: Logger;
  /** Relay poll interval when idle (real time); default 250 ms. */
  pollMs?: number;
  /** Rows per relay transaction; default 100. */
  batchSize?: number;
  /** How often the relay looks for lost deliveries (real time); default 30 s. */
  sweepMs?: number;
  /** Jobs this process runs at once when no `lanes` are given (one queue for every type); default 2. */
  concurrency?: number;
  /**
   * Per-lane concurrency (lanes.ts): one BullMQ queue and worker per lane (`<store>.<lane>`), so a
   * burst of one kind of job never holds another kind back.
   */
  lanes?: LaneConcurrency;
  /**
   * BullMQ's job lock (renewed while the job runs): how long a dead worker's job waits before
   * another worker may take it. Default 30 s.
   */
  lockDurationMs?: number;
  /** How often this worker looks for other workers' stalled jobs; default 30 s. */
  stalledIntervalMs?: number;
  /** Shown in BullMQ as the worker's name. */
  workerName?: string;
  onDead?: (event: DeadJobEvent) => void | Promise<void>;
  /** Delay before retry `attempt` + 1; default `backoffMs`. */
  backoff?: (attempt: number) => number;
}

interface Registered {
  handler: JobHandler;
  timeoutMs: number;
  lane: string;
}

/** The single lane (the store's one queue) when the runner is built without `lanes`. */
const ALL = 'all';

/** A handler for another process's job type: come back later rather than burn the attempt. */
const NO_HANDLER_RETRY_MS = 60_000;

export class BullJobRunner implements JobRunner {
  private readonly handlers = new Map<string, Registered>();
  /** Abort controllers of the runs in progress, by BullMQ job id. */
  private readonly inFlight = new Map<string, AbortController>();
  private readonly outcomes: JobOutcomes;
  private readonly lanes: ReadonlyMap<string, number>;
  private queues = new Map<string, Queue<DeliveryData>>();
  private workers: Worker<DeliveryData, string>[] = [];
  private relay: OutboxRelay | null = null;
  /** Set once stop() passed its deadline: a run that starts now is aborted at once. */
  private stopReason: Error | null = null;

  constructor(private readonly opts: BullJobRunnerOptions) {
    queueNameForStore(opts.storeId); // validates the store id early
    this.lanes = opts.lanes ? new Map(Object.entries(opts.lanes)) : new Map([[ALL, opts.concurrency ?? 2]]);
    this.outcomes = new JobOutcomes(opts);
  }

  register(type: string, handler: JobHandler, options: JobTypeOptions = {}): void {
    const lane = this.opts.lanes ? (options.lane ?? laneOf(type)) : ALL;
    this.handlers.set(type, { handler, timeoutMs: options.timeoutMs ?? 10 * 60_000, lane });
  }

  private queueName(lane: string): string {
    return lane === ALL ? queueNameForStore(this.opts.storeId) : queueNameForLane(this.opts.storeId, lane);
  }

  /** The queue a type's rows are relayed to: its lane's. */
  private queueFor(type: string): Queue<DeliveryData> {
    const lane = this.handlers.get(type)?.lane ?? (this.opts.lanes ? laneOf(type) : ALL);
    const queue = this.queues.get(lane);
    if (!queue) throw new Error(`no BullMQ queue for lane "${lane}" (job type ${type})`);
    return queue;
  }

  start(): void {
    if (this.workers.length > 0) return;
    this.stopReason = null;
    const { connection, log } = this.opts;
    const prefix = this.opts.prefix ?? DEFAULT_BULLMQ_PREFIX;
    for (const [lane, concurrency] of this.lanes) {
      const queue = new Queue<DeliveryData>(this.queueName(lane), { connection, prefix });
      queue.on('error', (err) => log.error({ err, lane }, 'BullMQ queue error'));
      this.queues.set(lane, queue);
      const worker = new Worker<DeliveryData, string>(this.queueName(lane), (job, token, signal) => this.process(job, token, signal), {
        connection,
        prefix,
        name: this.opts.workerName,
        concurrency,
        lockDuration: this.opts.lockDurationMs ?? 30_000,
        stalledInterval: this.opts.stalledIntervalMs ?? 30_000,
      });
      this.watch(worker);
      this.workers.push(worker);
    }
    this.relay = new OutboxRelay({
      db: this.opts.db,
      queue: (type) => this.queueFor(type),
      clock: this.opts.clock,
      log,
      types: () => [...this.handlers.keys()],
      pollMs: this.opts.pollMs,
      batchSize: this.opts.batchSize,
      sweepMs: this.opts.sweepMs,
    });
    this.relay.start();
  }

  private watch(worker: Worker<DeliveryData, string>): void {
    const { log } = this.opts;
    worker.on('error', (err) => log.error({ err }, 'BullMQ worker error'));
    worker.on('failed', (job, err) => {
      // A delivery whose worker died (a crash, a deploy) is "stalled": expected, and recovered by
      // the relay sweep, so a warning; anything else is an error.
      const stalled = /stalled/i.test(err.message);
      log[stalled ? 'warn' : 'error']({ err, bullJobId: job?.id }, 'BullMQ delivery failed; the relay sweep will requeue its row');
    });
    worker.on('stalled', (bullJobId) => log.warn({ bullJobId }, 'BullMQ job stalled (its worker died?); delivering it again'));
    // Our run may go on while another worker takes the job over: tell the handler to stop, as
    // DbJobRunner does when its lease renewal fails. Its outcome write will be fenced out anyway.
    worker.on('lockRenewalFailed', (ids) => {
      for (const id of ids) this.inFlight.get(id)?.abort(new Error('job lease lost'));
    });
  }

  poke(): void {
    this.relay?.poke();
  }

  async stop(deadlineMs = 10_000): Promise<void> {
    const { relay, workers, queues } = this;
    if (workers.length === 0 || !relay) return;
    await relay.stop();
    // close() stops fetching and waits for the runs in progress; past the deadline their signals
    // are aborted, and close() resolves once the handlers have given up and recorded an outcome.
    const closing = Promise.all(workers.map((w) => w.close()));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
    if ((await Promise.race([closing, late])) === 'late') {
      this.stopReason = new Error('job runner stopping');
      for (const abort of this.inFlight.values()) abort.abort(this.stopReason);
      await closing;
    }
    clearTimeout(timer);
    await Promise.all([...queues.values()].map((q) => q.close()));
    this.relay = null;
    this.workers = [];
    this.queues = new Map();
  }

  private async process(bullJob: Job<DeliveryData, string>, token: string | undefined, signal?: AbortSignal): Promise<string> {
    const { jobId, delivery } = bullJob.data;
    // The token changes on every BullMQ (re)delivery, so a stalled job taken over by another
    // worker fences out the old one's outcome write.
    const lockedBy = runningLockedBy(delivery, token ?? randomUUID());
    const row = await this.claim(jobId, delivery, lockedBy);
    if (!row) {
      this.opts.log.debug({ jobId, delivery }, 'BullMQ delivery skipped: the row is not waiting for it');
      return 'skipped';
    }
    const job = toJobRecord(row);
    const registered = this.handlers.get(row.type);
    if (!registered) {
      await this.outcomes.failed(job, lockedBy, new RetryLaterError(`no handler for job type "${row.type}" in this process`, NO_HANDLER_RETRY_MS));
      return 'no-handler';
    }
    if (job.attempt > job.maxAttempts) {
      // Every earlier attempt died with its worker (a poison job): stop instead of crashing forever.
      await this.outcomes.failed(job, lockedBy, new Error(`gave up after ${job.maxAttempts} attempts that never finished`));
      return 'failed';
    }

    const abort = new AbortController();
    if (this.stopReason) abort.abort(this.stopReason);
    const id = bullJob.id ?? jobId;
    this.inFlight.set(id, abort);
    const onCancel = () => abort.abort(signal?.reason);
    signal?.addEventListener('abort', onCancel, { once: true });
    const timeout = setTimeout(() => abort.abort(new Error(`job timed out after ${registered.timeoutMs} ms`)), registered.timeoutMs);
    let outcome: { ok: true } | { ok: false; err: unknown };
    try {
      await registered.handler({ job, signal: abort.signal });
      outcome = { ok: true };
    } catch (err) {
      outcome = { ok: false, err };
    } finally {
      clearTimeout(timeout);
      signal?.removeEventListener('abort', onCancel);
      this.inFlight.delete(id);
    }
    // A failed write throws to BullMQ, which fails the delivery; the sweep then requeues the row.
    if (outcome.ok) await this.outcomes.succeeded(job, lockedBy);
    else await this.outcomes.failed(job, lockedBy, outcome.err);
    return outcome.ok ? 'done' : 'failed';
  }

  /**
   * Takes the row for this delivery and counts the attempt, like DbJobRunner's claim. FOR UPDATE
   * (not a conditional UPDATE) on purpose: a plain UPDATE would skip the row while the relay's
   * transaction still holds it unmarked, whereas a locking read waits for that commit.
   */
  private claim(jobId: string, delivery: string, lockedBy: string): Promise<JobsTable | undefined> {
    return this.opts.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('jobs').selectAll().where('id', '=', jobId).forUpdate().executeTakeFirst();
      if (!row || row.status !== 'running' || deliveryOf(row.locked_by) !== delivery) return undefined;
      return trx
        .updateTable('jobs')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          locked_by: lockedBy,
          locked_until: RELAYED_LOCKED_UNTIL,
          updated_at: new Date(this.opts.clock.now()).toISOString(),
        }))
        .where('id', '=', jobId)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }
}
