// Whether anything is using a store's database right now: a running engine holds a "serving:" lease
// in the store's `locks` table (renewed while it runs, see runtime/presence.ts), scans and other
// singletons hold their own leases, jobs being run hold theirs, and on PostgreSQL every engine
// connection names the store (application_name). A restore refuses while any of these is live.
// The CJ send slot (`cj-slot:`, supplier/db-slot-limiter.ts) is not: it outlives a call by a second.
// Rows relayed to BullMQ (scale runtime) carry a far-future lease that no process holds: they are
// not activity; a running scale engine shows by its presence lease and its connections.
import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Clock } from '../clock.js';
import type { DatabaseTarget } from '../db/connect.js';
import { RELAYED_LOCKED_UNTIL } from '../jobs/bullmq-delivery.js';

export interface Activity {
  /** Human-readable, e.g. "lease serving:web1:4242 until 2026-12-07T13:20:00.000Z". */
  what: string;
}

interface LiveRows {
  locks: Array<{ name: string; owner: string; expires_at: string }>;
  jobs: Array<{ id: string; type: string; locked_by: string | null; locked_until: string | null }>;
}

function describe(rows: LiveRows): Activity[] {
  return [
    ...rows.locks.map((l) => ({ what: `lease ${l.name} held by ${l.owner} until ${l.expires_at}` })),
    ...rows.jobs.map((j) => ({ what: `job ${j.type} (${j.id}) running on ${j.locked_by ?? '?'} until ${j.locked_until ?? '?'}` })),
  ];
}

export async function storeActivity(target: DatabaseTarget, clock: Clock): Promise<Activity[]> {
  const now = new Date(clock.now()).toISOString();
  if (target.kind === 'sqlite') {
    if (!existsSync(target.file)) return [];
    const db = new SqliteDatabase(target.file, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const has = (t: string) => db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(t) !== undefined;
      return describe({
        locks: has('locks') ? (db.prepare("select name, owner, expires_at from locks where expires_at > ? and name not like 'cj-slot:%'").all(now) as LiveRows['locks']) : [],
        jobs: has('jobs') ? (db.prepare("select id, type, locked_by, locked_until from jobs where status = 'running' and locked_until > ? and locked_until <> ?").all(now, RELAYED_LOCKED_UNTIL) as LiveRows['jobs']) : [],
      });
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url, application_name: 'lojista:restore' });
  await client.connect();
  try {
    const schema = target.schema;
    const exists = (await client.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount! > 0;
    if (!exists) return [];
    const has = async (t: string) => (await client.query('select to_regclass($1) as r', [`${schema}.${t}`])).rows[0].r !== null;
    const q = (t: string) => `"${schema}"."${t}"`;
    const activity = describe({
      locks: (await has('locks')) ? (await client.query(`select name, owner, expires_at from ${q('locks')} where expires_at > $1 and name not like 'cj-slot:%'`, [now])).rows : [],
      jobs: (await has('jobs')) ? (await client.query(`select id, type, locked_by, locked_until from ${q('jobs')} where status = 'running' and locked_until > $1 and locked_until <> $2`, [now, RELAYED_LOCKED_UNTIL])).rows : [],
    });
    const connections = await client.query<{ pid: number; client_addr: string | null; state: string | null }>(
      'select pid, client_addr::text, state from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
      [`lojista:${schema}`],
    );
    for (const c of connections.rows) activity.push({ what: `database connection of an engine (backend ${c.pid}, from ${c.client_addr ?? 'local socket'}, ${c.state ?? 'idle'})` });
    return activity;
  } finally {
    await client.end();
  }
}
