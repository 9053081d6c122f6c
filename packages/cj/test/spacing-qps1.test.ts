import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CjClient, MemoryTokenStore } from '../src/index.js';
import { type ArrivalServer, gaps, startArrivalServer } from './helpers/arrival-server.js';

let server: ArrivalServer;
beforeAll(async () => {
  server = await startArrivalServer();
});
afterAll(() => server.stop());

describe('QPS spacing with the default, process-wide limiter', () => {
  it('8 callers on two clients of the same account at qps 1: arrivals ≥ 1000 ms apart', async () => {
    // No `limiter` option: both clients get the process-wide limiter, keyed by accountId.
    const store = new MemoryTokenStore();
    const opts = { apiKey: 'CJ1@api@y', accountId: 'acct-shared-qps1', baseUrl: server.baseUrl, qps: 1 as const, tokenStore: store };
    const a = new CjClient(opts);
    const b = new CjClient(opts);
    await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).stock.byVid(`V${i}`)));
    const arrivals = await server.arrivals();
    expect(arrivals).toHaveLength(9); // one shared getAccessToken + 8
    const g = gaps(arrivals.map((x) => x.at));
    expect(Math.min(...g)).toBeGreaterThanOrEqual(1000);
    console.log(`qps 1, 8 callers on 2 clients: min gap ${Math.min(...g).toFixed(1)} ms`);
  }, 30_000);
});
