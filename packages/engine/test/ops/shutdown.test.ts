// SIGTERM on `lojista serve`, as a process manager sends it, with clients that make it hard: keep-alive
// clients under load, an upload still arriving, a stalled upload (Content-Length 1000, 12 bytes sent,
// socket left open) and idle keep-alive sockets. Wanted: /ready turns 503 while requests are still
// served (the drain delay), then the listener closes; every request sent before the signal is
// answered; the process exits 0 before its backstop (LOJISTA_SHUTDOWN_DEADLINE_MS + 1 s, exit 1).
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineProcess } from '../e2e/support/engine-process.js';
import { e2eConfig, e2eTempDir, freePort, writeStoreFolder } from '../e2e/support/e2e-store.js';
import { idleKeepAlive, openSocket, stalledUpload } from './slow-clients.js';

const DEADLINE_MS = 6_000;
const dir = e2eTempDir('lojista-shutdown-');
let engine: EngineProcess | undefined;
afterAll(async () => {
  await engine?.kill();
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  sentAt: number;
  status: number | string;
}

function send(port: number, path: string, agent: Agent | false): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    req.end();
  });
}

describe('SIGTERM', () => {
  it('drains, finishes what was accepted, closes stalled and idle sockets, and exits 0 within the deadline', async () => {
    const port = await freePort();
    const id = `sd${randomBytes(3).toString('hex')}`;
    const http = { port, drainDelay: '1s', publicRateLimit: { max: 1_000_000 }, maxConnectionsPerIp: 0 };
    writeStoreFolder(join(dir, 'stores'), id, e2eConfig(port, { http }), { adminToken: randomBytes(24).toString('hex') });
    engine = new EngineProcess({
      configDir: join(dir, 'stores'),
      dataDir: join(dir, 'data'),
      url: `http://127.0.0.1:${port}`,
      logFile: join(dir, 'engine.log'),
      env: { LOJISTA_SHUTDOWN_DEADLINE_MS: String(DEADLINE_MS), LOJISTA_LOG_LEVEL: 'info' },
    });
    await engine.start();

    // Load: keep-alive clients sending requests back to back until the process is gone.
    let stopLoad = false;
    const outcomes: Outcome[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const workers = Array.from({ length: 8 }, async () => {
      while (!stopLoad) {
        const sentAt = Date.now();
        const status = await send(port, '/api/catalog', agent);
        outcomes.push({ sentAt, status });
        if (typeof status === 'string') await new Promise((r) => setTimeout(r, 20)); // refused: do not spin
      }
    });
    // An upload in progress at the signal, finished after the listener has closed.
    const upload = openSocket(port, '127.0.0.1', (socket) => {
      socket.write('POST /api/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n');
    });
    const stalled = stalledUpload(port, '127.0.0.1', '/api/leads');
    const idle = Array.from({ length: 4 }, () => idleKeepAlive(port, '127.0.0.1'));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(0);

    const signalledAt = Date.now();
    const exit = engine.stop(60_000);
    // /ready from fresh connections: 503 while draining, then nothing listens.
    const ready: Array<number | string> = [];
    const poll = (async () => {
      for (;;) {
        const status = await send(port, '/ready', false);
        ready.push(status);
        if (typeof status === 'string') return;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await poll;
    const body = JSON.stringify({ name: 'Ana', email: 'ana@example.pt', consent: true }).padEnd(64, ' ');
    upload.socket.write(body);
    const code = await exit;
    const exitedAfterMs = Date.now() - signalledAt;
    stopLoad = true;
    await Promise.all(workers);
    agent.destroy();
    const [uploadOut, stalledOut, ...idleOut] = await Promise.all([upload.done, stalled.done, ...idle.map((s) => s.done)]);

    const before = outcomes.filter((o) => o.sentAt < signalledAt);
    const failedBefore = before.filter((o) => o.status !== 200);
    const after = outcomes.filter((o) => o.sentAt >= signalledAt);
    console.log(
      `SIGTERM: exit ${code} after ${exitedAfterMs} ms (deadline ${DEADLINE_MS} ms); requests sent before the signal ${before.length}, failed ${failedBefore.length}; ` +
        `after it ${after.length} (${after.filter((o) => o.status === 200).length} answered 200 while draining); /ready ${ready.join(',')}`,
    );
    expect(code, engine.logTail()).toBe(0);
    expect(failedBefore).toEqual([]);
    expect(ready.filter((s) => s === 200).length).toBeLessThanOrEqual(1); // at most the poll already in flight
    expect(ready).toContain(503);
    expect(ready.at(-1)).toMatch(/ECONNREFUSED|ECONNRESET/);
    // The upload that was still arriving was answered; the stalled one and the idle ones were closed.
    expect(uploadOut.firstLine).toMatch(/^HTTP\/1\.1 202 /);
    expect(stalledOut.firstLine).not.toMatch(/^HTTP\/1\.1 2/);
    for (const o of idleOut) expect(o.firstLine).toBe('HTTP/1.1 200 OK');
  }, 180_000);
});
