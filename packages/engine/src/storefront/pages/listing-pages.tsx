// The shop (/loja) and category pages (/categoria/<slug>): a grid of products with paging, sorting
// (relevance, price up and down, newest) and filters (category, price range), all plain links and a
// GET form, so they work without JavaScript and every state has its own address.
import type { FastifyRequest } from 'fastify';
import { listCategories, listProducts } from '../../catalog/catalog-repository.js';
import { publicProductView } from '../../catalog/product-views.js';
import type { StoreApp } from '../../http/app-types.js';
import { notFound } from '../../http/errors.js';
import { Breadcrumbs, breadcrumbJsonLd, type Crumb } from '../breadcrumbs.js';
import { ShopLayout, type Visitor } from '../layout.js';
import { catalogSort, LISTING_SORTS, listingSearch, parseListingQuery, type ListingQuery, type RawQuery } from '../listing-query.js';
import type { PageResponder, PageResult } from '../page-responder.js';
import { Pagination } from '../pagination.js';
import { categorySlug } from '../paths.js';
import { ProductCard } from '../product-card.js';
import type { ShopView } from '../shop-view.js';

export const LISTING_PAGE_SIZE = 24;
/** Cards in the first row(s) load eagerly; the rest lazily. */
const EAGER_CARDS = 4;

export interface Category {
  name: string;
  slug: string;
  count: number;
}

export async function storeCategories(view: ShopView): Promise<Category[]> {
  return (await listCategories(view.ctx)).map((c) => ({ name: c.category, slug: categorySlug(c.category), count: c.count }));
}

interface ListingInput {
  query: ListingQuery;
  categories: Category[];
  category: Category | null;
  /** The page's path without query (/loja or /categoria/x). */
  path: string;
}

async function renderListing(view: ShopView, visitor: Visitor, input: ListingInput): Promise<PageResult> {
  const { ctx, paths, messages } = view;
  const c = messages.catalog;
  const { query, category } = input;
  const result = await listProducts(ctx, {
    page: query.page,
    limit: LISTING_PAGE_SIZE,
    sort: catalogSort(query.sort),
    ...(category ? { category: category.name } : {}),
    ...(query.minPriceMinor !== undefined ? { minPriceMinor: query.minPriceMinor } : {}),
    ...(query.maxPriceMinor !== undefined ? { maxPriceMinor: query.maxPriceMinor } : {}),
  });
  const pages = Math.max(1, Math.ceil(result.total / LISTING_PAGE_SIZE));
  // A page past the last is not a page: 404 (page 1 of an empty shop is a page, with a message).
  if (query.page > pages) throw notFound(`page ${query.page} of ${pages}`);
  const products = result.items.map((p) => publicProductView(p, ctx.config.locale, ctx.config.thresholds.lowStock));
  const heading = category ? category.name : c.shopTitle;
  const filtered = query.minPriceMinor !== undefined || query.maxPriceMinor !== undefined || query.sort !== 'relevance';
  const trail: Crumb[] = [{ name: messages.shop.nav.home, path: paths.home }, { name: c.shopTitle, path: paths.shop }];
  if (category) trail.push({ name: category.name, path: input.path });
  const canonicalPath = `${input.path}${query.page > 1 ? `?page=${query.page}` : ''}`;
  const title = `${c.pageTitle(heading, query.page)} — ${ctx.config.name}`;
  const description = category ? c.categoryDescription(category.name, ctx.config.name) : c.shopDescription(ctx.config.name);
  const href = (page: number) => `${input.path}${listingSearch({ ...query, page })}`;
  return {
    page: (
      <ShopLayout
        view={view}
        visitor={visitor}
        current="shop"
        head={{
          title,
          description: query.page > 1 ? `${description} ${messages.common.pagination.pageOf(query.page, pages)}.` : description,
          canonical: view.absolute(canonicalPath),
          // Sorted and filtered variants of a listing are for people, not for the index.
          ...(filtered ? { robots: 'noindex, follow' } : {}),
          openGraph: { type: 'website', siteName: ctx.config.name },
          jsonLd: [breadcrumbJsonLd(view, trail, input.path)],
        }}
      >
        <Breadcrumbs view={view} trail={trail} />
        <div class="listing-head">
          <h1>{heading}</h1>
          <p class="muted">{c.count(result.total)}</p>
        </div>
        <form class="filters" method="get" action={input.path}>
          <h2 class="visually-hidden">{c.filters.title}</h2>
          <div class="field">
            <label for="f-category">{c.filters.category}</label>
            <select id="f-category" name={view.messages.language === 'pt-PT' ? 'categoria' : 'category'}>
              <option value="" selected={!category}>
                {c.filters.allCategories}
              </option>
              {input.categories.map((cat) => (
                <option key={cat.slug} value={cat.slug} selected={category?.slug === cat.slug}>
                  {cat.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-min">{c.filters.minPrice}</label>
            <input id="f-min" type="number" name="min" min="0" step="0.01" inputMode="decimal" value={query.min} />
          </div>
          <div class="field">
            <label for="f-max">{c.filters.maxPrice}</label>
            <input id="f-max" type="number" name="max" min="0" step="0.01" inputMode="decimal" value={query.max} />
          </div>
          <div class="field">
            <label for="f-sort">{c.sort.label}</label>
            <select id="f-sort" name="sort">
              {LISTING_SORTS.map((s) => (
                <option key={s} value={s} selected={query.sort === s}>
                  {c.sort[s]}
                </option>
              ))}
            </select>
          </div>
          <div class="filter-actions">
            <button class="btn" type="submit">
              {c.filters.apply}
            </button>
            {filtered && <a href={input.path}>{c.filters.clear}</a>}
          </div>
        </form>
        {products.length === 0 ? (
          <p class="notice notice-info">{filtered ? c.emptyFiltered : c.empty}</p>
        ) : (
          <ul class="grid">
            {products.map((p, i) => (
              <li key={p.id}>
                <ProductCard view={view} product={p} eager={i < EAGER_CARDS} />
              </li>
            ))}
          </ul>
        )}
        <Pagination view={view} page={query.page} pages={pages} href={href} />
      </ShopLayout>
    ),
  };
}

/** A category chosen in the filter form lives at its own address: the redirect there, keeping the rest. */
function categoryRedirect(view: ShopView, query: ListingQuery, categories: Category[]): PageResult | null {
  if (query.category === undefined) return null;
  const wanted = query.category === '' ? null : (categories.find((c) => c.slug === query.category) ?? undefined);
  if (wanted === undefined) throw notFound(`no category "${query.category}"`);
  const path = wanted ? view.paths.category(wanted.slug) : view.paths.shop;
  return { redirect: `${path}${listingSearch({ ...query, page: 1 })}`, status: 302 };
}

export function registerListingPages(app: StoreApp, view: ShopView, responder: PageResponder): void {
  // Everything, the category look-up included, happens inside the render, so a cached page costs
  // no query at all.
  app.get(view.paths.patterns.shop, { schema: { hide: true }, config: { earlyAnswer: responder.early } }, async (request: FastifyRequest, reply) => {
    const query = parseListingQuery(request.query as RawQuery, view.ctx.config.currency);
    return responder.send(request, reply, async (visitor) => {
      const categories = await storeCategories(view);
      return categoryRedirect(view, query, categories) ?? renderListing(view, visitor, { query, categories, category: null, path: view.paths.shop });
    });
  });

  app.get<{ Params: { slug: string } }>(view.paths.patterns.category, { schema: { hide: true }, config: { earlyAnswer: responder.early } }, async (request, reply) => {
    const query = parseListingQuery(request.query as RawQuery, view.ctx.config.currency);
    return responder.send(request, reply, async (visitor) => {
      const categories = await storeCategories(view);
      const category = categories.find((c) => c.slug === request.params.slug);
      if (!category) throw notFound(`no category "${request.params.slug}"`);
      return (
        categoryRedirect(view, query, categories) ??
        renderListing(view, visitor, { query, categories, category, path: view.paths.category(category.slug) })
      );
    });
  });
}
