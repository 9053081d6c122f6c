// The browsing half of the storefront on a real store, on SQLite and on PostgreSQL: shop, category,
// search, product, 301/410, sitemap and robots, product images made by the store from the
// simulator's real PNGs, the page cache (dropped on a catalogue write, never sharing a visitor's
// token), no supplier data in any page, and each page's weight.
import type { RunningSimulator } from '@lojista/cj-sim';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliCompressSync } from 'node:zlib';
import { getProduct, saveProduct } from '../../src/catalog/catalog-repository.js';
import { testDatabases } from '../support/databases.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { CANDLES, HOSTILE_TITLE, seedBrowseCatalogue, type BrowseCatalogue } from './browse-fixtures.js';

const databases = await testDatabases();

const get = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });

describe.each(databases)('browsing pages on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs PostgreSQL (unreachable; LOJISTA_REQUIRE_SERVICES=1 turns this into a failure)', () => undefined);
    return;
  }
  let sim: RunningSimulator;
  let store: TestStore;
  let cat: BrowseCatalogue;

  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({
      database: name,
      sim,
      config: { name: 'Loja Teste', http: { port: 0, publicUrl: 'https://loja.example' }, branding: { tagline: 'Cristais e tarot' } },
    });
    cat = await seedBrowseCatalogue(store.runtime.ctx.db, sim);
  });
  afterAll(async () => {
    await store?.close();
    await sim?.close();
  });

  const page = async (path: string) => {
    const res = await get(`${store.url}${path}`);
    return { res, html: await res.text() };
  };

  it('never shows supplier ids, costs, margins, names or the image host on any page or in the public JSON', async () => {
    const paths = ['/', '/loja', '/categoria/cristais', '/pesquisa?q=pendulo', '/pesquisa?q=nada-disto', '/produto/pendulo-de-ametista', '/sitemap.xml', '/api/catalog?limit=100', '/api/catalog/product/pendulo-de-ametista'];
    for (const path of paths) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(200);
      for (const mark of cat.supplierMarks) expect(html, `${path} shows "${mark}"`).not.toContain(mark);
    }
  });

  it('shop: paging, sorting, price range and availability; out-of-range and bad values are answered', async () => {
    const first = await page('/loja');
    expect(first.html).toContain('<h1>Loja</h1>');
    expect(first.html).toContain(`${CANDLES + 3} produtos`);
    expect(first.html).toContain('<link rel="canonical" href="https://loja.example/loja"/>');
    expect((first.html.match(/class="card"/g) ?? []).length).toBe(24);
    expect(first.html).toContain('href="/loja?page=2"');
    const second = await page('/loja?page=2');
    expect((second.html.match(/class="card"/g) ?? []).length).toBe(CANDLES + 3 - 24);
    expect(second.html).toContain('https://loja.example/loja?page=2');

    const prices = (html: string) => [...html.matchAll(/<p class="price">(?:Desde )?([\d,]+)/g)].map((m) => Number(m[1]!.replace(',', '.')));
    const asc = prices((await page('/loja?sort=price_asc')).html);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = prices((await page('/loja?sort=price_desc')).html);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const ranged = await page('/loja?min=11&max=12');
    expect(prices(ranged.html).every((p) => p >= 11 && p <= 12)).toBe(true);
    expect(prices(ranged.html).length).toBeGreaterThan(0);
    expect(ranged.html).toContain('<meta name="robots" content="noindex, follow"/>');
    expect((await page('/loja?min=999')).html).toContain('Nenhum produto corresponde a estes filtros.');

    expect((await page('/loja?page=3')).res.status).toBe(404);
    const bad = await page('/loja?page=abc');
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain('Pedido inválido');
    expect((await page('/loja?sort=cheapest')).res.status).toBe(400);
    expect((await page('/loja?min=dez')).res.status).toBe(400);
  });

  it('category pages list their products only; a category picked in the filter form redirects to its own address', async () => {
    const { html } = await page('/categoria/cristais');
    expect(html).toContain('<h1>Cristais</h1>');
    expect(html).toContain('Pêndulo de Ametista');
    expect(html).not.toContain('Vela de Lavanda');
    expect(html).toContain('"@type":"BreadcrumbList"');
    expect((await page('/categoria/nao-existe')).res.status).toBe(404);
    const moved = await get(`${store.url}/loja?categoria=velas&sort=newest`);
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe('/categoria/velas?sort=newest');
  });

  it('search is ranked (title before description), accent- and case-insensitive, and suggests categories when empty', async () => {
    const order = (html: string) => [...html.matchAll(/<h3 class="card-title">([^<]+)</g)].map((m) => m[1]);
    for (const q of ['pendulo', 'PÊNDULO', 'Pendulos']) {
      const { res, html } = await page(`/pesquisa?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(order(html).slice(0, 2), q).toEqual(['Pêndulo de Ametista', 'Vela de Lavanda']);
      expect(html).toContain('<meta name="robots" content="noindex, follow"/>');
    }
    const none = await page('/pesquisa?q=unicornio');
    expect(none.html).toContain('Não encontrámos nada para «unicornio».');
    expect(none.html).toContain('href="/categoria/tarot"');
    // The JSON API searches the same way.
    const api = (await (await get(`${store.url}/api/catalog?search=pendulo`)).json()) as { items: Array<{ title: string }> };
    expect(api.items.map((p) => p.title).slice(0, 2)).toEqual(['Pêndulo de Ametista', 'Vela de Lavanda']);
    // Query syntax from a visitor is only words.
    expect((await page('/pesquisa?q=%22pendulo%22%20OR%20NEAR(*)')).res.status).toBe(200);
    expect((await page(`/pesquisa?q=${'a'.repeat(101)}`)).res.status).toBe(400);
  });

  it('product page: price per variant, stock, delivery estimate, specifications, related products, JSON-LD and the add-to-cart form', async () => {
    const { res, html } = await page('/produto/pendulo-de-ametista');
    expect(res.status).toBe(200);
    expect(html).toContain('<title>Pêndulo de Ametista natural | Loja Teste</title>');
    expect(html).toContain('<meta name="description" content="Pêndulo de ametista natural, 18 cm, para radiestesia."/>');
    expect(html).toContain('<link rel="canonical" href="https://loja.example/produto/pendulo-de-ametista"/>');
    expect(html).toContain('<meta property="og:type" content="product"/>');
    expect(html).toMatch(/<meta property="og:image" content="https:\/\/loja\.example\/img\/p001\/[0-9a-f]{16}\/1280\.jpg"\/>/);
    const ld = [...html.matchAll(/<script type="application\/ld\+json">([^<]+)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
    const productLd = ld.find((d) => d['@type'] === 'Product') as { offers: Record<string, unknown> };
    expect(productLd.offers).toMatchObject({ '@type': 'AggregateOffer', lowPrice: '14.99', highPrice: '16.99', priceCurrency: 'EUR' });
    expect(ld.some((d) => d['@type'] === 'BreadcrumbList')).toBe(true);
    // One radio per variant; the one out of stock cannot be chosen; the first sellable is checked.
    expect(html).toMatch(/<input type="radio" id="variant-var-roxo-p" name="variantId" value="var-roxo-p" checked/);
    expect(html).toMatch(/<input type="radio" id="variant-var-roxo-g" name="variantId" value="var-roxo-g" disabled/);
    expect(html).toContain('Roxo / G');
    expect(html).toMatch(/16,99\s€ · Últimas unidades/);
    // A first visit (no cookie of the store) gets no token: its add is checked as same-origin (web/csrf.tsx).
    expect(html).toMatch(/<form class="add-to-cart" method="post" action="\/carrinho\/adicionar"><input type="hidden" name="_csrf" value=""\/>/);
    expect(html).toContain('name="quantity"');
    expect(html).toMatch(/Entrega estimada em Portugal entre \d+ de \w+ e \d+ de \w+\./);
    expect(html).toContain('<dt>Comprimento</dt><dd>18 cm</dd>');
    expect(html).toContain('Também pode gostar');
    expect(html).toContain('<link rel="preload" href="/img/p001/');
    // Every image is the store's, with its size, and all but the first load lazily.
    const imgs = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(imgs.length).toBeGreaterThan(3);
    for (const img of imgs) {
      expect(img).toMatch(/ src="\/img\//);
      expect(img).toMatch(/ width="\d+" height="\d+"/);
      expect(img).toContain('srcset="/img/');
    }
    expect(imgs[0]).toContain('loading="eager"');
    expect(imgs.slice(1).every((i) => i.includes('loading="lazy"'))).toBe(true);
  });

  it('hostile product text is text', async () => {
    const { html } = await page('/produto/incenso-hostil');
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>&lt;b>Negrito&lt;/b> Incenso');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    // In JSON-LD too, "<" cannot close the block.
    expect(html).toContain('\\u003cscript\\u003ealert');
  });

  it('a changed slug answers 301 to the new one; a hidden product answers 410 with links into the shop; an unknown one 404', async () => {
    const tarot = (await getProduct(store.runtime.ctx.db, 'baralho-de-tarot'))!;
    await saveProduct(store.runtime.ctx.db, { ...tarot, slug: 'baralho-tarot-rider', updatedAt: new Date().toISOString() });
    await expect.poll(async () => (await get(`${store.url}/produto/baralho-de-tarot`)).status, { timeout: 3_000 }).toBe(301);
    const moved = await get(`${store.url}/produto/baralho-de-tarot`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/produto/baralho-tarot-rider');
    expect((await page('/produto/baralho-tarot-rider')).res.status).toBe(200);

    const hide = await get(`${store.url}/api/catalog/product/${tarot.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${store.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'hidden' }),
    });
    expect(hide.status).toBe(200);
    for (const slug of ['baralho-tarot-rider', 'baralho-de-tarot']) {
      await expect.poll(async () => (await page(`/produto/${slug}`)).res.status, { timeout: 3_000 }).toBe(410);
      const gone = await page(`/produto/${slug}`);
      expect(gone.html).toContain('Este produto já não está disponível');
      expect(gone.html).toContain('href="/loja"');
      expect(gone.html).toContain('action="/pesquisa"');
      expect(gone.html).toContain('<meta name="robots" content="noindex"/>');
    }
    expect((await page('/produto/nunca-existiu')).res.status).toBe(404);
    const sitemap = (await page('/sitemap.xml')).html;
    expect(sitemap).not.toContain('baralho');
  });

  it('sitemap.xml lists every active product and category with the public address; robots.txt points to it', async () => {
    const { res, html } = await page('/sitemap.xml');
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    const locs = [...html.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const active = await store.runtime.ctx.db.selectFrom('products').select('slug').where('status', '=', 'active').execute();
    for (const p of active) expect(locs).toContain(`https://loja.example/produto/${p.slug}`);
    for (const c of ['cristais', 'velas', 'incenso']) expect(locs).toContain(`https://loja.example/categoria/${c}`);
    const robots = (await page('/robots.txt')).html;
    expect(robots).toContain('Sitemap: https://loja.example/sitemap.xml');
    expect(robots).toContain('Disallow: /finalizar-compra');
    // The cart stays crawlable: Lighthouse's SEO audit runs on it (an empty cart without a cookie).
    expect(robots).not.toContain('Disallow: /carrinho');
    // The Host header changes nothing.
    const forged = await (await get(`${store.url}/sitemap.xml`, { headers: { host: 'evil.example' } })).text();
    expect(forged).not.toContain('evil.example');
  });

  it('serves product images resized and re-encoded from the supplier, only for images the catalogue stored', async () => {
    const { html } = await page('/produto/pendulo-de-ametista');
    const src = /<img src="(\/img\/p001\/([0-9a-f]{16})\/480\.webp)"/.exec(html);
    expect(src).not.toBeNull();
    for (const [format, type] of [['webp', 'image/webp'], ['avif', 'image/avif'], ['jpg', 'image/jpeg']] as const) {
      const res = await get(`${store.url}/img/p001/${src![2]}/320.${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta).toMatchObject({ width: 320, height: 320, format: format === 'jpg' ? 'jpeg' : format === 'avif' ? 'heif' : 'webp' });
    }
    // Another product's image key, an unknown key, a width or format not offered: 404.
    expect((await get(`${store.url}/img/p003/${src![2]}/320.webp`)).status).toBe(404);
    expect((await get(`${store.url}/img/p001/0123456789abcdef/320.webp`)).status).toBe(404);
    expect((await get(`${store.url}/img/p001/${src![2]}/333.webp`)).status).toBe(404);
    expect((await get(`${store.url}/img/p001/${src![2]}/320.gif`)).status).toBe(404);
  });

  it('keeps rendered pages until the catalogue changes, and never shares a visitor’s token or cart', async () => {
    const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    // A visitor with a CSRF secret (given by the newsletter page) gets their own token in the cached page.
    const secretOf = async () => {
      const res = await get(`${store.url}/newsletter`);
      await res.text();
      return res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.includes('_csrf='))!;
    };
    const [secretA, secretB] = [await secretOf(), await secretOf()];
    const withSecret = async (cookie: string) => (await get(`${store.url}/produto/pendulo-de-ametista`, { headers: { cookie } })).text();
    const [a, b, again] = [await withSecret(secretA), await withSecret(secretB), await withSecret(secretA)];
    expect(token(a)).toBeDefined();
    expect(token(a)).not.toBe(token(b));
    expect(token(again)).not.toBe(token(a));
    expect(a).not.toContain('__lojista_csrf_token__');
    // Visitors without a secret share one page without a token (no secret minted for them).
    const first = await page('/produto/pendulo-de-ametista');
    expect(token(first.html)).toBeUndefined();
    expect(first.html).not.toContain('__lojista_csrf_token__');
    expect(first.res.headers.getSetCookie()).toEqual([]);

    const pendulum = (await getProduct(store.runtime.ctx.db, 'pendulo-de-ametista'))!;
    await saveProduct(store.runtime.ctx.db, { ...pendulum, title: 'Pêndulo de Ametista Renovado', titleEdited: true });
    // At once with the storefront's own counter; within the watcher's poll with a store-wide one.
    await expect.poll(async () => (await page('/produto/pendulo-de-ametista')).html, { timeout: 3_000 }).toContain('<h1 id="product-title">Pêndulo de Ametista Renovado</h1>');
    await expect.poll(async () => (await page('/categoria/cristais')).html, { timeout: 3_000 }).toContain('Pêndulo de Ametista Renovado');
  });

  it('keeps every page within 50 KB of HTML, CSS and JavaScript, compressed', async () => {
    for (const path of ['/', '/loja', '/categoria/velas', '/pesquisa?q=vela', '/produto/pendulo-de-ametista']) {
      const { html } = await page(path);
      const assets = [...html.matchAll(/<(?:link rel="stylesheet" href|script src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
      let total = brotliCompressSync(Buffer.from(html)).length;
      for (const asset of assets) total += brotliCompressSync(Buffer.from(await (await get(`${store.url}${asset}`)).arrayBuffer())).length;
      expect(total, path).toBeLessThan(50 * 1024);
    }
  });

  it('home page: sections, trust strip, Organization and WebSite with SearchAction', async () => {
    const { html } = await page('/');
    expect(html).toContain('<link rel="canonical" href="https://loja.example/"/>');
    expect(html).toContain('"@type":"WebSite"');
    expect(html).toContain('"urlTemplate":"https://loja.example/pesquisa?q={search_term_string}"');
    expect(html).toContain('"@type":"Organization"');
    expect(html).toContain('Entrega em 8–13 dias úteis para Portugal');
    expect(html).toContain('href="/categoria/cristais"');
    expect(html).not.toContain(HOSTILE_TITLE);
  });
});
