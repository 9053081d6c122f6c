// The order actions a browser test does not cover, through the console's forms (a cookie-keeping
// HTTP client: the same posts a browser sends) and the JSON API, on SQLite and PostgreSQL, with a
// bank-transfer store: mark a transfer received (once, whatever the clicks), refund by hand (per
// line, then the rest → refunded), accept CJ's higher cost, cancel before CJ is paid; the list's
// filters (state, hold reason, dates in the store's time zone, search) and paging; the new JSON
// routes need the token, check their input and are in the OpenAPI document.
import { randomUUID } from 'node:crypto';
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOwnerPassword } from '../../src/admin/auth/credentials.js';
import { hashPassword } from '../../src/admin/auth/password-hash.js';
import { newOrderNumber } from '../../src/orders/order-number.js';
import { getOrder, orderEvents } from '../../src/orders/order-repository.js';
import { testDatabases, type DatabaseName } from '../support/databases.js';
import { FormClient, csrfTokenOf } from '../support/form-client.js';
import { testSimulator, type TestStore } from '../support/store-harness.js';
import { admin, cjLedger, onEach, orderIn, request, startOrderStore } from '../orders/helpers.js';
import { insertOrder, insertOrderLines, stockedVariant } from '../services/seed.js';

const PASSWORD = 'correct horse battery';
const dbs = await testDatabases();
let sim: RunningSimulator;
const stores: Partial<Record<DatabaseName, TestStore>> = {};
const clients: Partial<Record<DatabaseName, FormClient>> = {};

beforeAll(async () => {
  sim = await testSimulator();
  const manual = { payments: { provider: 'manual' as const, manual: { iban: 'PT50 0002 0123 1234 5678 9015 4', accountHolder: 'Loja Teste Lda' } } };
  stores.sqlite = await startOrderStore({ database: 'sqlite', sim, config: manual });
  if (dbs[1]!.available) stores.postgres = await startOrderStore({ database: 'postgres', sim, config: manual });
  await onEach(stores, async (store, db) => {
    await setOwnerPassword(store.runtime.ctx.db, store.runtime.ctx.clock, await hashPassword(PASSWORD));
    const client = new FormClient(store.url);
    const login = await client.submit('/admin/entrar', '/admin/entrar', { password: PASSWORD });
    expect(login.status).toBe(303);
    clients[db] = client;
  });
}, 60_000);

afterAll(async () => {
  for (const s of Object.values(stores)) await s?.close();
  await sim?.close();
});

let variantSeq = 0;
/** A variant the simulator has plenty of in China. */
const nextStockedVariant = () => stockedVariant(sim, variantSeq++);

interface NewOrder {
  lines?: number[];
  createdAt?: string;
  name?: string;
  email?: string;
  /** Expected CJ cost per line in USD (a tiny one makes CJ's price "too high"). */
  costUsd?: string;
}

/** A bank-transfer order awaiting payment, lines priced in minor units (VAT included). */
async function transferOrder(store: TestStore, o: NewOrder = {}) {
  const ctx = store.runtime.ctx;
  const id = randomUUID();
  const now = o.createdAt ?? new Date(ctx.clock.now()).toISOString();
  const prices = o.lines ?? [2999];
  const variants = prices.map(() => nextStockedVariant());
  const items = prices.reduce((s, p) => s + p, 0);
  await insertOrder(ctx.db, {
    id,
    number: newOrderNumber('ADM', ctx.clock.now()),
    status: 'awaiting_payment',
    checkout_key: `admin-test-${id}`,
    customer_name: o.name ?? 'Ana Silva',
    customer_email: o.email ?? 'ana@example.pt',
    ship_province: 'Lisboa',
    items_minor: items,
    shipping_minor: 490,
    total_minor: items + 490,
    logistic_name: 'unknown',
    shipping_quote_usd: o.costUsd ? '0.00' : '200.00',
    cost_usd: o.costUsd ?? variants.reduce((s, v) => s + Number(v.price), 0).toFixed(2),
    payment_provider: 'manual',
    created_at: now,
    updated_at: now,
  });
  await insertOrderLines(
    ctx.db,
    id,
    variants.map((v, i) => ({ pid: v.pid, vid: v.vid, title: `Artigo ${i + 1}`, unitPriceMinor: prices[i]!, unitCostUsd: o.costUsd ?? v.price })),
  );
  return (await getOrder(ctx.db, id))!;
}

/** Posts an action's confirmation form as the browser does (the page's CSRF token) and follows to the order page. */
async function act(client: FormClient, number: string, slug: string, fields: Record<string, string> = {}, section = '/admin/encomendas') {
  const page = await client.get(`${section}/${number}/${slug}`);
  expect(page.status).toBe(200);
  const seq = /name="seq" value="(\d+)"/.exec(page.text)?.[1];
  const res = await client.postForm(`${section}/${number}/${slug}`, { _csrf: csrfTokenOf(page.text), ...(seq !== undefined ? { seq } : {}), ...fields });
  if (res.status !== 303) return { status: res.status, notice: res.text };
  const after = await client.get(res.location!);
  return { status: res.status, notice: /class="notice notice-(\w+)"[^>]*>([^<]*)</.exec(after.text)?.slice(1).join(': ') ?? '' };
}

describe('console order actions (SQLite and PostgreSQL)', () => {
  it('marks a bank transfer received once, then refunds it by hand per line and in full', { timeout: 90_000 }, () =>
    onEach(stores, async (store, db) => {
      const client = clients[db]!;
      const order = await transferOrder(store, { lines: [2999, 1500] });
      expect((await act(client, order.number, 'mark-paid', { reference: '' })).status).toBe(422);
      const first = await act(client, order.number, 'mark-paid', { reference: 'TRF-2026-001' });
      expect(first.notice).toMatch(/^success: Transferência registada/);
      const second = await act(client, order.number, 'mark-paid', { reference: 'TRF-2026-001' });
      expect(second.notice).toMatch(/^info: Esta transferência já estava registada/);
      const paid = await orderIn(store.runtime.ctx, order.id, ['paid']);
      expect(cjLedger(sim, paid.number)).toMatchObject({ creates: 1, payments: 1 });

      // A transfer is refunded by hand: the reference is required; then line 2, then the rest.
      expect((await act(client, order.number, 'refund', { scope: 'line-2' })).status).toBe(422);
      expect((await act(client, order.number, 'refund', { scope: 'line-2', reference: 'DEV-1' })).notice).toMatch(/^success/);
      expect((await getOrder(store.runtime.ctx.db, order.id))!.status).toBe('paid');
      expect((await act(client, order.number, 'refund', { scope: 'full', reference: 'DEV-2' })).notice).toMatch(/^success/);
      expect((await getOrder(store.runtime.ctx.db, order.id))!.status).toBe('refunded');
      const refunds = await store.runtime.ctx.db.selectFrom('payments').selectAll().where('order_id', '=', order.id).where('kind', '=', 'refund').execute();
      expect(refunds.map((r) => r.amount_minor).sort((a, b) => a - b)).toEqual([1500, 2999 + 490]);
      const events = await orderEvents(store.runtime.ctx.db, order.id);
      expect(events.filter((e) => e.actor === 'owner')).toHaveLength(3);
      expect(events.at(-1)).toMatchObject({ to: 'refunded', data: { note: 'DEV-2' } });
      // Nothing left: the page no longer offers a refund, the API refuses one.
      expect((await client.get(`/admin/encomendas/${order.number}`)).text).not.toContain('/refund"');
      expect((await admin(store, 'POST', `/api/orders/${order.id}/refund`, { seq: 2, reference: 'DEV-3' })).status).toBe(409);
    }));

  it("accepts CJ's higher cost for an order held for it; cancels one CJ has not been paid for", { timeout: 90_000 }, () =>
    onEach(stores, async (store, db) => {
      const client = clients[db]!;
      const dear = await transferOrder(store, { costUsd: '0.01' });
      await act(client, dear.number, 'mark-paid', { reference: 'TRF-DEAR' });
      const held = await orderIn(store.runtime.ctx, dear.id, ['on_hold']);
      expect(held.holdDetail).toMatch(/more than 125%/);
      expect((await client.get(`/admin/encomendas/${dear.number}`)).text).toContain('/accept-cost"');
      expect((await act(client, dear.number, 'accept-cost')).notice).toMatch(/^success/);
      expect((await act(client, dear.number, 'accept-cost')).notice).toMatch(/^info/);
      const paid = await orderIn(store.runtime.ctx, dear.id, ['paid']);
      expect(cjLedger(sim, paid.number)).toMatchObject({ creates: 1, payments: 1 });

      const unpaid = await transferOrder(store);
      expect((await act(client, unpaid.number, 'cancel')).notice).toMatch(/^success/);
      expect((await act(client, unpaid.number, 'cancel')).notice).toMatch(/^info/);
      expect((await getOrder(store.runtime.ctx.db, unpaid.id))!.status).toBe('cancelled');
    }));

  it('filters by state, hold reason, dates (store time zone) and search; pages', { timeout: 60_000 }, () =>
    onEach(stores, async (store, db) => {
      const client = clients[db]!;
      const july = await transferOrder(store, { createdAt: '2026-07-01T23:30:00.000Z', name: 'Júlia Verão', email: 'JULIA@example.pt' });
      const list = async (q: string) => (await admin<{ total: number; items: Array<{ orderId: string }> }>(store, 'GET', `/api/orders?${q}`)).body;
      // 23:30 UTC on 1 July is 00:30 on 2 July in Lisbon (UTC+1).
      expect((await list('from=2026-07-02&to=2026-07-02')).items.map((i) => i.orderId)).toEqual([july.id]);
      expect((await list('from=2026-07-01&to=2026-07-01')).total).toBe(0);
      expect((await list('q=julia%40EXAMPLE')).items.map((i) => i.orderId)).toEqual([july.id]);
      expect((await list('hold=insufficient_balance')).total).toBe(0);
      const all = await list('limit=2');
      const pages = Math.ceil(all.total / 2);
      const seen = [];
      for (let p = 1; p <= pages; p++) seen.push(...(await list(`limit=2&page=${p}`)).items.map((i) => i.orderId));
      expect(new Set(seen).size).toBe(all.total);
      expect((await request(store, 'GET', '/api/orders?from=2026-13-45', { token: store.adminToken })).status).toBe(400);

      const page = await client.get('/admin/encomendas?status=&hold=&q=j%C3%BAlia&from=&to=');
      expect(page.status).toBe(200);
      expect(page.text).toContain(july.number);
      expect(page.text).toContain('1 encomenda');
      expect((await client.get('/admin/encomendas?from=not-a-date')).status).toBe(400);
    }));
});

describe('a store in English', () => {
  it('speaks English on its console paths, overview and order pages', { timeout: 60_000 }, async () => {
    const store = await startOrderStore({ database: 'sqlite', sim, secrets: { deeplApiKey: 'unused-no-scan-runs' }, config: { locale: 'en-GB', translation: { provider: 'deepl', fallback: 'none', locale: 'en-GB' }, payments: { provider: 'manual', manual: { iban: 'PT50 0002 0123 1234 5678 9015 4', accountHolder: 'Test Shop Ltd' } } } });
    try {
      await setOwnerPassword(store.runtime.ctx.db, store.runtime.ctx.clock, await hashPassword(PASSWORD));
      const client = new FormClient(store.url);
      expect((await client.submit('/admin/login', '/admin/login', { password: PASSWORD })).status).toBe(303);
      const overview = await client.get('/admin');
      expect(overview.text).toContain('<h2 id="attention-h">Needs attention</h2>');
      expect(overview.text).toContain('Nothing needs you right now.');
      const order = await transferOrder(store);
      const list = await client.get('/admin/orders');
      expect(list.text).toContain('<h1>Orders</h1>');
      expect(list.text).toContain('Awaiting payment');
      const detail = await client.get(`/admin/orders/${order.number}`);
      expect(detail.text).toContain(`Order ${order.number}`);
      expect(detail.text).toContain('Mark transfer received');
      expect((await act(client, order.number, 'mark-paid', { reference: 'TRF-EN-1' }, '/admin/orders')).notice).toMatch(/^success: Transfer recorded/);
    } finally {
      await store.close();
    }
  });
});

describe('JSON API for refund, accept-cost and dispute', () => {
  it('needs the token, checks its input, and is documented', { timeout: 30_000 }, async () => {
    const store = stores.sqlite!;
    const order = await transferOrder(store);
    for (const [path, body] of [
      ['refund', { seq: 0, reference: 'DEV-1' }],
      ['accept-cost', undefined],
      ['dispute', { kind: 'damaged' }],
    ] as const) {
      expect((await request(store, 'POST', `/api/orders/${order.id}/${path}`, { body })).status, path).toBe(401);
    }
    const bad = await admin<{ error: { field: string } }>(store, 'POST', `/api/orders/${order.id}/dispute`, { kind: 'bored' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.kind');
    expect((await admin(store, 'POST', `/api/orders/${order.id}/dispute`, { kind: 'damaged' })).body).toMatchObject({ error: { code: 'not_at_cj' } });
    expect((await admin(store, 'POST', `/api/orders/${order.id}/refund`, { seq: 0 })).body).toMatchObject({ error: { code: 'not_refundable' } });
    expect((await admin(store, 'POST', `/api/orders/${order.id}/accept-cost`)).body).toMatchObject({ error: { code: 'not_on_hold' } });
    const doc = (await request<{ paths: Record<string, Record<string, { security?: unknown }>> }>(store, 'GET', '/api/openapi.json')).body;
    for (const path of ['/api/orders/{id}/refund', '/api/orders/{id}/accept-cost', '/api/orders/{id}/dispute']) {
      expect(doc.paths[path]?.post?.security, path).toBeTruthy();
    }
  });
});
