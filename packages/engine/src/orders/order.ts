// An order as the engine handles it, and its mapping from table rows.
import type { OrderLinesTable, OrdersTable } from '../db/schema.js';
import type { OrderStatus } from './state-machine.js';

export interface OrderLine {
  id: string;
  lineNo: number;
  productId: string;
  variantId: string;
  cjPid: string;
  cjVid: string;
  title: string;
  options: Array<{ name: string; value: string }>;
  quantity: number;
  unitPriceMinor: number;
  unitCostUsd: string;
}

export interface Order {
  id: string;
  number: string;
  status: OrderStatus;
  heldFrom: OrderStatus | null;
  holdReason: string | null;
  holdDetail: string | null;
  checkoutKey: string;
  customer: { name: string; email: string; phone: string | null };
  address: {
    country: string;
    province: string;
    city: string;
    zip: string;
    address1: string;
    address2: string | null;
  };
  taxId: string | null;
  currency: string;
  itemsMinor: number;
  shippingMinor: number;
  totalMinor: number;
  vatMinor: number;
  logisticName: string;
  fromCountry: string;
  shippingQuoteUsd: string;
  costUsd: string;
  paymentProvider: string;
  paymentRef: string | null;
  paidAt: string | null;
  cj: { orderId: string | null; status: string | null; amountUsd: string | null; paidAt: string | null; submittedAt: string | null };
  tracking: { number: string | null; url: string | null; status: number | null; lastAt: string | null };
  shippedAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
  lines: OrderLine[];
}

export function orderFromRow(row: OrdersTable, lines: OrderLinesTable[]): Order {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    heldFrom: row.held_from as OrderStatus | null,
    holdReason: row.hold_reason,
    holdDetail: row.hold_detail,
    checkoutKey: row.checkout_key,
    customer: { name: row.customer_name, email: row.customer_email, phone: row.customer_phone },
    address: {
      country: row.ship_country,
      province: row.ship_province,
      city: row.ship_city,
      zip: row.ship_zip,
      address1: row.ship_address1,
      address2: row.ship_address2,
    },
    taxId: row.tax_id,
    currency: row.currency,
    itemsMinor: row.items_minor,
    shippingMinor: row.shipping_minor,
    totalMinor: row.total_minor,
    vatMinor: row.vat_minor,
    logisticName: row.logistic_name,
    fromCountry: row.from_country,
    shippingQuoteUsd: row.shipping_quote_usd,
    costUsd: row.cost_usd,
    paymentProvider: row.payment_provider,
    paymentRef: row.payment_ref,
    paidAt: row.paid_at,
    cj: { orderId: row.cj_order_id, status: row.cj_status, amountUsd: row.cj_amount_usd, paidAt: row.cj_paid_at, submittedAt: row.cj_submitted_at },
    tracking: { number: row.track_number, url: row.tracking_url, status: row.logistic_status, lastAt: row.last_tracking_at },
    shippedAt: row.shipped_at,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lines: lines
      .sort((a, b) => a.line_no - b.line_no)
      .map((l) => ({
        id: l.id,
        lineNo: l.line_no,
        productId: l.product_id,
        variantId: l.variant_id,
        cjPid: l.cj_pid,
        cjVid: l.cj_vid,
        title: l.title,
        options: JSON.parse(l.options) as OrderLine['options'],
        quantity: l.quantity,
        unitPriceMinor: l.unit_price_minor,
        unitCostUsd: l.unit_cost_usd,
      })),
  };
}
