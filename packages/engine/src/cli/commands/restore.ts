// `lojista restore --store X [--from <backup folder>] [--yes]`: puts a backup (default: the newest)
// back into a stopped store. Without --yes it only checks — the backup is whole, this engine can
// read it, the store is stopped — and says what it would do.
import { resolve } from 'node:path';
import { backupRoot } from '../../backups/settings.js';
import { listBackups, storeBackupDir } from '../../backups/folder.js';
import { ManifestError } from '../../backups/manifest.js';
import { PgToolError } from '../../backups/pg-tools.js';
import { RestoreCheckError } from '../../backups/restore-check.js';
import { restoreBackup, StoreInUseError } from '../../backups/restore.js';
import { systemClock } from '../../clock.js';
import { targetForStore } from '../../db/connect.js';
import { loadStoreConfigs } from '../../stores/load-config.js';
import type { CliEnv } from '../env.js';
import { CliError, EXIT } from '../exit-codes.js';

export async function restore(env: CliEnv, opts: { store: string; from?: string; yes?: boolean }): Promise<Record<string, unknown>> {
  const [loaded] = await loadStoreConfigs(env.configDir, opts.store);
  const { id, config } = loaded!;
  let folder = opts.from ? resolve(opts.from) : undefined;
  if (!folder) {
    const dir = storeBackupDir(backupRoot(config.backups, env.dataDir), id);
    const newest = (await listBackups(dir))[0];
    if (!newest) throw new CliError(`no backups of ${id} in ${dir}; name one with --from <folder>`, EXIT.usage);
    folder = newest.path;
  }
  const target = targetForStore(id, { dataDir: env.dataDir, ...(env.databaseUrl ? { databaseUrl: env.databaseUrl } : {}) });
  try {
    const result = await restoreBackup({ storeId: id, target, folder, clock: systemClock, dryRun: !opts.yes });
    const m = result.manifest;
    return {
      store: id,
      backup: folder,
      takenAt: m.startedAt,
      kind: m.kind,
      migration: m.migration,
      tables: m.tables,
      ...(result.restored
        ? { restored: true, previous: result.previous, ms: result.durationMs, next: `start the store; ${result.previous ? `the replaced data is kept at ${result.previous} until you delete it` : 'there was no earlier data'}` }
        : { restored: false, checked: 'the backup is whole and readable by this engine, and the store is stopped', next: 'run again with --yes to replace the store\'s data with it' }),
    };
  } catch (err) {
    if (err instanceof StoreInUseError) throw new CliError(err.message, EXIT.busy);
    if (err instanceof RestoreCheckError || err instanceof ManifestError || err instanceof PgToolError) throw new CliError(`restore refused, nothing was replaced: ${err.message}`, EXIT.failure);
    throw err;
  }
}
