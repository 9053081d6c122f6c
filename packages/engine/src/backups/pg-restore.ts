// Restores a pg_dump backup into a store's schema, all in ONE transaction (psql --single-transaction):
// the current schema is renamed aside (refused if an engine still holds a lease in it), the dump
// recreates the store's schema, and a check compares every table's rows and the migration with the
// manifest. Any failure — a damaged dump, a count that differs, a live lease — rolls everything
// back, so the store's data is replaced only by a copy that passed the checks.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BackupManifest } from './manifest.js';
import { findPgTool, pgEnv, runPgTool, serverVersion } from './pg-tools.js';
import { RestoreCheckError } from './restore-check.js';

export interface PgRestoreResult {
  /** The schema the replaced data was renamed to, or null when the store had none. */
  previous: string | null;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Renames the current schema aside, unless a lease in it is still live (a running engine). */
export function preludeSql(schema: string, aside: string, nowIso: string): string {
  return `DO $lojista$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${literal(schema)}) THEN
    IF to_regclass(${literal(`${schema}.locks`)}) IS NOT NULL AND EXISTS (SELECT 1 FROM "${schema}".locks WHERE expires_at > ${literal(nowIso)}) THEN
      RAISE EXCEPTION 'schema ${schema} is in use: a lease in ${schema}.locks is live (is the store running?)';
    END IF;
    ALTER SCHEMA "${schema}" RENAME TO "${aside}";
  END IF;
END
$lojista$;`;
}

/** Fails the transaction unless the restored schema holds exactly what the manifest recorded. */
export function verifySql(schema: string, manifest: BackupManifest): string {
  const checks = Object.entries(manifest.tables).map(
    ([table, rows]) => `  IF to_regclass(${literal(`${schema}.${table}`)}) IS NULL THEN RAISE EXCEPTION 'table ${table} is missing from the restored schema'; END IF;
  SELECT count(*) INTO n FROM "${schema}"."${table}";
  IF n <> ${rows} THEN RAISE EXCEPTION '${table} holds % rows, the backup recorded ${rows}', n; END IF;`,
  );
  const tableCount = Object.keys(manifest.tables).length;
  return `DO $lojista$
DECLARE n bigint; m text;
BEGIN
${checks.join('\n')}
  SELECT count(*) INTO n FROM pg_tables WHERE schemaname = ${literal(schema)};
  IF n <> ${tableCount} THEN RAISE EXCEPTION 'the restored schema has % tables, the backup recorded ${tableCount}', n; END IF;
  SELECT max(name) INTO m FROM "${schema}".kysely_migration;
  IF m IS DISTINCT FROM ${literal(manifest.migration)} THEN RAISE EXCEPTION 'migration % where the backup recorded ${manifest.migration}', m; END IF;
END
$lojista$;`;
}

export async function restorePostgres(url: string, schema: string, folder: string, manifest: BackupManifest, opts: { aside: string; nowIso: string }): Promise<PgRestoreResult> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema) || !/^[a-z_][a-z0-9_]*$/.test(opts.aside)) throw new Error(`unsafe schema name "${schema}" / "${opts.aside}"`);
  if (manifest.schema !== schema) throw new RestoreCheckError(`the backup holds schema ${manifest.schema ?? '(none)'}, the store's schema is ${schema}`);
  const server = await serverVersion(url);
  const pgRestore = await findPgTool('pg_restore', server.major);
  const psql = await findPgTool('psql', server.major);
  const work = await mkdtemp(join(tmpdir(), 'lojista-restore-'));
  try {
    const script = join(work, 'restore.sql');
    // The archive as SQL (its checksum was verified already); pg_restore also proves it is readable.
    await runPgTool(pgRestore.path, ['--no-owner', '--no-privileges', `--file=${script}`, join(folder, manifest.file)], {});
    const existed = await schemaExists(url, schema);
    try {
      await runPgTool(
        psql.path,
        ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-c', preludeSql(schema, opts.aside, opts.nowIso), '-f', script, '-c', verifySql(schema, manifest)],
        pgEnv(url),
      );
    } catch (err) {
      throw new RestoreCheckError(`the restore was rolled back, nothing was replaced: ${(err as Error).message}`);
    }
    return { previous: existed ? opts.aside : null };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function schemaExists(url: string, schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, application_name: 'lojista:restore' });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount! > 0;
  } finally {
    await client.end();
  }
}
