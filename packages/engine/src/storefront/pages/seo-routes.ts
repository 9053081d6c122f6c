// robots.txt and sitemap.xml: every active product and category, with absolute URLs built from the
// store's configured public address (public-url.ts), never from the Host header, since both are
// cached by crawlers and proxies.
import type { StoreApp } from '../../http/app-types.js';
import { categorySlug, INFO_PAGES } from '../paths.js';
import type { ShopView } from '../shop-view.js';

/** The sitemap protocol's limit for one file. */
const MAX_URLS = 50_000;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlText = (s: string) => s.replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch]!);

export async function sitemapXml(view: ShopView): Promise<string> {
  const { ctx, paths } = view;
  const products = await ctx.db
    .selectFrom('products')
    .select(['slug', 'category', 'updated_at'])
    .where('status', '=', 'active')
    .orderBy('slug')
    .limit(MAX_URLS - 100)
    .execute();
  const categories = [...new Set(products.map((p) => p.category))].sort();
  const entries: Array<{ loc: string; lastmod?: string }> = [
    { loc: paths.home },
    { loc: paths.shop },
    ...categories.map((c) => ({ loc: paths.category(categorySlug(c)) })),
    ...products.map((p) => ({ loc: paths.product(p.slug), lastmod: p.updated_at.slice(0, 10) })),
    ...INFO_PAGES.map((page) => ({ loc: paths.info(page) })),
  ];
  const urls = entries
    .map((e) => `<url><loc>${xmlText(view.absolute(e.loc))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

export function robotsTxt(view: ShopView): string {
  const p = view.paths;
  // Personal and transactional pages are of no use in an index; the API is for programs. The cart
  // stays crawlable (without a cookie it is an empty cart, and it is audited by Lighthouse's SEO).
  const disallow = [p.checkout, p.patterns.order.replace('/:number', '/'), p.track, p.search(), '/api/'];
  return `User-agent: *\n${disallow.map((d) => `Disallow: ${d}`).join('\n')}\nAllow: /\n\nSitemap: ${view.absolute('/sitemap.xml')}\n`;
}

export function registerSeoRoutes(app: StoreApp, view: ShopView): void {
  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(robotsTxt(view)),
  );
  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(await sitemapXml(view)),
  );
}
