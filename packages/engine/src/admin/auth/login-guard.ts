// Lockouts after repeated failed logins: per client address (`admin.lockAfterFailures` within
// `admin.lockWindow`), and for the whole store (`admin.storeLockAfterFailures`, against guessing
// spread over many addresses). A locked login is refused before the password is even checked, so a
// lockout gives no answer about the password. The owner is alerted at each lock.
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { AdminSettings } from '../settings.js';

type GuardSettings = Pick<AdminSettings, 'lockAfterFailures' | 'storeLockAfterFailures' | 'lockWindow' | 'lockFor'>;

export interface GuardDeps {
  db: Kysely<Database>;
  clock: Clock;
  settings: GuardSettings;
}

export const STORE_KEY = 'store';
export const ipKey = (ip: string) => `ip:${ip}`;
const iso = (ms: number) => new Date(ms).toISOString();

/** When the login is locked for this address (or the whole store), the time it opens again. */
export async function lockedUntil(deps: GuardDeps, ip: string): Promise<Date | null> {
  const rows = await deps.db.selectFrom('admin_login_failures').selectAll().where('key', 'in', [ipKey(ip), STORE_KEY]).execute();
  const now = deps.clock.now();
  const until = rows.map((r) => (r.locked_until ? Date.parse(r.locked_until) : 0)).filter((t) => t > now);
  return until.length > 0 ? new Date(Math.max(...until)) : null;
}

export interface FailureOutcome {
  /** Set when this failure locked something: what, and until when. */
  locked: Array<{ scope: 'address' | 'store'; until: Date }>;
}

async function countFailure(deps: GuardDeps, key: string, threshold: number): Promise<Date | null> {
  const now = deps.clock.now();
  const row = await deps.db.selectFrom('admin_login_failures').selectAll().where('key', '=', key).executeTakeFirst();
  const windowOpen = row && now - Date.parse(row.first_failure_at) < deps.settings.lockWindow;
  const failures = windowOpen ? row.failures + 1 : 1;
  const lock = failures >= threshold ? now + deps.settings.lockFor : null;
  const values = {
    failures: lock ? 0 : failures,
    first_failure_at: windowOpen ? row.first_failure_at : iso(now),
    locked_until: lock ? iso(lock) : (row?.locked_until ?? null),
  };
  await deps.db
    .insertInto('admin_login_failures')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
  return lock ? new Date(lock) : null;
}

export async function recordFailure(deps: GuardDeps, ip: string): Promise<FailureOutcome> {
  const locked: FailureOutcome['locked'] = [];
  const address = await countFailure(deps, ipKey(ip), deps.settings.lockAfterFailures);
  if (address) locked.push({ scope: 'address', until: address });
  const store = await countFailure(deps, STORE_KEY, deps.settings.storeLockAfterFailures);
  if (store) locked.push({ scope: 'store', until: store });
  return { locked };
}

/** A successful login forgets this address's failures. */
export async function recordSuccess(db: Kysely<Database>, ip: string): Promise<void> {
  await db.deleteFrom('admin_login_failures').where('key', '=', ipKey(ip)).execute();
}

/** Lifts every lockout (the CLI's `lojista admin unlock`). */
export async function unlockAll(db: Kysely<Database>): Promise<number> {
  const result = await db.deleteFrom('admin_login_failures').executeTakeFirst();
  return Number(result.numDeletedRows);
}
