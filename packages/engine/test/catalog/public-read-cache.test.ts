// The public catalogue's response cache and the storefront's page cache follow one catalogue version:
// answers carry ETags (304 on a match), are compressed once, and a product hidden by this process
// (the admin API) or by another connection (another instance, a CLI command) leaves the JSON and the
// pages within a second. Runs on SQLite and PostgreSQL.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RunningSimulator } from '@lojista/cj-sim';
import { postgresGate } from '@lojista/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, targetForStore, type StoreDatabase } from '../../src/db/connect.js';
import { testDatabases } from '../support/databases.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { seedBrowseCatalogue } from '../storefront/browse-fixtures.js';
import { csrfIn, ShopClient } from '../storefront/shop-client.js';

const databases = await testDatabases();

describe.each(databases)('public read caches on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs PostgreSQL (unreachable; LOJISTA_REQUIRE_SERVICES=1 turns this into a failure)', () => undefined);
    return;
  }
  let sim: RunningSimulator;
  let store: TestStore;
  /** A second connection to the store's database, as another process would have. */
  let other: StoreDatabase;

  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({ database: name, sim, config: { http: { port: 0, publicRateLimit: { max: 10_000 } } } });
    await seedBrowseCatalogue(store.runtime.ctx.db, sim);
    const pg = name === 'postgres' ? await postgresGate() : null;
    other = await openDatabase(targetForStore(store.id, { dataDir: store.dataDir, ...(pg?.available ? { databaseUrl: pg.url } : {}) }));
  });
  afterAll(async () => {
    await other?.close();
    await store?.close();
    await sim?.close();
  });

  const slugs = async (path: string) => {
    const res = await fetch(`${store.url}${path}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Array<{ slug: string }> }).items.map((p) => p.slug);
  };
  /** Polls every 50 ms; the time until `done` holds, in ms. */
  const msUntil = async (done: () => Promise<boolean>, limitMs = 5_000) => {
    const start = performance.now();
    while (!(await done())) {
      if (performance.now() - start > limitMs) throw new Error(`not within ${limitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return performance.now() - start;
  };

  it('answers carry an ETag and no-cache; a matching If-None-Match is a 304 without a body; the ETag follows the catalogue', async () => {
    const url = `${store.url}/api/catalog?limit=5`;
    const first = await fetch(url);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[\w-]{10,}"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const body = await first.text();
    const again = await fetch(url);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe(body);
    const revalidated = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    // Another page of the same list is another answer.
    expect((await fetch(`${store.url}/api/catalog?limit=5&page=2`)).headers.get('etag')).not.toBe(etag);

    await other.db.updateTable('products').set({ score: 1 }).where('slug', '=', 'pendulo-de-ametista').execute();
    await msUntil(async () => (await fetch(url)).headers.get('etag') !== etag);
    expect((await fetch(url, { headers: { 'if-none-match': etag! } })).status).toBe(200);
  });

  it('sends the same JSON as brotli or gzip when the client takes it, identity otherwise, with Vary', async () => {
    const url = `${store.url}/api/catalog?limit=20`;
    const plain = await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).text();
    expect(JSON.parse(plain).items.length).toBeGreaterThan(3);
    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip, br;q=0', 'gzip', gunzipSync],
    ] as const) {
      // node's fetch would decode by itself; a raw request keeps the bytes as sent.
      const res = await rawGet(url, accept);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(String(res.headers.vary)).toContain('accept-encoding');
      expect(decode(res.body).toString('utf8')).toBe(plain);
      expect(res.body.length).toBeLessThan(plain.length / 2);
    }
  });

  it('a product hidden through the admin API leaves the JSON list, its JSON page, the category page and its page within a second', async () => {
    const slug = 'vela-de-lavanda';
    // Fill both caches first.
    expect(await slugs('/api/catalog?limit=100')).toContain(slug);
    expect((await fetch(`${store.url}/api/catalog/product/${slug}`)).status).toBe(200);
    expect((await fetch(`${store.url}/produto/${slug}`)).status).toBe(200);
    const id = (await store.runtime.ctx.db.selectFrom('products').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const hide = await fetch(`${store.url}/api/catalog/product/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${store.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'hidden' }),
    });
    expect(hide.status).toBe(200);
    // Written in this process: the very next request already sees it.
    expect(await slugs('/api/catalog?limit=100')).not.toContain(slug);
    expect((await fetch(`${store.url}/api/catalog/product/${slug}`)).status).toBe(404);
    expect((await fetch(`${store.url}/produto/${slug}`)).status).toBe(410);
  });

  it('a product hidden by another connection (another instance or process) leaves the JSON and the pages within a second', async () => {
    const slug = 'pendulo-de-ametista';
    expect(await slugs('/api/catalog?limit=100')).toContain(slug);
    expect((await fetch(`${store.url}/api/catalog/product/${slug}`)).status).toBe(200);
    const category = async () => (await (await fetch(`${store.url}/categoria/cristais`)).text()).includes(`/produto/${slug}`);
    expect(await category()).toBe(true);

    await other.db.updateTable('products').set({ status: 'hidden', hidden_reason: 'test' }).where('slug', '=', slug).execute();
    const ms = await msUntil(async () => !(await slugs('/api/catalog?limit=100')).includes(slug));
    expect(ms).toBeLessThan(1_000);
    expect((await fetch(`${store.url}/api/catalog/product/${slug}`)).status).toBe(404);
    expect(await category()).toBe(false);
  });

  it('a cached product page: a first visit gets the shared page without a token; a visitor with a CSRF secret gets their own token, which the cart accepts; a 304 only for the same secret', async () => {
    const path = '/produto/incenso-hostil';
    const anonymous = await new ShopClient(store.url).get(path);
    expect(anonymous.status).toBe(200);
    expect(anonymous.html).toContain('name="_csrf" value=""');
    // No secret minted, no cookie set: the same bytes for every first visitor, who may revalidate.
    expect(anonymous.headers.getSetCookie()).toEqual([]);
    const shared = anonymous.headers.get('etag');
    expect(shared).toMatch(/^W\//);
    expect((await new ShopClient(store.url).request('GET', path, undefined, { 'if-none-match': shared! })).status).toBe(304);

    const first = new ShopClient(store.url);
    await first.get('/newsletter');
    const fresh = await first.get(path);
    const again = await first.get(path);
    const etag = again.headers.get('etag');
    expect(etag).toMatch(/^W\//);
    expect(etag).not.toBe(shared);
    expect(csrfIn(again.html)).not.toBe(csrfIn(fresh.html));
    expect((await first.request('GET', path, undefined, { 'if-none-match': etag! })).status).toBe(304);
    // The token of the cached page is this visitor's: adding to the cart with it works.
    const variantId = (await store.runtime.ctx.db.selectFrom('variants').innerJoin('products', 'products.id', 'variants.product_id').select('variants.id').where('products.slug', '=', 'incenso-hostil').executeTakeFirstOrThrow()).id;
    const added = await first.post('/carrinho/adicionar', { _csrf: csrfIn(again.html), variantId, quantity: '1' });
    expect(added.status, added.html).toBe(303);

    const second = new ShopClient(store.url);
    await second.get('/newsletter');
    const theirs = await second.request('GET', path, undefined, { 'if-none-match': etag! });
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('etag')).not.toBe(etag);
  });

  it('an answer from the cache (early, before the route runs) carries the same headers as the one that filled it', async () => {
    // Headers that differ between any two responses.
    const perResponse = new Set(['date', 'x-request-id', 'x-ratelimit-remaining', 'x-ratelimit-reset']);
    let bump = 0;
    const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([k]) => !perResponse.has(k)));
    for (const path of ['/api/catalog?limit=3&sort=newest', '/api/catalog/product/incenso-hostil', '/categoria/velas?sort=price_asc', '/produto/incenso-hostil']) {
      for (const encoding of ['identity', 'br']) {
        // A catalogue write drops the caches: the next request is a miss that fills them, the one after a hit.
        await store.runtime.ctx.db.updateTable('products').set({ score: (bump += 1) }).where('slug', '=', 'vela-de-lavanda').execute();
        const miss = await fetch(`${store.url}${path}`, { headers: { 'accept-encoding': encoding } });
        const hit = await fetch(`${store.url}${path}`, { headers: { 'accept-encoding': encoding } });
        expect(miss.status, path).toBe(200);
        expect(headersOf(hit), `${path} ${encoding}`).toEqual(headersOf(miss));
        expect(Buffer.from(await hit.arrayBuffer()).equals(Buffer.from(await miss.arrayBuffer())), path).toBe(true);
        expect(hit.headers.get('x-content-type-options')).toBe('nosniff');
        expect(hit.headers.get('x-lojista-store')).toBe(store.id);
        expect(hit.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
      }
    }
  });

  it('JSON answers keep the listener-wide security headers', async () => {
    const res = await fetch(`${store.url}/api/catalog?limit=1`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('cached public reads and the rate limit', () => {
  let sim: RunningSimulator;
  let store: TestStore;
  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({ database: 'sqlite', sim, config: { http: { port: 0, publicRateLimit: { max: 8, window: '1m' } } } });
    await seedBrowseCatalogue(store.runtime.ctx.db, sim);
  });
  afterAll(async () => {
    await store?.close();
    await sim?.close();
  });

  it('answers from the caches still spend the public budget: 429 once it is spent, for the JSON and the pages', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // The same two URLs over and over: every request after the first of each is a cached answer.
      const res = await fetch(`${store.url}${i % 2 === 0 ? '/api/catalog?limit=2' : '/categoria/velas'}`);
      await res.arrayBuffer();
      statuses.push(res.status);
      if (res.status === 200) expect(res.headers.get('x-ratelimit-remaining')).toBe(String(8 - i - 1));
    }
    expect(statuses).toEqual([...Array<number>(8).fill(200), 429, 429, 429, 429]);
  });
});

async function rawGet(url: string, acceptEncoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}
