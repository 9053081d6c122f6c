// Test helpers: real HTTP against an in-process simulator, with Node's fetch (no CJ client).
import { isSafeNumber, parse } from 'lossless-json';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../src/index.js';

// Responses are read loosely in tests; the assertions pin the shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiResponse {
  status: number;
  text: string;
  body: Json;
  headers: Headers;
}

/** JSON with big integers kept exact: unsafe numbers become strings (as a big-int-safe client would). */
export function parseBig(text: string): Json {
  return parse(text, null, (digits: string) => (isSafeNumber(digits) ? Number(digits) : digits));
}

function tryParse(text: string): Json {
  try {
    return parseBig(text);
  } catch {
    return undefined; // non-JSON bodies (fault injection) are asserted through `text`
  }
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent verbatim (malformed JSON tests). */
  rawBody?: string;
  contentType?: string | null;
  query?: Record<string, string | number | Array<string | number>>;
  signal?: AbortSignal;
}

export async function call(sim: RunningSimulator, method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {})) for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item));
  const url = `${sim.baseUrl}${path}${qs.size > 0 ? `?${qs}` : ''}`;
  const headers: Record<string, string> = {};
  if (opts.token) headers['CJ-Access-Token'] = opts.token;
  const payload = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const contentType = opts.contentType === undefined ? (payload !== undefined ? 'application/json' : undefined) : opts.contentType;
  if (contentType) headers['Content-Type'] = contentType;
  const res = await fetch(url, { method, headers, body: payload, signal: opts.signal });
  const text = await res.text();
  return { status: res.status, text, body: tryParse(text), headers: res.headers };
}

/** A fresh simulator for one test file: manual clock, generous QPS, small catalogue unless said otherwise. */
export function sim(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ clock: 'manual', qps: 100, catalogueSize: 300, ...opts });
}

/** getAccessToken for a key (default: the demo key). */
export async function login(s: RunningSimulator, apiKey = s.demoApiKey): Promise<string> {
  const r = await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey } });
  if (r.body?.code !== 200) throw new Error(`login failed: ${r.text}`);
  return r.body.data.accessToken as string;
}

/** A new account with its own key and token (accounts isolate QPS, balances, cooldowns). */
export async function newAccount(s: RunningSimulator, opts: { balance?: string; qps?: number; openId?: string } = {}): Promise<{ apiKey: string; openId: string; token: string }> {
  const a = s.control.createAccount(opts);
  return { apiKey: a.apiKey, openId: a.openId, token: await login(s, a.apiKey) };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A listed product with CN stock for every variant, optionally of a niche. */
export function orderableProduct(s: RunningSimulator, filter: (p: ReturnType<RunningSimulator['control']['listProducts']>[number]) => boolean = () => true) {
  const p = s.control
    .listProducts({ status: 'listed' })
    .find((x) => x.variants.every((v) => (v.stock.find((a) => a.countryCode === 'CN')?.total ?? 0) >= 10) && filter(x));
  if (!p) throw new Error('no orderable product in the catalogue');
  return p;
}

export const ADDRESS = {
  shippingCountryCode: 'US',
  shippingCountry: 'United States',
  shippingProvince: 'California',
  shippingCity: 'Los Angeles',
  shippingCustomerName: 'Jane Doe',
  shippingAddress: '1 Main Street',
  shippingZip: '90001',
  shippingPhone: '3105550100',
};

/** The cheapest logistic line CN → country for a variant. */
export async function cheapestLine(s: RunningSimulator, token: string, vid: string, quantity = 1, to = 'US', from = 'CN'): Promise<{ logisticName: string; logisticPrice: number; logisticAging: string }> {
  const r = await call(s, 'POST', '/logistic/freightCalculate', { token, body: { startCountryCode: from, endCountryCode: to, products: [{ vid, quantity }] } });
  if (r.body?.code !== 200 || r.body.data.length === 0) throw new Error(`no freight: ${r.text}`);
  return r.body.data[0];
}

/** Creates an order (payType 3 by default) and returns its response data. */
export async function createOrder(s: RunningSimulator, token: string, opts: { orderNumber: string; vid: string; quantity?: number; payType?: number; logisticName?: string; version?: 'V2' | 'V3'; extra?: Record<string, unknown> }): Promise<ApiResponse> {
  const logisticName = opts.logisticName ?? (await cheapestLine(s, token, opts.vid, opts.quantity ?? 1)).logisticName;
  return call(s, 'POST', `/shopping/order/createOrder${opts.version ?? 'V2'}`, {
    token,
    body: { orderNumber: opts.orderNumber, ...ADDRESS, logisticName, fromCountryCode: 'CN', payType: opts.payType ?? 3, products: [{ vid: opts.vid, quantity: opts.quantity ?? 1, storeLineItemId: `line-${opts.orderNumber}` }], ...opts.extra },
  });
}
