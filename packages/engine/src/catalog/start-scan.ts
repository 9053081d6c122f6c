// Starting a catalogue scan on request (admin API, console, agent): one job, never two. A scan that
// is running or already queued is reported as such, so a repeated request does nothing more.
import { recordAudit } from '../audit/audit-log.js';
import type { ActorName } from '../audit/actor.js';
import { lockHolder } from '../db/locks.js';
import { enqueueJob } from '../jobs/enqueue.js';
import type { StoreContext } from '../stores/context.js';
import { SCAN_LOCK } from './scanner.js';

export const SCAN_JOB = 'catalog.scan';

export type StartScanResult = { outcome: 'queued'; jobId: string } | { outcome: 'already_running'; runId: string } | { outcome: 'already_queued' };

export async function startScan(ctx: StoreContext, actor: ActorName): Promise<StartScanResult> {
  const holder = await lockHolder(ctx.db, ctx.clock, SCAN_LOCK);
  if (holder) return { outcome: 'already_running', runId: holder };
  const jobId = await enqueueJob(ctx.db, ctx.clock, { type: SCAN_JOB, payload: { trigger: 'api' }, dedupeKey: 'catalog.scan:manual', maxAttempts: 1 });
  if (!jobId) return { outcome: 'already_queued' };
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'scan.start', subject: jobId });
  ctx.pokeJobs();
  return { outcome: 'queued', jobId };
}
