// Slow clients cannot hold the listener: slowloris sockets (a request head sent a byte at a time),
// half-sent uploads and idle keep-alive sockets are all closed by the header, request and idle
// timeouts, and one address cannot open more than http.maxConnectionsPerIp sockets — while a normal
// client from another address is served throughout. Outcomes are counted, not timed: the bound
// below only says "closed at all", generous enough for a loaded machine.
import { request } from 'node:http';
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { idleKeepAlive, slowloris, stalledUpload, type SocketOutcome } from './slow-clients.js';

let sim: RunningSimulator;
let store: TestStore;

beforeAll(async () => {
  sim = await testSimulator({ catalogueSize: 50 });
  store = await startTestStore({
    database: 'sqlite',
    sim,
    config: { http: { port: 0, timeouts: { headers: '2s', request: '3s', idle: '2s' }, maxConnectionsPerIp: 20, publicRateLimit: { max: 100_000 } } },
  });
});
afterAll(async () => {
  await store?.close();
  await sim?.close();
});

function get(path: string, localAddress: string): Promise<number> {
  const { port } = new URL(store.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const within = <T>(ms: number, work: Promise<T>, what: string) =>
  Promise.race([work, new Promise<never>((_r, reject) => setTimeout(() => reject(new Error(`${what}: not done within ${ms} ms`)), ms))]);

describe('slow clients', () => {
  it('closes slowloris, stalled and idle sockets, caps sockets per address, and keeps serving others', async () => {
    const port = Number(new URL(store.url).port);
    const loris = Array.from({ length: 100 }, () => slowloris(port, '127.0.0.2'));
    const uploads = Array.from({ length: 20 }, () => stalledUpload(port, '127.0.0.3', '/api/checkout'));
    const idle = Array.from({ length: 5 }, () => idleKeepAlive(port, '127.0.0.4'));

    // A customer from another address is served while all of that is open.
    const served: number[] = [];
    for (let i = 0; i < 5; i++) served.push(await get('/health', '127.0.0.1'));
    expect(served).toEqual([200, 200, 200, 200, 200]);

    const [lorisOut, uploadOut, idleOut] = (await within(
      90_000,
      Promise.all([Promise.all(loris.map((s) => s.done)), Promise.all(uploads.map((s) => s.done)), Promise.all(idle.map((s) => s.done))]),
      'slow sockets closed',
    )) as [SocketOutcome[], SocketOutcome[], SocketOutcome[]];

    // 20 admitted (the cap), each cut off by the header timeout with a 408; 80 refused unanswered.
    const refused = lorisOut.filter((o) => !o.answered);
    const timedOut = lorisOut.filter((o) => o.firstLine.startsWith('HTTP/1.1 408'));
    expect({ refused: refused.length, timedOut: timedOut.length }).toEqual({ refused: 80, timedOut: 20 });
    // Half-sent uploads are cut off by the request timeout (each within the cap of its address).
    expect(uploadOut.length).toBe(20);
    for (const o of uploadOut) expect(o.firstLine === '' || /^HTTP\/1\.1 (408|400)/.test(o.firstLine), o.firstLine).toBe(true);
    // Idle keep-alive sockets got their answer, then were closed by the idle timeout.
    expect(idleOut.map((o) => o.firstLine)).toEqual(Array(5).fill('HTTP/1.1 200 OK'));
    console.log(
      `slow clients: ${refused.length} refused by the cap, ${timedOut.length} cut by the header timeout (last after ${Math.max(...timedOut.map((o) => o.closedAfterMs))} ms), ` +
        `uploads closed after ≤ ${Math.max(...uploadOut.map((o) => o.closedAfterMs))} ms, idle after ≤ ${Math.max(...idleOut.map((o) => o.closedAfterMs))} ms`,
    );

    // The cap counts open sockets: once they are gone, the same address is served again.
    expect(await get('/health', '127.0.0.2')).toBe(200);
    expect(await get('/health', '127.0.0.3')).toBe(200);
  }, 150_000);
});
