// An agent floods CJ catalogue searches through the MCP server while a customer pays: fulfilment's
// CJ calls keep priority on the account's QPS. Measured by order, not by the clock: between the
// payment and the order being paid at CJ, at most one background search per fulfilment call gets
// through (without the priority lane, every queued search would go first). The times of payment →
// paid at CJ with and without the flood are printed for the record.
import { randomBytes } from 'node:crypto';
import type { RunningSimulator } from '@lojista/cj-sim';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentToken } from '../../src/agents/agent-tokens.js';
import { buyables, checkoutBody, orderIn, postCheckout, simAccount, until } from '../orders/helpers.js';
import { startTestStore, testSimulator, uniqueStoreId, type TestStore } from '../support/store-harness.js';

/** At the account's 4 QPS, 32 searches keep CJ busy for 8 s: longer than a checkout and its fulfilment on a loaded machine. */
const FLOOD = 32;

describe('an agent flood of CJ searches does not hold up fulfilment (SQLite)', () => {
  let sim: RunningSimulator;
  let store: TestStore;
  let client: Client;

  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({
      database: 'sqlite',
      sim,
      id: uniqueStoreId('fl'),
      config: {
        // Every request of the flood is its own connection from 127.0.0.1, as is the checkout: no per-address cap.
        http: { port: 0, publicRateLimit: { max: 100_000, window: '1m' }, maxConnectionsPerIp: 0 },
        cj: { qps: 4 },
        schedules: { scanOnFirstStart: false, orderReconcile: '24h' },
        mcp: { rateLimit: { max: 1000, window: '1m' }, cjRateLimit: { max: 1000, window: '1m' } },
      },
    });
    const scan = await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 120 });
    expect(scan.status).toBe('finished');
    const token = await createAgentToken(store.runtime.ctx.db, store.runtime.ctx.clock, { name: 'flooder', scope: 'read' });
    if (!token.ok) throw new Error(token.message);
    client = new Client({ name: 'flood', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${store.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token.token}` } } }));
  }, 90_000);

  afterAll(async () => {
    await client?.close();
    await store?.close();
    await sim?.close();
  });

  const openId = () => simAccount(sim, store).openId;
  const calls = (since: number) => sim.control.ledger({ kind: 'call', openId: openId(), since }).filter((e) => e.kind === 'call') as Array<{ seq: number; path: string }>;

  async function payAndWait(variantId: string): Promise<{ ms: number; cursor: number; paySeq: number }> {
    const cursor = sim.control.ledgerCursor();
    const started = performance.now();
    const res = await postCheckout(store, checkoutBody(variantId, { checkoutKey: `flood-${randomBytes(6).toString('hex')}` }));
    expect(res.status).toBe(201);
    await orderIn(store.runtime.ctx, res.body.order.orderId, ['paid'], 60_000);
    const ms = performance.now() - started;
    const pay = calls(cursor).filter((c) => /pay/i.test(c.path) && !/listV2/.test(c.path)).at(-1);
    expect(pay, 'the pay call at CJ').toBeDefined();
    return { ms, cursor, paySeq: pay!.seq };
  }

  it('payment → paid at CJ: with a flood of agent searches, fulfilment still goes first', async () => {
    const [a, b, c] = await buyables(store.runtime.ctx);
    const quiet = await payAndWait(a!.variantId);

    const floodStart = sim.control.ledgerCursor();
    const flood = Array.from({ length: FLOOD }, (_, i) => client.callTool({ name: 'cj_search_products', arguments: { keyword: i % 2 ? 'amethyst' : 'incense', page: 1 + (i % 5), size: 10 } }));
    // Should the test fail before it awaits them, the searches still in flight end with the client: not "unhandled".
    for (const p of flood) p.catch(() => undefined);
    // The flood is under way: CJ has answered a search or two and the rest are queued.
    await until('the flood to reach CJ', async () => calls(floodStart).some((c) => c.path.endsWith('/product/listV2')), 30_000);
    const busy = await payAndWait(b!.variantId);
    const results = await Promise.all(flood);
    for (const r of results) expect(r.isError).toBeFalsy();

    const window = calls(busy.cursor).filter((c) => c.seq <= busy.paySeq);
    const searchesDuring = window.filter((c) => c.path.endsWith('/product/listV2')).length;
    const fulfilmentCalls = window.filter((c) => !c.path.endsWith('/product/listV2')).length;
    const searchesAfter = calls(busy.paySeq).filter((c) => c.path.endsWith('/product/listV2')).length;
    console.log(
      `[flood] payment → paid at CJ: quiet ${Math.round(quiet.ms)} ms, during a flood of ${FLOOD} agent searches ${Math.round(busy.ms)} ms; ` +
        `searches CJ answered meanwhile ${searchesDuring} (fulfilment calls ${fulfilmentCalls}), searches after the payment at CJ ${searchesAfter}`,
    );
    // The flood was still going when the order was paid at CJ, so searches were queued the whole
    // time (all were sent at once): the measure means something. How many are left depends on how
    // long the checkout took before fulfilment began (the flood runs meanwhile), i.e. on the CPU.
    expect(searchesAfter).toBeGreaterThan(0);
    // At most one background search per fulfilment call (the one already granted or next in line).
    expect(searchesDuring).toBeLessThanOrEqual(fulfilmentCalls + 1);

    // The same flood sent straight to the client, outside the background lane: the searches go first.
    const directStart = sim.control.ledgerCursor();
    const direct = Array.from({ length: FLOOD }, (_, i) =>
      store.runtime.ctx.cj.products.listV2({ keyWord: i % 2 ? 'amethyst' : 'incense', page: 1 + (i % 5), size: 10 }),
    );
    for (const p of direct) p.catch(() => undefined);
    await until('the direct flood to reach CJ', async () => calls(directStart).some((c) => c.path.endsWith('/product/listV2')), 30_000);
    const unprioritised = await payAndWait(c!.variantId);
    await Promise.all(direct);
    const directDuring = calls(unprioritised.cursor).filter((x) => x.seq <= unprioritised.paySeq && x.path.endsWith('/product/listV2')).length;
    console.log(`[flood] without the background lane: payment → paid at CJ ${Math.round(unprioritised.ms)} ms; searches CJ answered meanwhile ${directDuring}`);
    expect(directDuring).toBeGreaterThan(searchesDuring);
  }, 120_000);
});
