// The home page: the sections the owner lists in `branding.homeSections`, in that order — hero
// (name and tagline), categories, featured products, newest products, and the trust strip (delivery
// time to the main country, returns, secure payment). Organization and WebSite (with its
// SearchAction) as JSON-LD.
import { listCategories, listProducts } from '../../catalog/catalog-repository.js';
import { publicProductView } from '../../catalog/product-views.js';
import { ShopLayout, type Visitor } from '../layout.js';
import { categorySlug } from '../paths.js';
import { ProductCard, type PublicProduct } from '../product-card.js';
import type { ShopView } from '../shop-view.js';

function homeJsonLd(view: ShopView) {
  const { ctx, paths } = view;
  const home = view.absolute(paths.home);
  const social = Object.values(ctx.config.branding.social).filter((u): u is string => typeof u === 'string');
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: ctx.config.name,
      url: home,
      ...(view.logo ? { logo: view.absolute(view.logo.src) } : {}),
      ...(social.length > 0 ? { sameAs: social } : {}),
    },
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: ctx.config.name,
      url: home,
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${view.absolute(paths.search())}?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    },
  ];
}

function Grid({ view, products, eagerFirst }: { view: ShopView; products: PublicProduct[]; eagerFirst: number }) {
  return (
    <ul class="grid">
      {products.map((p, i) => (
        <li key={p.id}>
          <ProductCard view={view} product={p} eager={i < eagerFirst} />
        </li>
      ))}
    </ul>
  );
}

export async function homePage(view: ShopView, visitor: Visitor) {
  const { ctx, messages, paths } = view;
  const m = messages.shop;
  const sections = ctx.config.branding.homeSections;
  const limit = ctx.config.catalog.featuredLimit;
  const [featured, newest, categories] = await Promise.all([
    listProducts(ctx, { page: 1, limit, sort: 'featured' }),
    sections.includes('newest') ? listProducts(ctx, { page: 1, limit: Math.min(limit, 8), sort: 'newest' }) : Promise.resolve({ total: 0, items: [] }),
    listCategories(ctx),
  ]);
  const view_ = (items: typeof featured.items) => items.map((p) => publicProductView(p, ctx.config.locale, ctx.config.thresholds.lowStock));
  const products = view_(featured.items);
  const newProducts = view_(newest.items);
  const minDays = products.length > 0 ? Math.min(...products.map((p) => p.delivery.minDays)) : null;
  const maxDays = products.length > 0 ? Math.max(...products.map((p) => p.delivery.maxDays)) : null;
  const tagline = ctx.config.branding.tagline;
  // Cards above the fold load eagerly: those of the first product section only.
  const firstGrid = sections.find((s) => s === 'featured' || s === 'newest');

  const render = {
    hero: () => (
      <section class="hero" key="hero">
        <h1>{ctx.config.name}</h1>
        {tagline && <p>{tagline}</p>}
      </section>
    ),
    categories: () =>
      categories.length > 0 && (
        <section class="section" aria-labelledby="home-categories" key="categories">
          <h2 id="home-categories">{m.home.categories}</h2>
          <ul class="chips">
            {categories.map((c) => (
              <li key={c.category}>
                <a href={paths.category(categorySlug(c.category))}>{c.category}</a>
              </li>
            ))}
          </ul>
        </section>
      ),
    featured: () => (
      <section class="section" aria-labelledby="home-featured" key="featured">
        <div class="section-head">
          <h2 id="home-featured">{m.home.featured}</h2>
          <a href={paths.shop}>{m.home.seeAll}</a>
        </div>
        {products.length === 0 ? <p>{m.home.empty}</p> : <Grid view={view} products={products} eagerFirst={firstGrid === 'featured' ? 2 : 0} />}
      </section>
    ),
    newest: () =>
      newProducts.length > 0 && (
        <section class="section" aria-labelledby="home-newest" key="newest">
          <div class="section-head">
            <h2 id="home-newest">{messages.catalog.home.newest}</h2>
            <a href={`${paths.shop}?sort=newest`}>{m.home.seeAll}</a>
          </div>
          <Grid view={view} products={newProducts} eagerFirst={firstGrid === 'newest' ? 2 : 0} />
        </section>
      ),
    trust: () => (
      <ul class="trust" key="trust">
        {minDays !== null && maxDays !== null && <li>{m.trust.delivery(minDays, maxDays, view.mainCountryName)}</li>}
        <li>{m.trust.returns}</li>
        <li>{m.trust.securePayment}</li>
      </ul>
    ),
  };

  return (
    <ShopLayout
      view={view}
      visitor={visitor}
      current="home"
      head={{
        title: tagline ? `${ctx.config.name} — ${tagline}` : ctx.config.name,
        description: tagline || messages.catalog.shopDescription(ctx.config.name),
        canonical: view.absolute(paths.home),
        openGraph: { type: 'website', siteName: ctx.config.name },
        jsonLd: homeJsonLd(view),
      }}
    >
      {/* Without a hero the page still needs its one h1. */}
      {!sections.includes('hero') && <h1 class="visually-hidden">{ctx.config.name}</h1>}
      {sections.map((s) => render[s]())}
    </ShopLayout>
  );
}
