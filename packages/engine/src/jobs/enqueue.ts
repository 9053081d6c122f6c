// Writes a job into the outbox (the `jobs` table). Call it with the transaction that changes the
// state the job acts on, so both commit or neither does.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { stampRequestId } from '../observability/request-context.js';
import { DEFAULT_MAX_ATTEMPTS, type JobSpec } from './types.js';

/** Returns the new job's id, or null when a live job with the same dedupe key already exists. */
export async function enqueueJob(db: Kysely<Database>, clock: Clock, spec: JobSpec): Promise<string | null> {
  const now = new Date(clock.now()).toISOString();
  const id = randomUUID();
  const result = await db
    .insertInto('jobs')
    .values({
      id,
      type: spec.type,
      // The enqueuing request's id travels with the job (its log lines and CJ calls carry it).
      payload: JSON.stringify(stampRequestId(spec.payload ?? {})),
      dedupe_key: spec.dedupeKey ?? null,
      status: 'queued',
      attempts: 0,
      max_attempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: new Date(spec.runAt ?? clock.now()).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    // The partial unique index on live dedupe keys turns a duplicate into "nothing inserted".
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1 ? id : null;
}
