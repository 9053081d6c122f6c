// Shared pieces of the end-to-end order tests: a seeded random stream, a deterministic plan of
// checkouts built from a store's catalogue, the store's HTTP API as the customer and the operator
// see it, the ledger audit that proves "created once, paid once", and latency statistics.
import type { LedgerEntry } from '@lojista/cj-sim';

/** mulberry32: small, fast and deterministic — the same seed gives the same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `fn` until it returns something truthy; throws with `what` after `ms`. */
export async function until<T>(what: string, fn: () => Promise<T | undefined | false | null>, ms: number, everyMs = 100, signal?: AbortSignal): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least p% of the values at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// ---------------------------------------------------------------------------------------------
// The store's HTTP API

export interface StoreApi {
  url: string;
  adminToken: string;
}

export interface CatalogVariant {
  productId: string;
  variantId: string;
  /** Units per warehouse country, as the store knows them. */
  stock: Record<string, number>;
}

interface AdminCatalogPage {
  total: number;
  items: Array<{
    id: string;
    status: string;
    variants: Array<{ id: string; available: boolean }>;
    variantsAdmin: Array<{ id: string; stock: number; stockDetail: Array<{ countryCode: string; quantity: number }> }>;
  }>;
}

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

const admin = (api: StoreApi) => ({ authorization: `Bearer ${api.adminToken}` });

/** Every variant for sale, with its stock per warehouse country (admin view). */
export async function sellableVariants(api: StoreApi): Promise<CatalogVariant[]> {
  const out: CatalogVariant[] = [];
  for (let page = 1; ; page++) {
    const body = await json<AdminCatalogPage>(await fetch(`${api.url}/api/admin/catalog?limit=100&page=${page}`, { headers: admin(api) }), 'GET /api/admin/catalog');
    for (const p of body.items) {
      if (p.status !== 'active') continue;
      for (const v of p.variants) {
        if (!v.available) continue;
        const detail = p.variantsAdmin.find((a) => a.id === v.id);
        if (!detail) continue;
        const stock: Record<string, number> = {};
        for (const s of detail.stockDetail) stock[s.countryCode] = (stock[s.countryCode] ?? 0) + s.quantity;
        out.push({ productId: p.id, variantId: v.id, stock });
      }
    }
    if (body.items.length < 100 || page * 100 >= body.total) break;
  }
  return out;
}

export interface CheckoutBody {
  checkoutKey: string;
  lines: Array<{ variantId: string; quantity: number }>;
  customer: { name: string; email: string; phone: string };
  address: { country: string; city: string; zip: string; address1: string; address2?: string };
}

const PT_ADDRESSES = [
  { city: 'Lisboa', zip: '1100-148', street: 'Rua Augusta' },
  { city: 'Porto', zip: '4000-322', street: 'Rua de Santa Catarina' },
  { city: 'Braga', zip: '4700-308', street: 'Avenida da Liberdade' },
  { city: 'Coimbra', zip: '3000-150', street: 'Rua Ferreira Borges' },
  { city: 'Faro', zip: '8000-138', street: 'Rua de Santo António' },
  { city: 'Évora', zip: '7000-671', street: 'Rua 5 de Outubro' },
  { city: 'Funchal', zip: '9000-060', street: 'Avenida Arriaga' },
  { city: 'Aveiro', zip: '3800-200', street: 'Rua de Coimbra' },
];
const ES_ADDRESSES = [
  { city: 'Madrid', zip: '28013', street: 'Calle Mayor' },
  { city: 'Barcelona', zip: '08002', street: 'Carrer de Ferran' },
  { city: 'Sevilla', zip: '41004', street: 'Calle Sierpes' },
  { city: 'Valencia', zip: '46002', street: 'Carrer de la Pau' },
];
const FIRST = ['Ana', 'João', 'Maria', 'Pedro', 'Inês', 'Rui', 'Sofia', 'Tiago', 'Beatriz', 'Miguel', 'Lucía', 'Javier'];
const LAST = ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Costa', 'Oliveira', 'Martins', 'Rodrigues', 'García', 'López'];

/**
 * `n` checkouts drawn from `variants` with a seeded stream: one or two lines (the two from one
 * warehouse country, so the cart can ship as one parcel), quantities 1–3 within stock, customers
 * and addresses in Portugal and (when `esShare` > 0) Spain. The same seed and catalogue give the
 * same plan.
 */
export function planCheckouts(variants: CatalogVariant[], n: number, seed: number, opts: { esShare?: number; keyPrefix?: string } = {}): CheckoutBody[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Only what one warehouse can ship: lines are grouped by the country that holds them.
  const byCountry = new Map<string, CatalogVariant[]>();
  for (const v of variants) for (const [c, q] of Object.entries(v.stock)) if (q >= 3) byCountry.set(c, [...(byCountry.get(c) ?? []), v]);
  const countries = [...byCountry.keys()].sort((a, b) => (a === 'CN' ? -1 : b === 'CN' ? 1 : a.localeCompare(b)));
  if (countries.length === 0) throw new Error('no variant with stock to plan checkouts from');
  const main = byCountry.get(countries[0]!)!;
  const plan: CheckoutBody[] = [];
  for (let i = 0; i < n; i++) {
    const first = pick(main);
    const lines = [{ variantId: first.variantId, quantity: 1 + Math.floor(rnd() * 3) }];
    if (rnd() < 0.3) {
      const second = pick(main);
      if (second.variantId !== first.variantId) lines.push({ variantId: second.variantId, quantity: 1 + Math.floor(rnd() * 2) });
    }
    const es = rnd() < (opts.esShare ?? 0);
    const where = es ? pick(ES_ADDRESSES) : pick(PT_ADDRESSES);
    const first_ = pick(FIRST);
    const last = pick(LAST);
    plan.push({
      checkoutKey: `${opts.keyPrefix ?? 'e2e'}-${seed}-${String(i).padStart(4, '0')}-${Math.floor(rnd() * 1e9).toString(36)}`,
      lines,
      customer: {
        name: `${first_} ${last}`,
        email: `${first_.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()}.${last.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()}${i}@example.${es ? 'es' : 'pt'}`,
        phone: es ? `+34 6${String(10_000_000 + Math.floor(rnd() * 89_999_999))}` : `+351 91${String(1_000_000 + Math.floor(rnd() * 8_999_999))}`,
      },
      address: {
        country: es ? 'ES' : 'PT',
        city: where.city,
        zip: where.zip,
        address1: `${where.street} ${1 + Math.floor(rnd() * 200)}`,
        ...(rnd() < 0.3 ? { address2: `${1 + Math.floor(rnd() * 8)}º ${pick(['Esq', 'Dto', 'A', 'B'])}` } : {}),
      },
    });
  }
  return plan;
}

export interface CheckoutAnswer {
  status: number;
  order: { orderId: string; number: string; status: string };
  payment: { kind: string } | null;
}

/** POST /api/checkout; throws on anything but 200/201 (a definite answer about this checkout key). */
export async function postCheckout(url: string, body: CheckoutBody, signal?: AbortSignal): Promise<CheckoutAnswer> {
  const res = await fetch(`${url}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  const text = await res.text();
  if (res.status !== 200 && res.status !== 201) throw new CheckoutRefused(res.status, text);
  const parsed = JSON.parse(text) as Omit<CheckoutAnswer, 'status'>;
  return { status: res.status, ...parsed };
}

export class CheckoutRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`checkout refused: HTTP ${status} ${body.slice(0, 300)}`);
    this.name = 'CheckoutRefused';
  }
}

export interface AdminOrderSummary {
  orderId: string;
  number: string;
  status: string;
  hold: { reason: string | null; detail: string | null } | null;
  cj: { orderId: string | null; status: string | null };
}

/** Every order of the store (admin API). */
export async function listOrders(api: StoreApi): Promise<AdminOrderSummary[]> {
  const out: AdminOrderSummary[] = [];
  for (let page = 1; ; page++) {
    const body = await json<{ total: number; items: AdminOrderSummary[] }>(
      await fetch(`${api.url}/api/orders?limit=200&page=${page}`, { headers: admin(api) }),
      'GET /api/orders',
    );
    out.push(...body.items);
    if (out.length >= body.total || body.items.length === 0) break;
  }
  return out;
}

export interface OrderEvent {
  from: string | null;
  to: string;
  reason: string;
  actor: string;
  at: string;
}

export async function orderTimeline(api: StoreApi, id: string): Promise<OrderEvent[]> {
  const body = await json<{ events: OrderEvent[] }>(await fetch(`${api.url}/api/orders/${encodeURIComponent(id)}`, { headers: admin(api) }), `GET /api/orders/${id}`);
  return body.events;
}

/**
 * Seconds from the payment confirmation (the event into `pending`) to paid at CJ (the event into
 * `paid`); null when the timeline lacks either.
 */
export function paymentToPaidSeconds(events: OrderEvent[]): number | null {
  const pending = events.find((e) => e.to === 'pending' && e.from === 'awaiting_payment');
  const paid = events.find((e) => e.to === 'paid' && e.from !== 'paid');
  if (!pending || !paid) return null;
  return (Date.parse(paid.at) - Date.parse(pending.at)) / 1000;
}

/** Payment → paid-at-CJ latencies of these orders. */
export async function latencies(api: StoreApi, ids: string[]): Promise<{ seconds: number[]; missing: string[] }> {
  const seconds: number[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const s = paymentToPaidSeconds(await orderTimeline(api, id));
    if (s === null) missing.push(id);
    else seconds.push(s);
  }
  return { seconds, missing };
}

// ---------------------------------------------------------------------------------------------
// The ledger audit

export interface LedgerAudit {
  /** CJ orders (ledger `order` entries) of the account. */
  cjOrders: number;
  /** Our order numbers CJ created more than once (count > 1). */
  duplicates: Array<{ orderNumber: string; count: number }>;
  /** CJ orders whose number is none of ours (e.g. a second local order for one checkout). */
  extra: string[];
  /** Our numbers CJ never created. */
  missing: string[];
  /** CJ orders debited more than once. */
  doublePayments: Array<{ orderNumber: string; count: number }>;
  /** Our numbers created at CJ but never paid. */
  unpaid: string[];
  /** Our numbers created exactly once / paid exactly once. */
  paidOnce: number;
  createdOnce: number;
  /** Cents debited by payments of our orders, and what CJ's order amounts add up to (once each). */
  debitedCents: number;
  orderAmountsCents: number;
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

/**
 * Counts, from the simulator's ledger only, how often each of `ours` was created and paid at CJ.
 * The simulator itself refuses a second order with the same `orderNumber` and a second payment of
 * one order, so a break of exactly-once shows up here as an *extra* order (another number for the
 * same purchase), a *missing* order, or — should the simulator's own guard ever fail — a count
 * above one; every one of these counters is exercised by the self-check in ledger-audit.test.ts.
 */
export function auditLedger(entries: LedgerEntry[], ours: Iterable<string>, openId?: string): LedgerAudit {
  const mine = entries.filter((e) => openId === undefined || e.openId === openId);
  const created = new Map<string, number>();
  const numberOfCjId = new Map<string, string>();
  for (const e of mine) {
    if (e.kind !== 'order') continue;
    created.set(e.orderNumber, (created.get(e.orderNumber) ?? 0) + 1);
    numberOfCjId.set(e.cjOrderId, e.orderNumber);
  }
  const paid = new Map<string, number>();
  const ourSet = new Set(ours);
  let debitedCents = 0;
  let orderAmountsCents = 0;
  for (const e of mine) if (e.kind === 'order' && ourSet.has(e.orderNumber)) orderAmountsCents += cents(e.amount);
  for (const e of mine) {
    if (e.kind !== 'payment') continue;
    if (e.cjOrderIds.some((id) => ourSet.has(numberOfCjId.get(id) ?? ''))) debitedCents += cents(e.amount);
    for (const id of e.cjOrderIds) {
      const number = numberOfCjId.get(id) ?? `(unknown CJ order ${id})`;
      paid.set(number, (paid.get(number) ?? 0) + 1);
    }
  }
  return {
    cjOrders: [...created.values()].reduce((a, b) => a + b, 0),
    duplicates: [...created].filter(([, c]) => c > 1).map(([orderNumber, count]) => ({ orderNumber, count })),
    extra: [...created.keys()].filter((n) => !ourSet.has(n)),
    missing: [...ourSet].filter((n) => !created.has(n)),
    doublePayments: [...paid].filter(([, c]) => c > 1).map(([orderNumber, count]) => ({ orderNumber, count })),
    unpaid: [...ourSet].filter((n) => created.has(n) && !paid.has(n)),
    paidOnce: [...ourSet].filter((n) => paid.get(n) === 1).length,
    createdOnce: [...ourSet].filter((n) => created.get(n) === 1).length,
    debitedCents,
    orderAmountsCents,
  };
}

export function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}

/** CJ calls of one account by path, from the ledger (throttled answers included), busiest first. */
export function callsByPath(entries: LedgerEntry[], openId: string): Array<[string, number]> {
  const byPath = new Map<string, number>();
  for (const e of entries) if (e.kind === 'call' && e.openId === openId) byPath.set(e.path, (byPath.get(e.path) ?? 0) + 1);
  return [...byPath].sort((a, b) => b[1] - a[1]);
}

export function describeCalls(calls: Array<[string, number]>): string {
  const total = calls.reduce((sum, [, n]) => sum + n, 0);
  return `${total} (${calls.map(([p, n]) => `${p.replace(/^\/(shopping|product|logistic)\//, '')} ${n}`).join(', ')})`;
}
