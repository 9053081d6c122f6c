// The public read path under load (wrk -t2 -c16) against a Fastify hello-world route measured in the
// same run, in the same process: the category page, the product page (from the page cache, and
// rendered fresh for a visitor carrying a store cookie, which the shared cache never serves), the
// JSON product route the issue compares the product page with, and the JSON catalogue list
// (GET /api/catalog?limit=24): issue 11's ratios. The store is filled by one scan of the
// demo niche against the simulator (in its own process) and runs as `lojista serve` runs it.
// The public rate limit is raised for the bench only, so every answer is a real 200.
//
//   node --conditions=source --import tsx bench/storefront-throughput.ts [--seconds 6] [--reps 3] [--connections 16] [--db sqlite|postgres]
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { systemClock } from '../packages/engine/src/clock.js';
import { demoConfigInput } from '../packages/engine/src/runtime/demo-store.js';
import { categorySlug } from '../packages/engine/src/storefront/paths.js';
import { cookieName } from '../packages/engine/src/web/cookies.js';
import { arg, fmt, median, openBenchStore, printLoadAtEnd, printMachine, sleep, startSimProcess, table } from './support.js';

const SECONDS = arg('seconds', 6);
const REPS = arg('reps', 3);
const CONNECTIONS = arg('connections', 16);
const DB = process.argv.includes('postgres') ? 'postgres' : 'sqlite';
const run = promisify(execFile);

const LUA = `
done = function(summary, latency, requests)
  io.write(string.format("WRKJSON {\\"requests\\":%d,\\"duration_us\\":%d,\\"non2xx\\":%d,\\"socket_errors\\":%d,\\"p50\\":%d,\\"p95\\":%d}\\n",
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95)))
end
`;

interface WrkResult {
  rps: number;
  /** CPU time of this process (the store and the hello-world server) per request. */
  cpuMsPerReq: number;
  p50ms: number;
  p95ms: number;
  errors: number;
}

async function wrk(url: string, script: string, headers: string[] = []): Promise<WrkResult> {
  const args = ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '10s', '-s', script, ...headers.flatMap((h) => ['-H', h]), url];
  const cpu0 = process.cpuUsage();
  const { stdout } = await run('wrk', args, { maxBuffer: 1 << 20 });
  const cpu = process.cpuUsage(cpu0);
  const line = /WRKJSON (\{.*\})/.exec(stdout);
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
  const j = JSON.parse(line[1]!) as { requests: number; duration_us: number; non2xx: number; socket_errors: number; p50: number; p95: number };
  return { rps: j.requests / (j.duration_us / 1e6), cpuMsPerReq: (cpu.user + cpu.system) / 1000 / j.requests, p50ms: j.p50 / 1000, p95ms: j.p95 / 1000, errors: j.non2xx + j.socket_errors };
}

printMachine(`storefront throughput (${DB}): wrk -t2 -c${CONNECTIONS} -d${SECONDS}s per target, ${REPS} repetitions`);
const dir = mkdtempSync(join(tmpdir(), 'lojista-bench-shop-'));
const script = join(dir, 'report.lua');
writeFileSync(script, LUA);
const sim = await startSimProcess({ qps: 1000 });
const hello = Fastify();
hello.get('/', async () => ({ hello: 'world' }));
const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' });
const demo = demoConfigInput(systemClock, 4002);
const store = await openBenchStore({
  kind: DB,
  simBaseUrl: sim.baseUrl,
  engineQps: 1000,
  config: { niche: demo.niche, quality: demo.quality, catalog: { ...demo.catalog, pointsBudgetPerScan: 3_000 }, http: { port: 1, publicRateLimit: { max: 100_000_000 } } },
});
try {
  const scan = await store.runtime.scanNow({ trigger: 'cli' });
  if (scan.status === 'already_running') throw new Error('scan already running');
  const first = ((await (await fetch(`${store.url}/api/catalog?limit=1`)).json()) as { total: number; items: Array<{ slug: string; category: string }> });
  const product = first.items[0];
  if (!product) throw new Error('the scan stored no product');
  console.log(`${first.total} products for sale; product ${product.slug}, category ${product.category}\n`);
  // A cookie of this store (not the CSRF secret): such a visitor is always rendered fresh.
  const visitorCookie = `Cookie: ${cookieName(store.id, 'flash')}=x`;
  const targets: Array<{ name: string; url: string; headers?: string[] }> = [
    { name: 'Fastify hello world (baseline)', url: `${helloUrl}/` },
    { name: 'category page (page cache)', url: `${store.url}/categoria/${categorySlug(product.category)}` },
    { name: 'product page (page cache)', url: `${store.url}/produto/${product.slug}` },
    { name: 'category page (rendered per visitor)', url: `${store.url}/categoria/${categorySlug(product.category)}`, headers: [visitorCookie] },
    { name: 'product page (rendered per visitor)', url: `${store.url}/produto/${product.slug}`, headers: [visitorCookie] },
    { name: 'JSON product route', url: `${store.url}/api/catalog/product/${product.slug}` },
    { name: 'JSON catalogue list (limit=24)', url: `${store.url}/api/catalog?limit=24` },
  ];
  for (const t of targets) {
    const res = await fetch(t.url, { headers: t.headers ? { cookie: t.headers[0]!.slice(8) } : {} });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${t.name}: HTTP ${res.status}`);
    await run('wrk', ['-t1', '-c4', '-d1s', ...(t.headers ?? []).flatMap((h) => ['-H', h]), t.url]);
  }
  await sleep(1_000);
  const results = new Map<string, WrkResult[]>();
  for (let rep = 0; rep < REPS; rep++) {
    // Each repetition in a different order, so drift in the machine's load falls on every target.
    const order = rep % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const r = await wrk(t.url, script, t.headers);
      results.set(t.name, [...(results.get(t.name) ?? []), r]);
      console.log(`  rep ${rep + 1} ${t.name.padEnd(38)}: ${fmt(r.rps, 0)} req/s, ${fmt(r.cpuMsPerReq, 3)} CPU ms/req, p50 ${fmt(r.p50ms, 2)} ms, p95 ${fmt(r.p95ms, 2)} ms${r.errors ? `, ${r.errors} errors` : ''}`);
    }
  }
  const helloRps = median(results.get(targets[0]!.name)!.map((r) => r.rps));
  const helloCpu = median(results.get(targets[0]!.name)!.map((r) => r.cpuMsPerReq));
  const jsonRps = median(results.get('JSON product route')!.map((r) => r.rps));
  console.log('');
  console.log(
    table(
      ['target', 'req/s (median)', 'vs hello world', 'vs JSON product', 'CPU ms/req', 'CPU vs hello', 'p50 ms', 'p95 ms', 'req/s per rep', 'errors'],
      targets.map((t) => {
        const rs = results.get(t.name)!;
        const rps = median(rs.map((r) => r.rps));
        return [
          t.name,
          fmt(rps, 0),
          fmt(rps / helloRps, 2),
          fmt(rps / jsonRps, 2),
          fmt(median(rs.map((r) => r.cpuMsPerReq)), 3),
          fmt(helloCpu / median(rs.map((r) => r.cpuMsPerReq)), 2),
          fmt(median(rs.map((r) => r.p50ms)), 2),
          fmt(median(rs.map((r) => r.p95ms)), 2),
          rs.map((r) => fmt(r.rps, 0)).join(' / '),
          String(rs.reduce((a, r) => a + r.errors, 0)),
        ];
      }),
    ),
  );
} finally {
  await store.close();
  await hello.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}
printLoadAtEnd();
