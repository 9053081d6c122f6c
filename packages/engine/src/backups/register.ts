// Wiring for the store runtime: the backup job, run on the store's schedule (backups.every) through
// the store's own database connection, with its outcome in the metrics and, on failure, an alert.
import type { StoreDatabase } from '../db/connect.js';
import type { ScheduleDefinition } from '../jobs/scheduler.js';
import type { JobRunner } from '../jobs/types.js';
import type { StoreContext } from '../stores/context.js';
import { backupRoot } from './settings.js';
import { takeBackup, type BackupResult } from './take-backup.js';

export const BACKUP_JOB = 'backup.run';
export const BACKUP_SCHEDULE = 'backup';
/** A brand-new store gets its first backup this soon, not one whole interval after its first start. */
const FIRST_BACKUP_AFTER_MS = 10 * 60_000;
/** SQLite pages copied per step through the engine's connection (4 MiB), yielding in between. */
const PAGES_PER_STEP = 1024;

export interface BackupWiring {
  ctx: StoreContext;
  runner: Pick<JobRunner, 'register'>;
  database: StoreDatabase;
  dataDir: string;
  engineVersion: string;
}

export interface BackupHandle {
  schedules: ScheduleDefinition[];
  /** Takes a backup now, in this process (the job itself, and tests: they may shrink the SQLite steps). */
  runNow(trigger: 'schedule' | 'api' | 'test', opts?: { sqlitePagesPerStep?: number }): Promise<BackupResult>;
}

export function registerBackups({ ctx, runner, database, dataDir, engineVersion }: BackupWiring): BackupHandle {
  const settings = ctx.config.backups;
  const runNow = async (trigger: 'schedule' | 'api' | 'test', opts: { sqlitePagesPerStep?: number } = {}) => {
    try {
      const result = await takeBackup({
        storeId: ctx.id,
        database,
        root: backupRoot(settings, dataDir),
        keep: settings.keep,
        clock: ctx.clock,
        engineVersion,
        trigger,
        sqlite: { pagesPerStep: opts.sqlitePagesPerStep ?? PAGES_PER_STEP },
      });
      ctx.metrics.backups.inc({ result: 'ok' });
      ctx.log.info({ backup: result.path, bytes: result.manifest.bytes, ms: result.manifest.durationMs, pruned: result.pruned.length }, 'backup taken');
      return result;
    } catch (err) {
      ctx.metrics.backups.inc({ result: 'failed' });
      ctx.alerts.notify({ kind: 'backup_failed', subject: 'backup', message: `backup failed: ${(err as Error).message}` });
      throw err;
    }
  };
  runner.register(BACKUP_JOB, async () => void (await runNow('schedule')), { timeoutMs: 2 * 3_600_000 });
  return {
    runNow,
    schedules: settings.enabled ? [{ name: BACKUP_SCHEDULE, intervalMs: settings.every, jobType: BACKUP_JOB, firstRunAfterMs: Math.min(FIRST_BACKUP_AFTER_MS, settings.every) }] : [],
  };
}
