// The agent's acting tools (operate scope): each calls the same service as the admin API or the
// console, records the actor "agent:<token name>", and is safe to repeat — a second identical call
// reports that nothing was left to do. None creates or pays a CJ order: orders come only from
// customers' checkouts, and a held order only resumes through the fulfilment job.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { acknowledgeAlert, acknowledgeAllAlerts } from '../alerts/acknowledge.js';
import { addCjProduct } from '../catalog/add-product.js';
import { actOnProduct, type ProductAction } from '../catalog/product-actions.js';
import { startScan } from '../catalog/start-scan.js';
import { cancelOrder, retryOrder } from '../orders/admin-service.js';
import { getOrder } from '../orders/order-repository.js';
import { publicBaseUrl } from '../storefront/public-url.js';
import { inBackgroundLane } from '../supplier/cj-priority.js';
import { cjWebhookUrl, setCjWebhooks } from '../supplier/cj-webhooks-service.js';
import { DATA_NOTE, registerTool, say, ToolFailure, type AgentSession, type McpDeps, type ToolSpec } from './tool-kit.js';

/** Changes state, but a repeat with the same input changes nothing more. */
const ACT = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

export function registerActTools(server: McpServer, deps: McpDeps, session: AgentSession): void {
  const { ctx } = deps;
  const reg = <S extends z.ZodRawShape>(name: string, spec: ToolSpec<S>) => registerTool(server, deps, session, name, spec);
  const actor = session.actor;

  reg('start_scan', {
    title: 'Start a catalogue scan',
    description: 'Starts a catalogue scan now (as a job, within the scan points budget). If one is running or already queued, says so and starts nothing.',
    input: {},
    output: { outcome: z.string(), jobId: z.string(), runId: z.string() },
    kind: 'act',
    annotations: ACT,
    run: async () => {
      const r = await startScan(ctx, actor);
      const summary =
        r.outcome === 'queued'
          ? say(ctx, 'Varrimento iniciado.', 'Scan started.')
          : r.outcome === 'already_running'
            ? say(ctx, 'Já há um varrimento a correr; nada iniciado.', 'A scan is already running; nothing started.')
            : say(ctx, 'Já há um varrimento pedido; nada iniciado.', 'A scan is already queued; nothing started.');
      return { data: r, summary };
    },
  });

  reg('add_cj_product', {
    title: 'Add one CJ product',
    description:
      "Adds one CJ product (by id or cjdropshipping.com address) through the scan's gates (details, analyse, translate, price, enrich, store); says which gate turned it down and why. A product already listed is reported, not added again. Spends about 20 CJ points. " +
      DATA_NOTE,
    input: { product: z.string().trim().min(1).max(500).describe('CJ product id or its cjdropshipping.com address') },
    output: { outcome: z.string(), pid: z.string(), productId: z.string(), rejection: z.unknown(), passed: z.array(z.string()), message: z.string() },
    kind: 'act',
    cj: true,
    annotations: { ...ACT, openWorldHint: true },
    run: async (args, extra) => {
      const r = await addCjProduct(ctx, deps.catalog, { product: args.product, actor, signal: extra.signal });
      if (r.outcome === 'invalid_input') throw new ToolFailure('invalid_input', r.message);
      const summary =
        r.outcome === 'rejected'
          ? say(ctx, `Rejeitado no filtro ${r.rejection.gate} (${r.rejection.code}).`, `Rejected at the ${r.rejection.gate} gate (${r.rejection.code}).`)
          : r.outcome === 'already_listed'
            ? say(ctx, `Já está no catálogo (${r.productId}); nada mudou.`, `Already in the catalogue (${r.productId}); nothing changed.`)
            : say(ctx, `Adicionado: ${r.productId}.`, `Added: ${r.productId}.`);
      return { data: r, summary };
    },
  });

  const productAction = (name: string, title: string, description: string, input: z.ZodRawShape, toAction: (args: Record<string, unknown>) => ProductAction) =>
    reg(name, {
      title,
      description,
      input: { product: z.string().trim().min(1).max(200).describe('product id or slug'), ...input },
      output: { changed: z.boolean(), product: z.unknown() },
      kind: 'act',
      annotations: ACT,
      run: async (args) => {
        const r = await actOnProduct(ctx, String(args.product), toAction(args as Record<string, unknown>), actor);
        if (!r.ok) throw new ToolFailure(r.code, r.message);
        const p = r.product;
        return {
          data: { changed: r.changed, product: { id: p.id, slug: p.slug, status: p.status, hiddenReason: p.hiddenReason, priceMinor: p.priceOverrideMinor ?? p.priceMinor, priceOverrideMinor: p.priceOverrideMinor, currency: p.currency } },
          summary: r.changed ? say(ctx, `Feito: produto ${p.id} ${p.status}.`, `Done: product ${p.id} ${p.status}.`) : say(ctx, 'Já estava assim; nada mudou.', 'It already was so; nothing changed.'),
        };
      },
    });
  productAction('hide_product', 'Hide a product', 'Takes a product off sale (kept, hidden by the operator; the stock sync never shows it again by itself).', {}, () => ({ kind: 'hide' }));
  productAction('show_product', 'Show a product', 'Puts a hidden product back on sale.', {}, () => ({ kind: 'show' }));
  productAction(
    'set_price_override',
    'Set a price override',
    "Sets the price of every variant of a product (minor units of the store currency, VAT included), refused below the store's margin floor; null removes the override. Kept when scans and syncs run again.",
    { priceMinor: z.number().int().min(1).max(100_000_000).nullable().describe('price in minor units (1299 = 12,99), or null to remove the override') },
    (args) => ({ kind: 'price_override', priceOverrideMinor: args.priceMinor as number | null }),
  );

  reg('retry_held_order', {
    title: 'Retry a held order',
    description:
      'Resumes fulfilment of an order on hold (e.g. after the CJ balance was topped up). Fulfilment looks the order up at CJ before any create or pay, so nothing is bought twice. If the order is no longer on hold, says so and does nothing.',
    input: {
      order: z.string().trim().min(1).max(64).describe('order number or id'),
      acceptCost: z.boolean().default(false).describe('accept a CJ price above the expected one'),
    },
    output: { outcome: z.string(), status: z.string(), number: z.string() },
    kind: 'act',
    annotations: ACT,
    run: async (args) => {
      const order = (await getOrder(ctx.db, args.order)) ?? (await getOrder(ctx.db, args.order.toUpperCase()));
      if (!order) throw new ToolFailure('not_found', `no order "${args.order}" in this store`);
      const r = await retryOrder(ctx, order.id, args.acceptCost, actor);
      if (!r.ok && r.code !== 'not_on_hold') throw new ToolFailure(r.code, r.message);
      const now = (await getOrder(ctx.db, order.id))!;
      return r.ok && r.value
        ? { data: { outcome: 'retried', number: order.number, status: now.status }, summary: say(ctx, `Encomenda ${order.number} retomada.`, `Order ${order.number} resumed.`) }
        : {
            data: { outcome: 'not_on_hold', number: order.number, status: now.status },
            summary: say(ctx, `A encomenda ${order.number} não está retida (${now.status}); nada feito.`, `Order ${order.number} is not on hold (${now.status}); nothing done.`),
          };
    },
  });

  reg('cancel_order', {
    title: 'Cancel an order before CJ is paid',
    description: 'Cancels an order CJ has not been paid for (deleted at CJ first). Refused once CJ is paid. Cancelling a cancelled order does nothing. It does not refund the customer.',
    input: { order: z.string().trim().min(1).max(64).describe('order number or id') },
    output: { outcome: z.string(), status: z.string(), number: z.string() },
    kind: 'act',
    annotations: { ...ACT, destructiveHint: true, openWorldHint: true },
    run: async (args) => {
      const order = (await getOrder(ctx.db, args.order)) ?? (await getOrder(ctx.db, args.order.toUpperCase()));
      if (!order) throw new ToolFailure('not_found', `no order "${args.order}" in this store`);
      if (order.status === 'cancelled') {
        return { data: { outcome: 'already_cancelled', number: order.number, status: order.status }, summary: say(ctx, 'Já estava cancelada; nada feito.', 'It was already cancelled; nothing done.') };
      }
      const r = await inBackgroundLane(() => cancelOrder(ctx, order.id, actor));
      if (!r.ok) throw new ToolFailure(r.code, r.message);
      return { data: { outcome: 'cancelled', number: order.number, status: 'cancelled' }, summary: say(ctx, `Encomenda ${order.number} cancelada.`, `Order ${order.number} cancelled.`) };
    },
  });

  reg('acknowledge_alert', {
    title: 'Acknowledge alerts',
    description: 'Marks one alert (by id) or every unread alert as read, recorded with this agent as the actor.',
    input: { alertId: z.string().min(1).max(200).optional(), all: z.boolean().default(false) },
    output: { acknowledged: z.number(), alreadyAcknowledged: z.boolean() },
    kind: 'act',
    annotations: ACT,
    run: async (args) => {
      if (args.all) {
        const r = await acknowledgeAllAlerts(ctx.db, ctx.clock, actor);
        return { data: { acknowledged: r.acknowledged, alreadyAcknowledged: false }, summary: say(ctx, `${r.acknowledged} alertas marcados como lidos.`, `${r.acknowledged} alerts acknowledged.`) };
      }
      if (!args.alertId) throw new ToolFailure('invalid_input', 'give alertId, or all: true');
      const r = await acknowledgeAlert(ctx.db, ctx.clock, args.alertId, actor);
      if (!r.ok) throw new ToolFailure(r.code, r.message);
      return {
        data: { acknowledged: r.acknowledged ? 1 : 0, alreadyAcknowledged: !r.acknowledged, acknowledgedBy: r.acknowledgedBy },
        summary: r.acknowledged ? say(ctx, 'Alerta marcado como lido.', 'Alert acknowledged.') : say(ctx, 'Já estava lido; nada mudou.', 'It was already acknowledged; nothing changed.'),
      };
    },
  });

  reg('enable_cj_webhooks', {
    title: 'Enable CJ webhooks',
    description:
      "Points CJ's product, stock, order and logistics messages at this store's /api/webhooks/cj (default: the store's public address). CJ checks that the address answers, over https. Setting it again is harmless.",
    input: { url: z.string().trim().min(1).max(300).optional().describe("the store's public https address; default http.publicUrl") },
    output: { url: z.string(), topics: z.array(z.string()), callback: z.unknown() },
    kind: 'act',
    cj: true,
    annotations: { ...ACT, openWorldHint: true },
    run: async (args) => {
      const parsed = cjWebhookUrl(args.url ?? publicBaseUrl(ctx.config));
      if (!parsed.ok) throw new ToolFailure('invalid_input', parsed.message);
      const r = await setCjWebhooks(ctx, 'enable', parsed.url, actor);
      if (!r.ok) throw new ToolFailure(r.code, r.message);
      return { data: { url: parsed.url, topics: r.topics, callback: r.callback }, summary: say(ctx, `Webhooks CJ ativos em ${parsed.url}.`, `CJ webhooks enabled at ${parsed.url}.`) };
    },
  });
}
