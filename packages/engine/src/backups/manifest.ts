// manifest.json, written last into each backup folder: what the copy holds (rows per table, the
// schema's migration), how to check it (size, SHA-256) and where it came from. A folder without a
// manifest is not a backup. Restores trust nothing else.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';

/** Table names go into SQL during a restore's verification, so only plain identifiers pass. */
const identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a plain lower-case SQL identifier');

export const manifestSchema = z
  .object({
    format: z.literal(1),
    store: z.string().min(1),
    kind: z.enum(['sqlite', 'postgres']),
    /** The data file in the folder: lojista.sqlite or store.pgdump (pg_dump custom format). */
    file: z.enum(['lojista.sqlite', 'store.pgdump']),
    /** PostgreSQL only: the store's schema, as the dump names it. */
    schema: identifier.optional(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    durationMs: z.number().int().min(0),
    bytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The newest migration applied in the copy. */
    migration: z.string().min(1),
    /** Rows per table in the copy (the same snapshot the copy holds). */
    tables: z.record(identifier, z.number().int().min(0)),
    engineVersion: z.string(),
    /** The database server or library that was copied, e.g. "PostgreSQL 15.20" / "SQLite 3.50.4". */
    source: z.string(),
    trigger: z.enum(['schedule', 'cli', 'api', 'test']),
  })
  .strict();

export type BackupManifest = z.output<typeof manifestSchema>;

export async function writeManifest(folder: string, manifest: BackupManifest): Promise<void> {
  await writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`);
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

export async function readManifest(folder: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST_FILE), 'utf8');
  } catch {
    throw new ManifestError(`${folder} has no ${MANIFEST_FILE}: not a complete lojista backup`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`${join(folder, MANIFEST_FILE)} is not JSON (${(err as Error).message}): the backup is damaged`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ManifestError(`${join(folder, MANIFEST_FILE)}: ${issue.path.join('.') || '(root)'} ${issue.message}: the backup is damaged or not a lojista backup`);
  }
  return parsed.data;
}
