// Rows for the tests: orders, order lines, jobs, disputes and alerts written straight into a store's
// database with known values, so the figures the services compute can be checked exactly. Every
// suite that needs an order in a given state seeds it here, so a new column is added in one place.
import { randomUUID } from 'node:crypto';
import type { RunningSimulator } from '@lojista/cj-sim';
import type { Kysely } from 'kysely';
import type { Database, DisputesTable, OrdersTable } from '../../src/db/schema.js';

let seq = 0;

/** An order row: plausible defaults (a Lisbon customer, nothing paid or sent to CJ yet) under the given fields. */
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

/** A CJ variant an order line sells: CJ's ids, the price charged (minor units) and the expected CJ cost. */
export interface SeedLine {
  pid: string;
  vid: string;
  unitPriceMinor: number;
  unitCostUsd: string;
  title: string;
}

/** The order's lines, numbered from 1, one unit each, under the catalogue ids the storefront gives CJ's. */
export async function insertOrderLines(db: Kysely<Database>, orderId: string, lines: SeedLine[]): Promise<void> {
  await db
    .insertInto('order_lines')
    .values(
      lines.map((l, i) => ({
        id: randomUUID(),
        order_id: orderId,
        line_no: i + 1,
        product_id: `p-${l.pid}`,
        variant_id: `v-${l.vid}`,
        cj_pid: l.pid,
        cj_vid: l.vid,
        title: l.title,
        options: '[]',
        quantity: 1,
        unit_price_minor: l.unitPriceMinor,
        unit_cost_usd: l.unitCostUsd,
      })),
    )
    .execute();
}

/**
 * The `skip`-th variant (cycling) with plenty of stock in China in the simulator's catalogue, so an
 * order of it goes through CJ's flow without running out.
 */
export function stockedVariant(sim: RunningSimulator, skip: number): { pid: string; vid: string; price: string } {
  const choices = sim.control
    .listProducts({ inStock: true, limit: 40 })
    .flatMap((p) => p.variants.filter((v) => v.status === 1 && (v.stock.find((s) => s.countryCode === 'CN')?.total ?? 0) >= 10).map((v) => ({ pid: p.pid, vid: v.vid, price: v.price })));
  const pick = choices[skip % choices.length];
  if (!pick) throw new Error('no stocked variant in the simulator catalogue');
  return pick;
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

/** An open dispute on the order (rule `not_shipped` unless `fields` say otherwise). */
export async function insertDispute(db: Kysely<Database>, orderId: string, at: string, fields: Partial<DisputesTable> = {}): Promise<string> {
  const row: DisputesTable = { id: randomUUID(), order_id: orderId, rule: 'not_shipped', business_dispute_id: randomUUID(), cj_dispute_id: null, status: 'open', cj_status: null, reason_id: null, message: '', created_at: at, updated_at: at, ...fields };
  await db.insertInto('disputes').values(row).execute();
  return row.id;
}
