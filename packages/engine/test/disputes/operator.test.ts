// The operator's side: cancel at CJ (also when CJ's answer is lost, or when CJ already closed it),
// the admin routes (token, input validation, list/detail/cancel), and the wiring the runtime gets
// from registerDisputes (the schedule's job through a real job runner).
import type { RunningSimulator } from '@lojista/cj-sim';
import { testDatabases } from '../support/databases.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syncSchedules, Scheduler } from '../../src/jobs/scheduler.js';
import { cancelDispute, checkDisputes, DISPUTES_JOB, registerDisputes, type DisputesRegistration } from '../../src/disputes/index.js';
import { getOrder, orderEvents } from '../../src/orders/order-repository.js';
import { silentLogger } from '../support/logger.js';
import { DAY, disputeEnv, paidOrder, rowFor, simCalls, simDisputes, type DisputeEnv } from './helpers.js';
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

/** Paid orders stalled at CJ, each with its not_shipped dispute open. */
async function openDisputes(env: DisputeEnv, n: number) {
  const orders = [];
  for (let i = 0; i < n; i++) orders.push(await paidOrder(env));
  for (const o of orders) env.sim.control.stallOrder(o.cj.orderId!, 'shipping');
  await env.advance(7 * DAY);
  await checkDisputes(env.ctx);
  const rows = [];
  for (const o of orders) rows.push((await rowFor(env, o.id, 'not_shipped'))!);
  for (const r of rows) expect(r.status).toBe('open');
  return { orders, rows };
}

describe.each(DATABASES)('operator cancel ($name)', ({ name: database, available }) => {
  let env: DisputeEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it.skipIf(!available)('cancels at CJ even when the answer is lost; refuses once CJ has closed it', async () => {
    env = await disputeEnv(database, {}, sim);
    const { orders, rows } = await openDisputes(env, 2);

    env.sim.control.addFaults({ openId: env.openId, path: '/disputes/cancel', mode: 'commit-then-drop', times: 1 });
    const cancelled = await cancelDispute(env.ctx, rows[0]!.id);
    expect(cancelled).toMatchObject({ ok: true, dispute: { status: 'cancelled', cjStatus: 'cancelled' } });
    expect(simCalls(env, '/disputes/cancel')).toHaveLength(1);
    expect(simDisputes(env, orders[0]!.cj.orderId!)[0]!.status).toBe('cancelled');
    expect(await rowFor(env, orders[0]!.id, 'not_shipped')).toMatchObject({ status: 'cancelled' });
    const note = (await orderEvents(env.ctx.db, orders[0]!.id)).find((e) => e.reason.includes('cancelled by the operator'));
    expect(note).toMatchObject({ actor: 'admin', data: { disputeId: rows[0]!.id, cjDisputeId: rows[0]!.cj_dispute_id } });
    // Cancelled stays cancelled: no second call, and the rule never files again.
    expect(await cancelDispute(env.ctx, rows[0]!.id)).toMatchObject({ ok: false, status: 409, code: 'not_open' });
    expect(simCalls(env, '/disputes/cancel')).toHaveLength(1);

    // CJ finishes the other one before our sync sees it: CJ refuses the cancel, and we learn it closed.
    await env.advance(3 * DAY);
    const late = await cancelDispute(env.ctx, rows[1]!.business_dispute_id);
    expect(late).toMatchObject({ ok: false, status: 409, code: 'already_closed' });
    expect(await rowFor(env, orders[1]!.id, 'not_shipped')).toMatchObject({ status: 'closed', cj_status: 'finished' });
    expect(simDisputes(env, orders[1]!.cj.orderId!)[0]!.status).toBe('finished');

    await checkDisputes(env.ctx);
    expect(simDisputes(env)).toHaveLength(2);
    expect(await cancelDispute(env.ctx, 'no-such-dispute')).toMatchObject({ ok: false, status: 404 });
  });
});

describe('admin routes and wiring (sqlite)', () => {
  let env: DisputeEnv;
  let reg: DisputesRegistration;
  let opened: Awaited<ReturnType<typeof openDisputes>>;
  const request = (method: 'GET' | 'POST', url: string, token: string | null = env.store.adminToken) =>
    env.store.runtime.app.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    env = await disputeEnv('sqlite', {}, sim);
    // The store runtime registers the routes and the job itself; this gives the test the schedule list.
    reg = registerDisputes({ ctx: env.ctx, runner: env.store.runtime.runner });
    opened = await openDisputes(env, 1);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('need the admin token', async () => {
    for (const [method, url] of [
      ['GET', '/api/disputes'],
      ['GET', `/api/disputes/${opened.rows[0]!.id}`],
      ['POST', `/api/disputes/${opened.rows[0]!.id}/cancel`],
    ] as const) {
      const none = await request(method, url, null);
      expect(none.statusCode, `${method} ${url}`).toBe(401);
      expect(none.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect((await request(method, url, 'x'.repeat(48))).statusCode).toBe(401);
    }
    expect(simCalls(env, '/disputes/cancel')).toHaveLength(0);
    expect(simDisputes(env, opened.orders[0]!.cj.orderId!)[0]!.status).not.toBe('cancelled');
  });

  it('validate their input', async () => {
    const cases: Array<[string, string]> = [
      ['/api/disputes?status=nope', 'querystring.status'],
      ['/api/disputes?rule=too_late', 'querystring.rule'],
      ['/api/disputes?limit=0', 'querystring.limit'],
      ['/api/disputes?page=abc', 'querystring.page'],
      ['/api/disputes?colour=red', 'querystring.colour'],
      [`/api/disputes/${opened.rows[0]!.id}?live=maybe`, 'querystring.live'],
    ];
    for (const [url, field] of cases) {
      const res = await request('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ error: { code: 'invalid_input', field } });
    }
    const missing = await request('GET', '/api/disputes/no-such-dispute');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await request('POST', '/api/disputes/no-such-dispute/cancel')).statusCode).toBe(404);
  });

  it('list, detail (with CJ live) and cancel', async () => {
    const row = opened.rows[0]!;
    const order = opened.orders[0]!;
    const list = await request('GET', '/api/disputes');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id: row.id, orderNumber: order.number, rule: 'not_shipped', status: 'open', cjDisputeId: row.cj_dispute_id, businessDisputeId: `${order.number}-not_shipped` }],
    });
    expect((await request('GET', '/api/disputes?status=closed')).json()).toMatchObject({ total: 0, items: [] });
    expect((await request('GET', `/api/disputes?order=${order.number}&rule=not_shipped`)).json()).toMatchObject({ total: 1 });

    const detail = await request('GET', `/api/disputes/${row.business_dispute_id}?live=true`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body).toMatchObject({ id: row.id, orderStatus: 'disputed', cj: { detail: { id: row.cj_dispute_id, businessDisputeId: row.business_dispute_id } } });
    expect(body.events.some((e: { to: string }) => e.to === 'disputed')).toBe(true);

    const cancel = await request('POST', `/api/disputes/${row.id}/cancel`);
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ cancelled: true, dispute: { id: row.id, status: 'cancelled' } });
    expect(simDisputes(env, order.cj.orderId!)[0]!.status).toBe('cancelled');
    const again = await request('POST', `/api/disputes/${row.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'not_open' } });
    expect(simCalls(env, '/disputes/cancel')).toHaveLength(1);
  });

  it('registerDisputes: the 30-minute schedule runs the check through the job runner', async () => {
    expect(reg.schedules).toEqual([{ name: 'disputes', intervalMs: 30 * 60_000, jobType: DISPUTES_JOB }]);
    const order = await paidOrder(env);
    env.sim.control.stallOrder(order.cj.orderId!, 'shipping');
    const { db } = env.ctx;
    await syncSchedules(db, env.clock, reg.schedules);
    const scheduler = new Scheduler(db, env.clock, silentLogger(), reg.schedules);
    expect(await scheduler.tick()).toEqual([]); // not due yet
    await env.advance(7 * DAY);
    expect(await scheduler.tick()).toEqual(['disputes']);
    env.store.runtime.runner.start();
    const deadline = Date.now() + 15_000;
    while ((await rowFor(env, order.id, 'not_shipped'))?.status !== 'open') {
      if (Date.now() > deadline) throw new Error('the scheduled check did not open the dispute');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await getOrder(db, order.id))!.status).toBe('disputed');
    expect(simDisputes(env, order.cj.orderId!)).toHaveLength(1);
  });
});
