// How soon a person can buy from the demo store: starts `lojista serve` on an empty config folder
// (the built-in demo, as `npm start` on a fresh clone does), and measures from the banner (the store
// listening; its first scan starts then) to (1) the first product for sale in the storefront and
// (2) an order placed through the storefront's own forms and paid at CJ (demo payment, simulated
// supplier). Uses the compiled CLI when built (`npm run build`), else the sources.
//
//   node --conditions=source --import tsx bench/demo-first-purchase.ts [--runs 3] [--port 4702]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { csrfIn, hiddenField, orderStatusIn, radioValues, ShopClient } from '../packages/engine/test/storefront/shop-client.js';
import { machine, median, printLoadAtEnd, ROOT, sleep } from './support.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, port: { type: 'string', default: '4702' } } });
const runs = Number(values.runs);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function once(): Promise<{ listening: number; firstProduct: number; paid: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'lojista-demo-bench-'));
  const compiled = join(ROOT, 'packages/engine/dist/cli/main.js');
  const args = existsSync(compiled) ? [compiled] : ['--conditions=source', '--import', 'tsx', join(ROOT, 'packages/engine/src/cli/main.ts')];
  const started = Date.now();
  const child = spawn(process.execPath, [...args, 'serve', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, LOJISTA_CONFIG_DIR: join(dir, 'stores'), LOJISTA_DATA_DIR: join(dir, 'data'), LOJISTA_LOG_LEVEL: 'warn', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await until('the banner', async () => (out.includes('Storefront') ? true : undefined), 120_000);
    const listening = Date.now() - started;
    // The first product anyone can put in a cart, as the storefront's JSON says.
    const variantId = await until(
      'a product for sale',
      async () => {
        const body = (await (await fetch(`${base}/api/catalog?limit=5`)).json()) as { items: Array<{ variants: Array<{ id: string; available: boolean }> }> };
        return body.items.flatMap((p) => p.variants.filter((v) => v.available).map((v) => v.id))[0];
      },
      600_000,
    );
    const firstProduct = Date.now() - started;
    // Buy it the way a browser without JavaScript does: the cart form, the checkout form.
    const client = new ShopClient(base);
    await client.post('/carrinho/adicionar', { _csrf: await client.csrf('/newsletter'), variantId, quantity: '1' });
    const form = await client.get('/finalizar-compra');
    const placed = await client.post('/finalizar-compra', {
      _csrf: csrfIn(form.html),
      checkoutKey: hiddenField(form.html, 'checkoutKey'),
      name: 'Ana Silva',
      email: 'ana.demo@example.pt',
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
    if (placed.status !== 303 || !placed.location?.startsWith('/encomenda/')) throw new Error(`checkout answered ${placed.status} ${placed.location ?? ''}`);
    await until('the order to be paid at CJ', async () => (orderStatusIn((await client.get(placed.location!)).html) === 'paid' ? true : undefined), 120_000);
    const paid = Date.now() - started;
    return { listening, firstProduct, paid };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

const info = machine();
console.log(`# demo: first purchase — ${info.nproc} cores, ${info.cpu}, Node ${info.node}, ${info.date}, loadavg ${info.loadavg}`);
const results: Array<Awaited<ReturnType<typeof once>>> = [];
for (let i = 0; i < runs; i++) {
  const r = await once();
  results.push(r);
  console.log(
    `run ${i + 1}: banner after ${(r.listening / 1000).toFixed(1)} s; from the banner (first scan starting): first product for sale ${((r.firstProduct - r.listening) / 1000).toFixed(1)} s, order paid at CJ ${((r.paid - r.listening) / 1000).toFixed(1)} s`,
  );
}
const med = (f: (r: (typeof results)[number]) => number) => (median(results.map(f)) / 1000).toFixed(1);
console.log(
  `\nmedian of ${runs}: banner after ${med((r) => r.listening)} s; after the banner: first product for sale ${med((r) => r.firstProduct - r.listening)} s, bought through the storefront and paid at CJ ${med((r) => r.paid - r.listening)} s`,
);
printLoadAtEnd();
