// Reading the record of scans for the admin API and the CLI.
import type { Kysely } from 'kysely';
import type { Database, ScanRunsTable } from '../db/schema.js';
import type { ScanCounts } from './scan-counts.js';

export interface ScanRunView {
  id: string;
  trigger: ScanRunsTable['trigger'];
  status: ScanRunsTable['status'];
  startedAt: string;
  finishedAt: string | null;
  counts: ScanCounts;
  cjCalls: number;
  cjPoints: number;
  errors: Array<{ at: string; message: string }>;
  note: string | null;
}

export function scanRunView(row: ScanRunsTable): ScanRunView {
  return {
    id: row.id,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: JSON.parse(row.counts) as ScanCounts,
    cjCalls: row.cj_calls,
    cjPoints: row.cj_points,
    errors: JSON.parse(row.errors) as ScanRunView['errors'],
    note: row.note,
  };
}

export async function listScanRuns(db: Kysely<Database>, limit: number): Promise<ScanRunView[]> {
  const rows = await db.selectFrom('scan_runs').selectAll().orderBy('started_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map(scanRunView);
}

export async function getScanRun(db: Kysely<Database>, id: string): Promise<ScanRunView | undefined> {
  const row = await db.selectFrom('scan_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? scanRunView(row) : undefined;
}
