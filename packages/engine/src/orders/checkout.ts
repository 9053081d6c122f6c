// POST /checkout: the server prices everything itself from the catalogue (the client's prices are
// never read), checks stock, validates the address, quotes shipping, and creates one order
// awaiting payment per checkout key — a resubmitted checkout returns the same order.
import { randomUUID } from 'node:crypto';
import { getProduct } from '../catalog/catalog-repository.js';
import { effectivePriceMinor, type StoredProduct, type StoredVariant } from '../catalog/product.js';
import { Dec } from '../money/index.js';
import type { StoreContext } from '../stores/context.js';
import { checkAddress, type AddressInput } from './address.js';
import { getOrder } from './order-repository.js';
import { defaultOrderPrefix, newOrderNumber } from './order-number.js';
import type { Order } from './order.js';
import { quoteShipping, type CartLineStock, type ShippingOptionQuote } from './shipping-quote.js';
import { timeOrderedId } from '../time-ordered-id.js';

export interface CheckoutInput {
  checkoutKey: string;
  lines: Array<{ variantId: string; quantity: number }>;
  customer: { name: string; email: string; phone?: string | undefined };
  address: Omit<AddressInput, 'name' | 'phone'>;
  shippingOption?: string | undefined;
  taxId?: string | undefined;
}

export type CheckoutProblem = { ok: false; status: 409 | 422 | 503; code: string; message: string; field?: string };
export type CheckoutResult = { ok: true; order: Order; created: boolean; shippingOptions: ShippingOptionQuote[] } | CheckoutProblem;

interface ResolvedLine {
  product: StoredProduct;
  variant: StoredVariant;
  quantity: number;
  unitPriceMinor: number;
}

const problem = (status: CheckoutProblem['status'], code: string, message: string, field?: string): CheckoutProblem => ({
  ok: false,
  status,
  code,
  message,
  ...(field ? { field } : {}),
});

/** The price of one unit as the customer pays it: the admin's override when set, else the variant's price. */
export function unitPriceMinor(product: Pick<StoredProduct, 'priceOverrideMinor'>, variant: Pick<StoredVariant, 'priceMinor'>): number {
  return product.priceOverrideMinor ?? variant.priceMinor;
}

export type LineAvailability = { ok: true } | { ok: false; code: 'unknown_variant' } | { ok: false; code: 'out_of_stock'; available: number };

/** Whether `quantity` of a variant can be sold now: the one rule the checkout and the cart both apply. */
export function lineAvailability(product: StoredProduct | undefined, variant: StoredVariant | undefined, quantity: number): LineAvailability {
  if (!product || !variant || product.status !== 'active') return { ok: false, code: 'unknown_variant' };
  if (!variant.onSale || variant.stock < quantity) return { ok: false, code: 'out_of_stock', available: variant.onSale ? variant.stock : 0 };
  return { ok: true };
}

/** A line as the shipping quote needs it (warehouse stock, included shipping). */
export function lineStock(product: StoredProduct, variant: StoredVariant, quantity: number): CartLineStock {
  return { cjVid: variant.cjVid, quantity, includedShippingUsd: product.shippingUsd, stock: variant.stockDetail };
}

/** The product and variant behind a variant id, or undefined for an unknown id. */
export async function findVariant(ctx: StoreContext, variantId: string): Promise<{ product: StoredProduct; variant: StoredVariant } | undefined> {
  const row = await ctx.db.selectFrom('variants').select('product_id').where('id', '=', variantId).executeTakeFirst();
  const product = row ? await getProduct(ctx.db, row.product_id) : undefined;
  const variant = product?.variants.find((v) => v.id === variantId);
  return product && variant ? { product, variant } : undefined;
}

async function resolveLines(ctx: StoreContext, input: CheckoutInput): Promise<ResolvedLine[] | CheckoutProblem> {
  const seen = new Set<string>();
  const out: ResolvedLine[] = [];
  for (const [i, line] of input.lines.entries()) {
    const field = `body.lines.${i}`;
    if (seen.has(line.variantId)) return problem(422, 'duplicate_line', 'each variant may appear once; raise its quantity instead', `${field}.variantId`);
    seen.add(line.variantId);
    const found = await findVariant(ctx, line.variantId);
    const availability = lineAvailability(found?.product, found?.variant, line.quantity);
    if (!availability.ok && availability.code === 'unknown_variant') {
      return problem(422, 'unknown_variant', `variant ${line.variantId} is not for sale`, `${field}.variantId`);
    }
    if (!availability.ok) return problem(422, 'out_of_stock', `only ${availability.available} of "${found!.product.title}" in stock`, `${field}.quantity`);
    const { product, variant } = found!;
    out.push({ product, variant, quantity: line.quantity, unitPriceMinor: unitPriceMinor(product, variant) });
  }
  return out;
}

export async function checkout(ctx: StoreContext, input: CheckoutInput, paymentProvider: string, signal?: AbortSignal): Promise<CheckoutResult> {
  const existing = await ctx.db.selectFrom('orders').select('id').where('checkout_key', '=', input.checkoutKey).executeTakeFirst();
  if (existing) return { ok: true, order: (await getOrder(ctx.db, existing.id))!, created: false, shippingOptions: [] };

  const address = checkAddress({ ...input.address, name: input.customer.name, phone: input.customer.phone }, ctx.config.checkout.shipsTo);
  if (!address.ok) return problem(422, 'invalid_address', address.message, `body.${address.field}`);
  const lines = await resolveLines(ctx, input);
  if ('ok' in lines) return lines;

  const cart: CartLineStock[] = lines.map((l) => lineStock(l.product, l.variant, l.quantity));
  let quote;
  try {
    quote = await quoteShipping(ctx, cart, address.address.country, input.shippingOption, signal);
  } catch (err) {
    ctx.log.warn({ err }, 'shipping quote failed');
    return problem(503, 'shipping_unavailable', 'shipping cannot be quoted right now; please try again in a moment');
  }
  if (!quote.ok) return problem(422, quote.code, quote.message, quote.code === 'unknown_shipping_option' ? 'body.shippingOption' : undefined);

  const itemsMinor = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
  const totalMinor = itemsMinor + quote.chargeMinor;
  const vatFactor = new Dec('1').plus(ctx.config.pricing.vatRate);
  const netMinor = Number(new Dec(String(totalMinor)).div(vatFactor).round(0, Dec.roundHalfEven).toFixed(0));
  const costUsd = lines.reduce((sum, l) => sum.plus(new Dec(l.variant.costUsd).times(String(l.quantity))), new Dec('0')).toFixed(2);
  const now = ctx.clock.now();
  const nowIso = new Date(now).toISOString();
  const orderId = randomUUID();
  const prefix = ctx.config.checkout.orderPrefix ?? defaultOrderPrefix(ctx.id);
  const a = address.address;

  const created = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('orders')
      .values({
        id: orderId,
        number: newOrderNumber(prefix, now),
        status: 'awaiting_payment',
        held_from: null,
        hold_reason: null,
        hold_detail: null,
        checkout_key: input.checkoutKey,
        customer_name: a.name,
        customer_email: input.customer.email.trim().toLowerCase(),
        customer_phone: a.phone,
        ship_country: a.country,
        ship_province: a.province,
        ship_city: a.city,
        ship_zip: a.zip,
        ship_address1: a.address1,
        ship_address2: a.address2,
        tax_id: input.taxId ?? null,
        currency: ctx.config.currency,
        items_minor: itemsMinor,
        shipping_minor: quote.chargeMinor,
        total_minor: totalMinor,
        vat_minor: totalMinor - netMinor,
        logistic_name: quote.chosen.logisticName,
        from_country: quote.fromCountry,
        shipping_quote_usd: quote.chosen.priceUsd,
        cost_usd: costUsd,
        payment_provider: paymentProvider,
        payment_ref: null,
        paid_at: null,
        cj_order_id: null,
        cj_status: null,
        cj_amount_usd: null,
        cj_paid_at: null,
        track_number: null,
        tracking_url: null,
        logistic_status: null,
        shipped_at: null,
        delivered_at: null,
        last_tracking_at: null,
        tracking_text: null,
        created_at: nowIso,
        updated_at: nowIso,
      })
      // A concurrent resubmission of the same checkout: the other request's order wins.
      .onConflict((oc) => oc.column('checkout_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    await trx
      .insertInto('order_lines')
      .values(
        lines.map((l, i) => ({
          id: randomUUID(),
          order_id: orderId,
          line_no: i + 1,
          product_id: l.product.id,
          variant_id: l.variant.id,
          cj_pid: l.product.cjPid,
          cj_vid: l.variant.cjVid,
          title: l.product.title,
          options: JSON.stringify(l.variant.options),
          quantity: l.quantity,
          unit_price_minor: l.unitPriceMinor,
          unit_cost_usd: l.variant.costUsd,
        })),
      )
      .execute();
    await trx
      .insertInto('order_events')
      .values({
        id: timeOrderedId(now),
        order_id: orderId,
        from_status: null,
        to_status: 'awaiting_payment',
        reason: 'checkout',
        actor: 'customer',
        data: JSON.stringify({ shipping: quote.chosen, items: lines.length }),
        created_at: nowIso,
      })
      .execute();
    return true;
  });
  if (!created) {
    const winner = await ctx.db.selectFrom('orders').select('id').where('checkout_key', '=', input.checkoutKey).executeTakeFirstOrThrow();
    return { ok: true, order: (await getOrder(ctx.db, winner.id))!, created: false, shippingOptions: quote.options };
  }
  return { ok: true, order: (await getOrder(ctx.db, orderId))!, created: true, shippingOptions: quote.options };
}

/** What the total includes, for the response. */
export function totalsView(order: Order) {
  return { currency: order.currency, itemsMinor: order.itemsMinor, shippingMinor: order.shippingMinor, totalMinor: order.totalMinor, vatMinor: order.vatMinor };
}

export { effectivePriceMinor };
