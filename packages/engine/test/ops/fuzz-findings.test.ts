// What fuzzing found, each fixed: CJ webhook types that are Object.prototype's names, malformed
// chunked bodies, admin answers a cache could keep — and the request id that ties an access-log line
// to the job the request enqueued and the CJ calls that job made.
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { computeWebhookSignature } from '@lojista/cj';
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../support/logger.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { call, simAccount, waitForScansIdle } from '../http/http-helpers.js';
import { attachSimulator, type PreparedStore } from '../../src/runtime/engine.js';
import { simulatorApiKey } from '../../src/runtime/supplier-setup.js';
import { silentLogger } from '../support/logger.js';

let sim: RunningSimulator;
let store: TestStore;
const logs = captureLogger('debug');
const errorLines = () => logs.lines().filter((l) => (l.level as number) >= 50);

beforeAll(async () => {
  sim = await testSimulator({ catalogueSize: 50 });
  store = await startTestStore({
    database: 'sqlite',
    sim,
    rootLog: logs.log,
    config: { catalog: { pageSize: 20, pointsBudgetPerScan: 300 }, http: { port: 0, publicRateLimit: { max: 100_000 } } },
  });
  await store.runtime.ctx.cj.auth.accessToken(); // the store learns its openId (the signing key) with its first token
});
afterAll(async () => {
  await store?.close();
  await sim?.close();
});

/** Writes raw bytes, then resets the connection after `resetAfterMs` (or reads until the server closes). */
function raw(bytes: string, resetAfterMs?: number): Promise<string> {
  const port = Number(new URL(store.url).port);
  return new Promise((resolve) => {
    let got = '';
    const socket = connect({ port, host: '127.0.0.1' }, () => {
      socket.write(bytes);
      if (resetAfterMs !== undefined) setTimeout(() => socket.resetAndDestroy(), resetAfterMs);
    });
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(got));
    setTimeout(() => socket.destroy(), 20_000);
  });
}

describe('CJ webhooks whose type is a name of Object.prototype', () => {
  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])('type %s is acknowledged and recorded as unknown', async (type) => {
    const openId = simAccount(sim, store);
    const messageId = randomBytes(12).toString('hex');
    const body = `{"messageId":"${messageId}","type":${JSON.stringify(type)},"messageType":"UPDATE","openId":${openId},"params":{}}`;
    const r = await call(store.url, 'POST', '/api/webhooks/cj', { raw: body, contentType: 'application/json', headers: { sign: computeWebhookSignature(body, openId) } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ code: 200, result: 'success', message: 'received' });
    const row = await store.runtime.ctx.db.selectFrom('inbox').selectAll().where('id', '=', `cj:${messageId}`).executeTakeFirstOrThrow();
    expect(row.type).toBe('UNKNOWN');
    expect(JSON.parse(row.payload).type).toBe(type);
  });
});

describe('malformed chunked bodies', () => {
  const head = 'POST /api/leads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';

  it('answer a quiet 400 in the uniform error format', async () => {
    for (const body of ['zz\r\nabc\r\n0\r\n\r\n', '5\r\n{"a":\r\nXX', '-1\r\nx\r\n', '3\r\n{"ax\r\n']) {
      const answer = await raw(head + body);
      expect(answer.split('\r\n')[0], JSON.stringify(body)).toBe('HTTP/1.1 400 Bad Request');
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
        error: { code: 'bad_request', message: 'malformed HTTP request (framing, chunked encoding or headers)' },
      });
    }
    expect(errorLines()).toEqual([]);
  });

  it('log no error when the client also drops the connection at once, however the timing falls', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => raw(head + '5\r\n{"a":\r\n' + (i % 2 ? 'zz\r\n' : ''), i % 3)));
    expect(errorLines()).toEqual([]);
    expect((await call(store.url, 'GET', '/health')).status).toBe(200);
  });
});

describe('admin answers carrying customer data', () => {
  it('send Cache-Control: no-store (refusals too); public answers do not', async () => {
    for (const path of ['/api/orders', '/api/leads', '/api/catalog/scans', '/metrics']) {
      const ok = await call(store.url, 'GET', path, { token: store.adminToken });
      expect(ok.status, path).toBe(200);
      expect(ok.headers.get('cache-control'), path).toBe('no-store');
      const refused = await call(store.url, 'GET', path);
      expect(refused.status, path).toBe(401);
      expect(refused.headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await call(store.url, 'GET', '/api/catalog')).headers.get('cache-control')).not.toBe('no-store');
  });
});

describe('the request id', () => {
  it('is taken from X-Request-Id when sane, returned, on the access line, and carried into the job and its CJ calls', async () => {
    const id = `req-${randomBytes(6).toString('hex')}`;
    const r = await call(store.url, 'POST', '/api/catalog/scan', { token: store.adminToken, headers: { 'x-request-id': id } });
    expect(r.status, r.text).toBe(202);
    expect(r.headers.get('x-request-id')).toBe(id);
    await waitForScansIdle(store);
    const job = await store.runtime.ctx.db.selectFrom('jobs').select('payload').where('type', '=', 'catalog.scan').executeTakeFirstOrThrow();
    expect(JSON.parse(job.payload).requestId).toBe(id);
    const mine = logs.lines().filter((l) => l.requestId === id);
    const access = mine.filter((l) => l.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ level: 30, method: 'POST', route: '/api/catalog/scan', status: 202, store: store.id });
    expect(typeof access[0]!.ms).toBe('number');
    // The scan job's CJ calls (made long after the request ended) carry the request's id.
    expect(mine.filter((l) => l.msg === 'CJ call').length).toBeGreaterThan(0);
  });

  it('is generated when absent or not sane, and one access line is written per request', async () => {
    const before = logs.lines().length;
    const plain = await call(store.url, 'GET', '/health');
    const forged = await call(store.url, 'GET', '/health', { headers: { 'x-request-id': 'x"} {"level":60' } });
    const generated = [plain.headers.get('x-request-id'), forged.headers.get('x-request-id')];
    for (const g of generated) expect(g).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated[0]).not.toBe(generated[1]);
    const access = logs.lines().slice(before).filter((l) => l.msg === 'request');
    expect(access.map((l) => l.requestId)).toEqual(generated);
  });
});

describe('the in-process simulator', () => {
  it('gives each store account a random openId (the webhook signing key), not one that follows from the store id', async () => {
    const ids: string[] = [];
    for (let run = 0; run < 2; run++) {
      const prepared = [{ loaded: { id: 'same-store', config: { cj: { qps: 1 } } }, supplier: { apiKey: simulatorApiKey('same-store'), needsInProcessSimulator: true } }] as unknown as PreparedStore[];
      const running = await attachSimulator(prepared, { log: silentLogger() });
      try {
        const account = running!.control.getAccount(simulatorApiKey('same-store'))!;
        expect(account.openId).toMatch(/^[1-9]\d{18}$/);
        expect(simulatorApiKey('same-store')).not.toContain(account.openId);
        ids.push(account.openId);
      } finally {
        await running!.close();
      }
    }
    expect(ids[0]).not.toBe(ids[1]);
  });
});
