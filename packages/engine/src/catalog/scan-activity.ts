// Whether a catalogue scan is under way, for pages that follow it live.
import type { StoreContext } from '../stores/context.js';
import { SCAN_JOB } from './start-scan.js';

/**
 * Whether a scan job is queued or running (any trigger) — also in the moment between the job's start
 * and the scan's own run record.
 */
export async function scanJobLive(ctx: StoreContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('jobs').select('id').where('type', '=', SCAN_JOB).where('status', 'in', ['queued', 'running']).limit(1).executeTakeFirst();
  return row !== undefined;
}
