// Store isolation over HTTP: two stores (own database, port, token and simulator account, one
// simulator), both with scanned catalogues. Every admin route — enumerated from the running app, so
// a route added later is covered without editing this file — refuses a missing or foreign token,
// and nothing of store B can be read or changed through store A's port, whatever the parameters.
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSimulator, type TestStore } from '../support/store-harness.js';
import {
  adminCatalog,
  appRoutes,
  call,
  expectError,
  routeAccess,
  PUBLIC_ROUTE_KEYS,
  scanCatalogue,
  startHttpStore,
  waitForScansIdle,
  type AdminProductBody,
  type AppRoute,
  type CallOptions,
  type CatalogPage,
  type ScanRunBody,
} from './http-helpers.js';
import { testDatabases } from '../support/databases.js';

const databases = await testDatabases();

interface Pair {
  a: TestStore;
  b: TestStore;
  aRunId: string;
  bRunId: string;
}

let sim: RunningSimulator;
/** Stores A and B per available database, all set up and scanned concurrently. */
const pairs = new Map<string, Pair>();

beforeAll(async () => {
  sim = await testSimulator();
  await Promise.all(
    databases
      .filter((d) => d.available)
      .map(async ({ name }) => {
        const [a, b] = await Promise.all([
          startHttpStore({ database: name, sim, idPrefix: 'a', keywords: ['tarot cards'] }),
          startHttpStore({ database: name, sim, idPrefix: 'b', keywords: ['incense'] }),
        ]);
        const [aRunId, bRunId] = await Promise.all([scanCatalogue(a, 200), scanCatalogue(b, 200)]);
        pairs.set(name, { a, b, aRunId, bRunId });
      }),
  );
});
afterAll(async () => {
  await Promise.all([...pairs.values()].flatMap((p) => [p.a.close(), p.b.close()]));
  await sim?.close();
});

/** Admin routes a store has today: the enumeration must find at least these. */
const KNOWN_ADMIN_ROUTES = [
  'GET /metrics',
  'GET /api/admin/catalog',
  'PATCH /api/catalog/product/:param',
  'POST /api/catalog/scan',
  'GET /api/catalog/scans',
  'GET /api/catalog/scans/:param',
  'GET /api/cj/products',
  'GET /api/cj/product/:param',
  'GET /api/cj/categories',
  'POST /api/cj/freight',
  'GET /api/cj/stock/:param',
  'GET /api/cj/balance',
  'GET /api/cj/warehouses',
  'GET /api/leads',
  'GET /api/alerts',
];

interface Probe {
  path: string;
  opts: CallOptions;
}

/** A well-formed request for a route (real simulator ids where the route needs them). */
function validProbe(route: AppRoute, sample: { pid: string; vid: string; slug: string }): Probe {
  const fill = (value: string) => route.path.replace(/:[^/]+/g, encodeURIComponent(value));
  switch (route.key.replace(/^HEAD /, 'GET ')) {
    case 'GET /api/cj/products':
      return { path: '/api/cj/products?q=amethyst&size=1', opts: {} };
    case 'GET /api/cj/product/:param':
      return { path: fill(sample.pid), opts: {} };
    case 'GET /api/cj/stock/:param':
      return { path: fill(sample.vid), opts: {} };
    case 'POST /api/cj/freight':
      return { path: route.path, opts: { json: { vid: sample.vid } } };
    case 'PATCH /api/catalog/product/:param':
      return { path: fill('probe-no-such-product'), opts: { json: { status: 'active' } } };
    case 'GET /api/catalog/product/:param':
      return { path: fill(sample.slug), opts: {} };
    case 'POST /api/leads':
      return { path: route.path, opts: { json: { name: 'Probe', email: 'probe@example.pt', consent: true } } };
    case 'GET /api/docs/*':
      return { path: '/api/docs/static/swagger-ui.css', opts: {} };
    default:
      return { path: fill('probe'), opts: {} };
  }
}

/** The same route with input no schema accepts: an unknown query key and, where a body goes, broken JSON. */
function invalidProbe(route: AppRoute): Probe {
  const path = `${route.path.replace(/:[^/]+/g, 'x'.repeat(80))}?zzUnknownKey=1`;
  const withBody = route.method === 'POST' || route.method === 'PATCH';
  return { path, opts: withBody ? { raw: '{"not json', contentType: 'application/json' } : {} };
}

describe.each(databases)('isolation between two stores on $name', ({ name, available }) => {
  describe.skipIf(!available)(`(${name})`, () => {
    let a: TestStore;
    let b: TestStore;
    let routes: AppRoute[];
    let adminRoutes: AppRoute[];
    let bRunId: string;
    let aRunId: string;
    let sample: { pid: string; vid: string; slug: string };

    beforeAll(async () => {
      ({ a, b, aRunId, bRunId } = pairs.get(name)!);
      routes = appRoutes(a.runtime.app);
      adminRoutes = routes.filter((r) => routeAccess(r.key) === 'admin');
      const product = sim.control.listProducts().find((p) => p.status === 'listed' && p.variants.length > 0)!;
      const aSlug = (await adminCatalog(a))[0]!.slug;
      sample = { pid: product.pid, vid: product.variants[0]!.vid, slug: aSlug };
    });
    it('enumerates the routes from the running app: every known admin route, and the same routes on both stores', () => {
      const keys = adminRoutes.map((r) => r.key);
      expect(keys).toEqual(expect.arrayContaining(KNOWN_ADMIN_ROUTES));
      for (const key of PUBLIC_ROUTE_KEYS) expect(routes.map((r) => r.key), `public route ${key} is gone`).toContain(key);
      expect(appRoutes(b.runtime.app).map((r) => r.key).sort()).toEqual(routes.map((r) => r.key).sort());
    });

    it('documents every admin route as needing the bearer token in /openapi.json', async () => {
      const doc = await call<{ paths: Record<string, Record<string, { security?: unknown }>> }>(a.url, 'GET', '/api/openapi.json');
      expect(doc.status).toBe(200);
      const secured = new Set<string>();
      const open = new Set<string>();
      for (const [path, ops] of Object.entries(doc.body.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const key = `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, ':param')}`;
          (op.security ? secured : open).add(key);
          if (op.security) expect(op.security, key).toEqual([{ bearerAuth: [] }]);
        }
      }
      const undocumented = adminRoutes.filter((r) => r.method !== 'HEAD' && !secured.has(r.key)).map((r) => r.key);
      expect(undocumented, 'admin routes not marked with security in the OpenAPI document').toEqual([]);
      expect([...secured].filter((key) => routeAccess(key) !== 'admin')).toEqual([]);
      const openButAdmin = [...open].filter((key) => routeAccess(key) === 'admin');
      expect(openButAdmin, 'documented without security, yet not a public or signed route').toEqual([]);
    });

    it('every admin route answers 401 without a token, even to input it would reject', async () => {
      const failures: string[] = [];
      for (const route of adminRoutes) {
        for (const probe of [validProbe(route, sample), invalidProbe(route)]) {
          const r = await call(a.url, route.method, probe.path, probe.opts);
          if (r.status !== 401) failures.push(`${route.method} ${probe.path.slice(0, 80)} → ${r.status} ${r.text.slice(0, 120)}`);
          else if (route.method !== 'HEAD') expectError(r, 401, { code: 'unauthorized', message: /Bearer/ });
        }
      }
      expect(failures).toEqual([]);
    });

    it("every admin route refuses B's token and malformed credentials on A's port, and A's token on B's port", async () => {
      const failures: string[] = [];
      const attempts: Array<{ label: string; base: string; headers: Record<string, string> }> = [
        { label: "B's token on A", base: a.url, headers: { authorization: `Bearer ${b.adminToken}` } },
        { label: "A's token on B", base: b.url, headers: { authorization: `Bearer ${a.adminToken}` } },
        { label: "A's token + 1 char", base: a.url, headers: { authorization: `Bearer ${a.adminToken}x` } },
        { label: "A's token as Basic", base: a.url, headers: { authorization: `Basic ${a.adminToken}` } },
        { label: "A's token without scheme", base: a.url, headers: { authorization: a.adminToken } },
        { label: 'empty bearer', base: a.url, headers: { authorization: 'Bearer ' } },
        { label: "A's token as a header of its own", base: a.url, headers: { 'x-admin-token': a.adminToken } },
      ];
      // HEAD routes share their GET route's hooks; the no-token test above covers them.
      for (const route of adminRoutes.filter((r) => r.method !== 'HEAD')) {
        const probe = validProbe(route, sample);
        for (const attempt of attempts) {
          const r = await call(attempt.base, route.method, probe.path, { ...probe.opts, headers: attempt.headers });
          if (r.status !== 401) failures.push(`${attempt.label}: ${route.method} ${probe.path} → ${r.status}`);
        }
        const withQueryToken = `${probe.path}${probe.path.includes('?') ? '&' : '?'}token=${a.adminToken}`;
        const r = await call(a.url, route.method, withQueryToken, probe.opts);
        if (r.status !== 401) failures.push(`token in the query: ${route.method} ${withQueryToken} → ${r.status}`);
      }
      expect(failures).toEqual([]);
    });

    it("every admin route admits A's token on A's port", async () => {
      const failures: string[] = [];
      // HEAD runs its GET route's hooks and handler; the CJ proxy's would only spend QPS again.
      for (const route of adminRoutes.filter((r) => r.method !== 'HEAD')) {
        const probe = validProbe(route, sample);
        const r = await call(a.url, route.method, probe.path, { ...probe.opts, token: a.adminToken });
        if (r.status === 401 || r.status === 403 || r.status >= 500) failures.push(`${route.method} ${probe.path} → ${r.status} ${r.text.slice(0, 120)}`);
      }
      expect(failures).toEqual([]);
      // POST /api/catalog/scan was among them: let that scan end before the next tests.
      await waitForScansIdle(a);
    });

    it('every public route answers without a token', async () => {
      const publicRoutes = routes.filter((r) => routeAccess(r.key) === 'public' && r.method !== 'OPTIONS');
      expect(publicRoutes.length).toBeGreaterThanOrEqual(PUBLIC_ROUTE_KEYS.length);
      const failures: string[] = [];
      for (const route of publicRoutes) {
        const probe = validProbe(route, sample);
        const r = await call(a.url, route.method, probe.path, probe.opts);
        // The catalogue, leads, system and docs routes get a well-formed request and must succeed; other
        // areas' public routes (checkout, tracking) get an empty one and must merely not ask for a token.
        const ours = PUBLIC_ROUTE_KEYS.includes(route.key.replace(/^HEAD /, 'GET ')) || route.path.startsWith('/api/docs');
        const ok = ours ? r.status >= 200 && r.status < 300 : r.status !== 401 && r.status !== 403 && r.status < 500;
        if (!ok) failures.push(`${route.method} ${probe.path} → ${r.status} ${r.text.slice(0, 120)}`);
      }
      expect(failures).toEqual([]);
    });

    it('every page answers without a token, and every page form post without a CSRF token is refused', async () => {
      const pages = routes.filter((r) => routeAccess(r.key) === 'page' && r.method !== 'OPTIONS' && r.method !== 'HEAD');
      expect(pages.map((r) => r.key)).toContain('GET /');
      const failures: string[] = [];
      for (const route of pages) {
        const path = route.path.replace(/:[^/]+/g, 'probe');
        const r = await call(a.url, route.method, path, route.method === 'GET' ? {} : { raw: 'a=1', contentType: 'application/x-www-form-urlencoded' });
        const ok = route.method === 'GET' ? r.status !== 401 && r.status < 500 : r.status === 403;
        if (!ok) failures.push(`${route.method} ${path} → ${r.status} ${r.text.slice(0, 120)}`);
      }
      expect(failures).toEqual([]);
    });

    it("B's products, by id, slug or CJ id, are 404 on A's port and cannot be changed from there", async () => {
      const before = await adminCatalog(b);
      expect(before.length).toBeGreaterThan(0);
      const aSlugs = new Set((await adminCatalog(a)).map((p) => p.slug));
      for (const p of before) {
        const keys = [p.id, p.cjPid, ...(aSlugs.has(p.slug) ? [] : [p.slug])];
        for (const key of keys) {
          const path = `/api/catalog/product/${encodeURIComponent(key)}`;
          expectError(await call(a.url, 'GET', path), 404, { code: 'not_found' });
          const patch = await call(a.url, 'PATCH', path, {
            token: a.adminToken,
            json: { status: 'hidden', title: 'Taken over through A', description: 'changed through A', priceOverrideMinor: 100_000 },
          });
          expectError(patch, 404, { code: 'not_found' });
        }
      }
      const after = await adminCatalog(b);
      expect(after).toEqual(before);
    });

    it("no parameter trick on A's port reaches B's products", async () => {
      const bProducts = await adminCatalog(b);
      const bIds = bProducts.flatMap((p) => [p.id, p.cjPid]);
      const first = bProducts[0]!;
      const tricks = ['%25', '_', '*', "' OR '1'='1", `${first.id}%20`, `..%2F..%2F${first.id}`, first.id.toUpperCase(), `${first.id}%00`];
      for (const trick of tricks) {
        for (const method of ['GET', 'PATCH'] as const) {
          const r = await call(a.url, method, `/api/catalog/product/${trick}`, method === 'PATCH' ? { token: a.adminToken, json: { status: 'hidden' } } : {});
          expect([400, 404], `${method} ${trick}: ${r.text}`).toContain(r.status);
          // The error may echo the key it was given, never anything else of B's.
          const echoed = decodeURIComponent(trick).toLowerCase();
          for (const id of bIds) if (!echoed.includes(id.toLowerCase())) expect(r.text.toLowerCase()).not.toContain(id.toLowerCase());
          for (const p of bProducts) expect(r.text).not.toContain(p.title);
        }
      }
      expect(await adminCatalog(b)).toEqual(bProducts);
      const listings = [
        await call<CatalogPage>(a.url, 'GET', `/api/catalog?limit=100&search=${encodeURIComponent(bProducts[0]!.title)}`),
        await call<CatalogPage>(a.url, 'GET', '/api/catalog?limit=100&search=incenso'),
        await call<CatalogPage>(a.url, 'GET', `/api/catalog?limit=100&category=${encodeURIComponent(bProducts[0]!.category)}`),
        await call<{ items: AdminProductBody[] }>(a.url, 'GET', '/api/admin/catalog?limit=100', { token: a.adminToken }),
        await call<{ items: AdminProductBody[] }>(a.url, 'GET', '/api/catalog/featured?limit=100'),
      ];
      for (const r of listings) {
        expect(r.status, r.text).toBe(200);
        for (const id of bIds) expect(r.text).not.toContain(id);
      }
    });

    it("B's scan runs are 404 on A's port and absent from A's list", async () => {
      expectError(await call(a.url, 'GET', `/api/catalog/scans/${bRunId}`, { token: a.adminToken }), 404, { code: 'not_found' });
      const own = await call<ScanRunBody>(a.url, 'GET', `/api/catalog/scans/${aRunId}`, { token: a.adminToken });
      expect(own.status).toBe(200);
      expect(own.body.id).toBe(aRunId);
      const list = await call<{ items: ScanRunBody[] }>(a.url, 'GET', '/api/catalog/scans?limit=100', { token: a.adminToken });
      expect(list.body.items.map((r) => r.id)).toContain(aRunId);
      expect(list.body.items.map((r) => r.id)).not.toContain(bRunId);
    });

    it('leads posted to A never appear in B', async () => {
      const email = `only-a-${name}@example.pt`;
      const posted = await call(a.url, 'POST', '/api/leads', { json: { name: 'Ana', email, source: 'newsletter', consent: true } });
      expect(posted.status).toBe(202);
      const inB = await call<{ total: number; items: Array<{ id: string; email: string }> }>(b.url, 'GET', '/api/leads?limit=500', { token: b.adminToken });
      expect(inB.status).toBe(200);
      expect(inB.body.items.map((l) => l.email)).not.toContain(email);
      const inA = await call<{ items: Array<{ id: string; email: string }> }>(a.url, 'GET', '/api/leads?limit=500', { token: a.adminToken });
      const aLead = inA.body.items.find((l) => l.email === email);
      expect(aLead).toBeDefined();
      expect(inB.text).not.toContain(aLead!.id);
      // The same email is new to B: B keeps its own leads.
      expect((await call(b.url, 'POST', '/api/leads', { json: { name: 'Ana', email, source: 'newsletter', consent: true } })).status).toBe(202);
      const inBToo = await call<{ items: Array<{ id: string; email: string }> }>(b.url, 'GET', '/api/leads?limit=500', { token: b.adminToken });
      const bLead = inBToo.body.items.find((l) => l.email === email);
      expect(bLead).toBeDefined();
      expect(bLead!.id).not.toBe(aLead!.id);
    });

    it("A's /metrics carries A's store label only, and every response names A", async () => {
      const r = await call(a.url, 'GET', '/metrics', { token: a.adminToken });
      expect(r.status).toBe(200);
      const samples = r.text.split('\n').filter((l) => l && !l.startsWith('#'));
      expect(samples.length).toBeGreaterThan(0);
      expect(samples.filter((l) => !l.includes(`store="${a.id}"`))).toEqual([]);
      expect(r.text).not.toContain(b.id);
      expect(r.headers.get('x-lojista-store')).toBe(a.id);
      expect((await call(a.url, 'GET', '/nope')).headers.get('x-lojista-store')).toBe(a.id);
      expect((await call(b.url, 'GET', '/health')).headers.get('x-lojista-store')).toBe(b.id);
    });
  });
});
