// product/sourcing/*: ask CJ to find a product (envelope with code 0, as CJ answers).
import { Body } from '../params.js';
import { accountOf, route, type RouteDef } from './types.js';


export const sourcingRoutes: RouteDef[] = [
  route({
    method: 'POST',
    path: '/product/sourcing/create',
    auth: 'token',
    body: 'json',
    envelope: 'code0',
    handler: (ctx) => {
      const b = Body.of(ctx.body);
      const req = ctx.state.sourcing.create(accountOf(ctx), {
        productName: b.requireString('productName', { max: 200 }),
        productImage: b.requireString('productImage', { max: 200 }),
        productUrl: b.string('productUrl', { max: 200 }) ?? null,
        thirdProductId: b.string('thirdProductId', { max: 200 }) ?? null,
        thirdVariantId: b.string('thirdVariantId', { max: 200 }) ?? null,
      });
      return { cjSourcingId: req.sourceId, result: 'success' };
    },
  }),
  route({
    method: 'POST',
    path: '/product/sourcing/query',
    auth: 'token',
    body: 'json',
    envelope: 'code0',
    handler: (ctx) => {
      const ids = Body.of(ctx.body).requireStringList('sourceIds');
      const account = accountOf(ctx);
      // A list of results (CJ's sample shows one object; a list is the natural reading, UNCONFIRMED).
      return ids.map((id) => ctx.state.sourcing.view(account, id)).filter((v) => v !== undefined);
    },
  }),
];
