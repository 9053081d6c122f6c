// One store's overview, read from its database (and this process's CJ counters): the figures of
// today / 7 / 30 days in the store's time zone, the daily series of the last 30 days, orders by
// state, the catalogue, what needs the owner's attention (each item with a stable kind and the ids
// its action needs), the schedules, the CJ budget and whether the store runs on the simulator.
// The admin console's first screen and the MCP "store overview" tool both show this, and nothing
// else: no face computes a figure of its own.
import { Dec } from '../money/index.js';
import { ORDER_STATUSES } from '../orders/state-machine.js';
import type { StoreContext } from '../stores/context.js';
import { addDays, dayStart, localDate } from './store-days.js';

/** Statuses in which the customer has paid and the money is the store's (refunds and cancellations excluded). */
export const REVENUE_STATUSES = ['pending', 'confirmed', 'paid', 'shipped', 'delivered', 'disputed', 'on_hold'] as const;

export interface PeriodFigures {
  /** First local day of the period (inclusive) and the instant it starts. */
  from: string;
  fromIso: string;
  orders: number;
  /** What customers paid (VAT and shipping included), minor units of the store currency. */
  revenueMinor: number;
  /** Revenue without VAT, minor units. */
  revenueNetMinor: number;
  /** Shipping charged to customers, minor units. */
  shippingMinor: number;
  /** What CJ charged (or, before CJ was paid, our quote of goods + freight), USD decimal string. */
  cjCostUsd: string;
  /** The same in the store currency at the configured rate, minor units (rounded up: costs never shrink). */
  cjCostMinor: number;
  /** Net revenue minus CJ cost, minor units. */
  marginMinor: number;
  /** Orders whose CJ cost is still our quote (CJ not paid yet). */
  costEstimatedOrders: number;
}

export interface DailyPoint {
  date: string;
  orders: number;
  revenueMinor: number;
}

export type AttentionItem =
  | { kind: 'held_order'; orderId: string; number: string; reason: string; detail: string | null; since: string }
  | { kind: 'dead_job'; jobId: string; type: string; error: string | null; at: string }
  | { kind: 'open_dispute'; disputeId: string; orderId: string; orderNumber: string | null; rule: string; status: string; since: string }
  | { kind: 'cj_balance_low'; balanceUsd: string | null; neededUsd: string; orderIds: string[] }
  | { kind: 'margin_floor_hidden'; productId: string; title: string; since: string }
  | { kind: 'unread_alerts'; count: number; alertIds: string[]; newestAt: string };

export type AttentionKind = AttentionItem['kind'];

export interface ScheduleInfo {
  name: string;
  lastRunAt: string | null;
  nextRunAt: string | null;
  intervalMs: number | null;
}

export interface StoreOverview {
  store: { id: string; name: string; currency: string; locale: string; timezone: string };
  generatedAt: string;
  today: string;
  simulated: boolean;
  supplierBaseUrl: string;
  periods: { today: PeriodFigures; days7: PeriodFigures; days30: PeriodFigures };
  daily: DailyPoint[];
  ordersByStatus: Record<string, number>;
  catalog: { active: number; hidden: number; retired: number; hiddenByReason: Record<string, number> };
  attention: AttentionItem[];
  schedules: { scan: ScheduleInfo; inventory: ScheduleInfo; reconcile: ScheduleInfo; disputes: ScheduleInfo };
  lastScan: { id: string; status: string; startedAt: string; finishedAt: string | null; note: string | null } | null;
  cj: {
    /** Since this process started (the CJ client's own counters). */
    calls: number;
    rateLimited: number;
    points: number;
    pointsBudgetPerScan: number;
    /** When the stored access token expires, or null when none is stored. */
    tokenExpiresAt: string | null;
    /** The last balance CJ answered in this process (USD), or null. */
    balanceUsd: string | null;
    /** What orders not yet paid at CJ will take from the balance, USD. */
    unpaidNeedUsd: string;
  };
  webhooks: {
    /** From the last enable/disable recorded in the audit trail; "unknown" when never set through lojista. */
    state: 'enabled' | 'disabled' | 'unknown';
    changedAt: string | null;
    url: string | null;
    /** When the newest CJ webhook message arrived. */
    lastReceivedAt: string | null;
  };
}

/** How many items of one kind "needs attention" lists (the counts stay exact). */
const ATTENTION_LIMIT = 50;

export async function storeOverview(ctx: StoreContext): Promise<StoreOverview> {
  const { db, config } = ctx;
  const now = ctx.clock.now();
  const tz = config.timezone;
  const today = localDate(now, tz);
  const start30 = addDays(today, -29);
  const start30Iso = new Date(dayStart(start30, tz)).toISOString();

  const paidOrders = await db
    .selectFrom('orders')
    .select(['paid_at', 'total_minor', 'shipping_minor', 'vat_minor', 'cj_amount_usd', 'cost_usd', 'shipping_quote_usd'])
    .where('status', 'in', [...REVENUE_STATUSES])
    .where('paid_at', 'is not', null)
    .where('paid_at', '>=', start30Iso)
    .execute();

  const vatFactor = new Dec('1').plus(config.pricing.vatRate);
  const rate = config.pricing.fx.rate;
  const period = (from: string): PeriodFigures => {
    const fromIso = new Date(dayStart(from, tz)).toISOString();
    let orders = 0;
    let revenueMinor = 0;
    let shippingMinor = 0;
    let estimated = 0;
    let cost = new Dec('0');
    for (const o of paidOrders) {
      if ((o.paid_at as string) < fromIso) continue;
      orders++;
      revenueMinor += o.total_minor;
      shippingMinor += o.shipping_minor;
      if (o.cj_amount_usd) cost = cost.plus(o.cj_amount_usd);
      else {
        estimated++;
        cost = cost.plus(o.cost_usd).plus(o.shipping_quote_usd);
      }
    }
    const revenueNetMinor = Number(new Dec(String(revenueMinor)).div(vatFactor).round(0, Dec.roundHalfEven).toFixed(0));
    const cjCostMinor = Number(cost.times(rate).times('100').round(0, Dec.roundUp).toFixed(0));
    return {
      from,
      fromIso,
      orders,
      revenueMinor,
      revenueNetMinor,
      shippingMinor,
      cjCostUsd: cost.toFixed(2),
      cjCostMinor,
      marginMinor: revenueNetMinor - cjCostMinor,
      costEstimatedOrders: estimated,
    };
  };

  const daily: DailyPoint[] = [];
  const boundaries: Array<{ date: string; startIso: string }> = [];
  for (let i = 0; i < 30; i++) {
    const date = addDays(start30, i);
    boundaries.push({ date, startIso: new Date(dayStart(date, tz)).toISOString() });
  }
  for (const b of boundaries) daily.push({ date: b.date, orders: 0, revenueMinor: 0 });
  for (const o of paidOrders) {
    const at = o.paid_at as string;
    // The last boundary not after the payment: the local day it was paid on.
    let idx = -1;
    for (let i = boundaries.length - 1; i >= 0; i--) {
      if (boundaries[i]!.startIso <= at) {
        idx = i;
        break;
      }
    }
    if (idx < 0) continue;
    daily[idx]!.orders++;
    daily[idx]!.revenueMinor += o.total_minor;
  }

  const statusRows = await db.selectFrom('orders').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
  const ordersByStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const r of statusRows) ordersByStatus[r.status] = Number(r.n);

  const productRows = await db
    .selectFrom('products')
    .select(['status', 'hidden_reason', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['status', 'hidden_reason'])
    .execute();
  const catalog = { active: 0, hidden: 0, retired: 0, hiddenByReason: {} as Record<string, number> };
  for (const r of productRows) {
    const n = Number(r.n);
    catalog[r.status] += n;
    if (r.status === 'hidden') catalog.hiddenByReason[r.hidden_reason ?? 'unknown'] = (catalog.hiddenByReason[r.hidden_reason ?? 'unknown'] ?? 0) + n;
  }

  const attention: AttentionItem[] = [];
  const held = await db
    .selectFrom('orders')
    .select(['id', 'number', 'hold_reason', 'hold_detail', 'updated_at'])
    .where('status', '=', 'on_hold')
    .orderBy('updated_at', 'asc')
    .limit(ATTENTION_LIMIT)
    .execute();
  for (const o of held) {
    attention.push({ kind: 'held_order', orderId: o.id, number: o.number, reason: o.hold_reason ?? 'unknown', detail: o.hold_detail, since: o.updated_at });
  }
  const dead = await db
    .selectFrom('jobs')
    .select(['id', 'type', 'last_error', 'updated_at'])
    .where('status', '=', 'dead')
    .orderBy('updated_at', 'desc')
    .limit(ATTENTION_LIMIT)
    .execute();
  for (const j of dead) attention.push({ kind: 'dead_job', jobId: j.id, type: j.type, error: j.last_error, at: j.updated_at });
  const disputes = await db
    .selectFrom('disputes')
    .leftJoin('orders', 'orders.id', 'disputes.order_id')
    .select(['disputes.id', 'disputes.order_id', 'orders.number', 'disputes.rule', 'disputes.status', 'disputes.created_at'])
    .where('disputes.status', 'in', ['opening', 'open'])
    .orderBy('disputes.created_at', 'asc')
    .limit(ATTENTION_LIMIT)
    .execute();
  for (const d of disputes) {
    attention.push({ kind: 'open_dispute', disputeId: d.id, orderId: d.order_id, orderNumber: d.number, rule: d.rule, status: d.status, since: d.created_at });
  }

  const unpaid = await db
    .selectFrom('orders')
    .select(['id', 'status', 'hold_reason', 'cj_amount_usd', 'cost_usd', 'shipping_quote_usd'])
    .where('status', 'in', ['pending', 'confirmed', 'on_hold'])
    .where('cj_paid_at', 'is', null)
    .execute();
  const need = unpaid.reduce((sum, o) => sum.plus(o.cj_amount_usd ?? new Dec(o.cost_usd).plus(o.shipping_quote_usd)), new Dec('0'));
  const balance = ctx.metrics.lastCjBalance;
  const heldForBalance = unpaid.some((o) => o.status === 'on_hold' && o.hold_reason === 'insufficient_balance');
  if (need.gt('0') && (heldForBalance || (balance !== null && new Dec(balance).lt(need)))) {
    attention.push({ kind: 'cj_balance_low', balanceUsd: balance, neededUsd: need.toFixed(2), orderIds: unpaid.map((o) => o.id) });
  }

  const marginHidden = await db
    .selectFrom('products')
    .select(['id', 'title', 'updated_at'])
    .where('status', '=', 'hidden')
    .where('hidden_reason', '=', 'margin_floor')
    .orderBy('updated_at', 'desc')
    .limit(ATTENTION_LIMIT)
    .execute();
  for (const p of marginHidden) attention.push({ kind: 'margin_floor_hidden', productId: p.id, title: p.title, since: p.updated_at });

  const unreadCount = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(unreadCount.n) > 0) {
    const newest = await db
      .selectFrom('alerts')
      .select(['id', 'created_at'])
      .where('acknowledged_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(ATTENTION_LIMIT)
      .execute();
    attention.push({ kind: 'unread_alerts', count: Number(unreadCount.n), alertIds: newest.map((a) => a.id), newestAt: newest[0]!.created_at });
  }

  const scheduleRows = await db.selectFrom('schedules').selectAll().execute();
  const schedule = (name: string): ScheduleInfo => {
    const row = scheduleRows.find((r) => r.name === name);
    return { name, lastRunAt: row?.last_run_at ?? null, nextRunAt: row?.next_run_at ?? null, intervalMs: row ? Number(row.interval_ms) : null };
  };
  const lastScanRow = await db
    .selectFrom('scan_runs')
    .select(['id', 'status', 'started_at', 'finished_at', 'note'])
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();

  const tokenRows = await db.selectFrom('cj_tokens').select('data').execute();
  let tokenExpiresAt: string | null = null;
  for (const row of tokenRows) {
    try {
      const expires = (JSON.parse(row.data) as { accessTokenExpiresAt?: unknown }).accessTokenExpiresAt;
      if (typeof expires === 'number' && Number.isFinite(expires)) tokenExpiresAt = new Date(expires).toISOString();
    } catch {
      // A damaged record: the client re-authenticates; the overview just does not know.
    }
  }
  const sum = async (metric: { get(): Promise<{ values: Array<{ value: number; labels: Record<string, unknown> }> }> }, keep?: (labels: Record<string, unknown>) => boolean) =>
    (await metric.get()).values.filter((v) => !keep || keep(v.labels)).reduce((n, v) => n + v.value, 0);

  const webhookEvent = await db
    .selectFrom('audit_events')
    .select(['action', 'at', 'data'])
    .where('action', 'in', ['cj.webhooks.enable', 'cj.webhooks.disable'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastInbox = await db.selectFrom('inbox').select((eb) => eb.fn.max('received_at').as('at')).where('source', '=', 'cj').executeTakeFirst();
  let webhookUrl: string | null = null;
  if (webhookEvent) {
    try {
      const url = (JSON.parse(webhookEvent.data) as { url?: unknown }).url;
      webhookUrl = typeof url === 'string' ? url : null;
    } catch {
      webhookUrl = null;
    }
  }

  return {
    store: { id: ctx.id, name: config.name, currency: config.currency, locale: config.locale, timezone: tz },
    generatedAt: new Date(now).toISOString(),
    today,
    simulated: ctx.supplier.simulated,
    supplierBaseUrl: ctx.supplier.baseUrl,
    periods: { today: period(today), days7: period(addDays(today, -6)), days30: period(start30) },
    daily,
    ordersByStatus,
    catalog,
    attention,
    schedules: { scan: schedule('catalogScan'), inventory: schedule('inventory'), reconcile: schedule('orderReconcile'), disputes: schedule('disputes') },
    lastScan: lastScanRow
      ? { id: lastScanRow.id, status: lastScanRow.status, startedAt: lastScanRow.started_at, finishedAt: lastScanRow.finished_at, note: lastScanRow.note }
      : null,
    cj: {
      calls: await sum(ctx.metrics.cjCalls),
      rateLimited: await sum(ctx.metrics.cjCalls, (l) => l.outcome === 'rate_limited'),
      points: await sum(ctx.metrics.cjPoints),
      pointsBudgetPerScan: config.catalog.pointsBudgetPerScan,
      tokenExpiresAt,
      balanceUsd: balance,
      unpaidNeedUsd: need.toFixed(2),
    },
    webhooks: {
      state: webhookEvent ? (webhookEvent.action === 'cj.webhooks.enable' ? 'enabled' : 'disabled') : 'unknown',
      changedAt: webhookEvent?.at ?? null,
      url: webhookUrl,
      lastReceivedAt: (lastInbox?.at as string | null | undefined) ?? null,
    },
  };
}
