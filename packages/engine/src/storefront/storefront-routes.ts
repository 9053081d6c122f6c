// The storefront on the store's own listener: its assets, its pages (one module per page group
// under pages/), and its 404 page for every unknown path outside /api.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule, RouteModules } from '../http/server.js';
import type { StoreContext } from '../stores/context.js';
import type { AssetRegistry } from '../web/assets.js';
import { takeFlash } from '../web/flash.js';
import { htmlFace } from '../web/html-face.js';
import { sendPage } from '../web/page-reply.js';
import { renderDocument } from '../web/render.js';
import type { Visitor } from './layout.js';
import { errorPage } from './pages/error-page.js';
import { homePage } from './pages/home-page.js';
import { buildShopView, type ShopView } from './shop-view.js';

/** What a page knows of the visitor; the cart count comes from the cart once it exists. */
export async function visitorFor(view: ShopView, request: FastifyRequest, reply: FastifyReply): Promise<Visitor> {
  return { cartCount: 0, flash: takeFlash(request, reply, view.ctx.id) };
}

export interface Storefront {
  view: ShopView;
  root: RouteModule[];
  notFound: NonNullable<RouteModules['notFound']>;
}

export function storefront(ctx: StoreContext, assets: AssetRegistry): Storefront {
  const view = buildShopView(ctx, assets);
  const sendError = async (request: FastifyRequest, reply: FastifyReply, status: number, kind: Parameters<typeof errorPage>[3]) =>
    sendPage(request, reply, renderDocument(errorPage(view, { cartCount: 0 }, status, kind)), { status, cache: 'no-store' });

  const face = htmlFace(
    { ctx, prefix: '', csrfSameSite: 'lax', sendErrorPage: ({ request, reply, status, kind }) => sendError(request, reply, status, kind) },
    (app) => {
      app.get(view.paths.patterns.home, { schema: { hide: true } }, async (request, reply) =>
        sendPage(request, reply, renderDocument(await homePage(view, await visitorFor(view, request, reply)))),
      );
    },
  );
  return {
    view,
    root: [face],
    notFound: (request, reply) => sendError(request, reply, 404, 'notFound'),
  };
}
