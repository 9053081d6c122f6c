// The agent's look tools: every one reads through the store's own services (the overview, the
// catalogue repository, the order and dispute views, the scan runs, the store's budgeted CJ client).
// None changes anything; personal data is masked unless the token may operate the store.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { listAlerts } from '../alerts/alert-store.js';
import { getProduct, listProducts } from '../catalog/catalog-repository.js';
import { toSummary } from '../catalog/cj-catalog-supplier.js';
import { parseCjProductRef } from '../catalog/cj-product-ref.js';
import type { StoredProduct } from '../catalog/product.js';
import { listScanRuns } from '../catalog/scan-runs.js';
import { listDisputes } from '../disputes/admin.js';
import { listLeads } from '../leads/leads-service.js';
import { orderStats } from '../orders/admin-service.js';
import type { Order } from '../orders/order.js';
import { getOrder, orderEvents } from '../orders/order-repository.js';
import { quoteLines } from '../orders/quote-lines.js';
import { HOLD_REASONS, ORDER_STATUSES } from '../orders/state-machine.js';
import { storeOverview, type AttentionItem } from '../overview/overview-service.js';
import { previewPrice } from '../pricing/preview.js';
import { DATA_NOTE, registerTool, say, ToolFailure, type AgentSession, type McpDeps, type ToolSpec } from './tool-kit.js';

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
/** Reads that ask CJ (the open world) through the store's budgeted client. */
const READ_CJ = { ...READ, openWorldHint: true } as const;
const any = z.unknown();
const list = z.array(z.unknown());

/** "ana@example.pt" → "a***@example.pt"; a name to its initials. */
export function maskEmail(email: string): string {
  const [user, domain] = email.split('@');
  return domain ? `${(user ?? '').slice(0, 1)}***@${domain}` : '***';
}
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w.slice(0, 1)}.`)
    .join(' ');
}

function productView(p: StoredProduct) {
  return {
    id: p.id,
    slug: p.slug,
    status: p.status,
    hiddenReason: p.hiddenReason,
    title: p.title,
    category: p.category,
    cjPid: p.cjPid,
    currency: p.currency,
    priceMinor: p.priceOverrideMinor ?? p.priceMinor,
    computedPriceMinor: p.priceMinor,
    priceOverrideMinor: p.priceOverrideMinor,
    landedMinor: p.landedMinor,
    marginMinor: p.marginMinor,
    marginPct: p.marginPct,
    costUsd: p.costUsd,
    shippingUsd: p.shippingUsd,
    stock: p.variants.reduce((n, v) => n + v.stock, 0),
    updatedAt: p.updatedAt,
  };
}

function orderView(o: Order, personal: boolean) {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    hold: o.status === 'on_hold' ? { reason: o.holdReason, detail: o.holdDetail, heldFrom: o.heldFrom } : null,
    currency: o.currency,
    totalMinor: o.totalMinor,
    shippingMinor: o.shippingMinor,
    costUsd: o.costUsd,
    shippingQuoteUsd: o.shippingQuoteUsd,
    cj: o.cj,
    tracking: o.tracking,
    customer: personal ? o.customer : { name: maskName(o.customer.name), email: maskEmail(o.customer.email) },
    country: o.address.country,
    ...(personal ? { address: o.address } : {}),
    lines: o.lines.map((l) => ({ title: l.title, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, unitCostUsd: l.unitCostUsd, variantId: l.variantId })),
    paidAt: o.paidAt,
    createdAt: o.createdAt,
  };
}

async function findOrder(deps: McpDeps, ref: string): Promise<Order> {
  const order = await getOrder(deps.ctx.db, ref.trim()) ?? await getOrder(deps.ctx.db, ref.trim().toUpperCase());
  if (!order) throw new ToolFailure('not_found', `no order "${ref}" in this store (give its number, e.g. LJ-…, or its id)`);
  return order;
}

function attentionLine(ctx: McpDeps['ctx'], a: AttentionItem): string {
  switch (a.kind) {
    case 'held_order':
      return say(ctx, `encomenda ${a.number} retida (${a.reason})`, `order ${a.number} held (${a.reason})`);
    case 'dead_job':
      return say(ctx, `tarefa ${a.type} falhou de vez`, `job ${a.type} gave up`);
    case 'open_dispute':
      return say(ctx, `disputa aberta (${a.rule})`, `open dispute (${a.rule})`);
    case 'cj_balance_low':
      return say(ctx, `saldo CJ abaixo do necessário (${a.neededUsd} USD)`, `CJ balance below what orders need (${a.neededUsd} USD)`);
    case 'margin_floor_hidden':
      return say(ctx, 'produto escondido pela margem mínima', 'product hidden by the margin floor');
    case 'unread_alerts':
      return say(ctx, `${a.count} alertas por ler`, `${a.count} unread alerts`);
  }
}

export function registerLookTools(server: McpServer, deps: McpDeps, session: AgentSession): void {
  const { ctx } = deps;
  const personal = session.scope === 'operate';
  const reg = <S extends z.ZodRawShape>(name: string, spec: ToolSpec<S>) => registerTool(server, deps, session, name, spec);

  reg('store_overview', {
    title: 'Store overview',
    description:
      "Today's, 7 days' and 30 days' revenue, CJ cost, shipping and margin (minor units of the store currency; USD as decimal strings), orders by state, the catalogue, and what needs the owner's attention, each item with the ids its action needs. " +
      DATA_NOTE,
    input: {},
    output: { periods: any, daily: list, ordersByStatus: any, catalog: any, attention: list, schedules: any, cj: any, webhooks: any, simulated: z.boolean() },
    kind: 'look',
    annotations: READ,
    run: async () => {
      const o = await storeOverview(ctx);
      const needs = o.attention.length === 0 ? say(ctx, 'nada precisa de atenção', 'nothing needs attention') : o.attention.slice(0, 8).map((a) => attentionLine(ctx, a)).join('; ');
      return {
        data: o as unknown as Record<string, unknown>,
        summary: say(
          ctx,
          `Hoje: ${o.periods.today.orders} encomendas, receita ${(o.periods.today.revenueMinor / 100).toFixed(2)} ${o.store.currency}. Atenção: ${needs}.${o.simulated ? ' (loja no SIMULADOR CJ)' : ''}`,
          `Today: ${o.periods.today.orders} orders, revenue ${(o.periods.today.revenueMinor / 100).toFixed(2)} ${o.store.currency}. Attention: ${needs}.${o.simulated ? ' (store on the CJ SIMULATOR)' : ''}`,
        ),
      };
    },
  });

  reg('search_products', {
    title: 'Search the catalogue',
    description: "Products of this store (any status), newest first, or by full-text search; prices in minor units of the store currency. " + DATA_NOTE,
    input: {
      query: z.string().trim().min(1).max(100).optional().describe('words to search in titles, tags and categories'),
      status: z.enum(['active', 'hidden', 'retired']).optional(),
      page: z.number().int().min(1).max(1000).default(1),
      limit: z.number().int().min(1).max(50).default(20),
    },
    output: { total: z.number(), page: z.number(), items: list },
    kind: 'look',
    annotations: READ,
    run: async (args) => {
      const result = await listProducts(ctx, {
        page: args.page,
        limit: args.limit,
        sort: 'newest',
        statuses: args.status ? [args.status] : ['active', 'hidden', 'retired'],
        ...(args.query ? { search: args.query } : {}),
      });
      return {
        data: { total: result.total, page: args.page, items: result.items.map(productView) },
        summary: say(ctx, `${result.total} produtos encontrados; ${result.items.length} nesta página.`, `${result.total} products found; ${result.items.length} on this page.`),
      };
    },
  });

  reg('get_product', {
    title: 'One catalogue product',
    description: 'A product of this store by id or slug, with its variants, stock, costs and margin. ' + DATA_NOTE,
    input: { product: z.string().trim().min(1).max(200).describe('product id or slug') },
    output: { product: any, variants: list },
    kind: 'look',
    annotations: READ,
    run: async (args) => {
      const p = await getProduct(ctx.db, args.product);
      if (!p) throw new ToolFailure('not_found', `no product "${args.product}" in this store`);
      return {
        data: {
          product: { ...productView(p), description: p.description, tags: p.tags, titleEn: p.titleEn, deliveryDays: { min: p.deliveryMinDays, max: p.deliveryMaxDays } },
          variants: p.variants.map((v) => ({ id: v.id, cjVid: v.cjVid, sku: v.sku, options: v.options, priceMinor: v.priceMinor, costUsd: v.costUsd, stock: v.stock, onSale: v.onSale })),
        },
        summary: say(ctx, `Produto ${p.id}: ${p.status}, ${p.variants.length} variantes.`, `Product ${p.id}: ${p.status}, ${p.variants.length} variants.`),
      };
    },
  });

  reg('list_orders', {
    title: 'Orders',
    description:
      'Orders newest first, filtered by state, hold reason or a search on the order number. Customer names and emails are masked unless the token may operate the store. ' + DATA_NOTE,
    input: {
      status: z.enum(ORDER_STATUSES).optional(),
      holdReason: z.enum(HOLD_REASONS).optional(),
      number: z.string().trim().min(1).max(40).optional().describe('part of the order number'),
      limit: z.number().int().min(1).max(100).default(20),
      offset: z.number().int().min(0).max(100_000).default(0),
    },
    output: { total: z.number(), items: list },
    kind: 'look',
    annotations: READ,
    run: async (args) => {
      let base = ctx.db.selectFrom('orders');
      if (args.status) base = base.where('status', '=', args.status);
      if (args.holdReason) base = base.where('hold_reason', '=', args.holdReason);
      if (args.number) base = base.where('number', 'like', `%${args.number.toUpperCase().replace(/[%_]/g, '')}%`);
      const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = await base.select('id').orderBy('created_at', 'desc').orderBy('id').limit(args.limit).offset(args.offset).execute();
      const items = [];
      for (const r of rows) items.push(orderView((await getOrder(ctx.db, r.id))!, personal));
      return { data: { total: Number(n), items }, summary: say(ctx, `${Number(n)} encomendas.`, `${Number(n)} orders.`) };
    },
  });

  reg('get_order', {
    title: 'One order with its timeline',
    description: 'An order by number (LJ-…) or id: lines, amounts, CJ state, tracking, hold reason and the event timeline with who did what. ' + DATA_NOTE,
    input: { order: z.string().trim().min(1).max(64).describe('order number or id') },
    output: { order: any, events: list },
    kind: 'look',
    annotations: READ,
    run: async (args) => {
      const order = await findOrder(deps, args.order);
      const events = await orderEvents(ctx.db, order.id);
      return {
        data: { order: orderView(order, personal), events },
        summary: say(
          ctx,
          `Encomenda ${order.number}: ${order.status}${order.status === 'on_hold' ? ` (retida: ${order.holdReason})` : ''}; ${events.length} eventos.`,
          `Order ${order.number}: ${order.status}${order.status === 'on_hold' ? ` (held: ${order.holdReason})` : ''}; ${events.length} events.`,
        ),
      };
    },
  });

  reg('order_stats', {
    title: 'Order figures',
    description: 'Orders by state, revenue, CJ cost and margin over all time (decimal strings).',
    input: {},
    output: { orders: z.number(), byStatus: any, revenue: z.string(), cjCost: z.string(), margin: z.string() },
    kind: 'look',
    annotations: READ,
    run: async () => {
      const s = await orderStats(ctx);
      return { data: s, summary: say(ctx, `${s.orders} encomendas; receita ${s.revenue} ${s.currency}; margem ${s.margin}.`, `${s.orders} orders; revenue ${s.revenue} ${s.currency}; margin ${s.margin}.`) };
    },
  });

  reg('held_orders', {
    title: 'Held orders and why',
    description: 'Every order on hold with its reason and detail, oldest first, so each can be resolved (retry_held_order, cancel_order). ' + DATA_NOTE,
    input: {},
    output: { items: list },
    kind: 'look',
    annotations: READ,
    run: async () => {
      const rows = await ctx.db.selectFrom('orders').select('id').where('status', '=', 'on_hold').orderBy('updated_at').limit(100).execute();
      const items = [];
      for (const r of rows) items.push(orderView((await getOrder(ctx.db, r.id))!, personal));
      return { data: { items }, summary: say(ctx, `${items.length} encomendas retidas.`, `${items.length} orders on hold.`) };
    },
  });

  reg('list_disputes', {
    title: 'Disputes',
    description: 'Disputes opened with CJ (by the rules or by hand), newest first. ' + DATA_NOTE,
    input: {
      status: z.enum(['opening', 'open', 'closed', 'cancelled', 'failed']).optional(),
      limit: z.number().int().min(1).max(100).default(20),
      page: z.number().int().min(1).max(1000).default(1),
    },
    output: { total: z.number(), items: list },
    kind: 'look',
    annotations: READ,
    run: async (args) => {
      const r = await listDisputes(ctx, { status: args.status, page: args.page, limit: args.limit });
      return { data: r, summary: say(ctx, `${r.total} disputas.`, `${r.total} disputes.`) };
    },
  });

  reg('list_alerts', {
    title: 'Alerts',
    description: 'Alerts the store raised, newest first, with whether and by whom each was acknowledged. ' + DATA_NOTE,
    input: { unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) },
    output: { total: z.number(), items: list },
    kind: 'look',
    annotations: READ,
    run: async (args) => {
      const r = await listAlerts(ctx.db, { limit: args.limit, offset: args.offset, unread: args.unreadOnly });
      return { data: { total: r.total, items: r.items }, summary: say(ctx, `${r.total} alertas${args.unreadOnly ? ' por ler' : ''}.`, `${r.total}${args.unreadOnly ? ' unread' : ''} alerts.`) };
    },
  });

  reg('list_leads', {
    title: 'Leads',
    description: 'Newsletter and contact leads, newest first. Names and emails are masked unless the token may operate the store. ' + DATA_NOTE,
    input: { limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) },
    output: { total: z.number(), items: list, masked: z.boolean() },
    kind: 'look',
    annotations: READ,
    run: async (args) => {
      const r = await listLeads(ctx, args);
      const items = personal ? r.items : r.items.map((l) => ({ ...l, name: maskName(l.name), email: maskEmail(l.email) }));
      return { data: { total: r.total, items, masked: !personal }, summary: say(ctx, `${r.total} contactos.`, `${r.total} leads.`) };
    },
  });

  reg('list_scan_runs', {
    title: 'Catalogue scans',
    description: 'Recent catalogue scans with their per-gate counts (search, details, analyse, translate, price, enrich, store), CJ calls and points; a running scan shows its progress.',
    input: { limit: z.number().int().min(1).max(50).default(10) },
    output: { items: list },
    kind: 'look',
    annotations: READ,
    run: async (args) => {
      const items = await listScanRuns(ctx.db, args.limit);
      return { data: { items }, summary: say(ctx, `${items.length} varrimentos; o último: ${items[0]?.status ?? 'nenhum'}.`, `${items.length} scans; the latest: ${items[0]?.status ?? 'none'}.`) };
    },
  });

  reg('cj_balance', {
    title: 'CJ balance',
    description: "The CJ account's balance (USD), asked of CJ through the store's budgeted client, and what unpaid orders need from it.",
    input: {},
    output: { balanceUsd: z.string(), unpaidNeedUsd: z.string(), enough: z.boolean(), simulated: z.boolean() },
    kind: 'look',
    cj: true,
    annotations: READ_CJ,
    run: async () => {
      const balance = await ctx.cj.pay.balance();
      const amount = balance.amount ?? '0';
      ctx.metrics.recordCjBalance(amount, ctx.clock.now());
      const need = (await storeOverview(ctx)).cj.unpaidNeedUsd;
      const { Dec } = await import('../money/index.js');
      const enough = new Dec(amount).gte(need);
      return {
        data: { balanceUsd: amount, unpaidNeedUsd: need, enough, simulated: ctx.supplier.simulated },
        summary: say(ctx, `Saldo CJ ${amount} USD; encomendas por pagar precisam de ${need} USD.`, `CJ balance ${amount} USD; unpaid orders need ${need} USD.`),
      };
    },
  });

  reg('cj_search_products', {
    title: 'Search the CJ catalogue',
    description:
      "Searches CJ's catalogue (listV2, 50 CJ points a page) through the store's budgeted client; says which results this store already lists. Use price_preview and add_cj_product for the good ones. " +
      DATA_NOTE,
    input: {
      keyword: z.string().trim().min(1).max(100),
      page: z.number().int().min(1).max(100).default(1),
      size: z.number().int().min(1).max(50).default(20),
    },
    output: { total: z.number(), page: z.number(), items: list },
    kind: 'look',
    cj: true,
    annotations: READ_CJ,
    run: async (args, extra) => {
      const page = await ctx.cj.products.listV2({ keyWord: args.keyword, page: args.page, size: args.size, features: ['enable_category'] }, { signal: extra.signal });
      const items = page.items.filter((p) => p.nameEn && p.sellPrice).map((p) => toSummary(p, args.keyword));
      const listed = new Set(
        items.length === 0 ? [] : (await ctx.db.selectFrom('products').select('cj_pid').where('cj_pid', 'in', items.map((i) => i.pid)).execute()).map((r) => r.cj_pid),
      );
      return {
        data: {
          total: page.total,
          page: page.pageNum,
          items: items.map((i) => ({ pid: i.pid, nameEn: i.nameEn, priceMinUsd: i.priceMinUsd, priceMaxUsd: i.priceMaxUsd, categoryName: i.categoryName ?? null, listedNum: i.listedNum ?? null, alreadyListed: listed.has(i.pid) })),
        },
        summary: say(ctx, `${items.length} produtos CJ nesta página (${page.total} no total).`, `${items.length} CJ products on this page (${page.total} in all).`),
      };
    },
  });

  reg('cj_product_detail', {
    title: 'One CJ product',
    description: "A CJ product by id or cjdropshipping.com address (10 CJ points): variants, prices in USD, stock per warehouse country. " + DATA_NOTE,
    input: { product: z.string().trim().min(1).max(500).describe('CJ product id or its cjdropshipping.com address') },
    output: { product: any, variants: list },
    kind: 'look',
    cj: true,
    annotations: READ_CJ,
    run: async (args, extra) => {
      const ref = parseCjProductRef(args.product);
      if (!ref.ok) throw new ToolFailure('invalid_input', ref.message);
      const d = await deps.catalog.supplier.details(ref.pid, extra.signal);
      if (!d) throw new ToolFailure('not_found', `CJ has no product ${ref.pid} on sale`);
      const text = d.descriptionHtml.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 2000);
      return {
        data: {
          product: { pid: d.pid, nameEn: d.nameEn, categoryName: d.categoryName ?? null, priceMinUsd: d.priceMinUsd, priceMaxUsd: d.priceMaxUsd, onSale: d.onSale, weightGrams: d.weightGrams, listedNum: d.listedNum ?? null, descriptionText: text, images: d.images.length },
          variants: d.variants.map((v) => ({ vid: v.vid, sku: v.sku, options: v.optionValues, priceUsd: v.priceUsd, stock: v.stock })),
        },
        summary: say(ctx, `Produto CJ ${d.pid}: ${d.variants.length} variantes.`, `CJ product ${d.pid}: ${d.variants.length} variants.`),
      };
    },
  });

  reg('shipping_quote', {
    title: 'Shipping quote',
    description: 'The shipping options and what the customer would pay for them, for lines of this store (variant ids) to a country, exactly as the checkout would charge.',
    input: {
      lines: z.array(z.object({ variantId: z.string().min(1).max(64), quantity: z.number().int().min(1).max(100) })).min(1).max(20),
      country: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO-2 country code such as "PT"'),
    },
    output: { country: z.string(), options: list },
    kind: 'look',
    cj: true,
    annotations: READ_CJ,
    run: async (args, extra) => {
      const country = args.country.toUpperCase();
      if (!ctx.config.checkout.shipsTo.includes(country)) throw new ToolFailure('not_shipped', `this store ships to ${ctx.config.checkout.shipsTo.join(', ')}; not to ${country}`);
      const quote = await quoteLines(ctx, args.lines, country, extra.signal);
      if (!quote.ok) throw new ToolFailure(quote.code, quote.message);
      return {
        data: { country, currency: ctx.config.currency, options: quote.options },
        summary: say(ctx, `${quote.options.length} opções de envio para ${country}.`, `${quote.options.length} shipping options to ${country}.`),
      };
    },
  });

  reg('price_preview', {
    title: 'Price preview for a CJ product',
    description:
      "What the pricing gate would decide for a CJ product under this store's rules (20 CJ points: details and freight): the price per variant, margin, and accept or reject with the reason. Changes nothing. " +
      DATA_NOTE,
    input: { product: z.string().trim().min(1).max(500).describe('CJ product id or its cjdropshipping.com address') },
    output: { decision: z.string(), listedPriceMinor: z.number().nullable(), variants: list, rejection: any, analyseRejection: any },
    kind: 'look',
    cj: true,
    annotations: READ_CJ,
    run: async (args, extra) => {
      const p = await previewPrice(ctx, deps.catalog.supplier, { product: args.product, signal: extra.signal });
      if (!p.ok) throw new ToolFailure(p.code, p.message);
      return {
        data: p as unknown as Record<string, unknown>,
        summary:
          p.decision === 'accept'
            ? say(ctx, `Seria listado a ${((p.listedPriceMinor ?? 0) / 100).toFixed(2)} ${p.currency}.`, `It would be listed at ${((p.listedPriceMinor ?? 0) / 100).toFixed(2)} ${p.currency}.`)
            : say(ctx, `Seria rejeitado (${p.rejection?.code}).`, `It would be rejected (${p.rejection?.code}).`),
      };
    },
  });
}
