// The per-token budgets of the MCP server, met through the official SDK client over Streamable HTTP:
// `mcp.rateLimit` (tool calls per token) and `mcp.cjRateLimit` (CJ-backed tool calls per token) are
// each token's own, refuse with a `rate_limited` error that says when to retry, spend no CJ call
// when refused, and come back when the window has passed (the store's injectable clock moves it).
import type { RunningSimulator } from '@lojista/cj-sim';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentToken } from '../../src/agents/agent-tokens.js';
import { ManualClock } from '../../src/clock.js';
import { simAccount } from '../orders/helpers.js';
import { startTestStore, testSimulator, uniqueStoreId, type TestStore } from '../support/store-harness.js';

const CALLS_PER_MINUTE = 3;

describe('MCP per-token budgets over Streamable HTTP (SQLite)', () => {
  const clock = new ManualClock(Date.now());
  let sim: RunningSimulator;
  let store: TestStore;
  const clients: Client[] = [];

  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({
      database: 'sqlite',
      sim,
      clock,
      id: uniqueStoreId('mb'),
      config: {
        http: { port: 0, publicRateLimit: { max: 100_000, window: '1m' } },
        schedules: { scanOnFirstStart: false, orderReconcile: '24h' },
        mcp: { rateLimit: { max: CALLS_PER_MINUTE, window: '1m' }, cjRateLimit: { max: 1, window: '1m' } },
      },
    });
  }, 90_000);

  afterAll(async () => {
    for (const c of clients) await c.close().catch(() => undefined);
    await store?.close();
    await sim?.close();
  });

  async function agent(name: string): Promise<Client> {
    const made = await createAgentToken(store.runtime.ctx.db, clock, { name, scope: 'read' });
    if (!made.ok) throw new Error(made.message);
    const client = new Client({ name: `budget-${name}`, version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${store.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${made.token}` } } }));
    clients.push(client);
    return client;
  }

  const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  const errorOf = (r: CallToolResult) => (r.structuredContent as { error?: { code: string; message: string } } | undefined)?.error;
  const searchesAtCj = () => sim.control.ledger({ kind: 'call', openId: simAccount(sim, store).openId }).filter((e) => e.kind === 'call' && e.path.endsWith('/product/listV2')).length;

  it('a token gets its own tool-call budget, is refused with when to retry, and gets it back when the window passes', async () => {
    const first = await agent('first');
    const second = await agent('second');
    for (let i = 0; i < CALLS_PER_MINUTE; i++) expect((await call(first, 'store_overview')).isError, `call ${i + 1}`).toBeFalsy();

    const refused = await call(first, 'store_overview');
    expect(refused.isError).toBe(true);
    expect(errorOf(refused)?.code).toBe('rate_limited');
    expect(errorOf(refused)?.message).toMatch(/too many tool calls for this token; retry in 60 s/);

    // Another token of the same store is not affected.
    expect((await call(second, 'store_overview')).isError).toBeFalsy();

    clock.advance(30_000);
    expect(errorOf(await call(first, 'store_overview'))?.message).toMatch(/retry in 30 s/);
    clock.advance(30_001);
    expect((await call(first, 'store_overview')).isError).toBeFalsy();
  });

  it('CJ-backed tools have their own, smaller budget: a refused search spends no CJ call, other tools still answer', async () => {
    const searcher = await agent('searcher');
    const before = searchesAtCj();
    const args = { keyword: 'amethyst', page: 1, size: 10 };
    const firstSearch = await call(searcher, 'cj_search_products', args);
    expect(firstSearch.isError, JSON.stringify(firstSearch.content).slice(0, 300)).toBeFalsy();
    expect(searchesAtCj()).toBe(before + 1);

    const second = await call(searcher, 'cj_search_products', args);
    expect(errorOf(second)?.code).toBe('rate_limited');
    expect(errorOf(second)?.message).toMatch(/too many CJ calls for this token/);
    expect(searchesAtCj(), 'the refused search never reached CJ').toBe(before + 1);

    // The CJ budget is spent, the tool-call budget is not (2 of 3 used): a look at the store answers.
    expect((await call(searcher, 'store_overview')).isError).toBeFalsy();

    clock.advance(60_001);
    expect((await call(searcher, 'cj_search_products', args)).isError).toBeFalsy();
    expect(searchesAtCj()).toBe(before + 2);
  });
});
