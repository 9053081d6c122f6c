// Shutdown and slow clients against `lojista serve` with the DEFAULT settings (timeouts 10/30/30 s,
// 32 connections per address, drain delay 2 s, LOJISTA_SHUTDOWN_DEADLINE_MS 10 s).
//   shutdown: seconds from SIGTERM to the exit, and the exit code — baseline: no client connected;
//             variant: keep-alive clients under load, 4 idle keep-alive sockets and a stalled upload
//             (Content-Length 1000, 12 bytes sent); requests sent before the signal that failed.
//   slow clients: 100 slowloris sockets (a head byte every 200 ms) and 20 half-sent uploads from two
//             addresses, while a third address is served: sockets refused by the cap, cut by a
//             timeout, and the seconds until the last one was closed.
// Usage: node --conditions=source --import tsx bench/shutdown-slow-clients.ts [--reps 2]
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EngineProcess } from '../packages/engine/test/e2e/support/engine-process.js';
import { e2eConfig, e2eTempDir, freePort, writeStoreFolder } from '../packages/engine/test/e2e/support/e2e-store.js';
import { idleKeepAlive, slowloris, stalledUpload, type SocketOutcome } from '../packages/engine/test/ops/slow-clients.js';
import { fmt, median, printLoadAtEnd, printMachine, sleep, table } from './support.js';

const { values } = parseArgs({ options: { reps: { type: 'string', default: '2' } } });
const reps = Number(values.reps);

function send(port: number, path: string, agent: Agent | false, localAddress = '127.0.0.1'): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent, localAddress, timeout: 60_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    req.end();
  });
}

async function startEngine(dir: string): Promise<{ engine: EngineProcess; port: number }> {
  const port = await freePort();
  const id = `b${randomBytes(3).toString('hex')}`;
  // Default http settings but the general rate limit (every request here comes from a few addresses).
  writeStoreFolder(join(dir, 'stores'), id, e2eConfig(port, { http: { port, publicRateLimit: { max: 1_000_000 } } }), { adminToken: randomBytes(24).toString('hex') });
  const engine = new EngineProcess({ configDir: join(dir, 'stores'), dataDir: join(dir, 'data'), url: `http://127.0.0.1:${port}`, logFile: join(dir, 'engine.log'), readyTimeoutMs: 180_000 });
  await engine.start();
  return { engine, port };
}

async function shutdownRun(withClients: boolean): Promise<{ seconds: number; code: number | null; before: number; failedBefore: number }> {
  const dir = e2eTempDir('lojista-bench-shutdown-');
  try {
    const { engine, port } = await startEngine(dir);
    let stop = false;
    const outcomes: Array<{ sentAt: number; status: number | string }> = [];
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const workers = withClients
      ? Array.from({ length: 8 }, async () => {
          while (!stop) {
            const sentAt = Date.now();
            const status = await send(port, '/api/catalog', agent);
            outcomes.push({ sentAt, status });
            if (typeof status === 'string') await sleep(20);
          }
        })
      : [];
    const held = withClients ? [stalledUpload(port, '127.0.0.1', '/api/checkout'), ...Array.from({ length: 4 }, () => idleKeepAlive(port, '127.0.0.1'))] : [];
    await sleep(2_000);
    const signalled = Date.now();
    const code = await engine.stop(120_000);
    const seconds = (Date.now() - signalled) / 1000;
    stop = true;
    await Promise.all(workers);
    agent.destroy();
    for (const h of held) h.socket.destroy();
    const before = outcomes.filter((o) => o.sentAt < signalled);
    return { seconds, code, before: before.length, failedBefore: before.filter((o) => o.status !== 200).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function slowClientsRun(): Promise<string[][]> {
  const dir = e2eTempDir('lojista-bench-slow-');
  try {
    const { engine, port } = await startEngine(dir);
    const started = Date.now();
    const loris = Array.from({ length: 100 }, () => slowloris(port, '127.0.0.2'));
    const uploads = Array.from({ length: 20 }, () => stalledUpload(port, '127.0.0.3', '/api/checkout'));
    let served = 0;
    let failed = 0;
    let attacking = true;
    const all = Promise.all([Promise.all(loris.map((s) => s.done)), Promise.all(uploads.map((s) => s.done))]).finally(() => (attacking = false));
    while (attacking) {
      if ((await send(port, '/health', false, '127.0.0.4')) === 200) served++;
      else failed++;
      await sleep(250);
    }
    const [lorisOut, uploadOut] = (await all) as [SocketOutcome[], SocketOutcome[]];
    const allClosedSeconds = (Date.now() - started) / 1000;
    await engine.stop(60_000);
    const refused = lorisOut.filter((o) => !o.answered);
    const cut = lorisOut.filter((o) => o.firstLine.startsWith('HTTP/1.1 408'));
    const uploadsCut = uploadOut.filter((o) => o.firstLine.startsWith('HTTP/1.1 408') || !o.answered);
    return [
      ['slowloris sockets', '100'],
      ['refused at once by http.maxConnectionsPerIp (32)', String(refused.length)],
      ['cut with 408 by http.timeouts.headers (10 s)', `${cut.length}, the last after ${fmt(Math.max(...cut.map((o) => o.closedAfterMs)) / 1000)} s`],
      ['half-sent uploads cut by http.timeouts.request (30 s)', `${uploadsCut.length} of 20, the last after ${fmt(Math.max(...uploadOut.map((o) => o.closedAfterMs)) / 1000)} s`],
      ['every attacking socket closed after', `${fmt(allClosedSeconds)} s`],
      ['GET /health from another address meanwhile', `${served} answered 200, ${failed} failed`],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

printMachine('shutdown and slow clients — lojista serve, default http settings');
const rows: Array<Array<string | number>> = [];
const samples: Record<string, number[]> = { baseline: [], variant: [] };
for (let rep = 0; rep < reps; rep++) {
  for (const withClients of [false, true]) {
    const r = await shutdownRun(withClients);
    const name = withClients ? 'variant' : 'baseline';
    samples[name]!.push(r.seconds);
    rows.push([withClients ? 'load + idle keep-alive + stalled upload' : 'no clients', rep + 1, fmt(r.seconds, 2), String(r.code), withClients ? `${r.failedBefore} of ${r.before}` : '—']);
  }
}
console.log(table(['SIGTERM with', 'rep', 'seconds to exit', 'exit code', 'failed of sent before SIGTERM'], rows));
console.log(`median seconds to exit: no clients ${fmt(median(samples.baseline!), 2)}, with clients ${fmt(median(samples.variant!), 2)} (deadline 10 s)`);
console.log(table(['slow clients', ''], await slowClientsRun()));
printLoadAtEnd();
