// Screenshots of every storefront page type at 390 px (phone) and 1280 px (desktop), for a person
// to look at (never committed, never compared as golden images). Point it at a running store, e.g.
// `lojista demo --port 4002` after its first scan:
//
//   node --conditions=source --import tsx bench/storefront-screenshots.ts --url http://127.0.0.1:4002 \
//     [--out /tmp/lojista-shots] [--paths /carrinho,/finalizar-compra] [--admin-token …]
//
// With --admin-token it also hides one product for a moment to capture the 410 page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../packages/engine/test/support/browser.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4002' },
    out: { type: 'string', default: '/tmp/lojista-shots' },
    paths: { type: 'string', default: '' },
    'admin-token': { type: 'string' },
  },
});
const base = values.url.replace(/\/+$/, '');
mkdirSync(values.out, { recursive: true });

interface ProductBody {
  id: string;
  slug: string;
  category: string;
  variants: unknown[];
}

const catalog = (await (await fetch(`${base}/api/catalog?limit=100`)).json()) as { items: ProductBody[] };
if (catalog.items.length === 0) throw new Error(`${base} has no products yet: wait for the first scan`);
const withVariants = catalog.items.find((p) => p.variants.length > 2) ?? catalog.items[0]!;
const categorySlug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const pages: Array<[string, string]> = [
  ['home', '/'],
  ['shop', '/loja'],
  ['category', `/categoria/${categorySlug(withVariants.category)}`],
  ['product', `/produto/${withVariants.slug}`],
  ['search', `/pesquisa?q=${encodeURIComponent(withVariants.slug.split('-')[0] ?? 'cristal')}`],
  ['search-none', '/pesquisa?q=zzzzqqq'],
  ['not-found', '/nao-existe'],
  ...values.paths
    .split(',')
    .filter(Boolean)
    .map((p): [string, string] => [p.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'page', p]),
];

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
async function shoot(name: string, path: string) {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    const file = join(values.out, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await context.close();
  }
}
for (const [name, path] of pages) await shoot(name, path);

const token = values['admin-token'];
if (token) {
  const victim = catalog.items.find((p) => p.id !== withVariants.id) ?? withVariants;
  const patch = (status: string) =>
    fetch(`${base}/api/catalog/product/${victim.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status }),
    });
  await patch('hidden');
  try {
    await shoot('gone', `/produto/${victim.slug}`);
  } finally {
    await patch('active');
  }
}
await browser.close();
