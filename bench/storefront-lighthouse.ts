// Lighthouse (12.x, the last major that runs on Node 20) with its default mobile preset, on pages of
// a running store, with Debian's Chromium; plus each page's transfer size (HTML + CSS + JS, brotli).
// Point it at the demo store after its first scan (`lojista demo --port 4002`):
//
//   node --conditions=source --import tsx bench/storefront-lighthouse.ts --url http://127.0.0.1:4002 \
//     [--paths /,/categoria/joias,/produto/<slug>,/carrinho] [--runs 3] [--write]
//
// Without --paths it takes the home page, the first product's category and that product. Each page
// is measured --runs times and the median of each category is kept; --write puts the table into
// BENCHMARKS.md between the storefront-lighthouse markers (other engineers add their paths with --paths).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../packages/engine/test/support/browser.js';
import { machine, median, ROOT } from './support.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4002' },
    paths: { type: 'string' },
    runs: { type: 'string', default: '3' },
    write: { type: 'boolean', default: false },
  },
});
const base = values.url.replace(/\/+$/, '');
const runs = Number(values.runs);

async function defaultPaths(): Promise<string[]> {
  const catalog = (await (await fetch(`${base}/api/catalog?limit=1`)).json()) as { items: Array<{ slug: string; category: string }> };
  const first = catalog.items[0];
  if (!first) throw new Error(`${base} has no products yet: wait for the first scan`);
  const html = await (await fetch(`${base}/produto/${first.slug}`)).text();
  const category = /href="(\/categoria\/[^"]+)"/.exec(html)?.[1] ?? '/loja';
  return ['/', category, `/produto/${first.slug}`];
}

/** Bytes of the page's HTML, stylesheets and scripts, each compressed with brotli as the store sends them. */
async function pageWeight(path: string): Promise<{ html: number; assets: number; total: number }> {
  const get = async (url: string) => Buffer.from(await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
  const html = await get(`${base}${path}`);
  const text = html.toString('utf8');
  const assets = [...text.matchAll(/<(?:link rel="stylesheet" href|script src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  let assetBytes = 0;
  for (const a of assets) assetBytes += brotliCompressSync(await get(`${base}${a}`)).length;
  const htmlBytes = brotliCompressSync(html).length;
  return { html: htmlBytes, assets: assetBytes, total: htmlBytes + assetBytes };
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const paths = values.paths ? values.paths.split(',').filter(Boolean) : await defaultPaths();
const info = machine();
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const rows: string[] = [];
try {
  for (const path of paths) {
    // One visit first: product images are made on their first request and cached on disk.
    await fetch(`${base}${path}`);
    const samples: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
    const failing = new Set<string>();
    for (let i = 0, failed = 0; i < runs; i++) {
      const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      const lhr = result!.lhr;
      // A run whose page never loaded (Chromium timing out on the loaded machine) scores 0 for
      // reasons that are not the page's: said, not counted, and run again (at most 3 times per page).
      if (lhr.runtimeError && failed < 3) {
        failed++;
        console.log(`   run ${i + 1} failed (${lhr.runtimeError.code}: ${lhr.runtimeError.message}); running it again`);
        i--;
        continue;
      }
      for (const c of CATEGORIES) samples[c]!.push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
      // What the performance score is made of, and what Lighthouse says costs (to see where points go).
      const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift', 'server-response-time'];
      console.log(`   run ${i + 1}: ${metrics.map((m) => `${m} ${lhr.audits[m]?.displayValue ?? '?'}`).join(', ')}`);
      for (const id of ['render-blocking-resources', 'largest-contentful-paint-element', 'uses-rel-preload', 'font-display', 'mainthread-work-breakdown']) {
        const a = lhr.audits[id];
        if (a && a.score !== null && a.score < 1) console.log(`     ${id}: ${a.displayValue ?? a.score}`);
      }
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) failing.add(`${c}/${ref.id} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
    const weight = await pageWeight(path);
    const scores = CATEGORIES.map((c) => median(samples[c]!));
    const row = `| \`${path}\` | ${scores.join(' | ')} | ${(weight.total / 1024).toFixed(1)} KB (HTML ${(weight.html / 1024).toFixed(1)} + CSS/JS ${(weight.assets / 1024).toFixed(1)}) |`;
    rows.push(row);
    console.log(row);
    console.log(`   samples: ${CATEGORIES.map((c) => `${c} ${samples[c]!.join('/')}`).join(', ')}`);
    if (failing.size > 0) console.log(`   below 0.9: ${[...failing].join('; ')}`);
  }
} finally {
  await chrome.kill();
}

const table = [
  `Lighthouse ${'12'} mobile preset (simulated throttling), median of ${runs} runs per page; size = HTML + CSS + JS, brotli.`,
  `Machine: ${info.nproc} cores, ${info.cpu}, Node ${info.node}, ${info.date}; loadavg at start ${info.loadavg}.`,
  '',
  '| page | performance | accessibility | best practices | SEO | transfer (HTML+CSS+JS) |',
  '|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(`\n${table}`);

if (values.write) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- storefront-lighthouse:start -->';
  const end = '<!-- storefront-lighthouse:end -->';
  const current = readFileSync(file, 'utf8');
  const block = `${start}\n${table}\n${end}`;
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${current.trimEnd()}\n\n## Storefront: Lighthouse and page weight\n\n\`node --conditions=source --import tsx bench/storefront-lighthouse.ts --url <store> --write\`\n\n${block}\n`;
  writeFileSync(file, next);
  console.log(`written to ${file}`);
}
