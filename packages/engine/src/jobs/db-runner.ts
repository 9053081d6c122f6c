// Runs jobs straight from the store's `jobs` table (the embedded runtime). A claimed job carries a
// lease; a worker that dies stops renewing it and the job is claimed again once it expires — so a
// kill -9 never loses a job, and handlers being idempotent makes the rerun harmless.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Database, JobsTable } from '../db/schema.js';
import { laneOf, type LaneConcurrency } from './lanes.js';
import { JobOutcomes, toJobRecord } from './outcome.js';
import { type DeadJobEvent, type JobHandler, type JobRunner, type JobTypeOptions } from './types.js';
import { Waker } from './waker.js';

export interface DbJobRunnerOptions {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  clock: Clock;
  log: Logger;
  /** How often to look for due jobs when idle (real time). */
  pollMs?: number;
  leaseMs?: number;
  /** Jobs run at once when no `lanes` are given (one lane for every type); default 2. */
  concurrency?: number;
  /** Per-lane concurrency: each kind of job gets its own slots, so none starves another. */
  lanes?: LaneConcurrency;
  workerId?: string;
  onDead?: (event: DeadJobEvent) => void | Promise<void>;
  backoff?: (attempt: number) => number;
}

interface Registered {
  handler: JobHandler;
  timeoutMs: number;
  lane: string;
}

/** The single lane used when the runner is built without `lanes`. */
const ALL = 'all';

export class DbJobRunner implements JobRunner {
  private readonly handlers = new Map<string, Registered>();
  private readonly inFlight = new Map<string, { done: Promise<void>; abort: AbortController; lane: string }>();
  /** Running jobs per lane. */
  private readonly busy = new Map<string, number>();
  private running = false;
  private readonly waker = new Waker();
  private loop: Promise<void> | null = null;
  private readonly workerId: string;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly limits: ReadonlyMap<string, number>;
  private readonly outcomes: JobOutcomes;

  constructor(private readonly opts: DbJobRunnerOptions) {
    this.outcomes = new JobOutcomes(opts);
    this.workerId = opts.workerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
    this.pollMs = opts.pollMs ?? 250;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.limits = opts.lanes ? new Map(Object.entries(opts.lanes)) : new Map([[ALL, opts.concurrency ?? 2]]);
  }

  register(type: string, handler: JobHandler, options: JobTypeOptions = {}): void {
    const lane = this.opts.lanes ? (options.lane ?? laneOf(type)) : ALL;
    this.handlers.set(type, { handler, timeoutMs: options.timeoutMs ?? 10 * 60_000, lane });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  poke(): void {
    this.waker.poke();
  }

  async stop(deadlineMs = 10_000): Promise<void> {
    this.running = false;
    this.poke();
    await this.loop;
    const all = [...this.inFlight.values()];
    const finished = Promise.all(all.map((j) => j.done));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
    if ((await Promise.race([finished, late])) === 'late') {
      for (const j of all) j.abort.abort(new Error('job runner stopping'));
      await finished;
    }
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = false;
      const types = this.claimableTypes();
      if (types.length > 0) {
        try {
          const row = await this.claim(types);
          if (row) {
            claimed = true;
            this.execute(row);
          }
        } catch (err) {
          this.opts.log.error({ err }, 'job claim failed');
        }
      }
      if (!claimed) await this.waker.sleep(this.pollMs);
    }
  }

  /** The types whose lane has a free slot: a full lane's jobs wait without blocking the others. */
  private claimableTypes(): string[] {
    const types: string[] = [];
    for (const [type, { lane }] of this.handlers) {
      if ((this.busy.get(lane) ?? 0) < (this.limits.get(lane) ?? 0)) types.push(type);
    }
    return types;
  }

  private iso(offsetMs = 0): string {
    return new Date(this.opts.clock.now() + offsetMs).toISOString();
  }

  /** Takes the oldest due job of `types` (or one whose lease expired) and leases it to this worker. */
  private async claim(types: string[]): Promise<JobsTable | undefined> {
    const now = this.iso();
    const lockClause = this.opts.dialect === 'postgres' ? sql`for update skip locked` : sql``;
    const typeList = sql.join(types.map((t) => sql`${t}`));
    const result = await sql<JobsTable>`
      update jobs set status = 'running', locked_by = ${this.workerId}, locked_until = ${this.iso(this.leaseMs)},
        attempts = attempts + 1, updated_at = ${now}
      where id = (
        select id from jobs
        where type in (${typeList})
          and ((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until < ${now}))
        order by run_at, created_at
        limit 1 ${lockClause}
      )
      returning *`.execute(this.opts.db);
    return result.rows[0];
  }

  private execute(row: JobsTable): void {
    const abort = new AbortController();
    const lane = this.handlers.get(row.type)!.lane;
    this.busy.set(lane, (this.busy.get(lane) ?? 0) + 1);
    const done = this.runOne(row, abort)
      .catch((err: unknown) => this.opts.log.error({ err, jobId: row.id }, 'recording a job outcome failed; the lease will expire and the job run again'))
      .finally(() => {
        this.inFlight.delete(row.id);
        this.busy.set(lane, (this.busy.get(lane) ?? 1) - 1);
        // A slot is free: take the next due job now, not at the next poll. Without this, short
        // jobs ran at most `concurrency` per poll interval (8/s at the default 250 ms), and a
        // burst of webhooks held a paid order's fulfilment back for minutes.
        this.poke();
      });
    this.inFlight.set(row.id, { done, abort, lane });
  }

  private async runOne(row: JobsTable, abort: AbortController): Promise<void> {
    const registered = this.handlers.get(row.type)!;
    const job = toJobRecord(row);
    if (job.attempt > job.maxAttempts) {
      // Every earlier attempt died with its worker (a poison job): stop instead of crashing forever.
      await this.outcomes.failed(job, this.workerId, new Error(`gave up after ${job.maxAttempts} attempts that never finished`));
      return;
    }
    const heartbeat = setInterval(() => void this.renew(row.id, abort), Math.max(1_000, this.leaseMs / 3));
    const timeout = setTimeout(() => abort.abort(new Error(`job timed out after ${registered.timeoutMs} ms`)), registered.timeoutMs);
    let error: unknown;
    let succeeded = false;
    try {
      await registered.handler({ job, signal: abort.signal });
      succeeded = true;
    } catch (err) {
      error = err;
    } finally {
      clearInterval(heartbeat);
      clearTimeout(timeout);
    }
    // Outside the try: a failed outcome write is not a handler failure.
    if (succeeded) await this.outcomes.succeeded(job, this.workerId);
    else await this.outcomes.failed(job, this.workerId, error);
  }

  private async renew(id: string, abort: AbortController): Promise<void> {
    try {
      const r = await this.opts.db
        .updateTable('jobs')
        .set({ locked_until: this.iso(this.leaseMs) })
        .where('id', '=', id)
        .where('locked_by', '=', this.workerId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) abort.abort(new Error('job lease lost'));
    } catch (err) {
      this.opts.log.warn({ err, jobId: id }, 'job lease renewal failed');
    }
  }
}
