// Keys of the HTML faces: the secret that signs this store's cookies (cart, CSRF, flash, sessions).
// Kept in the store's own database so it survives restarts, is shared by every instance of the
// store on the scale runtime, and differs from every other store's.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('web_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('web_keys').execute();
}
