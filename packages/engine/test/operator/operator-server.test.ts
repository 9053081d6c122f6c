import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { RunningSimulator } from '@lojista/cj-sim';
import { startOperatorServer } from '../../src/operator/operator-server.js';
import { freePort, startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';

describe('the operator listener', () => {
  let sim: RunningSimulator;
  let stores: TestStore[] = [];
  let operator: FastifyInstance;
  let url: string;
  const token = 'o'.repeat(32);

  beforeAll(async () => {
    sim = await testSimulator();
    stores = [await startTestStore({ database: 'sqlite', sim, id: 'opa' }), await startTestStore({ database: 'sqlite', sim, id: 'opb' })];
    const port = await freePort();
    operator = await startOperatorServer({ port, host: '127.0.0.1', token, stores: stores.map((s) => s.runtime) });
    url = `http://127.0.0.1:${port}`;
    // Traffic on both stores, so both have series.
    for (const s of stores) await fetch(`${s.url}/health`);
  });
  afterAll(async () => {
    await operator?.close();
    for (const s of stores) await s.close();
    await sim?.close();
  });

  it('needs its own token', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${stores[0]!.adminToken}` } })).status).toBe(401);
  });

  it('serves the metrics of every store of the process, each labelled, plus process metrics', async () => {
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('lojista_http_requests_total{');
    expect(text).toMatch(/lojista_http_requests_total\{[^}]*store="opa"/);
    expect(text).toMatch(/lojista_http_requests_total\{[^}]*store="opb"/);
    expect(text).toContain('lojista_process_');
    // One family header per metric, as the exposition format requires.
    expect(text.match(/^# TYPE lojista_http_requests_total /gm)).toHaveLength(1);
  });

  it("sends the stores' security headers, on refusals too, and no-store", async () => {
    const SECURITY = /^(content-security-policy|strict-transport-security|x-content-type-options|x-frame-options|referrer-policy|cross-origin-.*|origin-agent-cluster|x-dns-prefetch-control|x-download-options|x-permitted-cross-domain-policies|x-xss-protection)$/;
    const storeHeaders = [...(await fetch(`${stores[0]!.url}/health`)).headers.keys()].filter((k) => SECURITY.test(k)).sort();
    expect(storeHeaders.length).toBeGreaterThanOrEqual(8);
    for (const res of [await fetch(`${url}/health`, { headers: { authorization: `Bearer ${token}` } }), await fetch(`${url}/metrics`)]) {
      const operatorHeaders = [...res.headers.keys()].filter((k) => SECURITY.test(k)).sort();
      expect(operatorHeaders).toEqual(storeHeaders);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('lists the stores in /health', async () => {
    const res = await fetch(`${url}/health`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { stores: Array<{ id: string; supplier: string }> };
    expect(body.stores.map((s) => s.id)).toEqual(['opa', 'opb']);
  });
});
