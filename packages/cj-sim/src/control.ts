// The control API: what tests and demos use to steer the simulator — the clock, stock, prices,
// balances, order states, faults — and to read the ledger. SimControl is the in-process form;
// registerControlRoutes exposes the same operations over HTTP under /_sim.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AccountView } from './accounts.js';
import { CATEGORY_BY_ID } from './catalogue/categories.js';
import { areaTotals, variantTotal } from './catalogue/generator.js';
import type { Product, Variant } from './catalogue/types.js';
import { AREA_BY_COUNTRY } from './catalogue/warehouses.js';
import { DAY, HOUR, MINUTE } from './clock.js';
import type { FaultRuleInput, FaultRuleState } from './faults.js';
import { parseJson, toJson } from './json.js';
import type { LedgerEntry, LedgerFilter, LedgerKind } from './ledger.js';
import { formatCents, parseCents } from './money.js';
import { ORDER_STATUSES, orderTotalCents, type Order, type OrderStatus } from './orders/types.js';
import type { SimState } from './state.js';

export interface AdvanceBy {
  ms?: number;
  seconds?: number;
  minutes?: number;
  hours?: number;
  days?: number;
}

export interface VariantView {
  vid: string;
  sku: string;
  key: string;
  nameEn: string;
  /** "12.99" */
  price: string;
  priceCents: number;
  weightG: number;
  /** 1 on sale, 0 off sale. */
  status: number;
  totalStock: number;
  stock: Array<{ countryCode: string; total: number; cj: number; factory: number }>;
}

export interface ProductView {
  pid: string;
  sku: string;
  nameEn: string;
  nameCn: string[];
  niche: string;
  esoteric: boolean;
  status: 'listed' | 'delisted';
  categoryId: string;
  categoryPath: string;
  productType: string;
  weightG: number;
  imageCount: number;
  totalStock: number;
  variants: VariantView[];
}

export interface OrderView {
  cjOrderId: string;
  orderNumber: string;
  openId: string;
  status: OrderStatus;
  amount: string;
  productAmount: string;
  postageAmount: string;
  logisticName: string;
  fromCountryCode: string;
  shippingCountryCode: string;
  shipmentOrderId: string | null;
  trackNumber: string | null;
  trackingUrl: string | null;
  /** LOGISTIC status 0–14, null before shipment. */
  logisticStatus: number | null;
  trackEvents: Array<{ status: number; activity: string; location: string; eventTime: number }>;
  createdAt: number;
  paidAt: number | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  stall: string;
  disputeId: string | null;
  lines: Array<{ lineItemId: string; vid: string; sku: string; quantity: number; unitPrice: string }>;
}

export interface DisputeView {
  id: string;
  openId: string;
  businessDisputeId: string;
  cjOrderId: string;
  status: string;
  amount: string;
  createdAt: number;
}

export interface ProductFilter {
  niche?: string;
  status?: 'listed' | 'delisted' | 'all';
  /** true: only products with stock somewhere; false: only products without any. */
  inStock?: boolean;
  /** Case-insensitive substring of the English name or SKU. */
  q?: string;
  offset?: number;
  limit?: number;
}

/**
 * In-process control of a running simulator (the same operations as the /_sim HTTP API).
 * Order ids accept the CJ order id or the account's orderNumber.
 */
export interface SimControl {
  /** Simulated now, epoch ms. */
  now(): number;
  /** Moves the simulated clock forward, running due events (shipping, tracking, webhook retries, disputes) in time order. Resolves with the new now. */
  advanceClock(by: number | AdvanceBy): Promise<number>;
  /** Scheduled events, earliest first. */
  pendingEvents(): Array<{ at: number; label: string }>;

  createAccount(input?: { apiKey?: string; openId?: string; balance?: string; qps?: number }): AccountView;
  /** By openId or apiKey. */
  getAccount(openIdOrApiKey: string): AccountView | undefined;
  listAccounts(): AccountView[];
  /** Sets the balance ("100.00"). */
  setBalance(openId: string, balance: string): AccountView;
  setQps(openId: string, qps: number): AccountView;

  listProducts(filter?: ProductFilter): ProductView[];
  /** By pid or SPU. */
  getProduct(pidOrSku: string): ProductView | undefined;
  /** Sets stock of a variant (vid) or of every variant of a product (pid), in one area or (no countryCode) every area the variant has. Emits STOCK. */
  setStock(input: { vid?: string; pid?: string; countryCode?: string; quantity: number }): ProductView;
  /** Sets the sell price ("12.99") of a variant or of every variant of a product. Emits VARIANT and PRODUCT. */
  setPrice(input: { vid?: string; pid?: string; price: string }): ProductView;
  /** Takes a product off sale (listV2 drops it, product/query answers 1602002, createOrder 1602003). Emits PRODUCT. */
  delistProduct(pid: string): ProductView;
  relistProduct(pid: string): ProductView;

  getOrder(id: string): OrderView | undefined;
  listOrders(filter?: { openId?: string; status?: OrderStatus }): OrderView[];
  /** Forces a status; SHIPPED and DELIVERED go through shipping/delivery (tracking number, webhooks). */
  setOrderStatus(id: string, status: OrderStatus): OrderView;
  /** Appends a tracking event with this LOGISTIC status (0–14) and emits LOGISTIC; 12 delivers. */
  setTrackingStatus(id: string, trackingStatus: number): OrderView;
  shipOrder(id: string): OrderView;
  deliverOrder(id: string): OrderView;
  /** "shipping" (default for unshipped orders): never ships; "tracking" (default for shipped ones): tracking goes silent. */
  stallOrder(id: string, mode?: 'shipping' | 'tracking'): OrderView;
  resumeOrder(id: string): OrderView;
  /** The page payment behind cjPayUrl: marks an UNPAID order paid without touching the balance. */
  payOrderOnPage(id: string): OrderView;

  listDisputes(filter?: { openId?: string }): DisputeView[];

  ledger(filter?: LedgerFilter): LedgerEntry[];
  /** The current ledger sequence number: pass it as `since` to see only what happens next. */
  ledgerCursor(): number;

  addFaults(rules: FaultRuleInput | FaultRuleInput[]): FaultRuleState[];
  listFaults(): FaultRuleState[];
  clearFaults(): void;

  /** Resolves when no webhook delivery is in flight. */
  flushWebhooks(): Promise<void>;
  /** Back to the initial state (catalogue, accounts, clock, ledger); the server keeps running. */
  reset(): Promise<void>;
}

/** A control-API failure: HTTP 400 for bad input, 404 for unknown ids. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function toMs(by: number | AdvanceBy): number {
  if (typeof by === 'number') return by;
  const ms = (by.ms ?? 0) + (by.seconds ?? 0) * 1000 + (by.minutes ?? 0) * MINUTE + (by.hours ?? 0) * HOUR + (by.days ?? 0) * DAY;
  if (!Number.isFinite(ms) || ms < 0) throw new ControlError(400, 'advance needs a non-negative ms, seconds, minutes, hours or days');
  return ms;
}

function variantView(v: Variant): VariantView {
  return {
    vid: v.vid,
    sku: v.sku,
    key: v.key,
    nameEn: v.nameEn,
    price: formatCents(v.priceCents),
    priceCents: v.priceCents,
    weightG: v.weightG,
    status: v.status,
    totalStock: variantTotal(v),
    stock: v.stock.map((a) => ({ countryCode: a.countryCode, ...areaTotals(a) })),
  };
}

export function productView(p: Product): ProductView {
  const variants = p.variants.map(variantView);
  return {
    pid: p.pid,
    sku: p.sku,
    nameEn: p.nameEn,
    nameCn: p.nameCn,
    niche: p.niche,
    esoteric: p.esoteric,
    status: p.status === 3 ? 'listed' : 'delisted',
    categoryId: p.categoryId,
    categoryPath: CATEGORY_BY_ID.get(p.categoryId)?.path ?? '',
    productType: p.productType,
    weightG: p.weightG,
    imageCount: p.imageCount,
    totalStock: variants.reduce((s, v) => s + v.totalStock, 0),
    variants,
  };
}

export function orderView(o: Order): OrderView {
  return {
    cjOrderId: o.cjOrderId,
    orderNumber: o.orderNumber,
    openId: o.openId,
    status: o.status,
    amount: formatCents(orderTotalCents(o)),
    productAmount: formatCents(o.productCents),
    postageAmount: formatCents(o.postageCents),
    logisticName: o.logisticName,
    fromCountryCode: o.fromCountryCode,
    shippingCountryCode: o.shipping.countryCode,
    shipmentOrderId: o.shipmentOrderId,
    trackNumber: o.trackNumber,
    trackingUrl: o.trackingUrl,
    logisticStatus: o.logisticStatus,
    trackEvents: o.trackEvents.map((e) => ({ ...e })),
    createdAt: o.createdAt,
    paidAt: o.paidAt,
    shippedAt: o.shippedAt,
    deliveredAt: o.deliveredAt,
    stall: o.stall,
    disputeId: o.disputeId,
    lines: o.lines.map((l) => ({ lineItemId: l.lineItemId, vid: l.vid, sku: l.sku, quantity: l.quantity, unitPrice: formatCents(l.unitCents) })),
  };
}

/** Builds the SimControl of a simulator whose current state is `getState()` (it changes on reset). */
export function createControl(getState: () => SimState, reset: () => Promise<void>): SimControl {
  const s = () => getState();
  const account = (openId: string) => {
    const a = s().accounts.get(openId);
    if (!a) throw new ControlError(404, `no account with openId ${openId}`);
    return a;
  };
  const order = (id: string) => {
    const o = s().orders.findAny(id);
    if (!o) throw new ControlError(404, `no order ${id} (use the CJ order id or the orderNumber)`);
    return o;
  };
  const product = (pid: string) => {
    const p = s().catalogue.byPid.get(pid) ?? s().catalogue.bySpu.get(pid.toUpperCase());
    if (!p) throw new ControlError(404, `no product ${pid}`);
    return p;
  };
  const targets = (input: { vid?: string; pid?: string }): { product: Product; variants: Variant[] } => {
    if (input.vid !== undefined) {
      const v = s().catalogue.byVid.get(input.vid);
      if (!v) throw new ControlError(404, `no variant ${input.vid}`);
      return { product: product(v.pid), variants: [v] };
    }
    if (input.pid !== undefined) {
      const p = product(input.pid);
      return { product: p, variants: p.variants };
    }
    throw new ControlError(400, 'vid or pid is required');
  };
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof ControlError) throw err;
      throw new ControlError(400, err instanceof Error ? err.message : String(err));
    }
  };

  return {
    now: () => s().clock.now(),
    advanceClock: async (by) => s().advance(toMs(by)),
    pendingEvents: () => s().scheduler.pending(),

    createAccount: (input = {}) => guard(() => s().accounts.view(s().accounts.create(input))),
    getAccount: (id) => {
      const st = s();
      const a = st.accounts.get(id) ?? st.accounts.list().find((x) => x.apiKey === id);
      return a ? st.accounts.view(a) : undefined;
    },
    listAccounts: () => s().accounts.list().map((a) => s().accounts.view(a)),
    setBalance: (openId, balance) =>
      guard(() => {
        const a = account(openId);
        s().accounts.setBalance(a, balance);
        return s().accounts.view(a);
      }),
    setQps: (openId, qps) =>
      guard(() => {
        if (!Number.isInteger(qps) || qps < 1) throw new ControlError(400, `qps must be a positive integer, got ${qps}`);
        const a = account(openId);
        a.qps = qps;
        return s().accounts.view(a);
      }),

    listProducts: (filter = {}) => {
      const q = filter.q?.toLowerCase();
      const rows = s().catalogue.products.filter(
        (p) =>
          (filter.niche === undefined || p.niche === filter.niche) &&
          (filter.status === undefined || filter.status === 'all' || (filter.status === 'listed') === (p.status === 3)) &&
          (filter.inStock === undefined || filter.inStock === p.variants.some((v) => variantTotal(v) > 0)) &&
          (q === undefined || p.nameEn.toLowerCase().includes(q) || p.sku.toLowerCase().includes(q)),
      );
      const offset = filter.offset ?? 0;
      return rows.slice(offset, offset + (filter.limit ?? rows.length)).map(productView);
    },
    getProduct: (id) => {
      const p = s().catalogue.byPid.get(id) ?? s().catalogue.bySpu.get(id.toUpperCase());
      return p ? productView(p) : undefined;
    },
    setStock: (input) =>
      guard(() => {
        if (!Number.isInteger(input.quantity) || input.quantity < 0) throw new ControlError(400, 'quantity must be a non-negative integer');
        const cc = input.countryCode?.toUpperCase();
        if (cc !== undefined && !AREA_BY_COUNTRY.has(cc)) throw new ControlError(400, `no warehouse area ${cc} (see product/globalWarehouseList)`);
        const { product: p, variants } = targets(input);
        for (const v of variants) {
          const areas = cc === undefined ? v.stock : v.stock.filter((a) => a.countryCode === cc);
          if (cc !== undefined && areas.length === 0) {
            const area = AREA_BY_COUNTRY.get(cc);
            if (!area) continue;
            const added = { countryCode: cc, subs: area.subs.map((sub) => ({ stockId: sub.stockId, storageId: sub.storageId, cj: 0, factory: 0 })) };
            v.stock.push(added);
            areas.push(added);
          }
          // The quantity goes to the first sub-warehouse as CJ (verified) stock; the others empty.
          for (const a of areas) {
            a.subs.forEach((sub, i) => {
              sub.cj = i === 0 ? input.quantity : 0;
              sub.factory = 0;
            });
          }
        }
        s().emitter.stock(variants);
        return productView(p);
      }),
    setPrice: (input) =>
      guard(() => {
        const cents = parseCents(input.price);
        if (cents === undefined || cents <= 0) throw new ControlError(400, `price must be a positive decimal like "12.99", got '${input.price}'`);
        const { product: p, variants } = targets(input);
        const st = s();
        for (const v of variants) {
          v.priceCents = cents;
          st.emitter.variant(v, ['variantSellPrice'], st.baseUrl);
        }
        st.emitter.product(p, ['productSellPrice'], CATEGORY_BY_ID.get(p.categoryId)?.path ?? '', st.baseUrl);
        return productView(p);
      }),
    delistProduct: (pid) => guard(() => setListing(s(), product(pid), false)),
    relistProduct: (pid) => guard(() => setListing(s(), product(pid), true)),

    getOrder: (id) => {
      const o = s().orders.findAny(id);
      return o ? orderView(o) : undefined;
    },
    listOrders: (filter = {}) =>
      s()
        .orders.all()
        .filter((o) => (filter.openId === undefined || o.openId === filter.openId) && (filter.status === undefined || o.status === filter.status))
        .sort((a, b) => a.createdAt - b.createdAt)
        .map(orderView),
    setOrderStatus: (id, status) =>
      guard(() => {
        if (!(ORDER_STATUSES as readonly string[]).includes(status)) throw new ControlError(400, `status must be one of ${ORDER_STATUSES.join(', ')}`);
        const o = order(id);
        s().lifecycle.force(o, status);
        return orderView(o);
      }),
    setTrackingStatus: (id, trackingStatus) =>
      guard(() => {
        if (!Number.isInteger(trackingStatus) || trackingStatus < 0 || trackingStatus > 14) throw new ControlError(400, 'trackingStatus must be an integer 0–14');
        const o = order(id);
        if (o.status !== 'SHIPPED') throw new ControlError(400, `order ${o.cjOrderId} is ${o.status}; tracking changes need a SHIPPED order`);
        s().lifecycle.track(o, trackingStatus);
        return orderView(o);
      }),
    shipOrder: (id) =>
      guard(() => {
        const o = order(id);
        s().lifecycle.shipNow(o);
        return orderView(o);
      }),
    deliverOrder: (id) =>
      guard(() => {
        const o = order(id);
        s().lifecycle.deliverNow(o);
        return orderView(o);
      }),
    stallOrder: (id, mode) =>
      guard(() => {
        const o = order(id);
        s().lifecycle.stall(o, mode ?? (o.status === 'SHIPPED' ? 'tracking' : 'shipping'));
        return orderView(o);
      }),
    resumeOrder: (id) =>
      guard(() => {
        const o = order(id);
        s().lifecycle.resume(o);
        return orderView(o);
      }),
    payOrderOnPage: (id) =>
      guard(() => {
        const o = order(id);
        s().orders.payOnPage(o);
        return orderView(o);
      }),

    listDisputes: (filter = {}) =>
      s()
        .disputes.all()
        .filter((x) => filter.openId === undefined || x.openId === filter.openId)
        .map((x) => ({ id: x.id, openId: x.openId, businessDisputeId: x.businessDisputeId, cjOrderId: x.cjOrderId, status: x.status, amount: formatCents(x.amountCents), createdAt: x.createdAt })),

    ledger: (filter) => s().ledger.query(filter),
    ledgerCursor: () => s().ledger.cursor,

    addFaults: (rules) => guard(() => s().faults.add(rules)),
    listFaults: () => s().faults.list(),
    clearFaults: () => s().faults.clear(),

    flushWebhooks: () => s().dispatcher.flush(),
    reset,
  };
}

function setListing(state: SimState, p: Product, listed: boolean): ProductView {
  p.status = listed ? 3 : 2;
  for (const v of p.variants) v.status = listed ? 1 : 0;
  state.emitter.product(p, ['productStatus'], CATEGORY_BY_ID.get(p.categoryId)?.path ?? '', state.baseUrl);
  return productView(p);
}

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header('content-type', 'application/json;charset=UTF-8').send(toJson(body));
}

function bodyOf(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'string' || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = parseJson(raw);
  } catch {
    throw new ControlError(400, 'body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object') throw new ControlError(400, 'body must be a JSON object or array');
  return parsed as Record<string, unknown>;
}

function str(v: unknown, name: string): string {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  throw new ControlError(400, `${name} is required`);
}

function optStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function num(v: unknown, name: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new ControlError(400, `${name} must be a number`);
  return n;
}

/** The /_sim HTTP routes. Each answers JSON; failures are {error} with HTTP 400 or 404. */
export function registerControlRoutes(app: FastifyInstance, control: SimControl, info: () => Record<string, unknown>): void {
  type Handler = (args: { params: Record<string, string>; query: Record<string, string | string[] | undefined>; body: Record<string, unknown> }) => unknown;
  const add = (method: 'GET' | 'POST' | 'DELETE', url: string, handler: Handler) => {
    app.route({
      method,
      url,
      handler: async (req, reply) => {
        try {
          const result = await handler({ params: req.params as Record<string, string>, query: req.query as Record<string, string | undefined>, body: bodyOf(req.body) });
          if (result === undefined) throw new ControlError(404, 'not found');
          return sendJson(reply, 200, result);
        } catch (err) {
          const status = err instanceof ControlError ? err.status : 400;
          return sendJson(reply, status, { error: err instanceof Error ? err.message : String(err) });
        }
      },
    });
  };
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

  add('GET', '/_sim', () => info());
  add('GET', '/_sim/clock', () => ({ now: control.now(), iso: new Date(control.now()).toISOString(), pending: control.pendingEvents().length }));
  add('POST', '/_sim/clock/advance', async ({ body }) => {
    const now = await control.advanceClock({ ms: optNum(body.ms), seconds: optNum(body.seconds), minutes: optNum(body.minutes), hours: optNum(body.hours), days: optNum(body.days) });
    return { now, iso: new Date(now).toISOString() };
  });
  add('GET', '/_sim/events', () => control.pendingEvents());

  add('GET', '/_sim/accounts', () => control.listAccounts());
  add('POST', '/_sim/accounts', ({ body }) => control.createAccount({ apiKey: optStr(body.apiKey), openId: optStr(body.openId), balance: optStr(body.balance), qps: body.qps === undefined ? undefined : num(body.qps, 'qps') }));
  add('GET', '/_sim/accounts/:id', ({ params }) => control.getAccount(params.id ?? ''));
  add('POST', '/_sim/accounts/:id/balance', ({ params, body }) => control.setBalance(params.id ?? '', str(body.balance, 'balance')));
  add('POST', '/_sim/accounts/:id/qps', ({ params, body }) => control.setQps(params.id ?? '', num(body.qps, 'qps')));

  add('GET', '/_sim/products', ({ query }) => {
    const inStock = first(query.inStock);
    return control.listProducts({
      niche: first(query.niche),
      status: first(query.status) as ProductFilter['status'],
      inStock: inStock === undefined ? undefined : inStock === 'true',
      q: first(query.q),
      offset: query.offset === undefined ? undefined : num(first(query.offset), 'offset'),
      limit: num(first(query.limit) ?? '50', 'limit'),
    });
  });
  add('GET', '/_sim/products/:id', ({ params }) => control.getProduct(params.id ?? ''));
  add('POST', '/_sim/products/:id/delist', ({ params }) => control.delistProduct(params.id ?? ''));
  add('POST', '/_sim/products/:id/relist', ({ params }) => control.relistProduct(params.id ?? ''));
  add('POST', '/_sim/stock', ({ body }) => control.setStock({ vid: optStr(body.vid), pid: optStr(body.pid), countryCode: optStr(body.countryCode), quantity: num(body.quantity, 'quantity') }));
  add('POST', '/_sim/price', ({ body }) => control.setPrice({ vid: optStr(body.vid), pid: optStr(body.pid), price: str(body.price, 'price') }));

  add('GET', '/_sim/orders', ({ query }) => control.listOrders({ openId: first(query.openId), status: first(query.status) as OrderStatus | undefined }));
  add('GET', '/_sim/orders/:id', ({ params }) => control.getOrder(params.id ?? ''));
  add('POST', '/_sim/orders/:id/status', ({ params, body }) => control.setOrderStatus(params.id ?? '', str(body.status, 'status') as OrderStatus));
  add('POST', '/_sim/orders/:id/tracking', ({ params, body }) => control.setTrackingStatus(params.id ?? '', num(body.trackingStatus, 'trackingStatus')));
  add('POST', '/_sim/orders/:id/ship', ({ params }) => control.shipOrder(params.id ?? ''));
  add('POST', '/_sim/orders/:id/deliver', ({ params }) => control.deliverOrder(params.id ?? ''));
  add('POST', '/_sim/orders/:id/stall', ({ params, body }) => control.stallOrder(params.id ?? '', optStr(body.mode) as 'shipping' | 'tracking' | undefined));
  add('POST', '/_sim/orders/:id/resume', ({ params }) => control.resumeOrder(params.id ?? ''));
  add('POST', '/_sim/pay/:id', ({ params }) => control.payOrderOnPage(params.id ?? ''));
  app.get('/_sim/pay/:id', async (req, reply) => {
    const id = (req.params as Record<string, string>).id ?? '';
    const o = control.getOrder(id);
    const html = o
      ? `<!doctype html><html><head><title>CJ simulator payment</title></head><body><h1>Simulated CJ payment</h1><p>Order ${o.cjOrderId} (${o.orderNumber}): ${o.amount} USD, status ${o.status}.</p><form method="post"><button type="submit">Pay (simulated)</button></form></body></html>`
      : '<!doctype html><html><body><h1>Order not found</h1></body></html>';
    return reply.code(o ? 200 : 404).header('content-type', 'text/html;charset=UTF-8').send(html);
  });

  add('GET', '/_sim/disputes', ({ query }) => control.listDisputes({ openId: first(query.openId) }));
  add('GET', '/_sim/ledger', ({ query }) => {
    const kind = query.kind === undefined ? undefined : (Array.isArray(query.kind) ? query.kind : query.kind.split(',')) as LedgerKind[];
    const since = first(query.since);
    return { cursor: control.ledgerCursor(), entries: control.ledger({ since: since === undefined ? undefined : num(since, 'since'), kind, openId: first(query.openId), path: first(query.path) }) };
  });
  add('GET', '/_sim/faults', () => control.listFaults());
  add('POST', '/_sim/faults', ({ body }) => control.addFaults((Array.isArray(body) ? body : Array.isArray(body.rules) ? body.rules : body) as FaultRuleInput[]));
  add('DELETE', '/_sim/faults', () => {
    control.clearFaults();
    return { cleared: true };
  });
  add('POST', '/_sim/webhooks/flush', async () => {
    await control.flushWebhooks();
    return { flushed: true };
  });
  add('POST', '/_sim/reset', async () => {
    await control.reset();
    return { reset: true, now: control.now() };
  });
}

function optNum(v: unknown): number | undefined {
  return v === undefined ? undefined : num(v, 'advance amount');
}
