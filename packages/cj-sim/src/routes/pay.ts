// shopping/pay/*: the balance, and paying orders from it (never twice).
import { moneyNumber } from '../json.js';
import { Body } from '../params.js';
import { accountOf, route, type RouteDef } from './types.js';

export const payRoutes: RouteDef[] = [
  route({
    method: 'GET',
    path: '/shopping/pay/getBalance',
    auth: 'token',
    body: 'none',
    envelope: 'standard',
    handler: (ctx) => ({ amount: moneyNumber(accountOf(ctx).balanceCents), noWithdrawalAmount: null, freezeAmount: null }),
  }),
  route({
    method: 'POST',
    path: '/shopping/pay/payBalance',
    auth: 'token',
    body: 'json',
    envelope: 'standard',
    handler: (ctx) => {
      ctx.state.orders.payBalance(accountOf(ctx), Body.of(ctx.body).requireString('orderId'));
      return null;
    },
  }),
  route({
    method: 'POST',
    path: '/shopping/pay/payBalanceV2',
    auth: 'token',
    body: 'json',
    envelope: 'standard',
    handler: (ctx) => {
      const b = Body.of(ctx.body);
      ctx.state.orders.payBalanceV2(accountOf(ctx), b.requireString('shipmentOrderId'), b.requireString('payId'));
      return null;
    },
  }),
];
