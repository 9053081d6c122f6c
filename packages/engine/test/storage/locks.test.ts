// Lease locks in the store's database (what keeps a scan from overlapping itself, across processes),
// on SQLite and PostgreSQL: acquire, contention, takeover after expiry, renew and release.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { lockHolder, tryAcquireLock } from '../../src/db/locks.js';
import { databaseKinds, freshDatabase, skipUnavailable } from '../support/databases.js';

const kinds = await databaseKinds();
const LEASE = 60_000;

describe.each(kinds)('lease locks on $name', (kind) => {
  if (skipUnavailable(kind)) return;
  const store = freshDatabase(kind);

  it('lets one owner hold a lock until it releases it', async () => {
    const clock = new ManualClock();
    const a = await tryAcquireLock(store.db, clock, 'scan', 'run-a', LEASE);
    expect(a).toMatchObject({ name: 'scan', owner: 'run-a' });
    expect(await lockHolder(store.db, clock, 'scan')).toBe('run-a');
    expect(await tryAcquireLock(store.db, clock, 'scan', 'run-b', LEASE)).toBeNull();
    // The holder itself cannot take it twice either.
    expect(await tryAcquireLock(store.db, clock, 'scan', 'run-a', LEASE)).toBeNull();
    // Other names are independent.
    expect(await tryAcquireLock(store.db, clock, 'inventory', 'run-b', LEASE)).not.toBeNull();
    await a!.release();
    expect(await lockHolder(store.db, clock, 'scan')).toBeNull();
    const b = await tryAcquireLock(store.db, clock, 'scan', 'run-b', LEASE);
    expect(b?.owner).toBe('run-b');
    await b!.release();
  });

  it('gives exactly one of many concurrent contenders the lock', async () => {
    const clock = new ManualClock();
    const owners = Array.from({ length: 8 }, (_, i) => `contender-${i}`);
    const got = await Promise.all(owners.map((o) => tryAcquireLock(store.db, clock, 'race', o, LEASE)));
    const winners = got.filter((l) => l !== null);
    expect(winners).toHaveLength(1);
    expect(await lockHolder(store.db, clock, 'race')).toBe(winners[0]!.owner);
    await winners[0]!.release();
  });

  it('is taken over once the lease expires; the old holder then cannot renew or release it', async () => {
    const clock = new ManualClock();
    const old = (await tryAcquireLock(store.db, clock, 'expiring', 'dead-process', LEASE))!;
    clock.advance(LEASE - 1);
    expect(await tryAcquireLock(store.db, clock, 'expiring', 'newcomer', LEASE)).toBeNull();
    expect(await lockHolder(store.db, clock, 'expiring')).toBe('dead-process');
    clock.advance(2);
    // Expired: nobody holds it any more, and a newcomer takes it over.
    expect(await lockHolder(store.db, clock, 'expiring')).toBeNull();
    const fresh = await tryAcquireLock(store.db, clock, 'expiring', 'newcomer', LEASE);
    expect(fresh?.owner).toBe('newcomer');
    expect(await old.renew()).toBe(false);
    await old.release();
    expect(await lockHolder(store.db, clock, 'expiring')).toBe('newcomer');
    await fresh!.release();
  });

  it('stays held past the first lease when renewed in time', async () => {
    const clock = new ManualClock();
    const lock = (await tryAcquireLock(store.db, clock, 'renewed', 'long-scan', LEASE))!;
    clock.advance(LEASE - 1_000);
    expect(await lock.renew()).toBe(true);
    clock.advance(LEASE - 1_000);
    // Past the first lease's end, but within the renewed one.
    expect(await lockHolder(store.db, clock, 'renewed')).toBe('long-scan');
    expect(await tryAcquireLock(store.db, clock, 'renewed', 'other', LEASE)).toBeNull();
    clock.advance(2_000);
    expect(await lockHolder(store.db, clock, 'renewed')).toBeNull();
    expect(await tryAcquireLock(store.db, clock, 'renewed', 'other', LEASE)).not.toBeNull();
  });
});
