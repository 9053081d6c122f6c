// Rows for the service suites: orders, jobs, disputes and alerts written straight into a store's
// database with known values, so the figures the services compute can be checked exactly.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, OrdersTable } from '../../src/db/schema.js';

let seq = 0;

export async function insertOrder(db: Kysely<Database>, o: Partial<OrdersTable> & Pick<OrdersTable, 'status'>): Promise<OrdersTable> {
  seq++;
  const now = new Date().toISOString();
  const row: OrdersTable = {
    id: randomUUID(),
    number: `LJ-T${String(seq).padStart(5, '0')}-${randomUUID().slice(0, 4)}`,
    held_from: null,
    hold_reason: null,
    hold_detail: null,
    checkout_key: randomUUID(),
    customer_name: 'Ana Silva',
    customer_email: `ana${seq}@example.pt`,
    customer_phone: null,
    ship_country: 'PT',
    ship_province: '',
    ship_city: 'Lisboa',
    ship_zip: '1100-148',
    ship_address1: 'Rua Augusta 10',
    ship_address2: null,
    tax_id: null,
    currency: 'EUR',
    items_minor: 0,
    shipping_minor: 0,
    total_minor: 0,
    vat_minor: 0,
    logistic_name: 'CJPacket',
    from_country: 'CN',
    shipping_quote_usd: '0',
    cost_usd: '0',
    payment_provider: 'demo',
    payment_ref: null,
    paid_at: null,
    cj_submitted_at: null,
    cj_order_id: null,
    cj_status: null,
    cj_amount_usd: null,
    cj_paid_at: null,
    track_number: null,
    tracking_url: null,
    logistic_status: null,
    tracking_text: null,
    shipped_at: null,
    delivered_at: null,
    last_tracking_at: null,
    created_at: now,
    updated_at: now,
    ...o,
  };
  await db.insertInto('orders').values(row).execute();
  return row;
}

export async function insertAlertRow(db: Kysely<Database>, at: string, message = 'something happened'): Promise<string> {
  const id = `${at}-${randomUUID()}`;
  await db
    .insertInto('alerts')
    .values({ id, kind: 'low_stock', severity: 'info', subject: 's', message, data: '{}', dedupe_key: randomUUID(), created_at: at, delivery: '{}' })
    .execute();
  return id;
}

export async function insertDeadJob(db: Kysely<Database>, at: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('jobs')
    .values({ id, type: 'orders.fulfil', payload: '{}', dedupe_key: null, status: 'dead', attempts: 5, max_attempts: 5, run_at: at, locked_by: null, locked_until: null, last_error: 'CJ said no', created_at: at, updated_at: at })
    .execute();
  return id;
}

export async function insertDispute(db: Kysely<Database>, orderId: string, at: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('disputes')
    .values({ id, order_id: orderId, rule: 'not_shipped', business_dispute_id: randomUUID(), cj_dispute_id: null, status: 'open', cj_status: null, reason_id: null, message: '', created_at: at, updated_at: at })
    .execute();
  return id;
}
