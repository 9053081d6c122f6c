// The storefront's carts: one row per visitor's cart (referenced by a signed cookie) and its lines.
// A line remembers the price the customer saw when adding it, so a later change is shown to them
// instead of being applied silently. Carts idle for 30 days are deleted by a daily job.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('carts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The checkout key the checkout form carries: a double submit of the form is one order.
    .addColumn('checkout_key', 'text')
    // The last order placed from this cart; once it is paid the cart is emptied.
    .addColumn('order_id', 'text')
    // JSON of what the customer typed at checkout (name, email, address…), to fill the form again
    // when they come back from a cancelled payment. Deleted with the cart.
    .addColumn('details', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Last change or view: the cart expires 30 days after it.
    .addColumn('touched_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('carts_touched').on('carts').column('touched_at').execute();

  await db.schema
    .createTable('cart_lines')
    .addColumn('cart_id', 'text', (c) => c.notNull().references('carts.id').onDelete('cascade'))
    .addColumn('variant_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    // The unit price (minor units, VAT included) the customer saw when adding or last accepting.
    .addColumn('seen_price_minor', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cart_lines_pk', ['cart_id', 'variant_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cart_lines').execute();
  await db.schema.dropTable('carts').execute();
}
