// A `disputes/create` whose answer is lost after CJ committed it (the simulator's commit-then-drop):
// the dispute is looked up, never filed twice, and the order still ends up disputed.
import type { RunningSimulator } from '@lojista/cj-sim';
import { testDatabases } from '../support/databases.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkDisputes, openDispute } from '../../src/disputes/index.js';
import { getOrder, orderEvents } from '../../src/orders/order-repository.js';
import { DAY, alertsOf, disputeEnv, paidOrder, rowFor, simCalls, simDisputes, simLedger, type DisputeEnv } from './helpers.js';
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

describe.each(DATABASES)('lost create answers ($name)', ({ name: database, available }) => {
  let env: DisputeEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it.skipIf(!available)('commit-then-drop on create: found by the lookup at once, one dispute at CJ, order disputed, alert raised', async () => {
    env = await disputeEnv(database, {}, sim);
    const order = await paidOrder(env);
    env.sim.control.stallOrder(order.cj.orderId!, 'shipping');
    await env.advance(7 * DAY);
    env.sim.control.addFaults({ openId: env.openId, path: '/disputes/create', mode: 'commit-then-drop', times: 1 });

    const first = await checkDisputes(env.ctx);
    expect(first.outcomes).toMatchObject({ found: 1, opened: 0 });
    const creates = simCalls(env, '/disputes/create');
    expect(creates).toHaveLength(1);
    expect(creates[0]).toMatchObject({ fault: 'commit-then-drop', committed: true });
    const atCj = simDisputes(env, order.cj.orderId!);
    expect(atCj).toHaveLength(1);
    expect(await rowFor(env, order.id, 'not_shipped')).toMatchObject({ status: 'open', cj_dispute_id: atCj[0]!.id });
    expect((await getOrder(env.ctx.db, order.id))!.status).toBe('disputed');
    expect((await orderEvents(env.ctx.db, order.id)).filter((e) => e.to === 'disputed')).toHaveLength(1);
    expect(await alertsOf(env, 'dispute_opened')).toHaveLength(1);

    await checkDisputes(env.ctx);
    expect(simCalls(env, '/disputes/create')).toHaveLength(1);
    expect(simLedger(env, 'dispute')).toHaveLength(1);
  });

  it.skipIf(!available)('lost answer and a failing lookup: stays opening; later runs look it up instead of creating again', async () => {
    env = await disputeEnv(database, {}, sim);
    const order = await paidOrder(env);
    env.sim.control.stallOrder(order.cj.orderId!, 'shipping');
    await env.advance(7 * DAY);
    env.sim.control.addFaults([
      { openId: env.openId, path: '/disputes/create', mode: 'commit-then-drop', times: 1 },
      // A refusal the client does not retry: the lookup right after the lost answer fails.
      { openId: env.openId, path: '/disputes/getDisputeList', mode: 'error', code: 1600300, message: 'Param error', times: 1 },
    ]);

    const first = await openDispute(env.ctx, order.id, 'not_shipped');
    expect(first.outcome).toBe('pending');
    const row = (await rowFor(env, order.id, 'not_shipped'))!;
    expect(row).toMatchObject({ status: 'opening', reason_id: 1, cj_dispute_id: null });
    expect((await getOrder(env.ctx.db, order.id))!.status).toBe('paid');
    expect(simDisputes(env, order.cj.orderId!)).toHaveLength(1); // CJ has it; we do not know yet

    // A lookup that still fails leaves it opening, and nothing is sent to create.
    env.sim.control.addFaults({ openId: env.openId, path: '/disputes/getDisputeList', mode: 'error', code: 1600300, message: 'Param error', times: 1 });
    const blind = await checkDisputes(env.ctx);
    expect(blind.outcomes.pending).toBe(1);
    expect(simCalls(env, '/disputes/create')).toHaveLength(1);

    // Days later CJ has finished it (so it would even accept lines for a new one): the next run
    // looks it up first, adopts it, and still never sends create again.
    await env.advance(4 * DAY);
    const second = await checkDisputes(env.ctx);
    expect(second.outcomes.found).toBe(1);
    expect(simCalls(env, '/disputes/create')).toHaveLength(1);
    expect(simDisputes(env, order.cj.orderId!)).toHaveLength(1);
    expect(await rowFor(env, order.id, 'not_shipped')).toMatchObject({
      status: 'closed',
      cj_status: 'finished',
      cj_dispute_id: simDisputes(env, order.cj.orderId!)[0]!.id,
    });
    expect((await getOrder(env.ctx.db, order.id))!.status).toBe('disputed');
    const decided = (await orderEvents(env.ctx.db, order.id)).find((e) => e.data.finallyDeal !== undefined);
    expect(decided).toMatchObject({ actor: 'dispute', data: { finallyDeal: 1, outcome: 'refund', rule: 'not_shipped' } });
    expect(await alertsOf(env, 'dispute_opened')).toHaveLength(1);
  });

  it.skipIf(!available)('a dispute already at CJ under our businessDisputeId (record lost) is adopted, open or finished, never filed again', async () => {
    env = await disputeEnv(database, {}, sim);
    const open = await paidOrder(env);
    const finished = await paidOrder(env);
    for (const o of [open, finished]) env.sim.control.stallOrder(o.cj.orderId!, 'shipping');
    // Filed at CJ with our business ids by a run whose database rows were lost.
    const fileBehindOurBack = async (cjOrderId: string, businessDisputeId: string) => {
      const line = (await env!.ctx.cj.disputes.products(cjOrderId)).productInfoList[0]!;
      await env!.ctx.cj.disputes.create({
        businessDisputeId,
        orderId: cjOrderId,
        disputeReasonId: 1,
        expectType: 1,
        refundType: 1,
        messageText: 'filed before the crash',
        productInfoList: [{ lineItemId: line.lineItemId!, quantity: line.quantity ?? 1, price: line.price ?? '0' }],
      });
    };
    await fileBehindOurBack(finished.cj.orderId!, `${finished.number}-not_shipped`);
    await env.advance(6 * DAY); // CJ finishes that one (refund) after 3 days
    await fileBehindOurBack(open.cj.orderId!, `${open.number}-not_shipped`);
    await env.advance(1 * DAY); // this one is still being processed
    expect(simCalls(env, '/disputes/create')).toHaveLength(2);

    // Open at CJ: no line can be chosen, so the lookup finds ours without a create.
    expect((await openDispute(env.ctx, open.id, 'not_shipped')).outcome).toBe('found');
    expect(simCalls(env, '/disputes/create')).toHaveLength(2);
    expect(await rowFor(env, open.id, 'not_shipped')).toMatchObject({ status: 'open', cj_dispute_id: simDisputes(env, open.cj.orderId!)[0]!.id });

    // Finished at CJ: create is refused as a duplicate businessDisputeId (1607008), and the lookup adopts it.
    expect((await openDispute(env.ctx, finished.id, 'not_shipped')).outcome).toBe('found');
    const creates = simCalls(env, '/disputes/create');
    expect(creates).toHaveLength(3);
    expect(creates[2]).toMatchObject({ code: 1607008, committed: false });
    expect(simDisputes(env, finished.cj.orderId!)).toHaveLength(1);
    expect(await rowFor(env, finished.id, 'not_shipped')).toMatchObject({ status: 'closed', cj_status: 'finished' });
    for (const o of [open, finished]) expect((await getOrder(env.ctx.db, o.id))!.status).toBe('disputed');
  });
});
