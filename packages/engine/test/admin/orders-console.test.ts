// The console's order pages in Chromium, on SQLite and PostgreSQL (one Stripe store each, against
// the CJ simulator and the local Stripe fake): a held order retried after a top-up is paid at CJ
// once despite a double click; a Stripe refund is made once despite a double submit and the order
// becomes `refunded`; a dispute opened by hand is one dispute at the simulator; a post without a
// valid CSRF token and store A's session on store B are refused; list, detail and confirmation
// pages have no axe violation at 390 px; the CSV export defuses formulas.
import type { RunningSimulator } from '@lojista/cj-sim';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/admin/orders/orders-csv.js';
import { setOwnerPassword } from '../../src/admin/auth/credentials.js';
import { hashPassword } from '../../src/admin/auth/password-hash.js';
import { orderEvents, getOrder } from '../../src/orders/order-repository.js';
import type { Order } from '../../src/orders/order.js';
import { confirmPayment } from '../../src/orders/payment-confirmation.js';
import { refundOrder } from '../../src/orders/refund.js';
import { ManualClock } from '../../src/clock.js';
import { StripePaymentProvider } from '../../src/payments/stripe-provider.js';
import { cookieName } from '../../src/web/cookies.js';
import { axeViolations, chromiumAvailable, collectProblems, launchBrowser, type TestBrowser } from '../support/browser.js';
import { testDatabases, type DatabaseName } from '../support/databases.js';
import { testSimulator, type TestStore } from '../support/store-harness.js';
import { FakeStripe } from '../payments/fake-stripe.js';
import { SECRET_KEY, WEBHOOK_SECRET } from '../payments/fixtures.js';
import { admin, buyables, checkoutBody, cjLedger, copyCatalogue, onEach, orderIn, postCheckout, scanCatalogue, simAccount, startOrderStore, type Buyable } from '../orders/helpers.js';

const PASSWORD = 'correct horse battery';
const dbs = await testDatabases();

describe.skipIf(!chromiumAvailable('the console order pages in Chromium'))('console order pages (SQLite and PostgreSQL)', () => {
  let sim: RunningSimulator;
  let fake: FakeStripe;
  let browser: TestBrowser;
  const stores: Partial<Record<DatabaseName, TestStore>> = {};
  let goods: Buyable[];

  const stripeStore = (database: DatabaseName) =>
    startOrderStore({
      database,
      sim,
      config: { payments: { provider: 'stripe', storefrontUrl: 'https://loja.example.pt', stripe: { apiBase: fake.apiBase, maxNetworkRetries: 0 } } },
      secrets: { stripeSecretKey: SECRET_KEY, stripeWebhookSecret: WEBHOOK_SECRET },
    });

  beforeAll(async () => {
    [sim, fake, browser] = await Promise.all([testSimulator(), FakeStripe.start({ secretKey: SECRET_KEY }), launchBrowser()]);
    stores.sqlite = await stripeStore('sqlite');
    await scanCatalogue(stores.sqlite);
    if (dbs[1]!.available) {
      stores.postgres = await stripeStore('postgres');
      await copyCatalogue(stores.sqlite, stores.postgres);
    }
    goods = await buyables(stores.sqlite.runtime.ctx);
    for (const s of Object.values(stores)) await setOwnerPassword(s.runtime.ctx.db, s.runtime.ctx.clock, await hashPassword(PASSWORD));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of Object.values(stores)) await s?.close();
    await fake?.close();
    await sim?.close();
  });

  /** An order paid through Stripe (the session completed at the fake, the payment confirmed as the webhook would). */
  async function stripeOrder(store: TestStore, name: string, variant = 0): Promise<Order> {
    const res = await postCheckout(store, checkoutBody(goods[variant % goods.length]!.variantId, { customer: { name, email: `${name.split(' ')[0]!.toLowerCase()}@example.pt` } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const reference = res.body.payment!.reference!;
    fake.completeSession(reference);
    const { order } = res.body;
    await confirmPayment(store.runtime.ctx, { orderId: order.orderId, provider: 'stripe', reference, amountMinor: order.total.minor, currency: 'EUR' });
    return orderIn(store.runtime.ctx, order.orderId, ['paid', 'on_hold']);
  }

  async function loggedIn(store: TestStore, width = 390): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${store.url}/admin/entrar`);
    await page.getByLabel('Palavra-passe').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${store.url}/admin`);
    return page;
  }

  /** Submits the confirmation form with a double click, then posts the very same form once more. */
  async function confirmTwice(page: Page, button: string): Promise<void> {
    const form = page.locator('form.confirm-form');
    const action = await form.getAttribute('action');
    const fields = await form.evaluate((f: HTMLFormElement) => Object.fromEntries(new FormData(f).entries()) as Record<string, string>);
    await page.getByRole('button', { name: button }).dblclick();
    // The second click aborts the first navigation: wait for the page the last one lands on.
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).not.toBe(new URL(action!, page.url()).pathname);
    await page.waitForLoadState('load');
    const again = await page.request.post(new URL(action!, page.url()).toString(), { form: fields, maxRedirects: 0 });
    expect(again.status()).toBe(303);
  }

  it('a held order: filtered, retried after a top-up with a double click, paid at CJ once', { timeout: 120_000 }, () =>
    onEach(stores, async (store) => {
      const { openId } = simAccount(sim, store);
      sim.control.setBalance(openId, '0.50');
      const held = await stripeOrder(store, 'Carla Sousa');
      expect(held).toMatchObject({ status: 'on_hold', holdReason: 'insufficient_balance' });
      sim.control.setBalance(openId, '5000.00');

      const page = await loggedIn(store);
      const problems = collectProblems(page);
      await page.goto(`${store.url}/admin/encomendas?hold=insufficient_balance`);
      expect(await page.getByRole('status').textContent()).toBe('1 encomenda');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.getByRole('link', { name: held.number }).click();
      await page.waitForURL(`**/admin/encomendas/${held.number}`);
      expect(await page.locator('h1').textContent()).toBe(`Encomenda ${held.number}`);
      expect(await page.locator('.notice-error').textContent()).toContain('Saldo CJ insuficiente');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.getByRole('link', { name: 'Tentar de novo' }).click();
      await page.waitForURL(`**/${held.number}/retry`);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await confirmTwice(page, 'Sim, tentar de novo');
      expect(await page.locator('.notice').first().textContent()).toMatch(/retomada/);

      const paid = await orderIn(store.runtime.ctx, held.id, ['paid']);
      expect(cjLedger(sim, paid.number)).toMatchObject({ creates: 1, payments: 1 });
      const retries = (await orderEvents(store.runtime.ctx.db, held.id)).filter((e) => e.actor === 'owner');
      expect(retries).toHaveLength(1);
      expect(retries[0]!.from).toBe('on_hold');
      await page.reload();
      expect(await page.locator('.timeline').textContent()).toContain('Dono da loja (consola)');
      // The double click aborts the first navigation and its subresources on purpose.
      expect(problems.filter((p) => !p.includes('net::ERR_ABORTED'))).toEqual([]);
      await page.context().close();
    }));

  it('a Stripe refund, double submitted: one refund at Stripe, the order refunded', { timeout: 120_000 }, () =>
    onEach(stores, async (store) => {
      const order = await stripeOrder(store, 'Rita Lopes', 1);
      expect(order.status).toBe('paid');
      const page = await loggedIn(store);
      await page.goto(`${store.url}/admin/encomendas/${order.number}`);
      await page.getByRole('link', { name: 'Reembolsar' }).click();
      await page.waitForURL(`**/${order.number}/refund`);
      expect(await axeViolations(page)).toEqual([]);
      await confirmTwice(page, 'Sim, reembolsar');
      const after = (await getOrder(store.runtime.ctx.db, order.id))!;
      expect(after.status).toBe('refunded');
      const intent = `pi_fake${order.paymentRef!.slice(-6)}`;
      const refunds = fake.refunds.filter((r) => r.payment_intent === intent);
      expect(refunds).toHaveLength(1);
      expect(refunds[0]).toMatchObject({ amount: order.totalMinor });
      const refundCalls = fake.requests.filter((r) => r.path === '/v1/refunds' && r.params.payment_intent === intent);
      expect(refundCalls).toHaveLength(1);
      // The JSON API refuses a second refund too, and the detail page no longer offers one.
      const api = await admin(store, 'POST', `/api/orders/${order.id}/refund`, { seq: 1 });
      expect(api.status).toBe(409);
      expect(fake.refunds.filter((r) => r.payment_intent === intent)).toHaveLength(1);
      await page.reload();
      expect(await page.getByRole('link', { name: 'Reembolsar' }).count()).toBe(0);
      expect(await page.locator('.timeline').textContent()).toContain('Reembolsada');
      await page.context().close();
    }));

  it('a dispute opened by hand, double clicked: one dispute at the simulator', { timeout: 120_000 }, () =>
    onEach(stores, async (store) => {
      const order = await stripeOrder(store, 'Duarte Lima', 2);
      sim.control.shipOrder(order.cj.orderId!);
      const page = await loggedIn(store);
      await page.goto(`${store.url}/admin/encomendas/${order.number}/dispute`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Produto danificado').check();
      await confirmTwice(page, 'Sim, abrir a disputa');
      // The first click's request may still be walking CJ's dispute flow (the later ones found its
      // lease and answered at once): wait until the store has settled it, then count at CJ.
      const rows = () => store.runtime.ctx.db.selectFrom('disputes').selectAll().where('order_id', '=', order.id).execute();
      await expect.poll(async () => (await rows()).map((r) => r.status), { timeout: 30_000 }).toEqual(['open']);
      expect(await rows()).toMatchObject([{ rule: 'damaged', status: 'open' }]);
      const disputes = sim.control.listDisputes({ openId: simAccount(sim, store).openId }).filter((d) => d.cjOrderId === order.cj.orderId);
      expect(disputes).toHaveLength(1);
      expect((await getOrder(store.runtime.ctx.db, order.id))!.status).toBe('disputed');
      await page.context().close();
    }));

  it('refuses a post without a valid CSRF token, and store A session on store B', { timeout: 60_000 }, async () => {
    const a = stores.sqlite!;
    const b = stores.postgres ?? (await stripeStore('sqlite'));
    try {
      const { openId } = simAccount(sim, a);
      sim.control.setBalance(openId, '0.50');
      const held = await stripeOrder(a, 'Eva Martins', 3);
      sim.control.setBalance(openId, '5000.00');
      const page = await loggedIn(a);
      const url = `${a.url}/admin/encomendas/${held.number}/retry`;
      for (const form of [{ reason: 'x' }, { _csrf: 'forged-token' }] as Array<Record<string, string>>) {
        const res = await page.request.post(url, { form, maxRedirects: 0 });
        expect(res.status()).toBe(403);
      }
      expect((await getOrder(a.runtime.ctx.db, held.id))!.status).toBe('on_hold');

      const session = (await page.context().cookies()).find((c) => c.name === cookieName(a.id, 'admin'))!;
      expect(session).toBeDefined();
      for (const name of [cookieName(a.id, 'admin'), cookieName(b.id, 'admin')]) {
        const res = await fetch(`${b.url}/admin/encomendas`, { headers: { cookie: `${name}=${session.value}` }, redirect: 'manual' });
        expect(res.status, name).toBe(303);
        expect(res.headers.get('location')).toMatch(/^\/admin\/entrar\?next=/);
      }
      await page.context().close();
    } finally {
      if (!stores.postgres) await b.close();
    }
  });

  it('refund: an unanswered Stripe call is resumed with the same key, a refusal frees the request', { timeout: 60_000 }, async () => {
    const store = stores.sqlite!;
    const refunder = new StripePaymentProvider({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiBase: fake.apiBase, maxNetworkRetries: 0 });
    const clock = new ManualClock(Date.now());
    const ctx = { ...store.runtime.ctx, clock };
    const madeFor = (o: Order) => fake.refunds.filter((r) => r.payment_intent === `pi_fake${o.paymentRef!.slice(-6)}`);

    const lost = await stripeOrder(store, 'Rui Alves', 4);
    fake.failNext(1, 500);
    expect(await refundOrder(ctx, refunder, { orderId: lost.id, seq: 0, actor: 'owner' })).toMatchObject({ ok: false, code: 'outcome_unknown' });
    // Another request meanwhile is told to wait, and calls nobody.
    const calls = fake.requests.length;
    expect(await refundOrder(ctx, refunder, { orderId: lost.id, seq: 0, actor: 'owner' })).toMatchObject({ ok: false, code: 'in_progress' });
    expect(fake.requests.length).toBe(calls);
    clock.advance(3 * 60_000);
    expect(await refundOrder(ctx, refunder, { orderId: lost.id, seq: 0, actor: 'owner' })).toMatchObject({ ok: true, value: { replay: false, full: true } });
    expect(await refundOrder(ctx, refunder, { orderId: lost.id, seq: 0, actor: 'owner' })).toMatchObject({ ok: true, value: { replay: true } });
    expect(madeFor(lost)).toHaveLength(1);
    expect((await getOrder(ctx.db, lost.id))!.status).toBe('refunded');

    const refused = await stripeOrder(store, 'Sara Neves', 5);
    fake.failNext(1, 400);
    expect(await refundOrder(ctx, refunder, { orderId: refused.id, seq: 0, actor: 'owner' })).toMatchObject({ ok: false, code: 'refund_refused' });
    expect((await getOrder(ctx.db, refused.id))!.status).toBe('paid');
    expect(await refundOrder(ctx, refunder, { orderId: refused.id, seq: 0, actor: 'owner' })).toMatchObject({ ok: true, value: { replay: false } });
    expect(madeFor(refused)).toHaveLength(1);
    expect((await orderEvents(ctx.db, refused.id)).map((e) => e.reason).filter((r) => r.includes('refund'))).toEqual([
      expect.stringMatching(/refused by Stripe/),
      expect.stringMatching(/^the operator refunded through Stripe: \d+\.\d{2} EUR$/),
    ]);
  });

  it('exports the filtered list as CSV with formulas defused', { timeout: 60_000 }, async () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const c of ['+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(c).startsWith(`"'`)).toBe(true);
    expect(csvCell('Ana Silva')).toBe('"Ana Silva"');
    const store = stores.sqlite!;
    const page = await loggedIn(store, 1280);
    const res = await page.request.get(`${store.url}/admin/encomendas.csv?status=refunded`);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    const rows = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toMatch(/^number,created_at,status/);
    const refunded = await store.runtime.ctx.db.selectFrom('orders').select('number').where('status', '=', 'refunded').execute();
    expect(refunded.length).toBeGreaterThan(0);
    expect(rows.length).toBe(refunded.length + 1);
    for (const { number } of refunded) expect(rows.some((r) => r.startsWith(`"${number}",`) && r.includes('"refunded"'))).toBe(true);
    await page.context().close();
  });
});
