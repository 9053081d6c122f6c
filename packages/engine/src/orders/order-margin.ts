// One order's margin in the store currency, the way the business figures count it: the customer's
// price without VAT, minus CJ's charge (or, before CJ has charged, the expected cost and shipping)
// converted at the store's rate. Decimal arithmetic only; minor units out.
import { Dec } from '../money/index.js';
import type { StoreConfig } from '../stores/store-config.js';
import type { Order } from './order.js';

export interface OrderMargin {
  /** CJ's charge in USD (charged, or expected when CJ has not charged yet). */
  cjUsd: string;
  cjCharged: boolean;
  /** The CJ cost in the store currency, minor units. */
  cjCostMinor: number;
  netRevenueMinor: number;
  marginMinor: number;
}

export function orderMargin(order: Order, config: StoreConfig): OrderMargin {
  const cjUsd = order.cj.amountUsd ?? new Dec(order.costUsd).plus(order.shippingQuoteUsd).toFixed(2);
  const vatFactor = new Dec('1').plus(config.pricing.vatRate);
  const net = new Dec(String(order.totalMinor)).div(vatFactor).round(0);
  const cost = new Dec(cjUsd).times(config.pricing.fx.rate).times('100').round(0);
  return {
    cjUsd,
    cjCharged: order.cj.amountUsd !== null,
    cjCostMinor: Number(cost.toFixed(0)),
    netRevenueMinor: Number(net.toFixed(0)),
    marginMinor: Number(net.minus(cost).toFixed(0)),
  };
}
