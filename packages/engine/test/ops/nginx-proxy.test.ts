// Behind the shipped nginx config (deploy/nginx/lojista.conf, run by a real nginx), with nginx's
// address in http.trustedProxies: two client addresses get separate rate-limit buckets, and an
// X-Forwarded-For a client makes up — through nginx or straight to the store — changes nothing.
// /health and /ready stay unlimited.
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eTempDir } from '../e2e/support/e2e-store.js';
import { freePort, startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { nginxAvailable, startNginx, type RunningNginx } from './nginx.js';

const MAX = 3;
let sim: RunningSimulator;
let store: TestStore;
let nginx: RunningNginx;
const dir = e2eTempDir('lojista-nginx-');

beforeAll(async () => {
  if (!nginxAvailable()) throw new Error('nginx is not installed (/usr/sbin/nginx): apt-get install nginx-light');
  sim = await testSimulator({ catalogueSize: 50 });
  store = await startTestStore({
    database: 'sqlite',
    sim,
    config: { http: { port: 0, trustedProxies: ['127.0.0.1'], publicRateLimit: { max: MAX, window: '10m' } } },
  });
  nginx = await startNginx(join(dir, 'nginx'), await freePort(), Number(new URL(store.url).port));
});
afterAll(async () => {
  await nginx?.stop();
  await store?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(port: number, path: string, from: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, localAddress: from, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('behind nginx', () => {
  it('gives each client address its own bucket; a made-up X-Forwarded-For changes nothing', async () => {
    const viaNginx = (from: string, headers?: Record<string, string>) => get(nginx.port, '/api/catalog', from, headers);
    // Client A spends its budget, each time claiming to be someone else.
    const a: number[] = [];
    for (let i = 0; i <= MAX; i++) a.push(await viaNginx('127.0.0.2', { 'x-forwarded-for': `198.51.100.${i + 1}` }));
    expect(a).toEqual([...Array(MAX).fill(200), 429]);
    // Client B has a bucket of its own; claiming to be B from A's address does not reach it.
    expect(await viaNginx('127.0.0.3')).toBe(200);
    expect(await viaNginx('127.0.0.2', { 'x-forwarded-for': '127.0.0.3' })).toBe(429);
    // Probes are not limited, even for a limited client.
    expect(await get(nginx.port, '/health', '127.0.0.2')).toBe(200);
    expect(await get(nginx.port, '/ready', '127.0.0.2')).toBe(200);
    // Straight to the store from an address that is not a trusted proxy: X-Forwarded-For is ignored.
    const direct: number[] = [];
    for (let i = 0; i <= MAX; i++) direct.push(await get(Number(new URL(store.url).port), '/api/catalog', '127.0.0.5', { 'x-forwarded-for': `203.0.113.${i + 1}` }));
    expect(direct).toEqual([...Array(MAX).fill(200), 429]);
    expect(nginx.errorLog()).not.toMatch(/\[(emerg|alert|crit)\]/);
  });
});
