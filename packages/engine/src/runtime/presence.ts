// A running engine says so in each store's database: a "serving:<host>:<pid>:<random>" lease in the
// `locks` table, renewed while the store runs and released when it stops. Tools that must not run
// beside an engine (`lojista restore`) look for it; one that died leaves a lease that expires.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { tryAcquireLock, type LeaseLock } from '../db/locks.js';
import type { Database } from '../db/schema.js';

export const PRESENCE_PREFIX = 'serving:';
export const PRESENCE_LEASE_MS = 60_000;
const RENEW_EVERY_MS = 20_000;

export interface Presence {
  release(): Promise<void>;
}

export async function announcePresence(db: Kysely<Database>, clock: Clock, log: Logger): Promise<Presence> {
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const lock: LeaseLock | null = await tryAcquireLock(db, clock, `${PRESENCE_PREFIX}${owner}`, owner, PRESENCE_LEASE_MS);
  if (!lock) throw new Error(`could not write the presence lease ${PRESENCE_PREFIX}${owner}`);
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = lock.renew().catch((err: unknown) => log.warn({ err }, 'could not renew the presence lease'));
  }, RENEW_EVERY_MS);
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      await renewing;
      await lock.release().catch((err: unknown) => log.warn({ err }, 'could not release the presence lease'));
    },
  };
}
