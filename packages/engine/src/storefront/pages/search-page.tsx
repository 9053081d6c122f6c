// The search page (/pesquisa?q=): ranked full-text results over titles, tags and descriptions
// (catalog-search.ts, the same search as /api/catalog?search=), accent- and case-insensitive; with no
// result it says so and suggests the store's categories. Search results are not indexed by search
// engines, and spend the store's `search` rate budget.
import { listProducts } from '../../catalog/catalog-repository.js';
import { publicProductView } from '../../catalog/product-views.js';
import type { StoreApp } from '../../http/app-types.js';
import { badRequest, notFound } from '../../http/errors.js';
import { purposeRateLimit } from '../../http/rate-limits.js';
import { ShopLayout, type Visitor } from '../layout.js';
import type { PageResponder, PageResult } from '../page-responder.js';
import { Pagination } from '../pagination.js';
import { ProductCard } from '../product-card.js';
import type { ShopView } from '../shop-view.js';
import { LISTING_PAGE_SIZE, storeCategories } from './listing-pages.js';

const MAX_QUERY = 100;

async function renderSearch(view: ShopView, visitor: Visitor, q: string, page: number): Promise<PageResult> {
  const { ctx, messages, paths } = view;
  const c = messages.catalog;
  const result = q
    ? await listProducts(ctx, { page, limit: LISTING_PAGE_SIZE, sort: 'featured', search: q })
    : { total: 0, items: [] };
  const pages = Math.max(1, Math.ceil(result.total / LISTING_PAGE_SIZE));
  if (page > pages) throw notFound(`page ${page} of ${pages}`);
  const products = result.items.map((p) => publicProductView(p, ctx.config.locale, ctx.config.thresholds.lowStock));
  const categories = products.length === 0 ? await storeCategories(view) : [];
  const heading = q ? c.search.resultsFor(q) : c.search.title;
  return {
    page: (
      <ShopLayout view={view} visitor={visitor} head={{ title: `${heading} — ${ctx.config.name}`, robots: 'noindex, follow' }}>
        <h1>{heading}</h1>
        <form class="search-page-form" method="get" action={paths.search()}>
          <label for="search-q">{messages.shop.search.label}</label>
          <div class="search-row">
            <input id="search-q" type="search" name="q" value={q} maxLength={MAX_QUERY} />
            <button class="btn" type="submit">
              {messages.shop.search.submit}
            </button>
          </div>
        </form>
        {q && products.length > 0 && <p class="muted">{c.count(result.total)}</p>}
        {!q && <p>{c.search.prompt}</p>}
        {q && products.length === 0 && (
          <section class="no-results" aria-labelledby="no-results">
            <h2 id="no-results">{c.search.noResults(q)}</h2>
            {categories.length > 0 && (
              <>
                <p>{c.search.tryCategories}</p>
                <ul class="chips">
                  {categories.map((cat) => (
                    <li key={cat.slug}>
                      <a href={paths.category(cat.slug)}>{cat.name}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p>
              <a href={paths.shop}>{messages.shop.home.seeAll}</a>
            </p>
          </section>
        )}
        {products.length > 0 && <h2 class="visually-hidden">{c.search.title}</h2>}
        {products.length > 0 && (
          <ul class="grid">
            {products.map((p, i) => (
              <li key={p.id}>
                <ProductCard view={view} product={p} eager={i < 4} />
              </li>
            ))}
          </ul>
        )}
        <Pagination view={view} page={page} pages={pages} href={(n) => `${paths.search(q)}${n > 1 ? `&page=${n}` : ''}`} />
      </ShopLayout>
    ),
  };
}

export function registerSearchPage(app: StoreApp, view: ShopView, responder: PageResponder): void {
  app.get(
    view.paths.patterns.search,
    { schema: { hide: true }, config: { rateLimit: purposeRateLimit(view.ctx.config, 'search') } },
    async (request, reply) => {
      const query = request.query as Record<string, string | string[] | undefined>;
      const raw = query.q;
      const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
      if (q.length > MAX_QUERY) throw badRequest('querystring.q', `querystring.q: at most ${MAX_QUERY} characters`);
      const pageText = (Array.isArray(query.page) ? query.page[0] : query.page) ?? '1';
      if (!/^[1-9]\d{0,3}$/.test(pageText)) throw badRequest('querystring.page', 'querystring.page: a page number from 1 to 9999');
      // Results change with every query: rendered per request, never kept in the shared page cache.
      return responder.send(request, reply, (visitor) => renderSearch(view, visitor, q, Number(pageText)), { shared: false });
    },
  );
}
