// The fulfilment job: a paid order is created, confirmed and paid at CJ — exactly once, whatever
// crashes or fails on the way. A run whose order may already be at CJ (an earlier attempt sent a
// create: `cj_submitted_at`, committed before the create leaves) starts by asking CJ for the order
// by our number, so a rerun after a crash or an unknown outcome continues where CJ is instead of
// creating or paying again. A first attempt skips that lookup: nothing can be at CJ yet, and CJ
// refuses a second order with our number anyway (1603003), which is handled as "continue with CJ's".
// Non-idempotent calls that time out are never repeated blindly: the job retries later, and the
// next run's lookup tells what happened.
//
// The happy path is three CJ calls (create, confirm, pay). CJ's own refusals replace the checks
// that used to precede them: the create refuses a shortage or a shipping option it no longer
// offers, the payment refuses a short balance; each refusal is classified (stock, re-quote,
// balance) only when it happens. createOrderV2 with payType 2 would pay in the create itself, but
// then CJ's amount is only known after the money has left; payType 3 keeps the check that CJ does
// not charge far more than the checkout expected before anything is paid.
import {
  CjBusinessError,
  CjDuplicateOrderError,
  CjInsufficientBalanceError,
  CjInvalidLogisticError,
  CjNotFoundError,
  CjUnknownOutcomeError,
  CjValidationError,
  type CjOrder,
} from '@lojista/cj';
import { RetryLaterError } from '../jobs/types.js';
import { Dec } from '../money/index.js';
import type { StoreContext } from '../stores/context.js';
import { COUNTRIES } from './address.js';
import { SIGNED_FOR, targetForCjStatus } from './cj-status.js';
import { holdOrder } from './hold.js';
import type { Order } from './order.js';
import { getOrder, recordEvent, transition } from './order-repository.js';
import { quoteShipping } from './shipping-quote.js';
import { isForward, type OrderStatus } from './state-machine.js';

/** How much more than expected CJ may charge before a human looks (price moved since checkout). */
const MAX_COST_DRIFT = '1.25';
const UNKNOWN_OUTCOME_RETRY_MS = 3_000;

export interface RemoteOrder {
  orderId: string;
  status: string | undefined;
  amountUsd: string | undefined;
  trackNumber?: string | undefined;
  trackingUrl?: string | undefined;
}

export function remoteFrom(o: Pick<CjOrder, 'orderId' | 'orderStatus' | 'orderAmount' | 'trackNumber' | 'trackingUrl'>): RemoteOrder {
  return { orderId: o.orderId, status: o.orderStatus, amountUsd: o.orderAmount, trackNumber: o.trackNumber, trackingUrl: o.trackingUrl };
}

/** CJ's view of our order, or null when CJ has none with our number. */
export async function lookupAtCj(ctx: StoreContext, number: string, signal?: AbortSignal): Promise<RemoteOrder | null> {
  try {
    return remoteFrom(await ctx.cj.orders.detail(number, undefined, { signal }));
  } catch (err) {
    if (err instanceof CjNotFoundError) return null;
    throw err;
  }
}

export interface FulfilOptions {
  signal?: AbortSignal;
  /** The operator accepted a cost above the expected one. */
  acceptCostDrift?: boolean;
}

export async function fulfilOrder(ctx: StoreContext, orderId: string, opts: FulfilOptions = {}): Promise<void> {
  let order = await getOrder(ctx.db, orderId);
  if (!order || (order.status !== 'pending' && order.status !== 'confirmed')) return;

  let remote = mayBeAtCj(order) ? await lookupAtCj(ctx, order.number, opts.signal) : null;
  if (!remote) {
    if (order.status === 'confirmed') {
      // We recorded a confirmation CJ has no trace of: never create a second order on a guess.
      return holdOrder(ctx, order, 'supplier_error', 'CJ has no order with our number although it was confirmed there');
    }
    const created = await createAtCj(ctx, order, opts.signal);
    if (!created) return; // held
    remote = created;
  }
  order = await recordRemote(ctx, order, remote);
  // The operator may have cancelled the order while CJ was being asked (a slow create): it must not
  // be confirmed or paid there.
  if (order.status === 'cancelled') return withdrawAtCj(ctx, order, remote, opts.signal);

  if (remote.status === 'CREATED' || remote.status === 'IN_CART') {
    try {
      await ctx.cj.orders.confirm(remote.orderId, { signal: opts.signal });
    } catch (err) {
      if (err instanceof CjUnknownOutcomeError) throw new RetryLaterError('confirm outcome unknown; the next run looks it up', UNKNOWN_OUTCOME_RETRY_MS);
      if (err instanceof CjBusinessError) return holdOrder(ctx, order, 'supplier_error', `CJ refused to confirm: ${err.message}`);
      throw err;
    }
    remote = { ...remote, status: 'UNPAID' };
  }
  order = await advance(ctx, order, remote, 'fulfilment');

  if (remote.status === 'UNPAID') {
    // Pay only an order that is ours to pay right now: cancelled meanwhile → withdraw it at CJ;
    // any other state means another run or the operator has moved it on.
    if (order.status === 'cancelled') return withdrawAtCj(ctx, order, remote, opts.signal);
    if (order.status !== 'confirmed') return;
    const expected = new Dec(order.costUsd).plus(order.shippingQuoteUsd);
    if (!opts.acceptCostDrift && remote.amountUsd && new Dec(remote.amountUsd).gt(expected.times(MAX_COST_DRIFT))) {
      return holdOrder(
        ctx,
        order,
        'supplier_error',
        `CJ charges ${remote.amountUsd} USD, more than 125% of the expected ${expected.toFixed(2)} USD; retry to accept`,
      );
    }
    try {
      // No balance read first: CJ refuses a payment the balance does not cover (1604000), which
      // is the same answer one call sooner.
      await ctx.cj.pay.payBalance(remote.orderId, { signal: opts.signal });
    } catch (err) {
      if (err instanceof CjUnknownOutcomeError) throw new RetryLaterError('payment outcome unknown; the next run looks it up', UNKNOWN_OUTCOME_RETRY_MS);
      if (err instanceof CjInsufficientBalanceError) return holdOrder(ctx, order, 'insufficient_balance', await shortBalanceDetail(ctx, remote, err, opts.signal));
      if (err instanceof CjBusinessError) {
        // "Already paid" or "cannot pay": only CJ's own status can say which, so look again.
        const after = await lookupAtCj(ctx, order.number, opts.signal);
        if (after && after.status !== 'UNPAID') {
          remote = after;
        } else {
          return holdOrder(ctx, order, 'supplier_error', `CJ refused the payment: ${err.message}`);
        }
      } else {
        throw err;
      }
    }
    if (remote.status === 'UNPAID') remote = { ...remote, status: 'UNSHIPPED' };
  }
  await advance(ctx, order, remote, 'fulfilment');
  // The balance gauge (and the "balance below unpaid orders" alert) needs a first reading; after
  // that the reconciliation schedule refreshes it, not every order.
  if (!ctx.metrics.cjBalanceKnown()) await readBalance(ctx, opts.signal);
}

/** Whether an earlier run may have reached CJ with this order, so CJ must be asked before creating. */
export function mayBeAtCj(order: Order): boolean {
  return order.cj.submittedAt !== null || order.cj.orderId !== null || order.status === 'confirmed';
}

/** The balance as CJ answers it, fed to the gauge; null when CJ cannot say right now. */
export async function readBalance(ctx: StoreContext, signal?: AbortSignal): Promise<string | null> {
  try {
    const sent = ctx.clock.now();
    const balance = await ctx.cj.pay.balance({ signal });
    const amount = balance.amount ?? '0';
    ctx.metrics.recordCjBalance(amount, sent);
    return amount;
  } catch (err) {
    ctx.log.warn({ err }, 'could not read the CJ balance');
    return null;
  }
}

/** The hold's detail after CJ refused a payment for the balance: the balance itself when CJ tells it. */
async function shortBalanceDetail(ctx: StoreContext, remote: RemoteOrder, err: Error, signal?: AbortSignal): Promise<string> {
  const amount = await readBalance(ctx, signal);
  return amount !== null && remote.amountUsd
    ? `CJ balance ${amount} USD is below the order's ${remote.amountUsd} USD`
    : `CJ refused the payment: ${err.message}`;
}

/** CJ holds an unpaid copy of an order cancelled here: delete it there, so it can never be paid. */
async function withdrawAtCj(ctx: StoreContext, order: Order, remote: RemoteOrder, signal?: AbortSignal): Promise<void> {
  if (!['CREATED', 'IN_CART', 'UNPAID'].includes(remote.status ?? '')) return;
  try {
    await ctx.cj.orders.delete(remote.orderId, { signal });
    await recordEvent(ctx.db, ctx.clock, order, `CJ created order ${remote.orderId} after the cancellation; deleted it at CJ`, 'fulfilment', { cjOrderId: remote.orderId });
  } catch (err) {
    if (!(err instanceof CjBusinessError || err instanceof CjUnknownOutcomeError)) throw err;
    ctx.log.warn({ err, order: order.number }, 'could not delete the CJ copy of a cancelled order');
    await recordEvent(ctx.db, ctx.clock, order, `CJ created order ${remote.orderId} after the cancellation; deleting it at CJ failed (${err.message}); it stays unpaid`, 'fulfilment', {
      cjOrderId: remote.orderId,
    });
  }
}

/** Creates the order at CJ (create only: payType 3); null when the order was put on hold instead. */
async function createAtCj(ctx: StoreContext, order: Order, signal?: AbortSignal): Promise<RemoteOrder | null> {
  // Committed before the create leaves: from here on a rerun asks CJ first.
  const now = new Date(ctx.clock.now()).toISOString();
  await ctx.db.updateTable('orders').set({ cj_submitted_at: now }).where('id', '=', order.id).execute();
  let logisticName = order.logisticName;
  for (let requoted = false; ; requoted = true) {
    try {
      return await sendCreate(ctx, order, logisticName, signal);
    } catch (err) {
      if (err instanceof CjUnknownOutcomeError) throw new RetryLaterError('create outcome unknown; the next run looks it up', UNKNOWN_OUTCOME_RETRY_MS);
      if (err instanceof CjDuplicateOrderError) {
        // Created by an earlier run whose answer was lost: continue with CJ's copy.
        const existing = await lookupAtCj(ctx, order.number, signal);
        if (existing) return existing;
        throw new RetryLaterError('CJ reports the order exists but cannot find it yet', 10_000);
      }
      if (err instanceof CjInvalidLogisticError) {
        // The checkout's shipping option is gone for this route: a refusal creates nothing, so
        // one more create with an option CJ offers today is safe.
        if (requoted) throw new RetryLaterError(`CJ refused the shipping option: ${err.message}`, 60_000);
        const next = await replacementLogistic(ctx, order, logisticName, signal);
        if (next === null) return null; // held
        if (next === logisticName) throw new RetryLaterError(`CJ refused the shipping option: ${err.message}`, 60_000);
        logisticName = next;
        continue;
      }
      if (err instanceof CjValidationError) {
        await holdOrder(ctx, order, 'address_rejected', `CJ rejected the order data: ${err.message}`);
        return null;
      }
      if (err instanceof CjNotFoundError) {
        await holdOrder(ctx, order, 'out_of_stock', `CJ no longer sells an item of the order: ${err.message}`);
        return null;
      }
      if (err instanceof CjBusinessError) {
        // CJ refuses an order its warehouse cannot fill; its stock says whether that was the cause.
        const short = await shortLine(ctx, order, signal);
        if (short) await holdOrder(ctx, order, 'out_of_stock', short);
        else await holdOrder(ctx, order, 'supplier_error', `CJ refused the order: ${err.message}`);
        return null;
      }
      throw err;
    }
  }
}

async function sendCreate(ctx: StoreContext, order: Order, logisticName: string, signal?: AbortSignal): Promise<RemoteOrder> {
  const a = order.address;
  const created = await ctx.cj.orders.createV2(
    {
      orderNumber: order.number,
      shippingCountryCode: a.country,
      shippingCountry: COUNTRIES[a.country]?.name ?? a.country,
      shippingProvince: a.province,
      shippingCity: a.city,
      shippingCustomerName: order.customer.name,
      shippingAddress: a.address1,
      ...(a.address2 ? { shippingAddress2: a.address2 } : {}),
      shippingZip: a.zip,
      ...(order.customer.phone ? { shippingPhone: order.customer.phone } : {}),
      email: order.customer.email,
      ...(order.taxId ? { taxId: order.taxId } : {}),
      logisticName,
      fromCountryCode: order.fromCountry,
      products: order.lines.map((l) => ({ vid: l.cjVid, quantity: l.quantity })),
      payType: 3,
      remark: `lojista ${ctx.id} ${order.number}`,
    },
    { signal },
  );
  if (!created.orderId) throw new RetryLaterError('CJ accepted the order without an id yet; looking it up later', 10_000);
  return { orderId: created.orderId, status: created.orderStatus ?? 'CREATED', amountUsd: created.orderAmount };
}

/** The line CJ's warehouse cannot fill, described for the hold; null when every line is in stock. */
async function shortLine(ctx: StoreContext, order: Order, signal?: AbortSignal): Promise<string | null> {
  for (const line of order.lines) {
    const stock = await ctx.cj.stock.byVid(line.cjVid, { signal });
    const inFrom = stock.filter((s) => s.countryCode === order.fromCountry).reduce((sum, s) => sum + (s.totalInventory ?? 0), 0);
    if (inFrom < line.quantity) return `CJ has ${inFrom} of "${line.title}" in ${order.fromCountry}, the order needs ${line.quantity}`;
  }
  return null;
}

/**
 * After CJ refused the order's shipping option: the option to use instead (recorded on the order),
 * the same name when CJ still offers it, or null when the order was held for having no route.
 */
async function replacementLogistic(ctx: StoreContext, order: Order, current: string, signal?: AbortSignal): Promise<string | null> {
  const quote = await quoteShipping(
    ctx,
    order.lines.map((l) => ({ cjVid: l.cjVid, quantity: l.quantity, includedShippingUsd: '0', stock: [{ countryCode: order.fromCountry, quantity: l.quantity }] })),
    order.address.country,
    undefined,
    signal,
    { fresh: true },
  );
  if (!quote.ok) {
    await holdOrder(ctx, order, 'supplier_error', `no valid shipping for the route: ${quote.message}`);
    return null;
  }
  if (quote.options.some((o) => o.logisticName === current)) return current;
  const next = quote.chosen.logisticName;
  await ctx.db.updateTable('orders').set({ logistic_name: next }).where('id', '=', order.id).execute();
  await recordEvent(ctx.db, ctx.clock, order, `shipping changed to ${next}: ${current} is no longer offered`, 'fulfilment');
  return next;
}

async function recordRemote(ctx: StoreContext, order: Order, remote: RemoteOrder): Promise<Order> {
  if (order.cj.orderId === remote.orderId && order.cj.status === remote.status && order.cj.amountUsd === (remote.amountUsd ?? null)) return order;
  await ctx.db
    .updateTable('orders')
    .set({ cj_order_id: remote.orderId, cj_status: remote.status ?? null, cj_amount_usd: remote.amountUsd ?? null, updated_at: new Date(ctx.clock.now()).toISOString() })
    .where('id', '=', order.id)
    .execute();
  return (await getOrder(ctx.db, order.id))!;
}

/**
 * Moves the order forward to where CJ says it is (never backwards). Used by fulfilment, the
 * reconciliation schedule and the ORDER/LOGISTIC webhooks alike.
 */
export async function advance(ctx: StoreContext, order: Order, remote: RemoteOrder, actor: 'fulfilment' | 'cj_sync' | 'webhook'): Promise<Order> {
  const target = targetForCjStatus(remote.status);
  const now = new Date(ctx.clock.now()).toISOString();
  if (target === 'cancelled_at_cj') {
    if (order.status === 'pending' || order.status === 'confirmed') await holdOrder(ctx, order, 'supplier_error', 'CJ cancelled the order');
    return (await getOrder(ctx.db, order.id))!;
  }
  if (target === null || target === 'at_cj_unconfirmed') return order;
  let current = order;
  // Step through the happy path so every state gets its event: pending → confirmed → paid → shipped → delivered.
  const path: OrderStatus[] = ['confirmed', 'paid', 'shipped', 'delivered'];
  for (const step of path.slice(0, path.indexOf(target) + 1)) {
    // Already there or past it.
    if (!isForward(current.status, step)) continue;
    // A disputed order only learns that it shipped (if it had not) or arrived after all.
    if (current.status === 'disputed' && step !== 'shipped' && step !== 'delivered') continue;
    if (current.status === 'disputed' && step === 'shipped' && current.shippedAt) continue;
    const set =
      step === 'paid'
        ? { cj_paid_at: now, cj_status: remote.status ?? null }
        : step === 'shipped'
          ? { shipped_at: now, track_number: remote.trackNumber ?? current.tracking.number, tracking_url: remote.trackingUrl ?? current.tracking.url, cj_status: remote.status ?? null }
          : step === 'delivered'
            ? { delivered_at: now, cj_status: remote.status ?? null }
            : { cj_status: remote.status ?? null };
    try {
      const moved = await transition(ctx.db, ctx.clock, current, { to: step, reason: `CJ status ${remote.status}`, actor, set });
      if (!moved) throw new RetryLaterError('the order changed while it was being updated', 100);
      if (step === 'paid' && current.paidAt) ctx.metrics.paymentToPaidSeconds.observe(Math.max(0, Date.parse(now) - Date.parse(current.paidAt)) / 1000);
    } catch (err) {
      if (err instanceof RetryLaterError) throw err;
      // A move the state machine refuses (e.g. a cancelled order that CJ still ships) is recorded, not forced.
      await recordEvent(ctx.db, ctx.clock, current, `CJ reports ${remote.status}; not applied: ${(err as Error).message}`, actor);
      break;
    }
    current = (await getOrder(ctx.db, order.id))!;
  }
  return current;
}

export { SIGNED_FOR };
