// The store API against catalogues scanned from the simulator, on SQLite and on PostgreSQL (the
// stores of both databases are set up and scanned concurrently, then the suites run in turn):
//  - bad input on every route that takes input: the right 4xx in the uniform error format naming the
//    input, and nothing written;
//  - behaviour: health and readiness, the store's identity, the public catalogue (paging, category,
//    search, sort, featured, categories) and what it must never show, the operator's product edits
//    and price overrides, scans started from the API, the CJ proxy, leads and metrics;
//  - the public rate limit.
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch } from '../../src/catalog/product.js';
import { testSimulator, type TestStore } from '../support/store-harness.js';
import { CASES, lead, LEAD_CASES, overLimit, PATCH_CASES, type Case } from './bad-input-cases.js';
import {
  adminCatalog,
  adminProduct,
  call,
  expectError,
  scanCatalogue,
  simAccount,
  startHttpStore,
  waitFor,
  waitForScansIdle,
  type AdminProductBody,
  type CatalogPage,
  type PublicProductBody,
  type ScanRunBody,
} from './http-helpers.js';
import { testDatabases } from '../support/databases.js';
import { refreshThroughGates } from '../support/refresh-through-gates.js';

const databases = await testDatabases();

let sim: RunningSimulator;
/** One scanned store per available database. */
const stores = new Map<string, TestStore>();
/** A store whose public rate limit is 5 requests a minute. */
let limited: TestStore;

beforeAll(async () => {
  sim = await testSimulator();
  const scanned = databases
    .filter((d) => d.available)
    .map(async ({ name }) => {
      // The first scan starts at the second keyword (runs rotate), so amethyst products come first.
      const store = await startHttpStore({ database: name, sim, keywords: ['incense', 'amethyst'] });
      stores.set(name, store);
      await scanCatalogue(store, 360);
    });
  const [rateLimited] = await Promise.all([startHttpStore({ database: 'sqlite', sim, rateLimitMax: 5 }), ...scanned]);
  limited = rateLimited;
});
afterAll(async () => {
  await Promise.all([...stores.values(), ...(limited ? [limited] : [])].map((s) => s.close()));
  await sim?.close();
});

interface LeadBody {
  id: string;
  name: string;
  email: string;
  source: string;
  consent: boolean;
  createdAt: string;
}

/** "24,99 €" (pt-PT) → 2499. */
function minorFromFormatted(text: string): number {
  const m = /(\d[\d.\s\u00a0\u202f]*),(\d{2})\s*€/.exec(text);
  if (!m) throw new Error(`no euro amount in "${text}"`);
  return Number(m[1]!.replace(/\D/g, '') + m[2]);
}

describe.each(databases)('bad input on $name', ({ name, available }) => {
  // Validation does not depend on the database: PostgreSQL gets the cases that reach it (NUL text,
  // which PostgreSQL cannot store) and every case that must leave a row unchanged.
  const generic = name === 'sqlite' ? CASES : CASES.filter((c) => c.name.includes('NUL'));
  describe.skipIf(!available)(`(${name})`, () => {
    let store: TestStore;
    let productId: string;
    const leadIds = async () => (await store.runtime.ctx.db.selectFrom('leads').select('id').orderBy('id').execute()).map((r) => r.id);
    /** The product's rows as stored (every column), its variants and its price history. */
    const productRows = async () => {
      const { db } = store.runtime.ctx;
      return {
        product: await db.selectFrom('products').selectAll().where('id', '=', productId).executeTakeFirstOrThrow(),
        variants: await db.selectFrom('variants').selectAll().where('product_id', '=', productId).orderBy('id').execute(),
        history: await db.selectFrom('price_history').selectAll().where('product_id', '=', productId).orderBy('id').execute(),
      };
    };

    beforeAll(async () => {
      store = stores.get(name)!;
      productId = (await adminCatalog(store))[0]!.id;
    });

    const send = (c: Case) => {
      const path = c.path === ':id' ? `/api/catalog/product/${productId}` : c.path;
      return call(store.url, c.method, path, { ...c.opts, ...(c.admin ? { token: store.adminToken } : {}) });
    };
    const expectCase = async (c: Case) => {
      const reply = await send(c);
      expectError(reply, c.status, { code: c.code, ...(c.field !== undefined || c.status === 400 ? { field: c.field } : {}), ...(c.message ? { message: c.message } : {}) });
      // A validation message starts with the field it is about.
      if (c.code === 'invalid_input') expect((reply.body as { error: { message: string } }).error.message.startsWith(`${c.field}: `)).toBe(true);
    };

    it('the well-formed requests these cases distort are accepted (controls)', async () => {
      expect((await call(store.url, 'GET', '/api/catalog?page=1&limit=100&sort=price_asc&search=incenso')).status).toBe(200);
      expect((await call(store.url, 'GET', '/api/catalog/featured?limit=100')).status).toBe(200);
      expect((await call(store.url, 'GET', `/api/catalog/product/${productId}`)).status).toBe(200);
      expect((await call(store.url, 'GET', '/api/admin/catalog?status=active&limit=100', { token: store.adminToken })).status).toBe(200);
      expect((await call(store.url, 'GET', '/api/catalog/scans?limit=100', { token: store.adminToken })).status).toBe(200);
      expect((await call(store.url, 'GET', '/api/leads?limit=500&offset=0', { token: store.adminToken })).status).toBe(200);
      expect((await call(store.url, 'GET', '/api/alerts?limit=500&kind=scan_failed', { token: store.adminToken })).status).toBe(200);
      expect((await call(store.url, 'GET', '/api/cj/products?q=amethyst&size=100&page=1', { token: store.adminToken })).status).toBe(200);
    });

    it.each(generic)('$name → $status', async (c) => {
      await expectCase(c);
    });

    it.each(LEAD_CASES)('$name → $status, and no lead is stored', async (c) => {
      const before = await leadIds();
      await expectCase(c);
      expect(await leadIds()).toEqual(before);
    });

    it.each(PATCH_CASES)('$name → $status, and the product is unchanged', async (c) => {
      const before = await productRows();
      await expectCase(c);
      expect(await productRows()).toEqual(before);
    });

    it('PATCH on an unknown product is a 404 naming it', async () => {
      const r = await call(store.url, 'PATCH', '/api/catalog/product/no-such-product', { token: store.adminToken, json: { status: 'hidden' } });
      expectError(r, 404, { code: 'not_found', message: /no-such-product/ });
    });

    it('a stranger gets 401 before the body is even read: oversized, malformed and non-JSON bodies alike', async () => {
      const path = `/api/catalog/product/${productId}`;
      for (const opts of [
        { raw: overLimit, contentType: 'application/json' },
        { raw: '{"status": ', contentType: 'application/json' },
        { raw: 'status=hidden', contentType: 'application/x-www-form-urlencoded' },
        { json: { status: 'deleted' } },
      ]) {
        expectError(await call(store.url, 'PATCH', path, opts), 401, { code: 'unauthorized' });
      }
    });
  });
});

describe.each(databases)('behaviour on $name', ({ name, available }) => {
  describe.skipIf(!available)(`(${name})`, () => {
    let store: TestStore;
    let admin: AdminProductBody[];
    const get = <T>(path: string) => call<T>(store.url, 'GET', path);
    const asAdmin = <T>(method: string, path: string, json?: unknown) =>
      call<T>(store.url, method, path, { token: store.adminToken, ...(json !== undefined ? { json } : {}) });
    const allPublic = async (query = '') => (await get<CatalogPage>(`/api/catalog?limit=100${query}`)).body;

    beforeAll(async () => {
      store = stores.get(name)!;
      admin = await adminCatalog(store);
    });

    it('/health says the supplier is simulated, with a warning, and every response says so in a header', async () => {
      const health = await get<{ status: string; store: string; supplier: { mode: string; warning?: string } }>('/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', store: store.id, supplier: { mode: 'simulated' } });
      expect(health.body.supplier.warning).toMatch(/simulator/);
      const replies = [
        health,
        await get('/api/catalog'),
        await get('/api/catalog?limit=0'),
        await get('/nope'),
        await get(`/api/catalog/product/${'x'.repeat(101)}`),
        await get('/metrics'),
        await get('/api/docs'),
        await get('/api/docs/static/swagger-ui.css'),
        await asAdmin('GET', '/api/cj/product/no-such-pid'),
      ];
      expect(replies.map((r) => r.status)).toEqual([200, 200, 400, 404, 414, 401, 200, 200, 404]);
      for (const r of replies) expect(r.headers.get('x-lojista-supplier'), `${r.status} ${r.text.slice(0, 80)}`).toMatch(/simulated/);
    });

    it('/ready answers 200 with its checks', async () => {
      const r = await get('/ready');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ ready: true, checks: { database: 'ok', jobs: 'ok', supplier: 'simulated', cj: 'ok' } });
    });

    it('/api/store gives the identity the storefront needs', async () => {
      const r = await get('/api/store');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ id: store.id, name: 'Test Store', locale: 'pt-PT', currency: 'EUR', mainCountry: 'PT', branding: {} });
    });

    it('/api/catalog pages through every active product exactly once', async () => {
      const all = await allPublic('&sort=newest');
      expect(all.total).toBe(admin.filter((p) => p.status === 'active').length);
      expect(all.total).toBeGreaterThanOrEqual(5);
      const seen: string[] = [];
      const pages = Math.ceil(all.total / 2);
      for (let page = 1; page <= pages; page++) {
        const r = await get<CatalogPage>(`/api/catalog?limit=2&page=${page}&sort=newest`);
        expect(r.body).toMatchObject({ page, limit: 2, total: all.total });
        expect(r.body.items.length).toBe(page < pages ? 2 : all.total - 2 * (pages - 1));
        seen.push(...r.body.items.map((p) => p.id));
      }
      expect(seen).toEqual(all.items.map((p) => p.id));
      const beyond = await get<CatalogPage>(`/api/catalog?limit=2&page=${pages + 1}`);
      expect(beyond.body).toMatchObject({ total: all.total, items: [] });
    });

    it('/api/catalog/categories counts match the category filter, and the counts add up', async () => {
      const cats = (await get<{ items: Array<{ category: string; count: number }> }>('/api/catalog/categories')).body.items;
      expect(cats.length).toBeGreaterThanOrEqual(2);
      const all = await allPublic();
      expect(cats.reduce((sum, c) => sum + c.count, 0)).toBe(all.total);
      for (const c of cats) {
        const filtered = await allPublic(`&category=${encodeURIComponent(c.category)}`);
        expect(filtered.total, c.category).toBe(c.count);
        expect(filtered.items.every((p) => p.category === c.category)).toBe(true);
        expect(all.items.filter((p) => p.category === c.category).length).toBe(c.count);
      }
      expect((await allPublic('&category=No%20Such%20Category')).total).toBe(0);
    });

    it('search is case- and accent-insensitive: "ametista" finds every "Ametista" product', async () => {
      const all = await allPublic();
      const withAmetista = all.items.filter((p) => p.title.includes('Ametista')).map((p) => p.id).sort();
      expect(withAmetista.length).toBeGreaterThanOrEqual(1);
      const ids = async (q: string) => (await allPublic(`&search=${encodeURIComponent(q)}`)).items.map((p) => p.id).sort();
      const found = await ids('ametista');
      expect(found).toEqual(expect.arrayContaining(withAmetista));
      expect(await ids('AMETISTA')).toEqual(found);
      expect(await ids('Ametísta')).toEqual(found);
      // A title word with an accent is found without it, and the other way round.
      const accented = all.items
        .flatMap((p) => p.title.split(/\s+/).map((word) => ({ p, word })))
        .find(({ word }) => /^[\p{L}]{4,}$/u.test(word) && word.normalize('NFD') !== word);
      expect(accented, 'no accented word in any title').toBeDefined();
      const plain = foldForSearch(accented!.word);
      expect(plain).not.toBe(accented!.word.toLowerCase());
      expect(await ids(plain)).toContain(accented!.p.id);
      expect(await ids(accented!.word.toUpperCase())).toEqual(await ids(plain));
      // Every word must match: a word no product has empties the result.
      expect(await ids('ametista zzzqqq')).toEqual([]);
    });

    it('sorts by price both ways, and by score by default', async () => {
      const prices = (items: PublicProductBody[]) => items.map((p) => p.price.minor);
      const asc = prices((await allPublic('&sort=price_asc')).items);
      expect(asc).toEqual([...asc].sort((x, y) => x - y));
      expect(new Set(asc).size).toBeGreaterThan(1);
      const desc = prices((await allPublic('&sort=price_desc')).items);
      expect(desc).toEqual([...asc].reverse());
      const score = new Map(admin.map((p) => [p.id, p.score]));
      const byDefault = (await allPublic()).items.map((p) => score.get(p.id)!);
      expect(byDefault).toEqual([...byDefault].sort((x, y) => y - x));
    });

    it('/api/catalog/featured lists the best-scored products, best first', async () => {
      const featured = (await get<{ items: PublicProductBody[] }>('/api/catalog/featured')).body.items;
      const active = admin.filter((p) => p.status === 'active');
      expect(featured.length).toBe(Math.min(12, active.length));
      const scores = featured.map((p) => admin.find((a) => a.id === p.id)!.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      const best = Math.max(...active.map((p) => p.score));
      expect(scores[0]).toBe(best);
      const limited = (await get<{ items: PublicProductBody[] }>('/api/catalog/featured?limit=2')).body.items;
      expect(limited.map((p) => p.id)).toEqual(featured.slice(0, 2).map((p) => p.id));
    });

    it('public product JSON never shows cost, margin or CJ identifiers', async () => {
      const texts = [(await get('/api/catalog?limit=100')).text, (await get('/api/catalog/featured?limit=100')).text];
      for (const p of admin) {
        const bySlug = await get(`/api/catalog/product/${p.slug}`);
        expect(bySlug.status).toBe(200);
        texts.push(bySlug.text);
      }
      const forbiddenKeys = ['cjPid', 'cjVid', 'costUsd', 'shippingUsd', 'margin', 'landed', 'sku', 'titleEn', 'fxDate', 'score', 'listedNum', 'logisticName'];
      const forbiddenValues = admin.flatMap((p) => [p.cjPid, ...p.variantsAdmin.flatMap((v) => [v.cjVid, v.sku])]);
      // Image URLs are the supplier's own (the simulator's carry the CJ product id in their path).
      const withoutImages = (text: string) => text.replace(/"https?:\/\/[^"]*\.(png|jpe?g|webp)"/gi, '"<image>"');
      for (const text of texts) {
        const leakedKeys = forbiddenKeys.filter((key) => new RegExp(`"${key}`, 'i').test(text));
        expect(leakedKeys).toEqual([]);
        const leakedValues = forbiddenValues.filter((value) => withoutImages(text).includes(value));
        expect(leakedValues).toEqual([]);
      }
      // The admin view has them (so the check above looks for things that exist).
      expect((await asAdmin('GET', '/api/admin/catalog?limit=1')).text).toContain('"cjPid"');
    });

    it('hiding a product takes it out of every public listing; showing it brings it back', async () => {
      const target = admin.find((p) => p.status === 'active')!;
      const catsBefore = (await get<{ items: Array<{ category: string; count: number }> }>('/api/catalog/categories')).body.items;
      const hidden = await asAdmin<AdminProductBody>('PATCH', `/api/catalog/product/${target.id}`, { status: 'hidden' });
      expect(hidden.status).toBe(200);
      expect(hidden.body.status).toBe('hidden');
      expectError(await get(`/api/catalog/product/${target.id}`), 404, { code: 'not_found' });
      expectError(await get(`/api/catalog/product/${target.slug}`), 404, { code: 'not_found' });
      expect((await allPublic()).items.map((p) => p.id)).not.toContain(target.id);
      expect((await get('/api/catalog/featured?limit=100')).text).not.toContain(target.id);
      const catsHidden = (await get<{ items: Array<{ category: string; count: number }> }>('/api/catalog/categories')).body.items;
      const count = (items: typeof catsBefore) => items.find((c) => c.category === target.category)?.count ?? 0;
      expect(count(catsHidden)).toBe(count(catsBefore) - 1);

      const shown = await asAdmin<AdminProductBody>('PATCH', `/api/catalog/product/${target.slug}`, { status: 'active' });
      expect(shown.status).toBe(200);
      expect(shown.body.status).toBe('active');
      expect((await get(`/api/catalog/product/${target.id}`)).status).toBe(200);
      expect((await allPublic()).items.map((p) => p.id)).toContain(target.id);
      expect((await get<{ items: Array<{ category: string; count: number }> }>('/api/catalog/categories')).body.items).toEqual(catsBefore);
    });

    it('title and description edits are shown, searchable, and survive a refresh of the product and a rescan', async () => {
      const [target, control] = admin.filter((p) => p.status === 'active');
      const title = 'Pêndulo Unicórnio Editado à Mão';
      const description = 'Descrição escrita pelo operador, que nenhuma sincronização pode apagar.';
      const patched = await asAdmin<AdminProductBody>('PATCH', `/api/catalog/product/${target!.id}`, { title, description });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ title, description, titleEdited: true, descriptionEdited: true });
      expect((await get<PublicProductBody>(`/api/catalog/product/${target!.slug}`)).body).toMatchObject({ title, description });
      // The search text follows the edited title.
      expect((await allPublic('&search=unicornio')).items.map((p) => p.id)).toEqual([target!.id]);

      // A refresh of both products from the supplier, through the gates and the store gate: the
      // supplier's stock changed; the control product's title had drifted (not edited by anyone).
      sim.control.setStock({ pid: target!.cjPid, quantity: 4321 });
      await store.runtime.ctx.db.updateTable('products').set({ title: 'Título antigo' }).where('id', '=', control!.id).execute();
      const before = await adminProduct(store, target!.id);
      const refreshed = await refreshThroughGates(store.runtime.ctx, target!.cjPid);
      expect(refreshed.ok && !refreshed.created).toBe(true);
      expect((await refreshThroughGates(store.runtime.ctx, control!.cjPid)).ok).toBe(true);

      const after = await adminProduct(store, target!.id);
      expect(after.variantsAdmin.map((v) => v.stock)).not.toEqual(before.variantsAdmin.map((v) => v.stock));
      expect(after.lastSyncedAt! > before.lastSyncedAt!).toBe(true);
      expect(after).toMatchObject({ title, description, titleEdited: true, descriptionEdited: true });
      expect((await adminProduct(store, control!.id)).title).toBe(control!.title);

      // A real rescan from the first page meets the product again, and leaves the edit alone.
      await store.runtime.ctx.db.deleteFrom('search_cursors').execute();
      const rescan = await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 100 });
      expect(rescan.status === 'finished' && rescan.counts.search.alreadyListed).toBeGreaterThan(0);
      expect(await adminProduct(store, target!.id)).toMatchObject({ title, description, titleEdited: true, descriptionEdited: true });
      expect((await get<PublicProductBody>(`/api/catalog/product/${target!.id}`)).body.title).toBe(title);
    });

    it('a price override below the margin floor is a 422 naming the lowest allowed price; that price is accepted and recorded', async () => {
      const target = admin.find((p) => p.status === 'active' && p.variants.length > 0)!;
      const path = `/api/catalog/product/${target.id}`;
      const tooLow = await asAdmin('PATCH', path, { priceOverrideMinor: 100 });
      const err = expectError(tooLow, 422, { code: 'below_margin_floor', field: 'body.priceOverrideMinor', message: /40% margin floor; the lowest allowed price is/ });
      const lowest = minorFromFormatted(err.message.split('lowest allowed price is')[1]!);
      expect(lowest).toBeGreaterThan(100);

      expectError(await asAdmin('PATCH', path, { priceOverrideMinor: lowest - 1 }), 422, { code: 'below_margin_floor' });
      const historyBefore = await store.runtime.ctx.db.selectFrom('price_history').selectAll().where('product_id', '=', target.id).execute();
      const ok = await asAdmin<AdminProductBody>('PATCH', path, { priceOverrideMinor: lowest });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.body.priceOverride?.minor).toBe(lowest);
      expect(ok.body.computedPrice.minor).toBe(target.computedPrice.minor);

      const pub = (await get<PublicProductBody>(path)).body;
      expect(pub.price.minor).toBe(lowest);
      expect(pub.variants.every((v) => v.price.minor === lowest)).toBe(true);
      const history = await store.runtime.ctx.db.selectFrom('price_history').selectAll().where('product_id', '=', target.id).execute();
      expect(history.length).toBe(historyBefore.length + 1);
      expect(history.find((h) => !historyBefore.some((b) => b.id === h.id))).toMatchObject({ price_minor: lowest, reason: 'operator price override' });
      // The override is what price sorting sees.
      const asc = (await allPublic('&sort=price_asc')).items;
      expect(asc.find((p) => p.id === target.id)!.price.minor).toBe(lowest);
      expect(asc.map((p) => p.price.minor)).toEqual([...asc.map((p) => p.price.minor)].sort((x, y) => x - y));

      const removed = await asAdmin<AdminProductBody>('PATCH', path, { priceOverrideMinor: null });
      expect(removed.body.priceOverride).toBeNull();
      expect((await get<PublicProductBody>(path)).body.price.minor).toBe(target.computedPrice.minor);
      const last = await store.runtime.ctx.db.selectFrom('price_history').selectAll().where('product_id', '=', target.id).execute();
      expect(last.length).toBe(historyBefore.length + 2);
    });

    it('POST /api/catalog/scan queues a scan that runs (202), refuses a second one meanwhile (409), and accepts one once it ended', async () => {
      await waitForScansIdle(store);
      const first = await asAdmin<{ queued: boolean; jobId: string }>('POST', '/api/catalog/scan');
      expect(first.status, first.text).toBe(202);
      expect(first.body).toEqual({ queued: true, jobId: expect.any(String) });
      const second = await asAdmin('POST', '/api/catalog/scan');
      const err = expectError(second, 409);
      expect(['scan_running', 'scan_queued']).toContain(err.code);

      const run = await waitFor('the API scan to finish', async () => {
        const list = await asAdmin<{ items: ScanRunBody[] }>('GET', '/api/catalog/scans');
        return list.body.items.find((r) => r.trigger === 'api' && r.finishedAt !== null);
      });
      expect(run.status).toBe('finished');
      const one = await asAdmin<ScanRunBody>('GET', `/api/catalog/scans/${run.id}`);
      expect(one.body).toMatchObject({ id: run.id, trigger: 'api', status: 'finished' });
      expectError(await asAdmin('GET', '/api/catalog/scans/no-such-run'), 404, { code: 'not_found' });

      await waitForScansIdle(store);
      const again = await asAdmin('POST', '/api/catalog/scan');
      expect(again.status, again.text).toBe(202);
      await waitForScansIdle(store);
    });

    it('the CJ proxy answers with the simulator account\'s real data', async () => {
      const search = await asAdmin<{ items: Array<{ pid: string; nameEn: string }>; total: number }>('GET', '/api/cj/products?q=amethyst&size=3');
      expect(search.status).toBe(200);
      expect(search.body.items.length).toBe(3);
      expect(search.body.items.every((i) => /amethyst/i.test(i.nameEn))).toBe(true);

      const pid = search.body.items[0]!.pid;
      const simProduct = sim.control.getProduct(pid)!;
      const product = await asAdmin<{ pid: string; nameEn: string; variants: Array<{ vid: string }> }>('GET', `/api/cj/product/${pid}`);
      expect(product.status).toBe(200);
      expect(product.body.pid).toBe(pid);
      expect(product.body.nameEn).toBe(simProduct.nameEn);
      expect(product.body.variants.map((v) => v.vid).sort()).toEqual(simProduct.variants.map((v) => v.vid).sort());

      const vid = simProduct.variants[0]!.vid;
      const stock = await asAdmin<Array<{ vid: string; countryCode: string }>>('GET', `/api/cj/stock/${vid}`);
      expect(stock.status).toBe(200);
      expect(stock.body.length).toBeGreaterThan(0);
      expect(stock.body.every((s) => s.vid === vid)).toBe(true);

      const freight = await asAdmin<Array<{ logisticName: string; logisticPrice: string }>>('POST', '/api/cj/freight', { vid, countryCode: 'PT' });
      expect(freight.status, freight.text).toBe(200);
      expect(freight.body.length).toBeGreaterThan(0);
      const fees = freight.body.map((o) => Number(o.logisticPrice));
      expect(fees).toEqual([...fees].sort((x, y) => x - y));

      const categories = await asAdmin<Array<{ name: string }>>('GET', '/api/cj/categories');
      expect(categories.status).toBe(200);
      expect(categories.body.length).toBeGreaterThan(0);
      const balance = await asAdmin<{ amount: string }>('GET', '/api/cj/balance');
      expect(balance.status).toBe(200);
      expect(balance.body.amount).toBe(sim.control.getAccount(simAccount(sim, store))!.balance);
      const warehouses = await asAdmin<Array<{ countryCode: string }>>('GET', '/api/cj/warehouses');
      expect(warehouses.status).toBe(200);
      expect(warehouses.body.map((w) => w.countryCode)).toContain('CN');
    });

    it('CJ failures map to the documented statuses', async () => {
      expectError(await asAdmin('GET', '/api/cj/product/no-such-pid'), 404, { code: 'cj_not_found', message: /not found/i });
      expectError(await asAdmin('GET', '/api/cj/stock/no-such-vid'), 404, { code: 'cj_not_found' });
      expectError(await asAdmin('POST', '/api/cj/freight', { vid: 'no-such-vid' }), 404, { code: 'cj_not_found' });
      const openId = simAccount(sim, store);
      sim.control.addFaults({ path: '/shopping/pay/getBalance', mode: 'error', code: 1600300, openId, times: 1 });
      expectError(await asAdmin('GET', '/api/cj/balance'), 400, { code: 'cj_rejected_input', message: /CJ rejected/ });
      expect((await asAdmin('GET', '/api/cj/balance')).status).toBe(200);
    });

    it('POST /api/leads is idempotent on email and source, and answers new and known emails alike (202, nothing echoed)', async () => {
      const lead = { name: 'Beatriz Costa', email: 'beatriz@example.pt', source: 'newsletter', consent: true };
      const first = await call(store.url, 'POST', '/api/leads', { json: lead });
      expect(first.status).toBe(202);
      expect(first.body).toEqual({ received: true });
      const again = await call(store.url, 'POST', '/api/leads', { json: { ...lead, email: 'Beatriz@Example.PT', name: 'B. Costa' } });
      expect({ status: again.status, text: again.text }).toEqual({ status: first.status, text: first.text });
      const otherSource = await call(store.url, 'POST', '/api/leads', { json: { ...lead, source: 'contact' } });
      expect(otherSource.status).toBe(202);
      const rows = await store.runtime.ctx.db.selectFrom('leads').selectAll().where('email', '=', 'beatriz@example.pt').execute();
      expect(rows.map((r) => r.source).sort()).toEqual(['contact', 'newsletter']);
      expect(rows.find((r) => r.source === 'newsletter')?.name).toBe('Beatriz Costa');
      expect((await call(store.url, 'POST', '/api/leads', { json: { name: 'Rui', email: 'rui@example.pt', consent: true } })).status).toBe(202);
      const rui = await store.runtime.ctx.db.selectFrom('leads').selectAll().where('email', '=', 'rui@example.pt').executeTakeFirstOrThrow();
      expect(rui.source).toBe('storefront');
    });

    it('GET /api/leads pages through every lead, newest first', async () => {
      for (const n of [1, 2, 3]) {
        expect((await call(store.url, 'POST', '/api/leads', { json: { name: `Leitor ${n}`, email: `leitor${n}@example.pt`, consent: true } })).status).toBe(202);
      }
      const all = await asAdmin<{ total: number; items: LeadBody[] }>('GET', '/api/leads?limit=500');
      expect(all.body.total).toBe(all.body.items.length);
      expect(all.body.total).toBeGreaterThanOrEqual(3);
      const dates = all.body.items.map((l) => l.createdAt);
      expect(dates).toEqual([...dates].sort().reverse());
      const seen: string[] = [];
      for (let offset = 0; offset < all.body.total; offset += 2) {
        const page = await asAdmin<{ total: number; items: LeadBody[] }>('GET', `/api/leads?limit=2&offset=${offset}`);
        expect(page.body.total).toBe(all.body.total);
        expect(page.body.items.length).toBe(Math.min(2, all.body.total - offset));
        seen.push(...page.body.items.map((l) => l.id));
      }
      expect(seen).toEqual(all.body.items.map((l) => l.id));
      expect((await asAdmin<{ items: LeadBody[] }>('GET', `/api/leads?offset=${all.body.total}`)).body.items).toEqual([]);
    });

    it('/metrics is Prometheus text with the request counter', async () => {
      await get('/health');
      const r = await asAdmin('GET', '/metrics');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(r.text).toContain('# TYPE lojista_http_requests_total counter');
      const line = r.text.split('\n').find((l) => l.startsWith('lojista_http_requests_total{') && l.includes('route="/health"') && l.includes('status="200"'));
      expect(line, r.text.slice(0, 2000)).toBeDefined();
      expect(line).toContain(`store="${store.id}"`);
      expect(Number(line!.split(' ').pop())).toBeGreaterThanOrEqual(1);
    });
  });
});

describe('the public rate limit', () => {
  let store: TestStore;
  beforeAll(() => {
    store = limited;
  });

  it('answers 429 in the JSON error format after publicRateLimit.max requests, and stores nothing then; forms have their own budget', async () => {
    for (let i = 0; i < 5; i++) expect((await call(store.url, 'GET', '/api/catalog')).status).toBe(200);
    const limited = await call(store.url, 'GET', '/api/catalog');
    // Probes are never limited: a load balancer polling /health and /ready spends no budget…
    for (let i = 0; i < 3; i++) {
      expect((await call(store.url, 'GET', '/health')).status).toBe(200);
      expect((await call(store.url, 'GET', '/ready')).status).toBe(200);
    }
    expectError(limited, 429, { code: 'rate_limited', message: /too many requests/ });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-lojista-supplier')).toMatch(/simulated/);
    expectError(await call(store.url, 'POST', '/api/checkout', { json: {} }), 429, { code: 'rate_limited' });
    expect(await store.runtime.ctx.db.selectFrom('orders').select('id').execute()).toEqual([]);
    // Forms spend their own budget (http.rateLimits.forms, 10 by default), not the general one.
    for (let i = 0; i < 10; i++) expect((await call(store.url, 'POST', '/api/leads', { json: { ...lead, email: `f${i}@example.pt` } })).status).toBe(202);
    expectError(await call(store.url, 'POST', '/api/leads', { json: { ...lead, email: 'f10@example.pt' } }), 429, { code: 'rate_limited' });
    expect(await store.runtime.ctx.db.selectFrom('leads').select('id').execute()).toHaveLength(10);
    // The operator is not locked out by storefront traffic from the same address…
    const adminHeaders = { authorization: `Bearer ${store.adminToken}` };
    expect((await fetch(`${store.url}/api/leads`, { headers: adminHeaders })).status).toBe(200);
    // …but a wrong token stays limited (guessing is slowed down too).
    expect((await fetch(`${store.url}/api/leads`, { headers: { authorization: `Bearer ${'x'.repeat(48)}` } })).status).toBe(429);
  });
});
