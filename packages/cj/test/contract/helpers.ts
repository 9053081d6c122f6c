// Contract-test harness: the real client (packages/cj) against the real simulator (packages/cj-sim),
// started in-process on a free port with a manual clock. Nothing here fakes CJ: every assertion is
// about what went over HTTP, read back from the client's normalised results, its observer and the
// simulator's ledger.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import {
  startSimulator,
  type AccountView,
  type CallEntry,
  type LedgerEntry,
  type ProductView,
  type RunningSimulator,
  type SimulatorOptions,
} from '@lojista/cj-sim';
import { expect } from 'vitest';
import {
  CjClient,
  type CjCallEvent,
  type CjClientOptions,
  type CjEvent,
  type Clock,
  type CreateOrderV2Body,
  InProcessRateLimiter,
  MemoryTokenStore,
  type RateLimiter,
  systemClock,
} from '../../src/index.js';

/** A simulator for one test file: manual clock (time moves only when a test says so), seed 42, full catalogue. */
export function startSim(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, clock: 'manual', seed: 42, ...opts });
}

/**
 * The client's clock reads the simulator's clock. In production both are real time; here the
 * simulator's manual clock starts on 2026-11-01, and token expiries, the getAccessToken cooldown
 * and refresh windows are all stated on it — so the client must read the same time to agree with
 * it (advanceClock then moves both). Sleeps (back-off) stay real.
 */
export function simClock(sim: RunningSimulator): Clock {
  return { now: () => sim.control.now(), sleep: (ms, signal) => systemClock.sleep(ms, signal) };
}

/**
 * The functional files run their accounts at 20 calls/s so the whole contract suite stays fast on
 * two cores (the simulator accepts any QPS; CJ's tiers are 1/2/4/6). The limiter is still the real
 * InProcessRateLimiter, shared by every client of an account in the file, so the simulator's
 * budget is really enforced — each file ends by checking that nothing was throttled. The
 * concurrency test uses CJ's strictest tier, qps 1, with the client's default limiter.
 */
export const FAST_QPS = 20;
const fastLimiter = new InProcessRateLimiter({ minMarginMs: 10 });
const fast: RateLimiter = {
  acquire: (key, _qps, signal) => fastLimiter.acquire(key, FAST_QPS, signal),
  release: (key) => fastLimiter.release(key, FAST_QPS),
};

export interface TestClient {
  cj: CjClient;
  /** Everything the client reported to its observer. */
  events: CjEvent[];
  /** Call events only, optionally of one endpoint path. */
  calls(endpoint?: string): CjCallEvent[];
}

/** A client for one simulator account: its own token store, the sim-aligned clock, the fast limiter unless said otherwise. */
export function makeClient(sim: RunningSimulator, account: { apiKey: string }, opts: Partial<CjClientOptions> = {}): TestClient {
  const events: CjEvent[] = [];
  const cj = new CjClient({
    apiKey: account.apiKey,
    baseUrl: sim.baseUrl,
    qps: 6,
    limiter: fast,
    tokenStore: new MemoryTokenStore(),
    clock: simClock(sim),
    observer: (e) => events.push(e),
    ...opts,
  });
  return {
    cj,
    events,
    calls: (endpoint) => events.filter((e): e is CjCallEvent => e.type === 'call' && (endpoint === undefined || e.endpoint === endpoint)),
  };
}

/** A fresh simulator account (isolates QPS budgets, balances, tokens and cooldowns between tests). */
export function newAccount(sim: RunningSimulator, input: { qps?: number; balance?: string; openId?: string } = {}): AccountView {
  return sim.control.createAccount({ qps: FAST_QPS, ...input });
}

/** The ledger's API calls of one account (optionally of one path, after a cursor). */
export function apiCalls(sim: RunningSimulator, openId: string, filter: { path?: string; since?: number } = {}): CallEntry[] {
  return sim.control
    .ledger({ kind: 'call', openId, ...(filter.path === undefined ? {} : { path: filter.path }), ...(filter.since === undefined ? {} : { since: filter.since }) })
    .filter((e): e is CallEntry => e.kind === 'call');
}

export function ledgerOf<K extends LedgerEntry['kind']>(sim: RunningSimulator, kind: K, openId: string, since?: number): Extract<LedgerEntry, { kind: K }>[] {
  return sim.control.ledger({ kind, openId, ...(since === undefined ? {} : { since }) }) as Extract<LedgerEntry, { kind: K }>[];
}

/** "Zero 429s in normal operation": no call of the account was throttled by the simulator. */
export function expectNoThrottling(sim: RunningSimulator, openId: string): void {
  const throttled = apiCalls(sim, openId).filter((c) => c.rateLimited || c.status === 429);
  expect(throttled, 'calls the simulator answered with 429').toEqual([]);
}

/** Spacing figures of a list of acceptance instants (ms). */
export function spacing(ats: number[], windowMs = 1000): { count: number; minGapMs: number; maxInWindow: number; spanMs: number } {
  const sorted = [...ats].sort((a, b) => a - b);
  let minGapMs = Infinity;
  let maxInWindow = sorted.length > 0 ? 1 : 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0) minGapMs = Math.min(minGapMs, sorted[i]! - sorted[i - 1]!);
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]! - sorted[i]! < windowMs) j++;
    maxInWindow = Math.max(maxInWindow, j - i + 1);
  }
  return { count: sorted.length, minGapMs, maxInWindow, spanMs: sorted.length > 1 ? sorted[sorted.length - 1]! - sorted[0]! : 0 };
}

// ---- Raw HTTP, for checking what CJ's wire format looked like before the client normalised it ----

const rawTokens = new WeakMap<RunningSimulator, Promise<string>>();

/**
 * A token of the simulator's demo account, whose QPS is raised so raw reads never compete with
 * the accounts under test. Used only to look at raw response text (big numbers, field names).
 */
function rawToken(sim: RunningSimulator): Promise<string> {
  let p = rawTokens.get(sim);
  if (!p) {
    const demo = sim.control.getAccount(sim.demoApiKey);
    if (!demo) throw new Error('the simulator has no demo account');
    sim.control.setQps(demo.openId, 1000);
    p = fetch(`${sim.baseUrl}/authentication/getAccessToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: sim.demoApiKey }),
    })
      .then((r) => r.json() as Promise<{ data?: { accessToken?: string } }>)
      .then((j) => {
        if (!j.data?.accessToken) throw new Error('raw getAccessToken failed');
        return j.data.accessToken;
      });
    rawTokens.set(sim, p);
  }
  return p;
}

/** GET below /api2.0/v1 with the demo account; returns the response text untouched. */
export async function rawGet(sim: RunningSimulator, path: string, query: Record<string, string | number>): Promise<string> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  const res = await fetch(`${sim.baseUrl}${path}?${qs}`, { headers: { 'CJ-Access-Token': await rawToken(sim) } });
  return res.text();
}

// ---- Orders ----

export const ADDRESS = {
  shippingCountryCode: 'US',
  shippingCountry: 'United States',
  shippingProvince: 'California',
  shippingCity: 'Los Angeles',
  shippingCustomerName: 'Jane Doe',
  shippingAddress: '1 Main Street',
  shippingZip: '90001',
  shippingPhone: '3105550100',
} as const;

/** A listed product whose every variant has at least `minStock` units in the CN warehouse. */
export function orderableProduct(sim: RunningSimulator, filter: (p: ProductView) => boolean = () => true, minStock = 20): ProductView {
  const p = sim.control
    .listProducts({ status: 'listed' })
    .find((x) => x.variants.every((v) => v.status === 1 && (v.stock.find((a) => a.countryCode === 'CN')?.total ?? 0) >= minStock) && filter(x));
  if (!p) throw new Error('no orderable product in the catalogue');
  return p;
}

/** A createOrderV2/V3 body shipping CN → US. */
export function orderBody(orderNumber: string, lines: { vid: string; quantity: number }[], logisticName: string, extra: Partial<CreateOrderV2Body> = {}): CreateOrderV2Body {
  return {
    orderNumber,
    ...ADDRESS,
    logisticName,
    fromCountryCode: 'CN',
    products: lines.map((l, i) => ({ ...l, storeLineItemId: `${orderNumber}-L${i + 1}` })),
    ...extra,
  };
}

/** Integer cents of a canonical decimal string ("25.99" → 2599), for exact money arithmetic in assertions. */
export function cents(decimal: string | undefined): number {
  if (decimal === undefined || !/^-?\d+\.\d{2}$/.test(decimal)) throw new Error(`not a two-decimal amount: ${String(decimal)}`);
  const negative = decimal.startsWith('-');
  const [i = '0', f = '00'] = decimal.replace('-', '').split('.');
  const v = Number(i) * 100 + Number(f);
  return negative ? -v : v;
}

export function formatCents(c: number): string {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Canonical money text: digits, a point, two decimals. */
export const MONEY = /^\d+\.\d{2}$/;

// ---- Webhooks ----

export interface Received {
  raw: string;
  headers: IncomingHttpHeaders;
}

/** A local webhook receiver that records the exact bytes of every POST and answers 200. */
export class Receiver {
  readonly received: Received[] = [];
  url = '';
  private server: Server | undefined;

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"code":200,"result":"success","message":"ok"}');
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/cj/webhook`;
    return this;
  }

  /** Deliveries (not the `{}` probe), optionally of one type. */
  messages(type?: string): Received[] {
    return this.received.filter((r) => r.raw !== '{}' && (type === undefined || r.raw.includes(`"type":"${type}"`)));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A JSON number written beyond 2^53 (as CJ writes 18–19 digit ids): its digits, read from the raw text. */
export function rawDigits(raw: string, key: string): string[] {
  return [...raw.matchAll(new RegExp(`"${key}":(\\d+)`, 'g'))].map((m) => m[1]!);
}
