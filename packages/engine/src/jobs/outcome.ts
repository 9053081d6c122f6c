// Writes the outcome of one attempt back to the job's row. The rules are DbJobRunner's, so retries,
// backoff and the dead-letter state look the same to the operator whichever runtime ran the job.
// Every write is fenced on `locked_by`: a worker that lost the job (its lease or BullMQ lock
// expired and someone else took over) cannot overwrite the new owner's state.
import { sql, type Kysely, type UpdateObject } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Database, JobsTable } from '../db/schema.js';
import { backoffMs, RetryLaterError, type DeadJobEvent, type JobRecord } from './types.js';

export interface OutcomeOptions {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  onDead?: (event: DeadJobEvent) => void | Promise<void>;
  backoff?: (attempt: number) => number;
}

export function toJobRecord(row: JobsTable): JobRecord {
  return {
    id: row.id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    attempt: row.attempts,
    maxAttempts: row.max_attempts,
    dedupeKey: row.dedupe_key,
  };
}

export class JobOutcomes {
  constructor(private readonly opts: OutcomeOptions) {}

  private iso(offsetMs = 0): string {
    return new Date(this.opts.clock.now() + offsetMs).toISOString();
  }

  async succeeded(job: JobRecord, lockedBy: string): Promise<void> {
    await this.release(job.id, lockedBy, { status: 'done', last_error: null });
  }

  async failed(job: JobRecord, lockedBy: string, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof RetryLaterError) {
      // Not a failure: give the attempt back and come back later.
      await this.release(job.id, lockedBy, {
        status: 'queued',
        attempts: sql<number>`attempts - 1`,
        run_at: this.iso(err.delayMs),
        last_error: message,
      });
      return;
    }
    if (job.attempt >= job.maxAttempts) {
      this.opts.log.error({ jobId: job.id, type: job.type, attempts: job.attempt, err: message }, 'job dead-lettered');
      const released = await this.release(job.id, lockedBy, { status: 'dead', last_error: message });
      // A fenced-out worker must not alert: the job's new owner decides its fate.
      if (!released) return;
      try {
        await this.opts.onDead?.({ job, error: message });
      } catch (hookErr) {
        this.opts.log.error({ err: hookErr, jobId: job.id }, 'onDead hook failed');
      }
      return;
    }
    const delay = (this.opts.backoff ?? backoffMs)(job.attempt);
    this.opts.log.warn({ jobId: job.id, type: job.type, attempt: job.attempt, retryInMs: delay, err: message }, 'job failed; will retry');
    await this.release(job.id, lockedBy, { status: 'queued', run_at: this.iso(delay), last_error: message });
  }

  /** Returns false when the row is no longer ours. */
  private async release(id: string, lockedBy: string, set: UpdateObject<Database, 'jobs'>): Promise<boolean> {
    const result = await this.opts.db
      .updateTable('jobs')
      .set({ ...set, locked_by: null, locked_until: null, updated_at: this.iso() })
      .where('id', '=', id)
      .where('locked_by', '=', lockedBy)
      .executeTakeFirst();
    const released = Number(result.numUpdatedRows) === 1;
    if (!released) this.opts.log.warn({ jobId: id, lockedBy }, 'job outcome not recorded: another worker owns the job now');
    return released;
  }
}
