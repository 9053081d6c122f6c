// The operator's order API on SQLite and PostgreSQL: list/filter/search/paging, the detail with its
// event timeline, orders held for CJ balance (alerted, retried by hand, resumed by the
// reconciliation), cancellation (deleted at CJ while unpaid there, refused once paid), the business
// numbers, the customer's tracking lookup, and the admin token on every route.
import type { OrderStatusEntry, RunningSimulator } from '@lojista/cj-sim';
import { InsertQueryNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../src/money/index.js';
import { getOrder, orderEvents, transition } from '../../src/orders/order-repository.js';
import type { Order } from '../../src/orders/order.js';
import { reconcileOrders } from '../../src/orders/reconcile.js';
import { testSimulator, type TestStore } from '../support/store-harness.js';
import {
  admin,
  buyables,
  checkoutBody,
  cjLedger,
  copyCatalogue,
  onEach,
  orderIn,
  paidOrder,
  postCheckout,
  request,
  scanCatalogue,
  simAccount,
  startOrderStore,
  timelineProblems,
  until,
  type Buyable,
} from './helpers.js';
import { testDatabases, type DatabaseName } from '../support/databases.js';

const dbs = await testDatabases();
let sim: RunningSimulator;
const stores: Partial<Record<DatabaseName, TestStore>> = {};
let goods: Buyable[];

beforeAll(async () => {
  sim = await testSimulator();
  stores.sqlite = await startOrderStore({ database: 'sqlite', sim });
  await scanCatalogue(stores.sqlite);
  if (dbs[1]!.available) {
    stores.postgres = await startOrderStore({ database: 'postgres', sim });
    await copyCatalogue(stores.sqlite, stores.postgres);
  }
  goods = await buyables(stores.sqlite.runtime.ctx);
});

afterAll(async () => {
  for (const s of Object.values(stores)) await s?.close();
  await sim?.close();
});

interface ListReply {
  page: number;
  limit: number;
  total: number;
  items: Array<{ orderId: string; number: string; status: string; createdAt: string; total: { minor: number }; cj: { amountUsd: string | null }; customer: { name: string; email: string } }>;
}

const customer = (name: string, email: string) => ({ customer: { name, email } });

interface Fixture {
  store: TestStore;
  openId: string;
  ana: Order;
  bruno: Order;
  carla: Order;
  duarte: Order;
  eva: Order;
}

/** Per database: two orders paid at CJ, then three held because the CJ balance ran dry. */
async function fixture(store: TestStore): Promise<Fixture> {
  const openId = simAccount(sim, store).openId;
  const [ana, bruno] = await Promise.all([
    paidOrder(store, goods[0]!.variantId, customer('Ana Silva', 'ana@example.pt')),
    paidOrder(store, goods[1]!.variantId, customer('Bruno Costa', 'Bruno.Costa@example.pt')),
  ]);
  sim.control.setBalance(openId, '0.50');
  const held = await Promise.all(
    [customer('Carla Sousa', 'carla@example.pt'), customer('Duarte Lima', 'duarte@example.pt'), customer('Eva Martins', 'eva@example.pt')].map(async (c, i) => {
      // Spread creation times so "newest first" is unambiguous.
      await new Promise((r) => setTimeout(r, 5 * i));
      const res = await postCheckout(store, checkoutBody(goods[i % goods.length]!.variantId, c));
      expect(res.status).toBe(201);
      return orderIn(store.runtime.ctx, res.body.order.orderId, ['on_hold']);
    }),
  );
  const [carla, duarte, eva] = held as [Order, Order, Order];
  return { store, openId, ana, bruno, carla, duarte, eva };
}

describe('admin order API (SQLite and PostgreSQL side by side)', () => {
  const fx: Partial<Record<DatabaseName, Fixture>> = {};

  beforeAll(async () => {
    await onEach(stores, async (store, db) => {
      fx[db] = await fixture(store);
    });
  });

  it('every admin route needs the token', () =>
    onEach(fx, async ({ store, ana, carla }) => {
      // Valid requests in every other respect: only the token is missing or wrong.
      for (const [method, path, body] of [
        ['GET', '/api/orders', undefined],
        ['GET', '/api/orders/stats', undefined],
        ['GET', `/api/orders/${ana.id}`, undefined],
        ['POST', `/api/orders/${carla.id}/retry`, { acceptCost: true }],
        ['POST', `/api/orders/${carla.id}/cancel`, undefined],
        ['POST', `/api/orders/${carla.id}/mark-paid`, { reference: 'TRF-1', amountMinor: carla.totalMinor }],
      ] as const) {
        expect((await request(store, method, path, { body })).status, `${method} ${path} without a token`).toBe(401);
        expect((await request(store, method, path, { body, token: 'x'.repeat(48) })).status, `${method} ${path} with a wrong token`).toBe(401);
      }
      expect((await getOrder(store.runtime.ctx.db, carla.id))!.status).toBe('on_hold');
    }));

  it('lists newest first, filters by status, searches number/email/name case-insensitively, and pages', () =>
    onEach(fx, async ({ store, ana, bruno, carla, duarte, eva }) => {
      const all = await admin<ListReply>(store, 'GET', '/api/orders?limit=200');
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(5);
      const created = all.body.items.map((i) => i.createdAt);
      expect(created).toEqual([...created].sort().reverse());

      const held = await admin<ListReply>(store, 'GET', '/api/orders?status=on_hold');
      expect(held.body.items.map((i) => i.orderId).sort()).toEqual([carla.id, duarte.id, eva.id].sort());
      expect(held.body.total).toBe(3);
      expect((await admin<ListReply>(store, 'GET', '/api/orders?status=paid')).body.items.map((i) => i.orderId).sort()).toEqual([ana.id, bruno.id].sort());

      const search = async (q: string) => (await admin<ListReply>(store, 'GET', `/api/orders?q=${encodeURIComponent(q)}`)).body.items.map((i) => i.orderId);
      expect(await search('silva')).toEqual([ana.id]);
      expect(await search('SOUSA')).toEqual([carla.id]);
      expect(await search('BRUNO.COSTA@')).toEqual([bruno.id]);
      expect(await search(duarte.number.slice(-6).toLowerCase())).toEqual([duarte.id]);
      expect(await search('nobody-here')).toEqual([]);

      const pages: string[][] = [];
      for (const page of [1, 2, 3]) {
        const r = await admin<ListReply>(store, 'GET', `/api/orders?limit=2&page=${page}`);
        expect(r.body).toMatchObject({ page, limit: 2, total: 5 });
        pages.push(r.body.items.map((i) => i.orderId));
      }
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual(all.body.items.map((i) => i.orderId));

      for (const bad of ['status=lost', 'limit=0', 'page=0', 'limit=500', 'sort=price']) {
        const r = await admin(store, 'GET', `/api/orders?${bad}`);
        expect(r.status, bad).toBe(400);
      }
    }));

  it('the detail shows the whole timeline: every transition with from, to, reason, actor and time, never backwards', () =>
    onEach(fx, async ({ store, ana }) => {
      const r = await admin<{ number: string; events: Array<{ from: string | null; to: string; reason: string; actor: string; at: string }>; payments: unknown[]; cj: { orderId: string } }>(
        store,
        'GET',
        `/api/orders/${ana.id}`,
      );
      expect(r.status).toBe(200);
      expect(r.body.cj.orderId).toBe(sim.control.getOrder(ana.number)!.cjOrderId);
      expect(timelineProblems(r.body.events)).toEqual([]);
      expect(r.body.events.filter((e) => e.from !== e.to).map((e) => [e.from, e.to, e.actor])).toEqual([
        [null, 'awaiting_payment', 'customer'],
        ['awaiting_payment', 'pending', 'payment'],
        ['pending', 'confirmed', 'fulfilment'],
        ['confirmed', 'paid', 'fulfilment'],
      ]);
      expect(r.body.payments).toHaveLength(1);
      expect((await admin(store, 'GET', `/api/orders/${ana.number}`)).body).toMatchObject({ number: ana.number });
      expect((await admin(store, 'GET', '/api/orders/no-such-order')).status).toBe(404);
    }));

  it('short CJ balance: the order is on hold with the reason and the operator is alerted', () =>
    onEach(fx, async ({ store, carla }) => {
      const ctx = store.runtime.ctx;
      const r = await admin<{ status: string; hold: { reason: string; detail: string; heldFrom: string } }>(store, 'GET', `/api/orders/${carla.id}`);
      expect(r.body.status).toBe('on_hold');
      expect(r.body.hold).toMatchObject({ reason: 'insufficient_balance', heldFrom: 'confirmed' });
      expect(r.body.hold.detail).toMatch(/CJ balance 0\.50 USD is below/);
      expect(sim.control.getOrder(carla.number)!.status).toBe('UNPAID');
      expect(cjLedger(sim, carla.number)).toMatchObject({ creates: 1, payments: 0 });
      await ctx.alerts.flush();
      const alerts = await ctx.db.selectFrom('alerts').select(['kind', 'message']).where('kind', '=', 'insufficient_balance').execute();
      expect(alerts.length).toBeGreaterThan(0);
      expect(alerts[0]!.message).toMatch(/on hold \(insufficient_balance\)/);
    }));

  it('a move and its timeline event commit together: when the event cannot be written, the status does not change', () =>
    onEach(fx, async ({ store, carla }) => {
      const ctx = store.runtime.ctx;
      const before = (await orderEvents(ctx.db, carla.id)).length;
      // The event insert fails (disk full, a lost connection…) after the status update was sent.
      const failing = ctx.db.withPlugin({
        transformQuery: (args) => {
          const node = args.node;
          if (InsertQueryNode.is(node) && node.into?.table.identifier.name === 'order_events') throw new Error('disk full');
          return node;
        },
        transformResult: async (args) => args.result,
      });
      const order = (await getOrder(ctx.db, carla.id))!;
      await expect(transition(failing, ctx.clock, order, { to: 'cancelled', reason: 'test', actor: 'admin' })).rejects.toThrow('disk full');
      expect((await getOrder(ctx.db, carla.id))!.status).toBe('on_hold');
      expect((await orderEvents(ctx.db, carla.id)).length).toBe(before);
    }));

  it('cancel while unpaid at CJ deletes the order at CJ first; once CJ is paid it is refused with the reason', () =>
    onEach(fx, async ({ store, ana, eva }) => {
      const cancelled = await admin(store, 'POST', `/api/orders/${eva.id}/cancel`);
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      expect(cancelled.body).toEqual({ cancelled: true });
      expect(sim.control.getOrder(eva.number)!.status).toBe('CANCELLED');
      const deleted = sim.control.ledger({ kind: 'order-status' }).filter((e): e is OrderStatusEntry => e.kind === 'order-status' && e.cjOrderId === eva.cj.orderId && e.cause === 'deleteOrder');
      expect(deleted.map((e) => [e.from, e.to])).toEqual([['UNPAID', 'CANCELLED']]);
      const after = (await getOrder(store.runtime.ctx.db, eva.id))!;
      expect(after.status).toBe('cancelled');
      const last = (await orderEvents(store.runtime.ctx.db, eva.id)).at(-1)!;
      expect(last).toMatchObject({ from: 'on_hold', to: 'cancelled', actor: 'admin-token' });

      const again = await admin(store, 'POST', `/api/orders/${eva.id}/cancel`);
      expect(again.status).toBe(409);

      const paid = await admin<{ error: { code: string; message: string } }>(store, 'POST', `/api/orders/${ana.id}/cancel`);
      expect(paid.status).toBe(409);
      expect(paid.body.error.code).toBe('not_cancellable');
      expect(paid.body.error.message).toMatch(/CJ has been paid/);
      expect((await getOrder(store.runtime.ctx.db, ana.id))!.status).toBe('paid');
      expect(sim.control.getOrder(ana.number)!.status).toBe('UNSHIPPED');
      expect((await admin(store, 'POST', '/api/orders/no-such-order/cancel')).status).toBe(404);
    }));

  it('retry sends a held order to CJ again; the reconciliation resumes the rest once the balance covers them', () =>
    onEach(fx, async ({ store, openId, ana, carla, duarte }) => {
      const ctx = store.runtime.ctx;
      expect((await admin(store, 'POST', `/api/orders/${ana.id}/retry`)).status).toBe(409);
      // Enough for Duarte's order only: the operator retries it by hand.
      sim.control.setBalance(openId, duarte.cj.amountUsd!);
      const retried = await admin(store, 'POST', `/api/orders/${duarte.id}/retry`);
      expect(retried.status).toBe(202);
      await orderIn(ctx, duarte.id, ['paid']);
      expect(cjLedger(sim, duarte.number)).toMatchObject({ creates: 1, payments: 1 });

      // Nothing left for Carla: the reconciliation leaves her order held.
      expect((await reconcileOrders(ctx)).resumed).toBe(0);
      expect((await getOrder(ctx.db, carla.id))!.status).toBe('on_hold');

      sim.control.setBalance(openId, '10000.00');
      expect((await reconcileOrders(ctx)).resumed).toBe(1);
      await orderIn(ctx, carla.id, ['paid']);
      expect(cjLedger(sim, carla.number)).toMatchObject({ creates: 1, payments: 1 });
      const moves = (await orderEvents(ctx.db, carla.id)).filter((e) => e.from !== e.to);
      expect(timelineProblems(moves)).toEqual([]);
      expect(moves.slice(-3).map((e) => [e.from, e.to, e.actor]), JSON.stringify(moves)).toEqual([
        ['confirmed', 'on_hold', 'fulfilment'],
        ['on_hold', 'confirmed', 'system'],
        ['confirmed', 'paid', 'fulfilment'],
      ]);
      const duarteMoves = (await orderEvents(ctx.db, duarte.id)).filter((e) => e.from !== e.to);
      expect(duarteMoves.slice(-2).map((e) => [e.from, e.to, e.actor])).toEqual([
        ['on_hold', 'confirmed', 'admin-token'],
        ['confirmed', 'paid', 'fulfilment'],
      ]);
    }));

  it('stats agree with the orders: counts by state, revenue, CJ cost and margin', async () => {
    // The paid orders arrive (the simulator ships and delivers them; the reconciliation follows).
    await sim.control.advanceClock({ days: 60 });
    await onEach(fx, async ({ store }) => {
      const ctx = store.runtime.ctx;
      await reconcileOrders(ctx);
      const list = (await admin<ListReply>(store, 'GET', '/api/orders?limit=200')).body.items;
      expect(list.filter((o) => o.status === 'delivered').length).toBeGreaterThan(0);
      const stats = await admin<{ orders: number; byStatus: Record<string, number>; currency: string; revenue: string; revenueNet: string; cjCostUsd: string; cjCost: string; margin: string }>(
        store,
        'GET',
        '/api/orders/stats',
      );
      expect(stats.status).toBe(200);
      const counts: Record<string, number> = {};
      for (const o of list) counts[o.status] = (counts[o.status] ?? 0) + 1;
      expect(stats.body.orders).toBe(list.length);
      expect(Object.fromEntries(Object.entries(stats.body.byStatus).filter(([, n]) => n > 0))).toEqual(counts);
      expect(counts).toMatchObject({ cancelled: 1 });

      // Revenue: what customers paid for orders that are not cancelled; CJ cost: what CJ charged.
      const kept = list.filter((o) => o.status !== 'cancelled' && o.status !== 'awaiting_payment' && o.status !== 'refunded');
      const revenueMinor = kept.reduce((s, o) => s + o.total.minor, 0);
      expect(stats.body.revenue).toBe(new Dec(String(revenueMinor)).div('100').toFixed(2));
      const cjPaid = list.filter((o) => ['paid', 'shipped', 'delivered', 'disputed'].includes(o.status));
      const cjCostUsd = cjPaid.reduce((s, o) => s.plus(o.cj.amountUsd!), new Dec('0'));
      expect(stats.body.cjCostUsd).toBe(cjCostUsd.toFixed(2));
      expect(cjCostUsd.gt('0')).toBe(true);
      const net = new Dec(String(revenueMinor)).div(new Dec('1').plus(ctx.config.pricing.vatRate)).div('100');
      const cost = cjCostUsd.times(ctx.config.pricing.fx.rate);
      expect(stats.body.revenueNet).toBe(net.toFixed(2));
      expect(stats.body.cjCost).toBe(cost.toFixed(2));
      expect(stats.body.margin).toBe(net.minus(cost).toFixed(2));
      expect(stats.body.currency).toBe('EUR');
    });
  });

  it('GET /api/orders/track shows status and tracking for the right email, and the same 404 otherwise', () =>
    onEach(fx, async ({ store, ana, bruno }) => {
      const track = (number: string, email: string) => request<Record<string, unknown>>(store, 'GET', `/api/orders/track?number=${encodeURIComponent(number)}&email=${encodeURIComponent(email)}`);
      const ok = await track(ana.number, 'ana@example.pt');
      expect(ok.status).toBe(200);
      expect(Object.keys(ok.body).sort()).toEqual(['createdAt', 'deliveredAt', 'number', 'paidAt', 'shippedAt', 'status', 'total', 'tracking']);
      expect(ok.body).toMatchObject({ number: ana.number });
      expect(JSON.stringify(ok.body)).not.toMatch(/Rua Augusta|Ana Silva|costUsd|amountUsd/);
      expect((await track(bruno.number, 'BRUNO.COSTA@example.pt')).status).toBe(200);
      const wrongEmail = await track(ana.number, 'bruno.costa@example.pt');
      const wrongNumber = await track(`${ana.number.slice(0, -3)}ZZZ`, 'ana@example.pt');
      expect([wrongEmail.status, wrongNumber.status]).toEqual([404, 404]);
      expect(wrongEmail.body).toEqual(wrongNumber.body);
    }));

});

describe('cancelling while fulfilment is creating the order at CJ (sqlite)', () => {
  it('never pays CJ for the cancelled order, and withdraws the order CJ created meanwhile', async () => {
    const store = stores.sqlite!;
    const ctx = store.runtime.ctx;
    const openId = simAccount(sim, store).openId;
    sim.control.setBalance(openId, '10000.00');
    const [slow] = sim.control.addFaults({ path: '/shopping/order/createOrderV2', mode: 'latency', latencyMs: 1_500, openId, times: 1 });
    try {
      const res = await postCheckout(store, checkoutBody(goods[0]!.variantId, customer('Filipa Reis', 'filipa@example.pt')));
      expect(res.status).toBe(201);
      const { orderId, number } = res.body.order;
      // The fulfilment job has asked CJ to create the order; CJ has not answered yet.
      await until('createOrderV2 to be in flight', async () => sim.control.listFaults().find((f) => f.id === slow!.id)!.hits === 1);
      const cancelled = await admin(store, 'POST', `/api/orders/${orderId}/cancel`);
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      expect((await getOrder(ctx.db, orderId))!.status).toBe('cancelled');

      // The create completes at CJ after the cancellation; the job must not go on to pay it.
      await until('the order to exist at CJ', async () => sim.control.getOrder(number));
      await until(
        'the fulfilment job to finish',
        async () => (await ctx.db.selectFrom('jobs').select('id').where('dedupe_key', '=', `fulfil:${orderId}`).where('status', 'in', ['queued', 'running']).execute()).length === 0,
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(cjLedger(sim, number)).toMatchObject({ creates: 1, payments: 0 });
      expect(sim.control.getOrder(number)!.status).toBe('CANCELLED');
      const after = (await getOrder(ctx.db, orderId))!;
      expect(after.status).toBe('cancelled');
      expect(timelineProblems((await orderEvents(ctx.db, orderId)).filter((e) => e.from !== e.to))).toEqual([]);
    } finally {
      sim.control.clearFaults();
    }
  });
});
