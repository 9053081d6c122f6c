// Refunds of customer payments, one row per refund the operator asks for. The row is written
// before the payment provider is called (its request key is unique), so a double submit or a
// retry after a crash can never refund twice: the second request finds the row, and a resumed
// call reuses the same idempotency key at the provider.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    // `<orderId>:<seq>`: seq is how many refunds the order had when the operator decided.
    .addColumn('request_key', 'text', (c) => c.notNull().unique())
    .addColumn('provider', 'text', (c) => c.notNull())
    // 'full' (everything not refunded yet, shipping included) or 'lines'.
    .addColumn('scope', 'text', (c) => c.notNull())
    // JSON array of line numbers (scope 'lines'), or [] for 'full'.
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // requested → done (or failed: the provider refused; the request may be made again).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider_ref', 'text')
    // The bank transfer's reference for a refund made by hand, or why the provider refused.
    .addColumn('note', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('refunds_order').on('refunds').column('order_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('refunds').ifExists().execute();
}
