// The public catalogue under load from a separate process (wrk): GET /api/catalog?limit=24,
// GET /api/catalog?search=ametista and GET /api/catalog/product/:slug, 16 connections for --seconds each,
// on SQLite (the baseline) and on PostgreSQL, in one run. Both stores hold the same ~200 products:
// the SQLite store's is filled by one scan (the demo store's niche, 5000 CJ points, cap 200)
// against the simulator, and copied row for row into the PostgreSQL store's schema.
//
// The stores run in this process as `lojista serve` runs them (openStore); wrk runs as a child
// process with 2 threads. The public rate limit (120/min per client by default) is raised for the
// bench only, so every answer is a real 200 — the limiter's own cost per request is still paid.
// Repetitions alternate which database goes first, so drift in the machine's load falls on both.
// Each run also reports this process's CPU time per request (the engine's side; for PostgreSQL the
// database server's own CPU is in its processes and not counted) — a figure that the load of a
// shared machine moves far less than requests per second.
//
//   apt-get install -y wrk
//   node --conditions=source --import tsx bench/catalog-read.ts [--seconds 6] [--reps 3] [--connections 16]
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { systemClock } from '../packages/engine/src/clock.js';
import { demoConfigInput } from '../packages/engine/src/runtime/demo-store.js';
import { arg, fmt, median, openBenchStore, printLoadAtEnd, printMachine, sleep, startSimProcess, table, type BenchStore } from './support.js';

const SECONDS = arg('seconds', 6);
const REPS = arg('reps', 3);
const CONNECTIONS = arg('connections', 16);
const run = promisify(execFile);

// wrk prints its own report; this adds one machine-readable line (latencies in microseconds).
const LUA = `
done = function(summary, latency, requests)
  io.write(string.format("WRKJSON {\\"requests\\":%d,\\"duration_us\\":%d,\\"non2xx\\":%d,\\"socket_errors\\":%d,\\"p50\\":%d,\\"p95\\":%d,\\"p99\\":%d}\\n",
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`;

interface WrkResult {
  rps: number;
  /** CPU time of this process (the stores) per request: user + system. */
  cpuMsPerReq: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  non2xx: number;
  socketErrors: number;
}

async function wrk(url: string, script: string): Promise<WrkResult> {
  const cpu0 = process.cpuUsage();
  const { stdout } = await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '10s', '-s', script, url], { maxBuffer: 1 << 20 });
  const line = /WRKJSON (\{.*\})/.exec(stdout);
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
  const j = JSON.parse(line[1]!) as { requests: number; duration_us: number; non2xx: number; socket_errors: number; p50: number; p95: number; p99: number };
  const cpu = process.cpuUsage(cpu0);
  return {
    rps: j.requests / (j.duration_us / 1e6),
    cpuMsPerReq: (cpu.user + cpu.system) / 1000 / j.requests,
    p50ms: j.p50 / 1000,
    p95ms: j.p95 / 1000,
    p99ms: j.p99 / 1000,
    non2xx: j.non2xx,
    socketErrors: j.socket_errors,
  };
}

async function main(): Promise<void> {
  printMachine(`catalogue reads: wrk -t2 -c${CONNECTIONS} -d${SECONDS}s per endpoint × database, ${REPS} repetitions`);
  const dir = mkdtempSync(join(tmpdir(), 'lojista-bench-wrk-'));
  const script = join(dir, 'report.lua');
  writeFileSync(script, LUA);
  const sim = await startSimProcess({ qps: 1000 });
  const stores: BenchStore[] = [];
  try {
    const demo = demoConfigInput(systemClock, 4002);
    const config = {
      niche: demo.niche,
      quality: demo.quality,
      catalog: { ...demo.catalog, pointsBudgetPerScan: 5_000 },
      http: { port: 1, publicRateLimit: { max: 100_000_000 } }, // the port is replaced by a free one
    };
    for (const kind of ['sqlite', 'postgres'] as const) {
      stores.push(await openBenchStore({ kind, simBaseUrl: sim.baseUrl, engineQps: 1000, config: { ...config, http: { ...config.http } } }));
    }
    // The SQLite store's catalogue is filled by a scan; the PostgreSQL store gets a row-for-row copy
    // (products, variants, price history: the schema is portable by design), so both serve the same data.
    const [lite, pg] = stores as [BenchStore, BenchStore];
    const scan = await lite.runtime.scanNow({ trigger: 'cli' });
    if (scan.status === 'already_running') throw new Error('scan already running');
    const src = lite.runtime.ctx.db;
    const products = await src.selectFrom('products').selectAll().execute();
    const variants = await src.selectFrom('variants').selectAll().execute();
    const history = await src.selectFrom('price_history').selectAll().execute();
    await pg.runtime.ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < products.length; i += 50) await trx.insertInto('products').values(products.slice(i, i + 50)).execute();
      for (let i = 0; i < variants.length; i += 100) await trx.insertInto('variants').values(variants.slice(i, i + 100)).execute();
      for (let i = 0; i < history.length; i += 100) await trx.insertInto('price_history').values(history.slice(i, i + 100)).execute();
    });
    for (const store of stores) {
      const page = (await (await fetch(`${store.url}/api/catalog?limit=1`)).json()) as { total: number };
      const search = (await (await fetch(`${store.url}/api/catalog?search=ametista&limit=24`)).json()) as { total: number };
      console.log(`${store.kind}: ${page.total} products for sale, ${variants.length} variants in all; "ametista" matches ${search.total}`);
    }
    console.log(`(the scan added ${scan.counts.store.added} and retired ${scan.counts.store.retired} beyond the cap of 200)`);
    // One product page for both: the first product of the SQLite store's catalogue, if PostgreSQL has it too.
    const first = ((await (await fetch(`${stores[0]!.url}/api/catalog?limit=1`)).json()) as { items: Array<{ slug: string }> }).items[0]!.slug;
    const onPg = await fetch(`${stores[1]!.url}/api/catalog/product/${encodeURIComponent(first)}`);
    await onPg.arrayBuffer();
    if (onPg.status !== 200) throw new Error(`product ${first} is not in the PostgreSQL store's catalogue (HTTP ${onPg.status})`);
    const slugs = [first, first];
    const endpoints = [
      { name: 'GET /api/catalog?limit=24', path: () => '/api/catalog?limit=24' },
      { name: 'GET /api/catalog?search=ametista', path: () => '/api/catalog?search=ametista' },
      { name: 'GET /api/catalog/product/:slug', path: (i: number) => `/api/catalog/product/${encodeURIComponent(slugs[i]!)}` },
    ];
    // Warm-up: a short burst on each endpoint and database (JIT, statement caches, pools).
    for (const e of endpoints) for (const [i, s] of stores.entries()) await run('wrk', ['-t1', '-c4', '-d1s', `${s.url}${e.path(i)}`]);
    await sleep(1_000);

    const results = new Map<string, WrkResult[]>();
    for (let rep = 0; rep < REPS; rep++) {
      for (const e of endpoints) {
        const order = (rep + endpoints.indexOf(e)) % 2 === 0 ? [0, 1] : [1, 0];
        for (const i of order) {
          const s = stores[i]!;
          const r = await wrk(`${s.url}${e.path(i)}`, script);
          const key = `${e.name}|${s.kind}`;
          results.set(key, [...(results.get(key) ?? []), r]);
          console.log(
            `  rep ${rep + 1} ${e.name.padEnd(30)} ${s.kind.padEnd(8)}: ${fmt(r.rps, 0)} req/s, ${fmt(r.cpuMsPerReq, 2)} CPU ms/req, p50 ${fmt(r.p50ms, 2)} ms, p95 ${fmt(r.p95ms, 2)} ms${r.non2xx || r.socketErrors ? `, ${r.non2xx} non-2xx, ${r.socketErrors} socket errors` : ''}`,
          );
        }
      }
    }

    console.log('');
    const rows: Array<Array<string>> = [];
    for (const e of endpoints) {
      const base = results.get(`${e.name}|sqlite`)!;
      for (const s of stores) {
        const rs = results.get(`${e.name}|${s.kind}`)!;
        const rps = median(rs.map((r) => r.rps));
        rows.push([
          e.name,
          s.kind === 'sqlite' ? 'SQLite (baseline)' : 'PostgreSQL',
          fmt(rps, 0),
          s.kind === 'sqlite' ? '1.00' : fmt(rps / median(base.map((r) => r.rps)), 2),
          fmt(median(rs.map((r) => r.p50ms)), 2),
          fmt(median(rs.map((r) => r.p95ms)), 2),
          fmt(median(rs.map((r) => r.cpuMsPerReq)), 2),
          rs.map((r) => fmt(r.rps, 0)).join(' / '),
          String(rs.reduce((a, r) => a + r.non2xx + r.socketErrors, 0)),
        ]);
      }
    }
    console.log(
      table(['endpoint', 'database', 'req/s (median of reps)', 'vs baseline', 'latency p50 ms', 'latency p95 ms', 'engine CPU ms/req', 'req/s per rep', 'non-2xx + errors'], rows),
    );
  } finally {
    for (const s of stores) await s.close().catch((err: unknown) => console.error('close failed:', err));
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
printLoadAtEnd();
