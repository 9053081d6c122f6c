// An online copy of a store's PostgreSQL schema with pg_dump (custom format). The rows counted for
// the manifest and the rows pg_dump writes come from one snapshot: a REPEATABLE READ transaction
// exports it (pg_export_snapshot) and pg_dump runs inside it (--snapshot), so the manifest says
// exactly what the dump holds — everything committed before the backup began, nothing after.
import pg from 'pg';
import { findPgTool, pgEnv, runPgTool, serverVersion } from './pg-tools.js';

export interface PgBackupResult {
  tables: Record<string, number>;
  migration: string;
  source: string;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function backupPostgres(url: string, schema: string, destFile: string): Promise<PgBackupResult> {
  const server = await serverVersion(url);
  const pgDump = await findPgTool('pg_dump', server.major);
  const pgRestore = await findPgTool('pg_restore', server.major);
  const client = new pg.Client({ connectionString: url, application_name: 'lojista:backup' });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
    const names = (await client.query<{ tablename: string }>('select tablename from pg_tables where schemaname = $1 order by tablename', [schema])).rows.map((r) => r.tablename);
    if (!names.includes('kysely_migration')) throw new Error(`schema ${schema} holds no lojista database (no kysely_migration table)`);
    const tables: Record<string, number> = {};
    for (const name of names) {
      tables[name] = Number((await client.query<{ n: string }>(`select count(*) as n from ${quoteIdent(schema)}.${quoteIdent(name)}`)).rows[0]!.n);
    }
    const migration = (await client.query<{ m: string | null }>(`select max(name) as m from ${quoteIdent(schema)}.kysely_migration`)).rows[0]!.m;
    if (!migration) throw new Error(`schema ${schema} has no migration applied`);
    await runPgTool(
      pgDump.path,
      ['--format=custom', `--schema=${schema}`, '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, '--lock-wait-timeout=30000', `--file=${destFile}`],
      pgEnv(url),
    );
    await client.query('commit');
    // The archive must be readable and list every table with its data.
    const listing = (await runPgTool(pgRestore.path, ['--list', destFile], {})).stdout;
    for (const name of names) {
      if (!new RegExp(`TABLE DATA ${schema} ${name} `).test(listing)) throw new Error(`the dump lists no data for ${schema}.${name}: it is incomplete`);
    }
    return { tables, migration, source: server.text };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
