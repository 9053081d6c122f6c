// `lojista restore`: puts a backup back into a stopped store. In order, and refusing at the first
// problem with a message that says what to do:
//   1. the manifest is read and matches the store (id, SQLite or PostgreSQL);
//   2. its migration is one this engine knows (a backup from a newer lojista needs that version);
//   3. the data file has the size and SHA-256 the manifest recorded;
//   4. nothing uses the store's database (no engine lease, running job or engine connection);
//   5. the copy is restored beside the current data and checked (integrity, rows per table,
//      migration) before it replaces anything; the replaced data is kept aside, not deleted.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import type { DatabaseTarget } from '../db/connect.js';
import { MIGRATIONS } from '../db/migrate.js';
import { sha256File } from './checksum.js';
import { readManifest, type BackupManifest } from './manifest.js';
import { restorePostgres } from './pg-restore.js';
import { RestoreCheckError } from './restore-check.js';
import { restoreSqlite } from './sqlite-restore.js';
import { storeActivity } from './store-activity.js';

export class StoreInUseError extends Error {
  constructor(
    readonly storeId: string,
    readonly activity: string[],
  ) {
    super(
      `store ${storeId} is running or busy, so its database cannot be replaced: ${activity.join('; ')}. ` +
        `Stop every process of the store first (pm2 stop / systemctl stop); a process that died frees its lease when it expires.`,
    );
    this.name = 'StoreInUseError';
  }
}

export interface RestoreRequest {
  storeId: string;
  /** The store's database as the engine would open it. */
  target: DatabaseTarget;
  /** A backup folder (with manifest.json). */
  folder: string;
  clock: Clock;
  /** Check only (steps 1–4): report what a restore would do, replace nothing. */
  dryRun?: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  restored: boolean;
  /** Where the replaced data was kept (file or schema), or null. */
  previous: string | null;
  durationMs: number;
}

/** Steps 1–3: what the backup is, and that it is whole and readable by this engine. */
export async function checkBackup(storeId: string, target: DatabaseTarget, folder: string): Promise<BackupManifest> {
  const manifest = await readManifest(folder);
  if (manifest.store !== storeId) throw new RestoreCheckError(`${folder} is a backup of store ${manifest.store}, not of ${storeId}`);
  if (manifest.kind !== target.kind) {
    throw new RestoreCheckError(
      manifest.kind === 'sqlite'
        ? `${folder} is a SQLite backup; store ${storeId} is configured for PostgreSQL (DATABASE_URL is set): unset it to restore into the SQLite file`
        : `${folder} is a PostgreSQL backup; store ${storeId} is configured for SQLite: set DATABASE_URL to restore into PostgreSQL`,
    );
  }
  if (!(manifest.migration in MIGRATIONS)) {
    throw new RestoreCheckError(`${folder} was taken by a newer lojista (migration ${manifest.migration}, this engine knows up to ${Object.keys(MIGRATIONS).sort().at(-1)}): restore it with that version`);
  }
  const file = join(folder, manifest.file);
  const size = await stat(file).then((s) => s.size, () => null);
  if (size === null) throw new RestoreCheckError(`${file} is missing: the backup is incomplete`);
  if (size !== manifest.bytes) throw new RestoreCheckError(`${file} has ${size} bytes, the manifest recorded ${manifest.bytes}: the backup is damaged`);
  if ((await sha256File(file)) !== manifest.sha256) throw new RestoreCheckError(`${file} does not match the SHA-256 its manifest recorded: the backup is damaged`);
  return manifest;
}

export async function restoreBackup(req: RestoreRequest): Promise<RestoreResult> {
  const started = req.clock.now();
  const manifest = await checkBackup(req.storeId, req.target, req.folder);
  const activity = await storeActivity(req.target, req.clock);
  if (activity.length > 0) throw new StoreInUseError(req.storeId, activity.map((a) => a.what));
  if (req.dryRun) return { manifest, restored: false, previous: null, durationMs: req.clock.now() - started };
  // 20261207t132000123: sorts by time, fits in a PostgreSQL name after the store's schema.
  const stamp = new Date(req.clock.now()).toISOString().replace(/[-:.Z]/g, '').toLowerCase();
  const { previous } =
    req.target.kind === 'sqlite'
      ? await restoreSqlite(req.target.file, req.folder, manifest, stamp)
      : await restorePostgres(req.target.url, req.target.schema, req.folder, manifest, { aside: `${req.target.schema}_old_${stamp.replace('t', '')}`, nowIso: new Date(req.clock.now()).toISOString() });
  return { manifest, restored: true, previous, durationMs: req.clock.now() - started };
}
