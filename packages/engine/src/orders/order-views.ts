// What the customer and the operator see of an order.
import { formatMoney, money } from '../money/index.js';
import type { Order } from './order.js';

const price = (minor: number, currency: string, locale: string) => ({ minor, currency, formatted: formatMoney(money(currency, minor), locale) });

/** For the customer: status and tracking, nothing more (no address, no costs). */
export function trackingView(order: Order, locale: string) {
  return {
    number: order.number,
    status: order.status,
    total: price(order.totalMinor, order.currency, locale),
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    shippedAt: order.shippedAt,
    deliveredAt: order.deliveredAt,
    tracking: order.tracking.number ? { number: order.tracking.number, url: order.tracking.url, code: order.tracking.status } : null,
  };
}

export function checkoutView(order: Order, locale: string) {
  return {
    orderId: order.id,
    number: order.number,
    status: order.status,
    items: price(order.itemsMinor, order.currency, locale),
    shipping: price(order.shippingMinor, order.currency, locale),
    total: price(order.totalMinor, order.currency, locale),
    vatIncluded: price(order.vatMinor, order.currency, locale),
    shippingMethod: order.logisticName,
    lines: order.lines.map((l) => ({ variantId: l.variantId, title: l.title, options: l.options, quantity: l.quantity, unitPrice: price(l.unitPriceMinor, order.currency, locale) })),
  };
}

export function adminOrderView(order: Order, locale: string) {
  return {
    ...checkoutView(order, locale),
    hold: order.status === 'on_hold' ? { reason: order.holdReason, detail: order.holdDetail, heldFrom: order.heldFrom } : null,
    customer: order.customer,
    address: order.address,
    paymentProvider: order.paymentProvider,
    paymentRef: order.paymentRef,
    paidAt: order.paidAt,
    costUsd: order.costUsd,
    shippingQuoteUsd: order.shippingQuoteUsd,
    fromCountry: order.fromCountry,
    cj: order.cj,
    tracking: order.tracking,
    shippedAt: order.shippedAt,
    deliveredAt: order.deliveredAt,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}
