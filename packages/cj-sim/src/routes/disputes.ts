// disputes/*: the real create flow and the dispute list. create/cancel answer data:"true" with a
// `redirectUri` instead of a requestId, as CJ's samples show.
import { imageUrl } from '../catalogue/present.js';
import { paramError } from '../errors.js';
import { disputeDetail, disputeListItem, productInfo } from '../disputes/service.js';
import type { OrderLine } from '../orders/types.js';
import { accountOf, route, type RouteContext, type RouteDef } from './types.js';

function image(ctx: RouteContext) {
  return (line: OrderLine) => imageUrl(ctx.base, line.pid, line.image);
}

export const disputeRoutes: RouteDef[] = [
  route({
    method: 'GET',
    path: '/disputes/disputeProducts',
    auth: 'token',
    body: 'none',
    envelope: 'standard+success',
    handler: (ctx) => {
      const { order, canChoose } = ctx.state.disputes.products(accountOf(ctx), ctx.query.requireString('orderId'));
      return { orderId: order.cjOrderId, orderNumber: order.orderNumber, productInfoList: order.lines.map((l) => productInfo(l, canChoose, image(ctx)(l))) };
    },
  }),
  route({
    method: 'POST',
    path: '/disputes/disputeConfirmInfo',
    auth: 'token',
    body: 'json',
    envelope: 'standard+success',
    handler: (ctx) => ctx.state.disputes.confirmInfo(accountOf(ctx), ctx.body, image(ctx)),
  }),
  route({
    method: 'POST',
    path: '/disputes/create',
    auth: 'token',
    body: 'json',
    envelope: 'dispute',
    handler: (ctx) => {
      ctx.state.disputes.create(accountOf(ctx), ctx.body);
      return 'true';
    },
  }),
  route({
    method: 'POST',
    path: '/disputes/cancel',
    auth: 'token',
    body: 'json',
    envelope: 'dispute',
    handler: (ctx) => {
      ctx.state.disputes.cancel(accountOf(ctx), ctx.body);
      return 'true';
    },
  }),
  route({
    method: 'GET',
    path: '/disputes/getDisputeList',
    auth: 'token',
    body: 'none',
    envelope: 'dispute',
    handler: (ctx) => {
      const q = ctx.query;
      const pageNum = q.int('pageNum', { min: 1, default: 1 });
      const pageSize = q.int('pageSize', { min: 1, max: 100, default: 10 });
      const rows = ctx.state.disputes.list(accountOf(ctx), { orderId: q.string('orderId'), disputeId: q.string('disputeId'), orderNumber: q.string('orderNumber') });
      return { pageNum, pageSize, total: rows.length, list: rows.slice((pageNum - 1) * pageSize, pageNum * pageSize).map((x) => disputeListItem(x, image(ctx))) };
    },
  }),
  route({
    method: 'GET',
    path: '/disputes/getDisputeDetail',
    auth: 'token',
    body: 'none',
    envelope: 'standard+success',
    handler: (ctx) => {
      const x = ctx.state.disputes.get(accountOf(ctx), ctx.query.requireString('disputeId'));
      if (!x) throw paramError('dispute not found');
      return disputeDetail(x, image(ctx));
    },
  }),
];

