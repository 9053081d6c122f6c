// The dispute rules on moving clocks (store and simulator together), on SQLite and PostgreSQL:
// not before the deadline, exactly one CJ dispute per order and rule when it is due, per-country
// overrides, the order marked disputed with an event, the alert, and the status synced from CJ.
import type { RunningSimulator } from '@lojista/cj-sim';
import { testDatabases } from '../support/databases.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkDisputes } from '../../src/disputes/index.js';
import { getOrder, orderEvents } from '../../src/orders/order-repository.js';
import { DAY, alertsOf, disputeEnv, disputeRows, paidOrder, rowFor, shippedSilentOrder, simCalls, simDisputes, simLedger, type DisputeEnv } from './helpers.js';
import { testSimulator } from '../support/store-harness.js';

const DATABASES = await testDatabases();

// One simulator for the file (each store gets its own account there); its clock only moves forward.
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await testSimulator();
});
afterAll(async () => {
  await sim?.close();
});

describe.each(DATABASES)('dispute rules with a moving clock ($name)', ({ name: database, available }) => {
  let env: DisputeEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it.skipIf(!available)('not shipped: nothing at 6 days, one dispute at 7, the order disputed with an event and an alert; ES waits 10 days', async () => {
    env = await disputeEnv(database, { disputes: { countryOverrides: { ES: { notShippedDays: 10 } } } }, sim);
    const pt = await paidOrder(env, 'PT');
    const es = await paidOrder(env, 'ES');
    env.sim.control.stallOrder(pt.cj.orderId!, 'shipping');
    env.sim.control.stallOrder(es.cj.orderId!, 'shipping');

    await env.advance(6 * DAY);
    const early = await checkDisputes(env.ctx);
    expect(early.outcomes.opened).toBe(0);
    expect(await disputeRows(env)).toHaveLength(0);
    expect(simDisputes(env)).toHaveLength(0);
    expect(simCalls(env, '/disputes/create')).toHaveLength(0);

    await env.advance(1 * DAY);
    const due = await checkDisputes(env.ctx);
    expect(due.outcomes.opened).toBe(1);
    const atCj = simDisputes(env, pt.cj.orderId!);
    expect(atCj).toHaveLength(1);
    const row = (await rowFor(env, pt.id, 'not_shipped'))!;
    expect(row).toMatchObject({ status: 'open', business_dispute_id: `${pt.number}-not_shipped`, cj_dispute_id: atCj[0]!.id, reason_id: 1 });
    expect(atCj[0]!.businessDisputeId).toBe(row.business_dispute_id);
    expect(row.cj_status).toBe('pending');
    expect(row.message).toContain(pt.number);

    const order = (await getOrder(env.ctx.db, pt.id))!;
    expect(order.status).toBe('disputed');
    const events = await orderEvents(env.ctx.db, pt.id);
    expect(events.find((e) => e.from === 'paid' && e.to === 'disputed')).toMatchObject({ actor: 'dispute', data: { rule: 'not_shipped', cjDisputeId: atCj[0]!.id } });
    const alerts = await alertsOf(env, 'dispute_opened');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toContain(pt.number);

    // Spain's override: 10 days.
    expect(await rowFor(env, es.id, 'not_shipped')).toBeUndefined();
    expect((await getOrder(env.ctx.db, es.id))!.status).toBe('paid');
    await env.advance(2 * DAY);
    await checkDisputes(env.ctx);
    expect(await rowFor(env, es.id, 'not_shipped')).toBeUndefined();
    await env.advance(1 * DAY);
    await checkDisputes(env.ctx);
    expect(await rowFor(env, es.id, 'not_shipped')).toMatchObject({ status: 'open' });
    expect(simDisputes(env, es.cj.orderId!)).toHaveLength(1);
    expect((await getOrder(env.ctx.db, es.id))!.status).toBe('disputed');
  });

  it.skipIf(!available)('runs twice and concurrently: one dispute per order and rule at CJ, create called once each', async () => {
    env = await disputeEnv(database, {}, sim);
    const orders = [await paidOrder(env), await paidOrder(env)];
    for (const o of orders) env.sim.control.stallOrder(o.cj.orderId!, 'shipping');
    await env.advance(7 * DAY);

    const [a, b] = await Promise.all([checkDisputes(env.ctx), checkDisputes(env.ctx)]);
    expect(a.outcomes.opened + b.outcomes.opened).toBe(2);
    await checkDisputes(env.ctx);
    await env.advance(30 * 60_000);
    await Promise.all([checkDisputes(env.ctx), checkDisputes(env.ctx), checkDisputes(env.ctx)]);

    for (const o of orders) {
      expect(simDisputes(env, o.cj.orderId!)).toHaveLength(1);
      expect(await disputeRows(env, o.id)).toHaveLength(1);
      const disputed = (await orderEvents(env.ctx.db, o.id)).filter((e) => e.to === 'disputed');
      expect(disputed).toHaveLength(1);
    }
    expect(simLedger(env, 'dispute')).toHaveLength(2);
    expect(simCalls(env, '/disputes/create')).toHaveLength(2);
    expect(await alertsOf(env, 'dispute_opened')).toHaveLength(2);
  });

  it.skipIf(!available)('tracking silent after 15 days, then not delivered at 45 days on the same (disputed) order; CJ status synced', async () => {
    env = await disputeEnv(database, {}, sim);
    const order = await shippedSilentOrder(env);
    const cjOrderId = order.cj.orderId!;

    await env.advance(14 * DAY);
    await checkDisputes(env.ctx);
    expect(simDisputes(env, cjOrderId)).toHaveLength(0);

    await env.advance(1 * DAY);
    await checkDisputes(env.ctx);
    const silent = (await rowFor(env, order.id, 'tracking_silent'))!;
    expect(silent).toMatchObject({ status: 'open', reason_id: 2, cj_status: 'pending' });
    expect((await getOrder(env.ctx.db, order.id))!.status).toBe('disputed');
    expect((await orderEvents(env.ctx.db, order.id)).some((e) => e.from === 'shipped' && e.to === 'disputed')).toBe(true);

    // CJ works on it: processing after a day, finished (refunded) after three.
    await env.advance(1 * DAY);
    await checkDisputes(env.ctx);
    expect(await rowFor(env, order.id, 'tracking_silent')).toMatchObject({ status: 'open', cj_status: 'processing' });
    await env.advance(2 * DAY);
    const synced = await checkDisputes(env.ctx);
    expect(synced.sync.closed).toBe(1);
    expect(await rowFor(env, order.id, 'tracking_silent')).toMatchObject({ status: 'closed', cj_status: 'finished' });
    const closedEvent = (await orderEvents(env.ctx.db, order.id)).find((e) => e.data.finallyDeal !== undefined && e.data.disputeId === silent.id);
    expect(closedEvent).toMatchObject({ actor: 'dispute', data: { finallyDeal: 1, outcome: 'refund' } });
    expect(simLedger(env, 'refund')).toHaveLength(1);
    // The closed dispute leaves the order disputed (delivery is the orders area's call).
    expect((await getOrder(env.ctx.db, order.id))!.status).toBe('disputed');

    // 18 days since shipping so far; not delivered at 45.
    await env.advance(26 * DAY);
    await checkDisputes(env.ctx);
    expect(await rowFor(env, order.id, 'not_delivered')).toBeUndefined();
    await env.advance(1 * DAY);
    await checkDisputes(env.ctx);
    const late = (await rowFor(env, order.id, 'not_delivered'))!;
    expect(late).toMatchObject({ status: 'open', reason_id: 3, business_dispute_id: `${order.number}-not_delivered` });
    const atCj = simDisputes(env, cjOrderId);
    expect(atCj.map((d) => d.businessDisputeId).sort()).toEqual([`${order.number}-not_delivered`, `${order.number}-tracking_silent`]);
    expect(late.cj_dispute_id).toBe(atCj.find((d) => d.businessDisputeId.endsWith('not_delivered'))!.id);
    const notes = (await orderEvents(env.ctx.db, order.id)).filter((e) => e.data.rule === 'not_delivered');
    expect(notes).toMatchObject([{ from: 'disputed', to: 'disputed', actor: 'dispute' }]);
    expect(await alertsOf(env, 'dispute_opened')).toHaveLength(2);

    // And never again for either rule.
    await env.advance(10 * DAY);
    await checkDisputes(env.ctx);
    expect(simDisputes(env, cjOrderId)).toHaveLength(2);
    expect(simCalls(env, '/disputes/create')).toHaveLength(2);
  });
});

describe('disputes disabled (sqlite)', () => {
  it('due orders get no dispute', async () => {
    const env = await disputeEnv('sqlite', { disputes: { enabled: false } }, sim);
    onTestFinished(() => env.close());
    const order = await paidOrder(env);
    env.sim.control.stallOrder(order.cj.orderId!, 'shipping');
    await env.advance(8 * DAY);
    const summary = await checkDisputes(env.ctx);
    expect(summary.candidates).toBe(0);
    expect(await disputeRows(env)).toHaveLength(0);
    expect(simCalls(env, '/disputes/disputeProducts')).toHaveLength(0);
    expect((await getOrder(env.ctx.db, order.id))!.status).toBe('paid');
  });
});
