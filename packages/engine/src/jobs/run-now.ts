// "Run now" for a scheduled task (inventory check, order reconciliation, dispute check): the
// schedule's job, queued at once under the schedule's own dedupe key — so a click while that task is
// already queued or running adds nothing, and a manual run never overlaps a scheduled one.
import type { StoreContext } from '../stores/context.js';
import { enqueueJob } from './enqueue.js';
import { scheduleDedupeKey } from './scheduler.js';

export interface RunNowTask {
  /** The schedule's name (schedules.name). */
  schedule: string;
  jobType: string;
}

export type RunNowResult = { queued: true; jobId: string } | { queued: false };

export async function runNow(ctx: StoreContext, task: RunNowTask, actor: string): Promise<RunNowResult> {
  const jobId = await enqueueJob(ctx.db, ctx.clock, { type: task.jobType, payload: { trigger: 'manual', actor }, dedupeKey: scheduleDedupeKey(task.schedule) });
  if (!jobId) return { queued: false };
  ctx.log.info({ jobId, type: task.jobType, actor }, 'task queued to run now');
  ctx.pokeJobs();
  return { queued: true, jobId };
}

/** When each schedule last ran and runs next (from the schedules table). */
export async function scheduleTimes(ctx: StoreContext): Promise<Map<string, { lastRunAt: string | null; nextRunAt: string }>> {
  const rows = await ctx.db.selectFrom('schedules').selectAll().execute();
  return new Map(rows.map((r) => [r.name, { lastRunAt: r.last_run_at, nextRunAt: r.next_run_at }]));
}
