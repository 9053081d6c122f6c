// A lease lock in the store's own database, so "never overlaps itself" holds across processes on
// SQLite and PostgreSQL alike. A holder that dies loses the lock when its lease expires.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from './schema.js';

export interface LeaseLock {
  name: string;
  owner: string;
  /** Extends the lease; false if the lock was lost (another owner took it after expiry). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export async function tryAcquireLock(
  db: Kysely<Database>,
  clock: Clock,
  name: string,
  owner: string,
  leaseMs: number,
): Promise<LeaseLock | null> {
  const now = new Date(clock.now()).toISOString();
  const until = () => new Date(clock.now() + leaseMs).toISOString();
  // Insert, or take over an expired lease; the WHERE makes the takeover atomic.
  const result = await db
    .insertInto('locks')
    .values({ name, owner, expires_at: until() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ owner, expires_at: until() }).where('locks.expires_at', '<', now))
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) return null;
  const held = await db.selectFrom('locks').select('owner').where('name', '=', name).executeTakeFirst();
  if (held?.owner !== owner) return null;
  return {
    name,
    owner,
    async renew() {
      const r = await db
        .updateTable('locks')
        .set({ expires_at: until() })
        .where('name', '=', name)
        .where('owner', '=', owner)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async release() {
      await db.deleteFrom('locks').where('name', '=', name).where('owner', '=', owner).execute();
    },
  };
}

export async function lockHolder(db: Kysely<Database>, clock: Clock, name: string): Promise<string | null> {
  const row = await db.selectFrom('locks').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row || row.expires_at < new Date(clock.now()).toISOString()) return null;
  return row.owner;
}
