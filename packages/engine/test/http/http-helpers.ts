// Helpers for the HTTP suites: a small fetch wrapper, the error-shape assertion, the route list of a
// running app, the databases to run on, and stores started with the options these suites need.
import type { RunningSimulator } from '@lojista/cj-sim';
import { expect } from 'vitest';
import type { StoreApp } from '../../src/http/app-types.js';
import { simulatorApiKey } from '../../src/runtime/supplier-setup.js';
import type { StoreConfigInput } from '../../src/stores/store-config.js';
import { freePort, startTestStore, uniqueStoreId, type TestStore } from '../support/store-harness.js';

export interface HttpReply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when the response is JSON, else undefined. */
  body: T;
}

export interface CallOptions {
  /** Sent as "Authorization: Bearer <token>". */
  token?: string;
  /** JSON-encoded, with Content-Type: application/json. */
  json?: unknown;
  /** A raw body (use contentType to say what it is). */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export async function call<T = unknown>(base: string, method: string, path: string, opts: CallOptions = {}): Promise<HttpReply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] = 'application/json';
  }
  if (opts.raw !== undefined) body = opts.raw;
  if (opts.contentType !== undefined) headers['content-type'] = opts.contentType;
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
  return { status: res.status, headers: res.headers, text, body: (isJson && text ? JSON.parse(text) : undefined) as T };
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** The uniform error format: `{ error: { code, message, field? } }` and nothing else. */
export function expectError(
  reply: HttpReply,
  status: number,
  expected: { code?: string; field?: string | undefined; message?: RegExp } = {},
): ErrorBody['error'] {
  const where = `${reply.status} ${reply.text.slice(0, 400)}`;
  expect(reply.status, where).toBe(status);
  expect(reply.headers.get('content-type') ?? '', where).toContain('application/json');
  const body = reply.body as ErrorBody;
  expect(Object.keys(body ?? {}), where).toEqual(['error']);
  const err = body.error;
  expect(typeof err.code, where).toBe('string');
  expect(typeof err.message, where).toBe('string');
  expect(err.message.length, where).toBeGreaterThan(0);
  for (const key of Object.keys(err)) expect(['code', 'message', 'field'], where).toContain(key);
  if (expected.code !== undefined) expect(err.code, where).toBe(expected.code);
  if ('field' in expected) expect(err.field, where).toBe(expected.field);
  if (expected.message !== undefined) expect(err.message, where).toMatch(expected.message);
  return err;
}

export interface AppRoute {
  method: string;
  /** As Fastify prints it: parameters that share a node read ":idOrSlug|:id". */
  path: string;
  /** "METHOD /path" with every parameter written ":param". */
  key: string;
}

/** Every route of a running app, read from Fastify's own route tree (hidden routes included). */
export function appRoutes(app: Pick<StoreApp, 'printRoutes'>): AppRoute[] {
  const routes: AppRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (depth > 0 ? stack[depth - 1]! : '') + m[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      routes.push({ method, path, key: `${method} ${path.replace(/:[^/]+/g, ':param')}` });
    }
  }
  return routes;
}

const PUBLIC = [
  'GET /health',
  'GET /ready',
  'GET /api/store',
  'GET /api/catalog',
  'GET /api/catalog/featured',
  'GET /api/catalog/categories',
  'GET /api/catalog/product/:param',
  'POST /api/leads',
  'GET /api/openapi.json',
];

/** Public routes of the order area: checkout, shipping quotes for a cart, and the customer's order tracking. */
const PUBLIC_ORDERS = ['POST /api/checkout', 'GET /api/orders/track', 'POST /api/shipping/quote'];

/** Routes their sender authenticates with its own signature (webhooks), not with the admin token. */
const SIGNED = ['POST /api/webhooks/cj', 'POST /api/webhooks/stripe'];

export type RouteAccess = 'public' | 'signed' | 'admin' | 'page' | 'agent';

/**
 * Who may call a route. Anything under /api (or /metrics) not listed here is an admin route and
 * must demand the store's token: a new route is covered by the isolation matrix the moment it exists, and a new public or
 * signed route has to be added to these lists on purpose.
 */
export function routeAccess(key: string): RouteAccess {
  if (key === 'OPTIONS *') return 'public'; // the CORS preflight answer
  // The MCP server: an agent token of this store, never the admin token (test/mcp covers it).
  if (/^(GET|POST|DELETE|HEAD) \/mcp$/.test(key)) return 'agent';
  // The HTML faces own every path outside the JSON API and the operations endpoints: pages and their
  // assets, guarded by their own means (CSRF tokens on posts, sessions), tested by their own suites.
  const path = key.slice(key.indexOf(' ') + 1);
  if (!path.startsWith('/api/') && !['/health', '/ready', '/metrics'].includes(path)) return 'page';
  if (/^(GET|HEAD) \/api\/docs(\/|$)/.test(key)) return 'public'; // the docs page and its assets
  if ([...PUBLIC, ...PUBLIC_ORDERS].some((p) => key === p || key === p.replace(/^GET /, 'HEAD '))) return 'public';
  if (SIGNED.includes(key)) return 'signed';
  return 'admin';
}

/** The public routes of the catalogue, leads and system areas (each must exist). */
export const PUBLIC_ROUTE_KEYS: readonly string[] = PUBLIC;


export interface HttpStoreOptions {
  database: 'sqlite' | 'postgres';
  sim: RunningSimulator;
  idPrefix?: string;
  keywords?: string[];
  /** Public rate limit per minute; high by default so the suites never trip it by accident. */
  rateLimitMax?: number;
  /** Points a scan started from the API may spend (small: one search call). */
  apiScanPoints?: number;
  config?: Partial<StoreConfigInput>;
}

export async function startHttpStore(opts: HttpStoreOptions): Promise<TestStore> {
  const port = await freePort();
  return startTestStore({
    database: opts.database,
    sim: opts.sim,
    id: uniqueStoreId(opts.idPrefix ?? 't'),
    config: {
      http: {
        port,
        publicRateLimit: { max: opts.rateLimitMax ?? 100_000, window: '1m' },
        // The suites post many leads from one address; the limited store keeps the default forms budget.
        ...(opts.rateLimitMax === undefined ? { rateLimits: { forms: { max: 100_000, window: '1m' } } } : {}),
      },
      niche: { keywords: opts.keywords ?? ['amethyst', 'tarot cards', 'incense'] },
      catalog: { pageSize: 10, pointsBudgetPerScan: opts.apiScanPoints ?? 60 },
      ...opts.config,
    },
  });
}

/** Fills the store's catalogue from the simulator and checks that the scan stored something. */
export async function scanCatalogue(store: TestStore, pointsBudget: number): Promise<string> {
  const result = await store.runtime.scanNow({ trigger: 'cli', pointsBudget });
  if (result.status !== 'finished') throw new Error(`scan of ${store.id} did not finish: ${JSON.stringify(result)}`);
  if (result.counts.store.added === 0) throw new Error(`scan of ${store.id} stored nothing: ${JSON.stringify(result.counts)}`);
  return result.runId;
}

/** The simulator account (openId) a test store talks to, for fault injection. */
export function simAccount(sim: RunningSimulator, store: TestStore): string {
  const account = sim.control.getAccount(simulatorApiKey(store.id));
  if (!account) throw new Error(`no simulator account for store ${store.id}`);
  return account.openId;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface ScanRunBody {
  id: string;
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  note: string | null;
}

/** Waits until no scan of the store is running (a scan started from the API ran to its end). */
export async function waitForScansIdle(store: TestStore): Promise<ScanRunBody[]> {
  return waitFor('every scan to finish', async () => {
    const r = await call<{ items: ScanRunBody[] }>(store.url, 'GET', '/api/catalog/scans?limit=100', { token: store.adminToken });
    if (r.status !== 200) throw new Error(`GET /api/catalog/scans answered ${r.status}: ${r.text}`);
    const queued = await store.runtime.ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', 'catalog.scan')
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return !queued && r.body.items.every((run) => run.finishedAt !== null) ? r.body.items : undefined;
  });
}

export interface PriceBody {
  minor: number;
  currency: string;
  formatted: string;
}

export interface PublicProductBody {
  id: string;
  slug: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  images: string[];
  price: PriceBody;
  variants: Array<{ id: string; price: PriceBody; options: Array<{ name: string; value: string }> }>;
}

export interface AdminProductBody extends PublicProductBody {
  status: 'active' | 'hidden' | 'retired';
  cjPid: string;
  titleEdited: boolean;
  descriptionEdited: boolean;
  computedPrice: PriceBody;
  priceOverride: PriceBody | null;
  costUsd: string;
  score: number;
  updatedAt: string;
  lastSyncedAt: string | null;
  variantsAdmin: Array<{ id: string; cjVid: string; sku: string; costUsd: string; stock: number }>;
}

export interface CatalogPage {
  page: number;
  limit: number;
  total: number;
  items: PublicProductBody[];
}

/** Every product of the store with its admin fields (any status). */
export async function adminCatalog(store: TestStore): Promise<AdminProductBody[]> {
  const r = await call<{ total: number; items: AdminProductBody[] }>(store.url, 'GET', '/api/admin/catalog?limit=100', { token: store.adminToken });
  if (r.status !== 200) throw new Error(`GET /api/admin/catalog answered ${r.status}: ${r.text}`);
  if (r.body.total > 100) throw new Error('more than 100 products: page through them');
  return r.body.items;
}

export async function adminProduct(store: TestStore, id: string): Promise<AdminProductBody> {
  const found = (await adminCatalog(store)).find((p) => p.id === id);
  if (!found) throw new Error(`product ${id} not in ${store.id}`);
  return found;
}
