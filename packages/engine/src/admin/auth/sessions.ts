// Console sessions live in the store's database. The cookie holds a random 256-bit id; the table
// holds only its SHA-256, so reading the database (a backup, a leak) gives no usable session. A
// session ends after `admin.sessionIdle` unused or `admin.sessionMax` in all, at logout, or when
// the owner logs out everywhere (`lojista admin logout-all`, or a new password).
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { AdminSettings } from '../settings.js';

const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();

export interface SessionDeps {
  db: Kysely<Database>;
  clock: Clock;
  settings: Pick<AdminSettings, 'sessionIdle' | 'sessionMax'>;
}

/** A new session; returns the id for the cookie (shown nowhere else). */
export async function createSession(deps: SessionDeps, meta: { ip: string; userAgent: string }): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  await deps.db
    .insertInto('admin_sessions')
    .values({
      id_hash: hashOf(id),
      created_at: iso(now),
      last_seen_at: iso(now),
      expires_at: iso(now + deps.settings.sessionMax),
      ip: meta.ip,
      user_agent: meta.userAgent.slice(0, 300),
    })
    .execute();
  return id;
}

/**
 * Whether the id names a live session; a live one is touched (its idle clock restarts), an expired
 * one is deleted. Touches are written at most once a minute, so browsing does not write on every page.
 */
export async function resumeSession(deps: SessionDeps, id: string): Promise<boolean> {
  const row = await deps.db.selectFrom('admin_sessions').selectAll().where('id_hash', '=', hashOf(id)).executeTakeFirst();
  if (!row) return false;
  const now = deps.clock.now();
  const idleEnds = Date.parse(row.last_seen_at) + deps.settings.sessionIdle;
  if (now >= Date.parse(row.expires_at) || now >= idleEnds) {
    await deps.db.deleteFrom('admin_sessions').where('id_hash', '=', row.id_hash).execute();
    return false;
  }
  if (now - Date.parse(row.last_seen_at) >= 60_000) {
    await deps.db.updateTable('admin_sessions').set({ last_seen_at: iso(now) }).where('id_hash', '=', row.id_hash).execute();
  }
  return true;
}

export async function endSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('id_hash', '=', hashOf(id)).execute();
}

/** Ends every session (new password, "log out everywhere"); returns how many ended. */
export async function endAllSessions(db: Kysely<Database>): Promise<number> {
  const result = await db.deleteFrom('admin_sessions').executeTakeFirst();
  return Number(result.numDeletedRows);
}
