// Orders and everything that follows them: lines, the event timeline, payments, the webhook inbox,
// disputes.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Our order number, sent to CJ as `orderNumber`: the key that makes creation idempotent there.
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_from', 'text')
    .addColumn('hold_reason', 'text')
    .addColumn('hold_detail', 'text')
    // The storefront's idempotency key: the same checkout submitted twice is one order.
    .addColumn('checkout_key', 'text', (c) => c.notNull().unique())
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('customer_email', 'text', (c) => c.notNull())
    .addColumn('customer_phone', 'text')
    .addColumn('ship_country', 'text', (c) => c.notNull())
    .addColumn('ship_province', 'text', (c) => c.notNull())
    .addColumn('ship_city', 'text', (c) => c.notNull())
    .addColumn('ship_zip', 'text', (c) => c.notNull())
    .addColumn('ship_address1', 'text', (c) => c.notNull())
    .addColumn('ship_address2', 'text')
    .addColumn('tax_id', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('items_minor', 'integer', (c) => c.notNull())
    .addColumn('shipping_minor', 'integer', (c) => c.notNull())
    .addColumn('total_minor', 'integer', (c) => c.notNull())
    .addColumn('vat_minor', 'integer', (c) => c.notNull())
    .addColumn('logistic_name', 'text', (c) => c.notNull())
    .addColumn('from_country', 'text', (c) => c.notNull())
    .addColumn('shipping_quote_usd', 'text', (c) => c.notNull())
    .addColumn('cost_usd', 'text', (c) => c.notNull())
    .addColumn('payment_provider', 'text', (c) => c.notNull())
    .addColumn('payment_ref', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('cj_order_id', 'text')
    .addColumn('cj_status', 'text')
    .addColumn('cj_amount_usd', 'text')
    .addColumn('cj_paid_at', 'text')
    .addColumn('track_number', 'text')
    .addColumn('tracking_url', 'text')
    .addColumn('logistic_status', 'integer')
    .addColumn('tracking_text', 'text')
    .addColumn('shipped_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('last_tracking_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orders_status').on('orders').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('orders_email').on('orders').column('customer_email').execute();
  await db.schema.createIndex('orders_track').on('orders').column('track_number').execute();
  await db.schema.createIndex('orders_cj_id').on('orders').column('cj_order_id').execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'text', (c) => c.notNull())
    .addColumn('cj_pid', 'text', (c) => c.notNull())
    .addColumn('cj_vid', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_minor', 'integer', (c) => c.notNull())
    .addColumn('unit_cost_usd', 'text', (c) => c.notNull())
    .addUniqueConstraint('order_lines_order_line', ['order_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_events_order').on('order_events').columns(['order_id', 'created_at']).execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_ref', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('payments_provider_ref', ['provider', 'provider_ref', 'kind'])
    .execute();

  // Webhooks (CJ, Stripe) are stored here first and processed by jobs; the id de-duplicates.
  await db.schema
    .createTable('inbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .addColumn('error', 'text')
    .execute();

  await db.schema
    .createTable('disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('rule', 'text', (c) => c.notNull())
    // Our id for the dispute at CJ (`businessDisputeId`): one per order and rule, ever.
    .addColumn('business_dispute_id', 'text', (c) => c.notNull().unique())
    .addColumn('cj_dispute_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cj_status', 'text')
    .addColumn('reason_id', 'integer')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('disputes_order_rule', ['order_id', 'rule'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['disputes', 'inbox', 'payments', 'order_events', 'order_lines', 'orders']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
