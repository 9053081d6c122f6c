// Checkout and payment against real stores on the real simulator. POST /api/checkout prices everything
// itself, validates lines, address and shipping, is idempotent on the checkout key (also under
// concurrent resubmission, on SQLite and PostgreSQL), and a paid order reaches CJ within seconds.
// The manual (bank transfer) provider waits for the operator's mark-paid. Stripe, with its API
// replaced by the local fake: only a correctly signed `checkout.session.completed` for the right
// amount sends the order to CJ — once, however often Stripe delivers it; anything that fails
// verification is answered 400 and leaves no trace (inbox, payments, order).
import { randomBytes } from 'node:crypto';
import type { RunningSimulator } from '@lojista/cj-sim';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../src/money/index.js';
import { getOrder, orderEvents } from '../../src/orders/order-repository.js';
import { FakeStripe } from '../payments/fake-stripe.js';
import { testSimulator, type TestStore } from '../support/store-harness.js';
import {
  admin,
  buyables,
  checkoutBody,
  checkoutKey,
  cjLedger,
  copyCatalogue,
  inboxCount,
  inboxDone,
  onEach,
  orderIn,
  postCheckout,
  request,
  scanCatalogue,
  startOrderStore,
  type Buyable,
} from './helpers.js';
import { testDatabases, type DatabaseName } from '../support/databases.js';

const dbs = await testDatabases();
const IBAN = 'PT50000201231234567890154';
const SECRET_KEY = 'sk_test_51LojistaOrdersSuite';
const WEBHOOK_SECRET = 'whsec_lojista_orders_suite_0123456789';

let sim: RunningSimulator;
let fake: FakeStripe;
const demo: Partial<Record<DatabaseName, TestStore>> = {};
let manual: TestStore;
let stripe: TestStore;
let goods: Buyable[];

beforeAll(async () => {
  [sim, fake] = await Promise.all([testSimulator(), FakeStripe.start({ secretKey: SECRET_KEY })]);
  const shipping = { checkout: { shipsTo: ['PT', 'ES'] } };
  const [sqlite, manualStore, stripeStore, postgres] = await Promise.all([
    startOrderStore({ database: 'sqlite', sim, config: shipping }),
    startOrderStore({ database: 'sqlite', sim, config: { ...shipping, payments: { provider: 'manual', manual: { iban: IBAN, accountHolder: 'Astral Lda' } } } }),
    startOrderStore({
      database: 'sqlite',
      sim,
      config: { payments: { provider: 'stripe', storefrontUrl: 'https://loja.example.pt', stripe: { apiBase: fake.apiBase, maxNetworkRetries: 0 } } },
      secrets: { stripeSecretKey: SECRET_KEY, stripeWebhookSecret: WEBHOOK_SECRET },
    }),
    dbs[1]!.available ? startOrderStore({ database: 'postgres', sim, config: shipping }) : undefined,
  ]);
  demo.sqlite = sqlite;
  manual = manualStore;
  stripe = stripeStore;
  if (postgres) demo.postgres = postgres;
  await scanCatalogue(sqlite);
  await copyCatalogue(sqlite, ...[manual, stripe, postgres].filter((x): x is TestStore => x !== undefined));
  goods = await buyables(manual.runtime.ctx);
});

afterAll(async () => {
  for (const s of [demo.sqlite, demo.postgres, manual, stripe]) await s?.close();
  await fake?.close();
  await sim?.close();
});

const countOrders = async (store: TestStore, key?: string) => {
  let q = store.runtime.ctx.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n'));
  if (key) q = q.where('checkout_key', '=', key);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe('checkout: prices, stock and lines come from the server', () => {
  it('refuses any field the schema does not declare (client prices, totals) with 400 naming it, and stores nothing', async () => {
    const before = await countOrders(manual);
    const withLinePrice = checkoutBody(goods[0]!.variantId);
    const linePrice = await postCheckout(manual, { ...withLinePrice, lines: [{ variantId: goods[0]!.variantId, quantity: 1, unitPriceMinor: 1 }] });
    expect(linePrice.status).toBe(400);
    expect(linePrice.body.error).toMatchObject({ code: 'invalid_input', field: 'body.lines.0.unitPriceMinor' });
    const withTotal = await postCheckout(manual, { ...checkoutBody(goods[0]!.variantId), totalMinor: 100 });
    expect(withTotal.status).toBe(400);
    expect(withTotal.body.error?.field).toBe('body.totalMinor');
    const withCustomerField = await postCheckout(manual, { ...checkoutBody(goods[0]!.variantId), customer: { name: 'Ana Silva', email: 'ana@example.pt', discount: '100%' } });
    expect(withCustomerField.status).toBe(400);
    expect(withCustomerField.body.error?.field).toBe('body.customer.discount');
    expect(await countOrders(manual)).toBe(before);
  });

  it('prices each line from the catalogue (including an admin price override) and totals = Σ unit × qty + shipping, VAT included', async () => {
    const [a, b] = goods as [Buyable, Buyable];
    const ctx = manual.runtime.ctx;
    // The operator overrides one product's price: checkout must use it, whatever the client believes.
    await ctx.db.updateTable('products').set({ price_override_minor: 1234 }).where('id', '=', b.productId).execute();
    try {
      const res = await postCheckout(manual, checkoutBody(a.variantId, { lines: [{ variantId: a.variantId, quantity: 2 }, { variantId: b.variantId, quantity: 1 }] }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const o = res.body.order;
      expect(o.lines.map((l) => [l.variantId, l.quantity, l.unitPrice.minor])).toEqual([
        [a.variantId, 2, a.productId === b.productId ? 1234 : a.unitPriceMinor],
        [b.variantId, 1, 1234],
      ]);
      const items = o.lines.reduce((s, l) => s + l.unitPrice.minor * l.quantity, 0);
      expect(o.items.minor).toBe(items);
      expect(o.total.minor).toBe(items + o.shipping.minor);
      expect(o.shipping.minor).toBeGreaterThanOrEqual(0);
      const vatRate = ctx.config.pricing.vatRate;
      const net = Number(new Dec(String(o.total.minor)).div(new Dec('1').plus(vatRate)).round(0, Dec.roundHalfEven).toFixed(0));
      expect(o.vatIncluded.minor).toBe(o.total.minor - net);
      expect(o.vatIncluded.minor).toBeGreaterThan(0);
      // What was stored is what was answered.
      const stored = (await getOrder(ctx.db, o.orderId))!;
      expect([stored.itemsMinor, stored.shippingMinor, stored.totalMinor, stored.vatMinor]).toEqual([o.items.minor, o.shipping.minor, o.total.minor, o.vatIncluded.minor]);
      expect(stored.status).toBe('awaiting_payment');
    } finally {
      await ctx.db.updateTable('products').set({ price_override_minor: null }).where('id', '=', b.productId).execute();
    }
  });

  it('out of stock → 422 naming the line quantity', async () => {
    const ctx = manual.runtime.ctx;
    const [a, b] = goods as [Buyable, Buyable];
    await ctx.db.updateTable('variants').set({ stock: 1 }).where('id', '=', b.variantId).execute();
    try {
      const res = await postCheckout(manual, checkoutBody(a.variantId, { lines: [{ variantId: a.variantId, quantity: 1 }, { variantId: b.variantId, quantity: 2 }] }));
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'out_of_stock', field: 'body.lines.1.quantity' });
      expect(res.body.error!.message).toMatch(/only 1 of/);
      await ctx.db.updateTable('variants').set({ on_sale: 0 }).where('id', '=', b.variantId).execute();
      const offSale = await postCheckout(manual, checkoutBody(b.variantId));
      expect(offSale.status).toBe(422);
      expect(offSale.body.error).toMatchObject({ code: 'out_of_stock', field: 'body.lines.0.quantity' });
    } finally {
      await ctx.db.updateTable('variants').set({ stock: b.stock, on_sale: 1 }).where('id', '=', b.variantId).execute();
    }
  });

  it('unknown or hidden variants, duplicate lines, too many lines and quantities are refused with the field to fix', async () => {
    const ctx = manual.runtime.ctx;
    const [a, b] = goods as [Buyable, Buyable];
    const before = await countOrders(manual);
    const unknown = await postCheckout(manual, checkoutBody('no-such-variant'));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_variant', field: 'body.lines.0.variantId' });

    await ctx.db.updateTable('products').set({ status: 'hidden' }).where('id', '=', a.productId).execute();
    try {
      const hidden = await postCheckout(manual, checkoutBody(a.variantId));
      expect(hidden.status).toBe(422);
      expect(hidden.body.error).toMatchObject({ code: 'unknown_variant', field: 'body.lines.0.variantId' });
    } finally {
      await ctx.db.updateTable('products').set({ status: 'active' }).where('id', '=', a.productId).execute();
    }

    const duplicate = await postCheckout(manual, checkoutBody(a.variantId, { lines: [{ variantId: b.variantId, quantity: 1 }, { variantId: b.variantId, quantity: 2 }] }));
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.error).toMatchObject({ code: 'duplicate_line', field: 'body.lines.1.variantId' });

    const { maxLines, maxQuantityPerLine } = ctx.config.checkout;
    const many = Array.from({ length: maxLines + 1 }, (_, i) => ({ variantId: `v${i}`, quantity: 1 }));
    const tooMany = await postCheckout(manual, checkoutBody(a.variantId, { lines: many }));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatchObject({ code: 'too_many_lines', field: 'body.lines' });

    const tooMuch = await postCheckout(manual, checkoutBody(a.variantId, { lines: [{ variantId: a.variantId, quantity: maxQuantityPerLine + 1 }] }));
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatchObject({ code: 'quantity_too_large', field: 'body.lines.0.quantity' });

    for (const quantity of [0, -1, 1.5]) {
      const bad = await postCheckout(manual, checkoutBody(a.variantId, { lines: [{ variantId: a.variantId, quantity }] }));
      expect(bad.status, `quantity ${quantity}`).toBe(400);
      expect(bad.body.error?.field).toBe('body.lines.0.quantity');
    }
    const empty = await postCheckout(manual, checkoutBody(a.variantId, { lines: [] }));
    expect(empty.status).toBe(400);
    expect(empty.body.error?.field).toBe('body.lines');
    expect(await countOrders(manual)).toBe(before);
  });
});

describe('checkout: address per country and shipping option', () => {
  it('validates the postal code per country with an example, and refuses countries the store does not ship to', async () => {
    const v = goods[0]!.variantId;
    const ok = await postCheckout(manual, checkoutBody(v, { address: { country: 'pt', city: 'Lisboa', zip: '1100-148', address1: 'Rua Augusta 10' } }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);

    const shortZip = await postCheckout(manual, checkoutBody(v, { address: { country: 'PT', city: 'Lisboa', zip: '1100', address1: 'Rua Augusta 10' } }));
    expect(shortZip.status).toBe(422);
    expect(shortZip.body.error).toMatchObject({ code: 'invalid_address', field: 'body.address.zip' });
    expect(shortZip.body.error!.message).toContain('1100-148');

    const spanishZipInPortugal = await postCheckout(manual, checkoutBody(v, { address: { country: 'ES', city: 'Madrid', zip: '1100-148', address1: 'Calle Mayor 1' } }));
    expect(spanishZipInPortugal.status).toBe(422);
    expect(spanishZipInPortugal.body.error).toMatchObject({ field: 'body.address.zip' });
    expect(spanishZipInPortugal.body.error!.message).toContain('28013');

    const notShipped = await postCheckout(manual, checkoutBody(v, { address: { country: 'FR', city: 'Paris', zip: '75001', address1: 'Rue de Rivoli 1' } }));
    expect(notShipped.status).toBe(422);
    expect(notShipped.body.error).toMatchObject({ code: 'invalid_address', field: 'body.address.country' });
    expect(notShipped.body.error!.message).toMatch(/PT, ES/);

    const badPhone = await postCheckout(manual, checkoutBody(v, { customer: { name: 'Ana Silva', email: 'ana@example.pt', phone: 'call me' } }));
    expect(badPhone.status).toBe(422);
    expect(badPhone.body.error?.field).toBe('body.address.phone');
  });

  it('takes a shipping option by name and refuses an unknown one, listing the options offered', async () => {
    const v = goods[0]!.variantId;
    const first = await postCheckout(manual, checkoutBody(v));
    expect(first.status).toBe(201);
    const offered = first.body.shippingOptions;
    expect(offered.length).toBeGreaterThan(0);
    // Cheapest first, within the store's maximum delivery time; the default is the cheapest.
    for (let i = 1; i < offered.length; i++) expect(new Dec(offered[i]!.priceUsd).gte(offered[i - 1]!.priceUsd)).toBe(true);
    for (const o of offered) expect(o.maxDays).toBeLessThanOrEqual(manual.runtime.ctx.config.checkout.maxDeliveryDays);
    expect(first.body.order.shippingMethod).toBe(offered[0]!.logisticName);

    const pick = offered[offered.length - 1]!;
    const chosen = await postCheckout(manual, checkoutBody(v, { shippingOption: pick.logisticName }));
    expect(chosen.status).toBe(201);
    expect(chosen.body.order.shippingMethod).toBe(pick.logisticName);
    expect(chosen.body.order.shipping.minor).toBeGreaterThanOrEqual(first.body.order.shipping.minor);
    expect((await getOrder(manual.runtime.ctx.db, chosen.body.order.orderId))!.logisticName).toBe(pick.logisticName);

    const unknown = await postCheckout(manual, checkoutBody(v, { shippingOption: 'Pigeon Post' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_shipping_option', field: 'body.shippingOption' });
    for (const o of offered) expect(unknown.body.error!.message).toContain(o.logisticName);
  });
});

describe('checkout on SQLite and PostgreSQL (side by side): idempotent on the checkout key, paid at CJ within seconds', () => {
  it('the same key twice → one order, 201 then 200; concurrently → still one order, one CJ order, one payment', () =>
    onEach(demo, async (s) => {
      const body = checkoutBody(goods[0]!.variantId);
      const first = await postCheckout(s, body);
      const again = await postCheckout(s, { ...body, lines: [{ variantId: goods[1]!.variantId, quantity: 3 }] });
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body.order.orderId).toBe(first.body.order.orderId);
      expect(await countOrders(s, body.checkoutKey)).toBe(1);

      const racing = checkoutBody(goods[1]!.variantId);
      const replies = await Promise.all(Array.from({ length: 6 }, () => postCheckout(s, racing)));
      expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(replies.map((r) => r.body.order.orderId)).size).toBe(1);
      expect(await countOrders(s, racing.checkoutKey)).toBe(1);

      await Promise.all(
        [first, replies[0]!].map(async (r) => {
          const paid = await orderIn(s.runtime.ctx, r.body.order.orderId, ['paid']);
          const payments = await s.runtime.ctx.db.selectFrom('payments').select('id').where('order_id', '=', paid.id).execute();
          expect(payments).toHaveLength(1);
          expect(cjLedger(sim, paid.number)).toMatchObject({ creates: 1, payments: 1 });
        }),
      );
    }));

  it('demo payment: the order is created and paid at CJ within seconds of the checkout', () =>
    onEach(demo, async (s, name) => {
      const seconds: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const res = await postCheckout(s, checkoutBody(goods[i % goods.length]!.variantId, { checkoutKey: checkoutKey(`t${i}`) }));
        expect(res.status).toBe(201);
        expect(res.body.payment?.kind).toBe('paid');
        const paid = await orderIn(s.runtime.ctx, res.body.order.orderId, ['paid'], 10_000);
        seconds.push((performance.now() - started) / 1000);
        const atCj = sim.control.getOrder(paid.number);
        expect(atCj?.status).toBe('UNSHIPPED');
        expect(atCj?.cjOrderId).toBe(paid.cj.orderId);
        expect(cjLedger(sim, paid.number)).toMatchObject({ creates: 1, payments: 1 });
      }
      seconds.sort((a, b) => a - b);
      const median = seconds[Math.floor(seconds.length / 2)]!;
      console.info(`[${name}] checkout → paid at CJ: ${seconds.map((x) => x.toFixed(2)).join(', ')} s (median ${median.toFixed(2)} s)`);
      expect(median).toBeLessThan(5);
    }));
});

interface StartedOrder {
  orderId: string;
  number: string;
  totalMinor: number;
  session: Record<string, unknown>;
}

async function startOrder(line = 0): Promise<StartedOrder> {
  const res = await postCheckout(stripe, checkoutBody(goods[line % goods.length]!.variantId));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.payment?.kind).toBe('redirect');
  const session = fake.sessions.get(res.body.payment!.reference!);
  expect(session).toBeDefined();
  return { orderId: res.body.order.orderId, number: res.body.order.number, totalMinor: res.body.order.total.minor, session: session! };
}

function completedEvent(order: StartedOrder, overrides: Record<string, unknown> = {}, type = 'checkout.session.completed'): { id: string; payload: string } {
  const id = `evt_${randomBytes(12).toString('hex')}`;
  const event = {
    id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object: { ...order.session, status: 'complete', payment_status: 'paid', payment_intent: `pi_${randomBytes(8).toString('hex')}`, ...overrides } },
  };
  return { id, payload: JSON.stringify(event) };
}

const sign = (payload: string, opts: { secret?: string; timestamp?: number } = {}) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? WEBHOOK_SECRET, timestamp: opts.timestamp ?? Math.floor(Date.now() / 1000) });

const deliver = (payload: string, signature: string | undefined) =>
  request<{ received?: boolean; error?: { code: string; message: string } }>(stripe, 'POST', '/api/webhooks/stripe', {
    raw: payload,
    headers: signature === undefined ? {} : { 'stripe-signature': signature },
  });

// Each test has its own order on its own store's CJ budget, so they run side by side.
describe.concurrent('payment providers: manual (bank transfer) and Stripe Checkout', () => {
  it('manual: answers with instructions, waits, and goes to CJ when the operator marks it paid', async () => {
    const ctx = manual.runtime.ctx;
    const res = await postCheckout(manual, checkoutBody(goods[0]!.variantId));
    expect(res.status).toBe(201);
    const { orderId, number } = res.body.order;
    expect(res.body.payment).toMatchObject({ kind: 'instructions', reference: number });
    expect(res.body.payment!.instructions).toContain(number);
    expect(res.body.payment!.instructions!.replace(/\s/g, '')).toContain(IBAN);

    await new Promise((r) => setTimeout(r, 300));
    expect((await getOrder(ctx.db, orderId))!.status).toBe('awaiting_payment');
    expect(sim.control.getOrder(number)).toBeUndefined();

    // Only the operator can mark it paid.
    const anonymous = await request(manual, 'POST', `/api/orders/${orderId}/mark-paid`, { body: { reference: 'TRF-1', amountMinor: res.body.order.total.minor } });
    expect(anonymous.status).toBe(401);

    const marked = await admin(manual, 'POST', `/api/orders/${orderId}/mark-paid`, { reference: 'TRF-20261124-01', amountMinor: res.body.order.total.minor });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body).toEqual({ status: 'confirmed' });
    const paid = await orderIn(ctx, orderId, ['paid']);
    expect(paid.paymentRef).toBe('TRF-20261124-01');
    const twice = await admin(manual, 'POST', `/api/orders/${orderId}/mark-paid`, { reference: 'TRF-20261124-01', amountMinor: res.body.order.total.minor });
    expect(twice.body).toEqual({ status: 'already_confirmed' });
    expect(cjLedger(sim, number)).toMatchObject({ creates: 1, payments: 1 });
  });

  it('manual: a mistyped amount is refused, and the same transfer marked again with the right amount still goes through', async () => {
    const ctx = manual.runtime.ctx;
    const res = await postCheckout(manual, checkoutBody(goods[1]!.variantId));
    const { orderId, number, total } = res.body.order;
    const typo = await admin(manual, 'POST', `/api/orders/${orderId}/mark-paid`, { reference: 'TRF-20261124-02', amountMinor: total.minor + 45 });
    expect(typo.status).toBe(409);
    expect(typo.body).toMatchObject({ error: { code: 'payment_rejected', field: 'body.amountMinor' } });
    expect((await getOrder(ctx.db, orderId))!.status).toBe('awaiting_payment');

    const fixed = await admin(manual, 'POST', `/api/orders/${orderId}/mark-paid`, { reference: 'TRF-20261124-02', amountMinor: total.minor });
    expect(fixed.body).toEqual({ status: 'confirmed' });
    await orderIn(ctx, orderId, ['paid']);
    expect(cjLedger(sim, number)).toMatchObject({ creates: 1, payments: 1 });
    const payments = await ctx.db.selectFrom('payments').select(['amount_minor']).where('order_id', '=', orderId).execute();
    expect(payments).toEqual([{ amount_minor: total.minor }]);
  });

  it('manual: a demo or card order cannot be marked paid by hand', async () => {
    const s = demo.sqlite!;
    const res = await postCheckout(s, checkoutBody(goods[0]!.variantId));
    const r = await admin(s, 'POST', `/api/orders/${res.body.order.orderId}/mark-paid`, { reference: 'TRF-X', amountMinor: res.body.order.total.minor });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: { code: 'not_manual' } });
  });

  it('Stripe: checkout answers with the hosted payment page for the server total; a signed checkout.session.completed sends the order to CJ', async () => {
    const order = await startOrder();
    expect(order.session).toMatchObject({ amount_total: order.totalMinor, currency: 'eur', client_reference_id: order.orderId, metadata: { orderId: order.orderId } });
    expect(String(order.session.url)).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect((await getOrder(stripe.runtime.ctx.db, order.orderId))!.paymentRef).toBe(order.session.id);

    const event = completedEvent(order);
    const res = await deliver(event.payload, sign(event.payload));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true });
    const paid = await orderIn(stripe.runtime.ctx, order.orderId, ['paid']);
    expect(paid.paymentRef).toBe(order.session.id);
    expect(cjLedger(sim, order.number)).toMatchObject({ creates: 1, payments: 1 });
  });

  it('Stripe: rejects events that fail verification with 400 — missing header, wrong secret, altered body, old timestamp — storing nothing', async () => {
    const order = await startOrder(1);
    const ctx = stripe.runtime.ctx;
    const eventsBefore = (await orderEvents(ctx.db, order.orderId)).length;
    const event = completedEvent(order);
    const altered = event.payload.replace(`"amount_total":${order.totalMinor}`, '"amount_total":1');
    expect(altered).not.toBe(event.payload);
    const cases: Array<[string, string, string | undefined, RegExp]> = [
      ['missing header', event.payload, undefined, /missing_header/],
      ['empty header', event.payload, '', /missing_header/],
      ['wrong secret', event.payload, sign(event.payload, { secret: 'whsec_someone_else' }), /bad_signature/],
      ['altered body', altered, sign(event.payload), /bad_signature/],
      ['altered body signed by an attacker', altered, sign(altered, { secret: 'whsec_attacker' }), /bad_signature/],
      ['old timestamp (a replay)', event.payload, sign(event.payload, { timestamp: Math.floor(Date.now() / 1000) - 3600 }), /timestamp_out_of_tolerance/],
      ['garbage header', event.payload, 't=abc,v1=zz', /malformed_header/],
    ];
    for (const [what, payload, signature, reason] of cases) {
      const res = await deliver(payload, signature);
      expect(res.status, what).toBe(400);
      expect(res.body.error?.code, what).toBe('bad_signature');
      expect(res.body.error?.message, what).toMatch(reason);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(await inboxCount(ctx, `stripe:${event.id}`)).toBe(0);
    const stored = await ctx.db.selectFrom('inbox').select('id').where('payload', 'like', `%${order.orderId}%`).execute();
    expect(stored).toEqual([]);
    const after = (await getOrder(ctx.db, order.orderId))!;
    expect(after.status).toBe('awaiting_payment');
    expect(after.paidAt).toBeNull();
    expect((await orderEvents(ctx.db, order.orderId)).length).toBe(eventsBefore);
    expect(await ctx.db.selectFrom('payments').select('id').where('order_id', '=', order.orderId).execute()).toEqual([]);
    expect(sim.control.getOrder(order.number)).toBeUndefined();
  });

  it('Stripe: a valid event delivered several times (and a second event for the same session) is processed once', async () => {
    const order = await startOrder(2);
    const ctx = stripe.runtime.ctx;
    const event = completedEvent(order);
    const header = sign(event.payload);
    const replies = await Promise.all([deliver(event.payload, header), deliver(event.payload, header), deliver(event.payload, header)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await inboxCount(ctx, `stripe:${event.id}`)).toBe(1);
    await inboxDone(ctx, `stripe:${event.id}`);
    await orderIn(ctx, order.orderId, ['paid']);
    // Stripe also sends async_payment_succeeded for some methods: the same session pays once.
    const second = completedEvent(order, {}, 'checkout.session.async_payment_succeeded');
    expect((await deliver(second.payload, sign(second.payload))).status).toBe(200);
    expect((await inboxDone(ctx, `stripe:${second.id}`)).status).toBe('processed');
    expect(await ctx.db.selectFrom('payments').select('provider_ref').where('order_id', '=', order.orderId).execute()).toEqual([{ provider_ref: order.session.id }]);
    const toPending = (await orderEvents(ctx.db, order.orderId)).filter((e) => e.to === 'pending' && e.from === 'awaiting_payment');
    expect(toPending).toHaveLength(1);
    expect(cjLedger(sim, order.number)).toMatchObject({ creates: 1, payments: 1 });
  });

  it('Stripe: a correctly signed paid event for the wrong amount is recorded and alerted, never fulfilled', async () => {
    const order = await startOrder(3);
    const ctx = stripe.runtime.ctx;
    const event = completedEvent(order, { amount_total: order.totalMinor - 100 });
    expect((await deliver(event.payload, sign(event.payload))).status).toBe(200);
    expect((await inboxDone(ctx, `stripe:${event.id}`)).status).toBe('processed');
    await new Promise((r) => setTimeout(r, 200));
    const after = (await getOrder(ctx.db, order.orderId))!;
    expect(after.status).toBe('awaiting_payment');
    const notes = (await orderEvents(ctx.db, order.orderId)).filter((e) => e.actor === 'payment');
    expect(notes.map((e) => e.reason)).toEqual([`Stripe payment not applied: paid ${order.totalMinor - 100} minor units, order total is ${order.totalMinor}`]);
    await ctx.alerts.flush();
    const alerts = await ctx.db.selectFrom('alerts').select(['kind', 'subject', 'message']).where('subject', '=', order.number).execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toContain('not applied');
    expect(await ctx.db.selectFrom('payments').select('id').where('order_id', '=', order.orderId).execute()).toEqual([]);
    expect(sim.control.getOrder(order.number)).toBeUndefined();
  });
});
