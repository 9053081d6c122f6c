// Resident memory of one engine process (`lojista serve`, run from the TypeScript sources with tsx)
// serving 1 store (the baseline) and 5 stores, on SQLite, against the in-process CJ simulator (no
// CJ key: the engine starts it itself, realtime clock, each store its own account at qps 6):
// idle after start, the peak during one catalogue scan per store (all stores at once), and idle
// after the scans. RSS is /proc/<pid>/status VmRSS (and VmHWM, the kernel's peak); heap used is
// process.memoryUsage().heapUsed, written to a file by bench/heap-probe.ts preloaded into the engine.
// Two floors are measured too: an empty Node process with the same tsx loader, and the simulator
// alone in such a process.
//
//   node --conditions=source --import tsx bench/memory.ts [--points 1500] [--idle 5]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { envVarName } from '../packages/engine/src/stores/secrets.js';
import { freePort } from '../packages/engine/test/support/store-harness.js';
import { arg, exited, fmt, type MemorySample, printLoadAtEnd, printMachine, procStatus, ROOT, sampleMemory, scanEveryStore, type ServedStore, sleep, table, until } from './support.js';

const POINTS = arg('points', 1500);
const IDLE_S = arg('idle', 5);
const MiB = 2 ** 20;

interface Result {
  stores: number;
  startS: number;
  idle: MemorySample;
  scanPeakRss: number;
  scanS: number;
  stored: number;
  after: MemorySample;
  hwm: number;
}

async function serve(count: number): Promise<Result> {
  const configDir = mkdtempSync(join(tmpdir(), 'lojista-bench-mem-config-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'lojista-bench-mem-data-'));
  const heapFile = join(dataDir, 'heap.json');
  const env: NodeJS.ProcessEnv = { ...process.env, LOJISTA_LOG_LEVEL: 'warn', BENCH_HEAP_FILE: heapFile };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const stores: ServedStore[] = [];
  for (let i = 0; i < count; i++) {
    const id = `mem-${String.fromCharCode(97 + i)}`;
    const port = await freePort();
    const token = randomBytes(24).toString('hex');
    env[envVarName(id, 'adminToken')] = token;
    writeFileSync(
      join(configDir, `${id}.json`),
      JSON.stringify({
        name: `Memory bench ${id}`,
        http: { port },
        cj: { qps: 6 },
        niche: { keywords: ['amethyst', 'rose quartz', 'tarot cards', 'incense', 'singing bowl', 'chakra bracelet'] },
        pricing: { fx: { rate: '0.92', date: new Date().toISOString().slice(0, 10) } },
        catalog: { maxProducts: 200, pageSize: 40, pointsBudgetPerScan: POINTS },
        schedules: { scanOnFirstStart: false },
      }),
    );
    stores.push({ id, url: `http://127.0.0.1:${port}`, token });
  }
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--import', join(ROOT, 'bench/heap-probe.ts'), join(ROOT, 'packages/engine/src/cli/main.ts'), '--config-dir', configDir, '--data-dir', dataDir, 'serve'],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + String(c)).slice(-4000)));
  const pid = child.pid!;
  try {
    for (const s of stores) await until(`${s.id} /health`, async () => (await fetch(`${s.url}/health`)).ok, 120_000);
    const startS = (performance.now() - t0) / 1000;
    await sleep(3_000);
    const idle = await sampleMemory(pid, IDLE_S, heapFile);

    const { peakRss: peak, added: stored, seconds: scanS } = await scanEveryStore(stores, pid, 170_000);
    await sleep(3_000);
    const after = await sampleMemory(pid, IDLE_S, heapFile);
    return { stores: count, startS, idle, scanPeakRss: peak, scanS, stored, after, hwm: procStatus(pid).hwm };
  } catch (err) {
    console.error(stderr);
    throw err;
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited(child), sleep(15_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(configDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** RSS of a process that only runs `args` under node + tsx: an empty one (the floor), or the simulator alone. */
async function floor(args: string[], settleMs: number): Promise<number> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', ...args], { cwd: ROOT, stdio: 'ignore' });
  try {
    await sleep(settleMs);
    return (await sampleMemory(child.pid!, 2)).rss;
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
}

async function main(): Promise<void> {
  printMachine(`memory of one engine process (tsx, sources), SQLite, in-process simulator; scan budget ${POINTS} CJ points per store`);
  const base = await floor(['-e', 'setInterval(() => {}, 1000)'], 2_000);
  // The simulator the engine starts in-process (2400 generated products): its share of every figure below.
  const simOnly = await floor([join(ROOT, 'packages/cj-sim/src/bin.ts'), '--port', '0', '--seed', '42'], 6_000);
  const results: Result[] = [];
  for (const n of [1, 5]) {
    const r = await serve(n);
    results.push(r);
    console.log(
      `  ${n} store(s): up in ${fmt(r.startS, 1)} s, idle RSS ${fmt(r.idle.rss / MiB, 0)} MiB; scans (${r.stored} products stored) took ${fmt(r.scanS, 1)} s, peak ${fmt(r.scanPeakRss / MiB, 0)} MiB; after ${fmt(r.after.rss / MiB, 0)} MiB`,
    );
  }
  const [one, five] = results as [Result, Result];
  console.log('');
  console.log(
    table(
      ['process', 'idle RSS MiB', 'idle heap used MiB', 'peak RSS during scan MiB', 'RSS after scan MiB', 'heap used after scan MiB', 'VmHWM MiB', 'products stored', 'start s', 'scan s'],
      [
        ['empty node + tsx loader (floor)', fmt(base / MiB, 0), '', '', '', '', '', '', '', ''],
        ['cj-sim alone, node + tsx (for scale)', fmt(simOnly / MiB, 0), '', '', '', '', '', '', '', ''],
        ...results.map((r) => [
          `${r.stores} store${r.stores > 1 ? 's' : ''}${r.stores === 1 ? ' (baseline)' : ''}`,
          fmt(r.idle.rss / MiB, 0),
          fmt(r.idle.heap / MiB, 0),
          fmt(r.scanPeakRss / MiB, 0),
          fmt(r.after.rss / MiB, 0),
          fmt(r.after.heap / MiB, 0),
          fmt(r.hwm / MiB, 0),
          String(r.stored),
          fmt(r.startS, 1),
          fmt(r.scanS, 1),
        ]),
      ],
    ),
  );
  console.log('');
  console.log(
    `each store beyond the first: idle +${fmt((five.idle.rss - one.idle.rss) / 4 / MiB, 1)} MiB RSS, after a scan +${fmt((five.after.rss - one.after.rss) / 4 / MiB, 1)} MiB RSS (5 stores vs 1, divided by 4)`,
  );
}

await main();
printLoadAtEnd();
