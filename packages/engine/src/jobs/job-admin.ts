// The owner's view of a store's jobs: what is queued, running and dead, and the two decisions on a
// dead job — run it again (from a fresh attempt count) or discard it. The `jobs` table is the source
// of truth for both runtimes (the embedded runner reads it; the scale runtime's relay hands queued
// rows to BullMQ), so both act here and a retried row is picked up by whichever runs the store.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, JobsTable } from '../db/schema.js';

export const LISTED_JOB_STATUSES = ['queued', 'running', 'dead'] as const;
export type ListedJobStatus = (typeof LISTED_JOB_STATUSES)[number];

export interface JobView {
  id: string;
  type: string;
  status: JobsTable['status'];
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

const view = (r: JobsTable): JobView => ({
  id: r.id,
  type: r.type,
  status: r.status,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAt: r.run_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function jobCounts(db: Kysely<Database>): Promise<Record<ListedJobStatus, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .where('status', 'in', [...LISTED_JOB_STATUSES])
    .groupBy('status')
    .execute();
  const out = { queued: 0, running: 0, dead: 0 };
  for (const r of rows) out[r.status as ListedJobStatus] = Number(r.n);
  return out;
}

/** Jobs in one state: the next due first for queued ones, the latest first otherwise. */
export async function listJobs(db: Kysely<Database>, status: ListedJobStatus, page: number, limit: number): Promise<JobView[]> {
  let q = db.selectFrom('jobs').selectAll().where('status', '=', status);
  q = status === 'queued' ? q.orderBy('run_at', 'asc') : q.orderBy('updated_at', 'desc');
  const rows = await q.orderBy('id').limit(limit).offset((page - 1) * limit).execute();
  return rows.map(view);
}

export async function getJob(db: Kysely<Database>, id: string): Promise<JobView | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? view(row) : undefined;
}

export type DeadJobDecision =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'not_dead' | 'live_duplicate'; status?: JobsTable['status'] };

/**
 * Runs a dead job again: queued now, attempts from zero, its last error kept until the next attempt
 * writes its own. Only a dead row changes (a second click finds it queued and changes nothing); a
 * live job with the same dedupe key (the schedule queued a new one meanwhile) makes it refuse.
 */
export async function retryDeadJob(db: Kysely<Database>, clock: Clock, id: string): Promise<DeadJobDecision> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return { ok: false, reason: 'not_found' };
  if (row.status !== 'dead') return { ok: false, reason: 'not_dead', status: row.status };
  if (row.dedupe_key !== null) {
    const live = await db
      .selectFrom('jobs')
      .select('id')
      .where('dedupe_key', '=', row.dedupe_key)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (live) return { ok: false, reason: 'live_duplicate' };
  }
  const now = new Date(clock.now()).toISOString();
  try {
    const result = await db
      .updateTable('jobs')
      .set({ status: 'queued', attempts: 0, run_at: now, locked_by: null, locked_until: null, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      const again = await getJob(db, id);
      return { ok: false, reason: 'not_dead', ...(again ? { status: again.status } : {}) };
    }
  } catch (err) {
    // The live-dedupe unique index: a copy was queued between the check and the update.
    if (/unique|duplicate key/i.test((err as Error).message)) return { ok: false, reason: 'live_duplicate' };
    throw err;
  }
  return { ok: true };
}

/**
 * Discards a dead job: it stays in the table as `done`, its last error prefixed with who discarded
 * it and when, so the history survives. Only a dead row changes.
 */
export async function discardDeadJob(db: Kysely<Database>, clock: Clock, id: string, actor: string): Promise<DeadJobDecision> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return { ok: false, reason: 'not_found' };
  if (row.status !== 'dead') return { ok: false, reason: 'not_dead', status: row.status };
  const now = new Date(clock.now()).toISOString();
  const note = `discarded by ${actor} at ${now}; last error: ${row.last_error ?? '(none)'}`.slice(0, 2000);
  const result = await db.updateTable('jobs').set({ status: 'done', last_error: note, updated_at: now }).where('id', '=', id).where('status', '=', 'dead').executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return { ok: false, reason: 'not_dead' };
  return { ok: true };
}
