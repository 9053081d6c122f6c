// The storefront on the store's own listener: its assets, its pages (one module per page group
// under pages/), and its 404 page for every unknown path outside /api.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CartShipping } from '../cart/cart-shipping.js';
import type { RouteModule, RouteModules } from '../http/server.js';
import type { ReturnPaths } from '../orders/start-payment.js';
import type { PaymentProvider } from '../payments/provider.js';
import type { StoreContext } from '../stores/context.js';
import type { AssetRegistry } from '../web/assets.js';
import { htmlFace } from '../web/html-face.js';
import { sendPage } from '../web/page-reply.js';
import { renderDocument } from '../web/render.js';
import type { BuyingDeps } from './buying.js';
import { loadInfoPages } from './info-pages.js';
import { cartRoutes } from './pages/cart-routes.js';
import { checkoutRoutes } from './pages/checkout-routes.js';
import { errorPage } from './pages/error-page.js';
import { homePage } from './pages/home-page.js';
import { infoRoutes } from './pages/info-routes.js';
import { orderRoutes } from './pages/order-routes.js';
import { buildShopView, type ShopView } from './shop-view.js';
import type { CatalogChangeSignal } from '../catalog/catalog-version.js';
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
import { visitorFor } from './visitor.js';

/** What a page knows of the visitor: the units in their cart and the flash message (visitor.ts). */
export { visitorFor };

export interface StorefrontOptions {
  /** The store's payment provider (the same instance POST /api/checkout uses). */
  paymentProvider: PaymentProvider;
  /** `stores/<id>/pages`: the owner's Markdown information pages, when the store has a folder. */
  pagesDir?: string | undefined;
  /** Where the owner's stylesheet and logo live (next to the store's config). */
  files?: StoreFilesOptions;
  /** `<data dir>/<store id>`: product images are cached under `images/` there. */
  dataDir?: string;
  /** What tells cached pages the catalogue changed (default: the store's, ctx.catalogVersion). */
  catalogSignal?: CatalogChangeSignal;
}

export interface Storefront {
  view: ShopView;
  /** Where a payment page sends the customer back: the order page and the cart (also for POST /api/checkout). */
  returnPaths: ReturnPaths;
  /** Rendered browsing pages shared by visitors (dropped on any catalogue change). */
  pageCache: PageCache;
  root: RouteModule[];
  notFound: NonNullable<RouteModules['notFound']>;
}

export function storefront(ctx: StoreContext, assets: AssetRegistry, opts: StorefrontOptions): Storefront {
  const view = buildShopView(ctx, assets, opts.files);
  const pageCache = new PageCache(ctx.id, opts.catalogSignal ?? ctx.catalogVersion);
  // The day is part of a cached page's key: delivery dates and the footer's year follow the calendar.
  // Worked out once a minute, not per request (formatting in a time zone costs); every time zone's
  // offset is a whole number of minutes, so a day never starts inside a minute.
  let today = { minute: Number.NaN, day: '' };
  const responder = pageResponder(pageCache, (request, reply) => visitorFor(view, request, reply), () => {
    const now = ctx.clock.now();
    const minute = Math.floor(now / 60_000);
    if (minute !== today.minute) today = { minute, day: storeToday(now, ctx.config.timezone).toISOString().slice(0, 10) };
    return today.day;
  });
  const images = new ProductImages(ctx, join(opts.dataDir ?? join(tmpdir(), 'lojista-images', ctx.id), 'images'));
  const buying: BuyingDeps = {
    view,
    provider: opts.paymentProvider,
    shipping: new CartShipping(ctx),
    info: loadInfoPages(ctx, view.paths, view.messages.language, opts.pagesDir),
    returnPaths: (number) => ({ successPath: view.paths.order(number), cancelPath: view.paths.cart }),
  };
  const sendError = async (request: FastifyRequest, reply: FastifyReply, status: number, kind: Parameters<typeof errorPage>[3]) =>
    sendPage(request, reply, renderDocument(errorPage(view, { cartCount: 0 }, status, kind)), { status, cache: 'no-store' });

  const face = htmlFace(
    { ctx, prefix: '', csrfSameSite: 'lax', sendErrorPage: ({ request, reply, status, kind }) => sendError(request, reply, status, kind) },
    (app) => {
      app.get(view.paths.patterns.home, { schema: { hide: true }, config: { earlyAnswer: responder.early } }, async (request, reply) =>
        responder.send(request, reply, async (visitor) => ({ page: await homePage(view, visitor) })),
      );
      registerListingPages(app, view, responder);
      registerSearchPage(app, view, responder);
      registerProductPage(app, view, responder);
      registerSeoRoutes(app, view);
      // Buying: cart, checkout, order and tracking pages, information pages and the newsletter.
      for (const routes of [cartRoutes, checkoutRoutes, orderRoutes, infoRoutes]) routes(buying)(app);
    },
  );
  return {
    view,
    returnPaths: buying.returnPaths,
    pageCache,
    root: [imageRoutes(images), face],
    notFound: (request, reply) => sendError(request, reply, 404, 'notFound'),
  };
}
