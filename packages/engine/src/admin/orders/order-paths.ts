// Addresses of the console's order pages, under the orders section (`/admin/encomendas`, `/admin/orders`).
import type { AdminPaths } from '../paths.js';
import type { OrderActionName } from '../../web/i18n/admin-orders.js';

/** The URL segment of each action: its confirmation page (GET) and the action itself (POST). */
export const ACTION_SLUGS: Record<OrderActionName, string> = {
  retry: 'retry',
  acceptCost: 'accept-cost',
  cancel: 'cancel',
  markPaid: 'mark-paid',
  refund: 'refund',
  dispute: 'dispute',
};

export const orderPath = (paths: AdminPaths, number: string) => `${paths.sections.orders}/${encodeURIComponent(number)}`;
export const actionPath = (paths: AdminPaths, number: string, action: OrderActionName) => `${orderPath(paths, number)}/${ACTION_SLUGS[action]}`;
export const csvPath = (paths: AdminPaths) => `${paths.sections.orders}.csv`;
