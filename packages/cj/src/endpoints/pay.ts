import { z } from 'zod';
import { type CallOptions, type Execute, defineEndpoint } from '../endpoint.js';
import { money, nothing } from '../schemas/primitives.js';

export interface CjBalance {
  /** USD decimal strings; CJ may send null. */
  amount?: string | undefined;
  /** Bonus balance that cannot be withdrawn. */
  noWithdrawalAmount?: string | undefined;
  freezeAmount?: string | undefined;
}

const PAID = 'orders.detail(orderId): UNSHIPPED or later means the payment went through';

// Payment (cj-api.md §6.5). There is no payment-history endpoint.
export const payEndpoints = {
  balance: defineEndpoint<CjBalance>({
    path: '/shopping/pay/getBalance',
    method: 'GET',
    idempotent: true,
    auth: true,
    data: z.object({ amount: money, noWithdrawalAmount: money, freezeAmount: money }).transform((b): CjBalance => b),
  }),
  payBalance: defineEndpoint<void>({ path: '/shopping/pay/payBalance', method: 'POST', idempotent: false, auth: true, data: nothing, reconcile: PAID }),
  payBalanceV2: defineEndpoint<void>({
    path: '/shopping/pay/payBalanceV2',
    method: 'POST',
    idempotent: false,
    auth: true,
    data: nothing,
    reconcile: "orders.list({ shipmentOrderId }): orders UNSHIPPED or later mean the payment went through",
  }),
} as const;

export class PayApi {
  constructor(private readonly execute: Execute) {}

  balance(call?: CallOptions): Promise<CjBalance> {
    return this.execute(payEndpoints.balance, {}, call);
  }

  /** Pays one confirmed order from the balance. 1604000 → CjInsufficientBalanceError. */
  payBalance(orderId: string, call?: CallOptions): Promise<void> {
    return this.execute(payEndpoints.payBalance, { body: { orderId }, businessKey: { orderId } }, call);
  }

  /** Pays a parent order (from saveGenerateParentOrder) from the balance. */
  payBalanceV2(params: { shipmentOrderId: string; payId: string }, call?: CallOptions): Promise<void> {
    const { shipmentOrderId, payId } = params;
    return this.execute(payEndpoints.payBalanceV2, { body: { shipmentOrderId, payId }, businessKey: { shipmentOrderId, payId } }, call);
  }
}
