// The secret that signs this store's cookies. An owner may set one (`cookieSecret` in the store's
// secrets); otherwise it is made once, at random, and kept in the store's database (table web_keys),
// so carts and sessions survive restarts and every instance of the store signs alike. Two stores
// never share it, so a cookie of store A does not verify on store B.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';

export async function storedWebKey(db: Kysely<Database>, clock: Clock, name: string): Promise<string> {
  const existing = await db.selectFrom('web_keys').select('value').where('name', '=', name).executeTakeFirst();
  if (existing) return existing.value;
  // Two instances starting at once may both try: the first insert wins and both read it back.
  await db
    .insertInto('web_keys')
    .values({ name, value: randomBytes(32).toString('hex'), created_at: new Date(clock.now()).toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const stored = await db.selectFrom('web_keys').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return stored.value;
}
