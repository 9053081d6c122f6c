// The store config's `backups` section: how often the engine takes an online copy of the store's
// database, how many copies it keeps, and where they go.
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { durationSchema } from '../stores/config-schema.js';

export const backupSettingsSchema = z
  .object({
    /** Scheduled backups on (a `lojista backup` by hand works either way). */
    enabled: z.boolean().default(true),
    every: durationSchema('6h'),
    /** Newest complete backups kept; older ones are deleted after each new one. */
    keep: z.number().int().min(1).max(10_000).default(28),
    /** Folder of every store's backups (each in <dir>/<store id>/); relative to the data folder. */
    dir: z.string().trim().min(1).optional(),
  })
  .strict();

export type BackupSettings = z.output<typeof backupSettingsSchema>;

/** The folder that holds every store's backups: backups.dir, or <data dir>/backups. */
export function backupRoot(settings: Pick<BackupSettings, 'dir'>, dataDir: string): string {
  if (!settings.dir) return join(dataDir, 'backups');
  return isAbsolute(settings.dir) ? settings.dir : join(dataDir, settings.dir);
}
