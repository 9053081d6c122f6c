// The storefront on the store's own listener: its assets, its pages (one module per page group
// under pages/), and its 404 page for every unknown path outside /api.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { catalogSignal, type CatalogChangeSignal } from './catalog-version.js';
import { imageRoutes } from './images/image-routes.js';
import { ProductImages } from './images/product-images.js';
import { PageCache } from './page-cache.js';
import { pageResponder } from './page-responder.js';
import { registerListingPages } from './pages/listing-pages.js';
import { registerProductPage } from './pages/product-page.js';
import { registerSearchPage } from './pages/search-page.js';
import { registerSeoRoutes } from './pages/seo-routes.js';
import { storeToday } from './product-text.js';
import type { StoreFilesOptions } from './store-files.js';

/** What a page knows of the visitor; the cart count comes from the cart once it exists. */
export async function visitorFor(view: ShopView, request: FastifyRequest, reply: FastifyReply): Promise<Visitor> {
  return { cartCount: 0, flash: takeFlash(request, reply, view.ctx.id) };
}

export interface StorefrontOptions {
  /** Where the owner's stylesheet and logo live (next to the store's config). */
  files?: StoreFilesOptions;
  /** `<data dir>/<store id>`: product images are cached under `images/` there. */
  dataDir?: string;
  /** What tells cached pages the catalogue changed (default: catalogSignal(ctx)). */
  catalogSignal?: CatalogChangeSignal;
}

export interface Storefront {
  view: ShopView;
  /** Rendered browsing pages shared by visitors (dropped on any catalogue change). */
  pageCache: PageCache;
  root: RouteModule[];
  notFound: NonNullable<RouteModules['notFound']>;
}

export function storefront(ctx: StoreContext, assets: AssetRegistry, opts: StorefrontOptions = {}): Storefront {
  const view = buildShopView(ctx, assets, opts.files);
  const pageCache = new PageCache(ctx.id, opts.catalogSignal ?? catalogSignal(ctx));
  // The day is part of a cached page's key: delivery dates and the footer's year follow the calendar.
  const responder = pageResponder(pageCache, (request, reply) => visitorFor(view, request, reply), () =>
    storeToday(ctx.clock.now(), ctx.config.timezone).toISOString().slice(0, 10),
  );
  const images = new ProductImages(ctx, join(opts.dataDir ?? join(tmpdir(), 'lojista-images', ctx.id), 'images'));
  const sendError = async (request: FastifyRequest, reply: FastifyReply, status: number, kind: Parameters<typeof errorPage>[3]) =>
    sendPage(request, reply, renderDocument(errorPage(view, { cartCount: 0 }, status, kind)), { status, cache: 'no-store' });

  const face = htmlFace(
    { ctx, prefix: '', csrfSameSite: 'lax', sendErrorPage: ({ request, reply, status, kind }) => sendError(request, reply, status, kind) },
    (app) => {
      app.get(view.paths.patterns.home, { schema: { hide: true } }, async (request, reply) =>
        responder.send(request, reply, async (visitor) => ({ page: await homePage(view, visitor) })),
      );
      registerListingPages(app, view, responder);
      registerSearchPage(app, view, responder);
      registerProductPage(app, view, responder);
      registerSeoRoutes(app, view);
    },
  );
  return {
    view,
    pageCache,
    root: [imageRoutes(images), face],
    notFound: (request, reply) => sendError(request, reply, 404, 'notFound'),
  };
}
