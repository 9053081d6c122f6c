// The buying pages of a running store: each page's weight (HTML + CSS + JS, brotli, as the store
// sends them) and Lighthouse (12.x, mobile preset, Debian's Chromium) on the cart and the checkout
// *with products in the cart* — Lighthouse's browser gets the cart's cookie, since an empty cart is
// not the page a customer sees. Point it at the demo store after its first scan:
//
//   node --conditions=source --import tsx bench/buying-pages.ts --url http://127.0.0.1:4002 [--runs 3] [--write]
//
// It fills a cart (3 products), places one demo-paid order for the order page (demo provider only),
// and with --write puts the tables into BENCHMARKS.md between the buying-pages markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../packages/engine/test/support/browser.js';
import { csrfIn, hiddenField, radioValues, ShopClient } from '../packages/engine/test/storefront/shop-client.js';
import { machine, median, ROOT } from './support.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4002' },
    runs: { type: 'string', default: '3' },
    write: { type: 'boolean', default: false },
  },
});
const base = values.url.replace(/\/+$/, '');
const runs = Number(values.runs);
const info = machine();

interface CatalogItem {
  slug: string;
  variants: Array<{ id: string; available: boolean }>;
}
const catalog = (await (await fetch(`${base}/api/catalog?limit=50`)).json()) as { items: CatalogItem[] };
const variants = catalog.items.flatMap((p) => p.variants.filter((v) => v.available).slice(0, 1).map((v) => v.id));
if (variants.length < 3) throw new Error(`${base} has fewer than 3 products for sale: wait for the first scan`);

const client = new ShopClient(base);
const token = await client.csrf('/newsletter');
for (const variantId of variants.slice(0, 3)) {
  const added = await client.post('/carrinho/adicionar', { _csrf: token, variantId, quantity: '1' });
  if (added.status !== 303) throw new Error(`adding to the cart answered ${added.status}`);
}
const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

async function weight(path: string, who: ShopClient): Promise<{ html: number; assets: number }> {
  const page = await who.request('GET', path, undefined, { 'accept-encoding': 'identity' });
  const assets = [...page.html.matchAll(/<(?:link rel="stylesheet" href|script src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  let assetBytes = 0;
  for (const a of assets) assetBytes += brotliCompressSync(Buffer.from(await (await fetch(`${base}${a}`)).arrayBuffer())).length;
  return { html: brotliCompressSync(Buffer.from(page.html)).length, assets: assetBytes };
}

// Page weights: the cart and checkout with 3 products, then an order placed from a second cart.
const weights: Array<[string, { html: number; assets: number }]> = [];
for (const path of ['/carrinho', '/finalizar-compra', '/seguir-encomenda', '/termos-e-condicoes', '/privacidade', '/newsletter']) {
  weights.push([path, await weight(path, client)]);
}
const buyer = new ShopClient(base);
await buyer.post('/carrinho/adicionar', { _csrf: await buyer.csrf('/newsletter'), variantId: variants[0]!, quantity: '1' });
const form = await buyer.get('/finalizar-compra');
const placed = await buyer.post('/finalizar-compra', {
  _csrf: csrfIn(form.html),
  checkoutKey: hiddenField(form.html, 'checkoutKey'),
  name: 'Ana Silva',
  email: 'ana.bench@example.pt',
  phone: '',
  country: 'PT',
  province: '',
  city: 'Lisboa',
  zip: '1100-148',
  address1: 'Rua Augusta 10',
  address2: '',
  shipping: radioValues(form.html, 'shipping')[0] ?? '',
  terms: 'yes',
  action: 'order',
});
const orderPath = placed.location?.startsWith('/') ? placed.location : null;
if (orderPath) weights.push(['/encomenda/<number>', await weight(orderPath, buyer)]);
else console.log(`(no order page: the checkout answered ${placed.status} → ${placed.location ?? '-'}; the store's provider may not be demo)`);

const weightRows = weights.map(
  ([path, w]) => `| \`${path}\` | ${((w.html + w.assets) / 1024).toFixed(1)} KB | ${(w.html / 1024).toFixed(1)} KB | ${(w.assets / 1024).toFixed(1)} KB |`,
);
for (const row of weightRows) console.log(row);

// Lighthouse on the cart and the checkout, with the cart's cookie.
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const lighthouseRows: string[] = [];
try {
  for (const path of ['/carrinho', '/finalizar-compra']) {
    const samples: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
    const failing = new Set<string>();
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(`${base}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        extraHeaders: { Cookie: cookie },
      });
      const lhr = result!.lhr;
      if (lhr.finalDisplayedUrl !== `${base}${path}`) throw new Error(`Lighthouse landed on ${lhr.finalDisplayedUrl}, not ${path}: is the cart empty?`);
      for (const c of CATEGORIES) samples[c]!.push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) failing.add(`${c}/${ref.id} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
    const row = `| \`${path}\` (3 products in the cart) | ${CATEGORIES.map((c) => median(samples[c]!)).join(' | ')} |`;
    lighthouseRows.push(row);
    console.log(row);
    console.log(`   samples: ${CATEGORIES.map((c) => `${c} ${samples[c]!.join('/')}`).join(', ')}`);
    if (failing.size > 0) console.log(`   below 0.9: ${[...failing].join('; ')}`);
  }
} finally {
  chrome.kill();
}

const table = [
  `Machine: ${info.nproc} cores, ${info.cpu}, Node ${info.node}, ${info.date}; loadavg at start ${info.loadavg}.`,
  '',
  `Lighthouse 12 mobile preset (simulated throttling), median of ${runs} runs, with the cart's cookie:`,
  '',
  '| page | performance | accessibility | best practices | SEO |',
  '|---|---|---|---|---|',
  ...lighthouseRows,
  '',
  'Page weight (brotli, as sent; the budget is 50 KB):',
  '',
  '| page | HTML + CSS + JS | HTML | CSS + JS |',
  '|---|---|---|---|',
  ...weightRows,
].join('\n');
console.log(`\n${table}`);

if (values.write) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- buying-pages:start -->';
  const end = '<!-- buying-pages:end -->';
  const current = readFileSync(file, 'utf8');
  const block = `${start}\n${table}\n${end}`;
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${current.trimEnd()}\n\n## Storefront: the buying pages (Lighthouse and page weight)\n\n\`node --conditions=source --import tsx bench/buying-pages.ts --url <store> --write\`\n\n${block}\n`;
  writeFileSync(file, next);
  console.log(`written to ${file}`);
}
