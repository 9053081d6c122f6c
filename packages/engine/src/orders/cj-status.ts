// CJ's order statuses mapped onto ours, and the forward moves they allow.
import type { OrderStatus } from './state-machine.js';

/** Where an order stands, judged from CJ's status. */
export function targetForCjStatus(cjStatus: string | undefined): OrderStatus | 'at_cj_unconfirmed' | 'cancelled_at_cj' | null {
  switch (cjStatus) {
    case 'CREATED':
    case 'IN_CART':
      return 'at_cj_unconfirmed';
    case 'UNPAID':
      return 'confirmed';
    case 'UNSHIPPED':
      return 'paid';
    case 'SHIPPED':
      return 'shipped';
    case 'DELIVERED':
      return 'delivered';
    case 'CANCELLED':
      return 'cancelled_at_cj';
    default:
      return null;
  }
}

/** Logistic status 12 is "sign for": the only tracking event that means delivered. */
export const SIGNED_FOR = 12;
