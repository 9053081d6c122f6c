// The backup folder of one store: <root>/<store id>/<UTC time>-<random>/ holding the data file and
// manifest.json. A backup is written under a ".partial-" name and renamed when it is complete and
// checked, so a listing (or an rsync that excludes ".partial-*") never sees half a backup.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, readManifest, type BackupManifest } from './manifest.js';

export const PARTIAL_PREFIX = '.partial-';

export function storeBackupDir(root: string, storeId: string): string {
  return join(root, storeId);
}

/** A folder name that sorts by time: 2026-12-07T13-20-00-123Z-1a2b. */
export function backupName(nowMs: number): string {
  return `${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
}

export async function newPartialFolder(storeDir: string, name: string): Promise<string> {
  await mkdir(storeDir, { recursive: true });
  const folder = join(storeDir, `${PARTIAL_PREFIX}${name}`);
  await mkdir(folder);
  return folder;
}

export interface BackupEntry {
  name: string;
  path: string;
  manifest: BackupManifest;
}

/** Complete backups of the store, newest first; folders with a damaged manifest are skipped. */
export async function listBackups(storeDir: string): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await readdir(storeDir);
  } catch {
    return [];
  }
  const out: BackupEntry[] = [];
  for (const name of names.filter((n) => !n.startsWith('.')).sort().reverse()) {
    const path = join(storeDir, name);
    try {
      out.push({ name, path, manifest: await readManifest(path) });
    } catch {
      // Not a backup (or a damaged one): never counted, never pruned by us.
    }
  }
  return out;
}

/**
 * Keeps the newest `keep` complete backups and deletes the rest, plus ".partial-" folders left by a
 * backup that died more than `staleMs` ago. Returns the deleted folder names.
 */
export async function pruneBackups(storeDir: string, keep: number, nowMs: number, staleMs = 24 * 3_600_000): Promise<string[]> {
  const deleted: string[] = [];
  for (const entry of (await listBackups(storeDir)).slice(keep)) {
    await rm(entry.path, { recursive: true, force: true });
    deleted.push(entry.name);
  }
  for (const name of await readdir(storeDir).catch(() => [] as string[])) {
    if (!name.startsWith(PARTIAL_PREFIX)) continue;
    const stamp = name.slice(PARTIAL_PREFIX.length, PARTIAL_PREFIX.length + 24).replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');
    const started = Date.parse(stamp);
    if (Number.isFinite(started) && nowMs - started > staleMs) {
      await rm(join(storeDir, name), { recursive: true, force: true });
      deleted.push(name);
    }
  }
  return deleted;
}

export { MANIFEST_FILE };
