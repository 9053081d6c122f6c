// Asking for a catalogue scan now (the JSON API and the console): one scan at a time, and one
// request waiting at most — a second click while one runs or waits changes nothing.
import { lockHolder } from '../db/locks.js';
import { enqueueJob } from '../jobs/enqueue.js';
import type { StoreContext } from '../stores/context.js';
import { SCAN_LOCK } from './scanner.js';

export const SCAN_JOB = 'catalog.scan';
export const MANUAL_SCAN_KEY = 'catalog.scan:manual';

export type ScanRequest = { queued: true; jobId: string } | { queued: false; reason: 'running'; runId: string } | { queued: false; reason: 'waiting' };

export async function requestScan(ctx: StoreContext): Promise<ScanRequest> {
  const holder = await lockHolder(ctx.db, ctx.clock, SCAN_LOCK);
  if (holder) return { queued: false, reason: 'running', runId: holder };
  const jobId = await enqueueJob(ctx.db, ctx.clock, { type: SCAN_JOB, payload: { trigger: 'api' }, dedupeKey: MANUAL_SCAN_KEY, maxAttempts: 1 });
  if (!jobId) return { queued: false, reason: 'waiting' };
  ctx.pokeJobs();
  return { queued: true, jobId };
}

/**
 * Whether a scan job is queued or running (any trigger) — also in the moment between the job's start
 * and the scan's own run record.
 */
export async function scanJobLive(ctx: StoreContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('jobs').select('id').where('type', '=', SCAN_JOB).where('status', 'in', ['queued', 'running']).limit(1).executeTakeFirst();
  return row !== undefined;
}
