// The order list as CSV for a spreadsheet. Every cell is quoted, and a cell a spreadsheet would
// read as a formula (=, +, -, @, tab, carriage return first — customer names and addresses are
// typed by strangers) is prefixed with an apostrophe, as OWASP advises against CSV injection.
import { Dec } from '../../money/index.js';
import type { Order } from '../../orders/order.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = ['number', 'created_at', 'status', 'hold_reason', 'customer_name', 'customer_email', 'country', 'total', 'currency', 'payment', 'cj_order_id', 'cj_amount_usd', 'tracking_number'];

export function csvRow(o: Order): string {
  return [
    o.number,
    o.createdAt,
    o.status,
    o.holdReason,
    o.customer.name,
    o.customer.email,
    o.address.country,
    new Dec(String(o.totalMinor)).div('100').toFixed(2),
    o.currency,
    o.paymentProvider,
    o.cj.orderId,
    o.cj.amountUsd,
    o.tracking.number,
  ]
    .map(csvCell)
    .join(',');
}
