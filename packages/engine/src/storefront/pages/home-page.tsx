// The home page: the store's name and tagline, featured products, categories and the trust strip.
import { listCategories, listProducts } from '../../catalog/catalog-repository.js';
import { publicProductView } from '../../catalog/product-views.js';
import { ShopLayout, type Visitor } from '../layout.js';
import { categorySlug } from '../paths.js';
import { ProductCard } from '../product-card.js';
import type { ShopView } from '../shop-view.js';

export async function homePage(view: ShopView, visitor: Visitor) {
  const { ctx, messages, paths } = view;
  const m = messages.shop;
  const [featured, categories] = await Promise.all([
    listProducts(ctx, { page: 1, limit: ctx.config.catalog.featuredLimit, sort: 'featured' }),
    listCategories(ctx),
  ]);
  const products = featured.items.map((p) => publicProductView(p, ctx.config.locale, ctx.config.thresholds.lowStock));
  const delivery = products.length > 0 ? products.map((p) => p.delivery) : [];
  const minDays = delivery.length > 0 ? Math.min(...delivery.map((d) => d.minDays)) : null;
  const maxDays = delivery.length > 0 ? Math.max(...delivery.map((d) => d.maxDays)) : null;
  const tagline = ctx.config.branding.tagline;
  return (
    <ShopLayout
      view={view}
      visitor={visitor}
      current="home"
      head={{
        title: tagline ? `${ctx.config.name} — ${tagline}` : ctx.config.name,
        ...(tagline ? { description: tagline } : {}),
        openGraph: { type: 'website', siteName: ctx.config.name },
      }}
    >
      <section class="hero">
        <h1>{ctx.config.name}</h1>
        {tagline && <p>{tagline}</p>}
      </section>
      {categories.length > 0 && (
        <section class="section" aria-labelledby="home-categories">
          <h2 id="home-categories">{m.home.categories}</h2>
          <ul class="chips">
            {categories.map((c) => (
              <li key={c.category}>
                <a href={paths.category(categorySlug(c.category))}>{c.category}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="section" aria-labelledby="home-featured">
        <div class="section-head">
          <h2 id="home-featured">{m.home.featured}</h2>
          <a href={paths.shop}>{m.home.seeAll}</a>
        </div>
        {products.length === 0 ? (
          <p>{m.home.empty}</p>
        ) : (
          <ul class="grid">
            {products.map((p) => (
              <li key={p.id}>
                <ProductCard view={view} product={p} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <ul class="trust">
        {minDays !== null && maxDays !== null && <li>{m.trust.delivery(minDays, maxDays, view.mainCountryName)}</li>}
        <li>{m.trust.returns}</li>
        <li>{m.trust.securePayment}</li>
      </ul>
    </ShopLayout>
  );
}
