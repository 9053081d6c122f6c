// One switch between the two runtimes, so wiring code names the runtime once (from the store's
// configuration) and everything else only sees the JobRunner interface.
import { BullJobRunner, type BullJobRunnerOptions } from './bullmq-runner.js';
import { DbJobRunner, type DbJobRunnerOptions } from './db-runner.js';
import type { JobRunner } from './types.js';

/** `db`: the embedded runtime (jobs run straight from the table, with leases; SQLite or PostgreSQL). `bullmq`: the scale runtime (PostgreSQL outbox relayed to BullMQ on Redis). */
export type JobRuntimeKind = 'db' | 'bullmq';

/**
 * Builds the store's job runner.
 *
 * - `createJobRunner('db', { db, dialect, clock, log, pollMs?, leaseMs?, concurrency? | lanes?, workerId?, onDead?, backoff? })`
 * - `createJobRunner('bullmq', { db, storeId, connection, prefix?, clock, log, pollMs?, batchSize?, sweepMs?,
 *   concurrency? | lanes?, lockDurationMs?, stalledIntervalMs?, workerName?, onDead?, backoff? })` — `db` must be
 *   the store's PostgreSQL database.
 *
 * Jobs are enqueued the same way for both (`enqueueJob` in the caller's transaction), then `poke()`.
 */
export function createJobRunner(kind: 'db', opts: DbJobRunnerOptions): DbJobRunner;
export function createJobRunner(kind: 'bullmq', opts: BullJobRunnerOptions): BullJobRunner;
export function createJobRunner(kind: JobRuntimeKind, opts: DbJobRunnerOptions | BullJobRunnerOptions): JobRunner;
export function createJobRunner(kind: JobRuntimeKind, opts: DbJobRunnerOptions | BullJobRunnerOptions): JobRunner {
  switch (kind) {
    case 'db':
      return new DbJobRunner(opts as DbJobRunnerOptions);
    case 'bullmq':
      return new BullJobRunner(opts as BullJobRunnerOptions);
    default:
      throw new Error(`unknown job runtime "${String(kind)}": use "db" or "bullmq"`);
  }
}
