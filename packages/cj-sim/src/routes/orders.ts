// shopping/order/*: create (V2, V3), list, detail, confirm, delete, and the cart flow
// addCart → addCartConfirm → saveGenerateParentOrder.
import { formatUtc, DAY } from '../clock.js';
import { CjError, Codes, paramError } from '../errors.js';
import { moneyNumber } from '../json.js';
import { createResponse, detail, listItem } from '../orders/present.js';
import { ORDER_STATUSES, orderTotalCents, type OrderStatus } from '../orders/types.js';
import { Body } from '../params.js';
import { accountOf, route, type RouteContext, type RouteDef } from './types.js';

function create(version: 'V2' | 'V3') {
  return (ctx: RouteContext) => {
    const { order, cjPayUrl } = ctx.state.orders.create(accountOf(ctx), ctx.body, version, ctx.base);
    return createResponse(order, cjPayUrl);
  };
}

export const orderRoutes: RouteDef[] = [
  route({ method: 'POST', path: '/shopping/order/createOrderV2', auth: 'token', body: 'json', envelope: 'standard', handler: create('V2') }),
  route({ method: 'POST', path: '/shopping/order/createOrderV3', auth: 'token', body: 'json', envelope: 'standard', handler: create('V3') }),
  route({
    method: 'GET',
    path: '/shopping/order/list',
    auth: 'token',
    body: 'none',
    envelope: 'standard',
    handler: (ctx) => {
      const q = ctx.query;
      const pageNum = q.int('pageNum', { min: 1, default: 1 });
      const pageSize = q.int('pageSize', { min: 1, max: 200, default: 20 });
      const status = q.string('status')?.toUpperCase();
      if (status !== undefined && status !== 'OTHER' && !(ORDER_STATUSES as readonly string[]).includes(status)) {
        throw paramError(`status must be one of ${ORDER_STATUSES.join(', ')}, OTHER`);
      }
      const orderIds = q.list('orderIds');
      if (orderIds.length > 100) throw paramError('orderIds must contain at most 100 ids');
      const rows = ctx.state.orders.list(accountOf(ctx), { status: status as OrderStatus | 'OTHER' | undefined, orderIds, shipmentOrderId: q.string('shipmentOrderId') });
      return { pageNum, pageSize, total: rows.length, list: rows.slice((pageNum - 1) * pageSize, pageNum * pageSize).map(listItem) };
    },
  }),
  route({
    method: 'GET',
    path: '/shopping/order/getOrderDetail',
    auth: 'token',
    body: 'none',
    envelope: 'standard',
    handler: (ctx) => {
      const orderId = ctx.query.string('orderId');
      if (orderId === undefined) throw paramError('orderId must be not empty');
      const features = ctx.query.list('features');
      if (features.length > 20) throw paramError('The maximum number of features is 20');
      const order = ctx.state.orders.find(accountOf(ctx), orderId);
      if (!order) throw paramError('order not found');
      return detail(order, new Set(features));
    },
  }),
  route({
    method: 'PATCH',
    path: '/shopping/order/confirmOrder',
    auth: 'token',
    body: 'json',
    envelope: 'standard',
    handler: (ctx) => ctx.state.orders.confirm(accountOf(ctx), Body.of(ctx.body).requireString('orderId')).cjOrderId,
  }),
  route({
    method: 'DELETE',
    path: '/shopping/order/deleteOrder',
    auth: 'token',
    body: 'none',
    envelope: 'standard',
    handler: (ctx) => ctx.state.orders.delete(accountOf(ctx), ctx.query.requireString('orderId')).cjOrderId,
  }),
  route({
    method: 'POST',
    path: '/shopping/order/addCart',
    auth: 'token',
    body: 'json',
    envelope: 'cart',
    handler: (ctx) => {
      const { added, intercepted } = ctx.state.orders.addCart(accountOf(ctx), Body.of(ctx.body).requireStringList('cjOrderIdList'));
      return { successCount: added.length, addSuccessOrders: added, unInterceptAddressCount: 0, interceptOrders: intercepted };
    },
  }),
  route({
    method: 'POST',
    path: '/shopping/order/addCartConfirm',
    auth: 'token',
    body: 'json',
    envelope: 'cart',
    handler: (ctx) => {
      const r = ctx.state.orders.addCartConfirm(accountOf(ctx), Body.of(ctx.body).requireStringList('cjOrderIdList'));
      return { successCount: r.confirmed.length, submitSuccess: r.shipment !== undefined, shipmentsId: r.shipment?.shipmentOrderId ?? null, result: 0, interceptOrders: r.intercepted };
    },
  }),
  route({
    method: 'POST',
    path: '/shopping/order/saveGenerateParentOrder',
    auth: 'token',
    body: 'json',
    envelope: 'no-code',
    handler: (ctx) => {
      const account = accountOf(ctx);
      const { shipment, orders } = ctx.state.orders.parentOrder(account, Body.of(ctx.body).requireString('shipmentOrderId'));
      if (orders.length === 0) throw new CjError(Codes.orderNotFound, 'Order not found, please check the CJ order id');
      const unpaid = orders.filter((o) => o.paidAt === null);
      const total = unpaid.reduce((s, o) => s + orderTotalCents(o), 0);
      const product = unpaid.reduce((s, o) => s + o.productCents, 0);
      const postage = unpaid.reduce((s, o) => s + o.postageCents, 0);
      return {
        orderMoney: moneyNumber(total),
        payExpireTime: formatUtc(shipment.createdAt + DAY),
        payId: shipment.payId,
        result: 0,
        submitSuccess: true,
        unMatchOrderCodes: [],
        successOrders: orders.map((o) => o.cjOrderId),
        unMatchProductCodes: [],
        paymentInformation: {
          actualPayment: moneyNumber(total),
          balanceDeduction: moneyNumber(Math.min(total, account.balanceCents)),
          billAmount: moneyNumber(total),
          canDeduct: account.balanceCents >= total,
          commodityDiscount: moneyNumber(0),
          commodityTotalAmount: moneyNumber(product),
          couponAmount: moneyNumber(0),
          freight: moneyNumber(postage),
          iossAmount: moneyNumber(0),
          iossNumber: null,
          iossTaxHandlingFee: moneyNumber(0),
          iossTaxes: moneyNumber(0),
          iossType: null,
          orderOriginalAmount: moneyNumber(total),
          orderProductAmount: moneyNumber(product),
          payableAmount: moneyNumber(total),
          postageDiscount: moneyNumber(0),
          serviceFee: moneyNumber(0),
        },
        interceptOrders: [],
      };
    },
  }),
];
