// The console's catalogue edits: category and tags edited by the owner are kept by later scans (as
// title and description already are), and price history is read per product, newest first.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').addColumn('category_edited', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('products').addColumn('tags_edited', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').dropColumn('tags_edited').execute();
  await db.schema.alterTable('products').dropColumn('category_edited').execute();
}
