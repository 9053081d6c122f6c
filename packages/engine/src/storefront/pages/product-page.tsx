// The product page (/produto/<slug>): gallery, price, variant picker, availability, delivery
// estimate to the main country, add-to-cart form, description and specifications, breadcrumbs and
// related products; JSON-LD Product with its offers. An old slug answers 301 to the current one; a
// hidden or retired product answers 410 with links back into the shop.
//
// The variant picker works without JavaScript: one radio per variant, those out of stock disabled,
// so a combination that does not exist or cannot be sold can never be chosen. variant-picker.js
// then turns the radios into one choice per option axis (colour, size…) and keeps the price and
// stock line in step.
import { imageKey, imagePath, type ImageWidth } from '../../catalog/image-urls.js';
import { listProducts } from '../../catalog/catalog-repository.js';
import type { StoredProduct } from '../../catalog/product.js';
import { publicProductView } from '../../catalog/product-views.js';
import type { StoreApp } from '../../http/app-types.js';
import { notFound } from '../../http/errors.js';
import { money, toDecimalString } from '../../money/index.js';
import { CsrfField } from '../../web/csrf.js';
import { Breadcrumbs, breadcrumbJsonLd, type Crumb } from '../breadcrumbs.js';
import { ShopLayout, type Visitor } from '../layout.js';
import type { PageResponder, PageResult } from '../page-responder.js';
import { categorySlug } from '../paths.js';
import { ProductCard, type PublicProduct } from '../product-card.js';
import { mainImagePreload, ProductImage } from '../product-image.js';
import { lookupProduct } from '../product-lookup.js';
import { addWorkingDays, formatDayMonth, splitDescription, storeToday } from '../product-text.js';
import type { ShopView } from '../shop-view.js';

const MAIN_SIZES = '(min-width: 48rem) 36rem, 100vw';
const MAIN_WIDTHS: readonly ImageWidth[] = [320, 480, 640, 960, 1280];
const THUMB_SIZES = '5rem';
const THUMB_WIDTHS: readonly ImageWidth[] = [160];
const RELATED = 4;
export const MAX_QUANTITY = 10;

type VariantView = PublicProduct['variants'][number];

/** The option axes, in the order the first variant lists them ("Cor", "Tamanho"). */
function optionAxes(product: PublicProduct): string[] {
  const axes: string[] = [];
  for (const v of product.variants) for (const o of v.options) if (!axes.includes(o.name)) axes.push(o.name);
  return axes;
}

function variantLabel(v: VariantView, axes: string[]): string {
  return axes.map((a) => v.options.find((o) => o.name === a)?.value ?? '—').join(' / ') || v.price.formatted;
}

function stockState(v: VariantView): 'in' | 'low' | 'out' {
  return !v.available ? 'out' : v.lowStock ? 'low' : 'in';
}

function availabilityUrl(state: 'in' | 'low' | 'out'): string {
  return `https://schema.org/${state === 'out' ? 'OutOfStock' : state === 'low' ? 'LimitedAvailability' : 'InStock'}`;
}

function productJsonLd(view: ShopView, stored: StoredProduct, product: PublicProduct, path: string) {
  const currency = product.price.currency;
  const prices = product.variants.map((v) => v.price.minor);
  const anyAvailable = product.variants.some((v) => v.available);
  const decimal = (minor: number) => toDecimalString(money(currency, minor));
  const images = stored.images.slice(0, 4).map((u) => view.absolute(imagePath(stored.id, imageKey(u), 1280, 'jpg')));
  const availability = anyAvailable ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock';
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.seo.description || product.description.slice(0, 300),
    category: product.category,
    url: view.absolute(path),
    ...(images.length > 0 ? { image: images } : {}),
    brand: { '@type': 'Brand', name: view.ctx.config.name },
    offers:
      prices.length > 1 && low !== high
        ? { '@type': 'AggregateOffer', priceCurrency: currency, lowPrice: decimal(low), highPrice: decimal(high), offerCount: prices.length, availability, url: view.absolute(path) }
        : {
            '@type': 'Offer',
            priceCurrency: currency,
            price: decimal(prices[0] ?? product.price.minor),
            availability: product.variants[0] ? availabilityUrl(stockState(product.variants[0])) : availability,
            itemCondition: 'https://schema.org/NewCondition',
            url: view.absolute(path),
          },
  };
}

function VariantPicker({ view, product, axes, selected }: { view: ShopView; product: PublicProduct; axes: string[]; selected: VariantView | undefined }) {
  const c = view.messages.catalog.product;
  if (product.variants.length <= 1) {
    return selected ? <input type="hidden" name="variantId" value={selected.id} /> : null;
  }
  return (
    <fieldset class="variant-picker" data-variant-picker="" data-axes={JSON.stringify(axes)} data-unavailable={c.unavailableCombination} data-in-stock={c.inStock}>
      <legend>{c.chooseVariant}</legend>
      <ul class="variant-list">
        {product.variants.map((v) => {
          const state = stockState(v);
          const id = `variant-${v.id}`;
          return (
            <li key={v.id}>
              <input
                type="radio"
                id={id}
                name="variantId"
                value={v.id}
                checked={selected?.id === v.id}
                disabled={state === 'out'}
                required
                data-options={JSON.stringify(axes.map((a) => v.options.find((o) => o.name === a)?.value ?? ''))}
                data-price={v.price.formatted}
                data-stock={state}
              />
              <label for={id}>
                <span>{variantLabel(v, axes)}</span>
                <span class="variant-meta">
                  {v.price.formatted}
                  {state === 'out' ? ` · ${c.outOfStock}` : state === 'low' ? ` · ${c.lowStock}` : ''}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

async function renderProduct(view: ShopView, visitor: Visitor, csrf: () => string, stored: StoredProduct): Promise<PageResult> {
  const { ctx, paths, messages } = view;
  const c = messages.catalog;
  const locale = ctx.config.locale;
  const product = publicProductView(stored, locale, ctx.config.thresholds.lowStock);
  const path = paths.product(product.slug);
  const axes = optionAxes(product);
  const selected = product.variants.find((v) => v.available);
  const prices = new Set(product.variants.map((v) => v.price.minor));
  const state = selected ? stockState(selected) : 'out';
  const today = storeToday(ctx.clock.now(), ctx.config.timezone);
  const from = formatDayMonth(addWorkingDays(today, product.delivery.minDays), locale);
  const to = formatDayMonth(addWorkingDays(today, product.delivery.maxDays), locale);
  const { paragraphs, specs } = splitDescription(product.description);
  const keys = stored.images.map(imageKey);
  // Related: the best of the same category, topped up with the store's best when it is small.
  const [sameCategory, best] = await Promise.all([
    listProducts(ctx, { page: 1, limit: RELATED + 1, sort: 'featured', category: product.category }),
    listProducts(ctx, { page: 1, limit: RELATED + 1, sort: 'featured' }),
  ]);
  const seen = new Set([product.id]);
  const related = [...sameCategory.items, ...best.items]
    .filter((p) => !seen.has(p.id) && seen.add(p.id))
    .slice(0, RELATED)
    .map((p) => publicProductView(p, locale, ctx.config.thresholds.lowStock));
  const trail: Crumb[] = [
    { name: messages.shop.nav.home, path: paths.home },
    { name: product.category, path: paths.category(categorySlug(product.category)) },
    { name: product.title, path },
  ];
  const title = product.seo.title || `${product.title} — ${ctx.config.name}`;
  const mainKey = keys[0];
  return {
    page: (
      <ShopLayout
        view={view}
        visitor={visitor}
        current="shop"
        scripts={product.variants.length > 1 ? [view.assets.url('variant-picker.js')] : []}
        head={{
          title,
          description: product.seo.description || product.description.slice(0, 155),
          canonical: view.absolute(path),
          openGraph: {
            type: 'product',
            siteName: ctx.config.name,
            ...(mainKey ? { image: view.absolute(imagePath(product.id, mainKey, 1280, 'jpg')), imageAlt: product.title } : {}),
          },
          jsonLd: [productJsonLd(view, stored, product, path), breadcrumbJsonLd(view, trail, path)],
          ...(mainKey ? { preloads: [mainImagePreload(product.id, mainKey, MAIN_WIDTHS, MAIN_SIZES)] } : {}),
        }}
      >
        <Breadcrumbs view={view} trail={trail} />
        <div class="product">
          <section class="gallery" aria-label={c.product.gallery}>
            <ul class="gallery-main" tabIndex={keys.length > 1 ? 0 : undefined} aria-label={c.product.gallery}>
              {keys.map((key, i) => (
                <li key={key} id={`image-${i + 1}`}>
                  <ProductImage
                    productId={product.id}
                    imageKey={key}
                    alt={c.product.imageOf(product.title, i + 1)}
                    sizes={MAIN_SIZES}
                    widths={MAIN_WIDTHS}
                    eager={i === 0}
                  />
                </li>
              ))}
            </ul>
            {keys.length > 1 && (
              <ul class="gallery-thumbs">
                {keys.map((key, i) => (
                  <li key={key}>
                    <a href={`#image-${i + 1}`}>
                      <ProductImage productId={product.id} imageKey={key} alt={c.product.imageOf(product.title, i + 1)} sizes={THUMB_SIZES} widths={THUMB_WIDTHS} />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="buy" aria-labelledby="product-title">
            <h1 id="product-title">{product.title}</h1>
            <p class="product-price">
              <span class="visually-hidden">{c.product.priceLabel}: </span>
              <span data-variant-price="">{prices.size > 1 && !selected ? messages.shop.product.from(product.price.formatted) : (selected ?? product.variants[0])?.price.formatted ?? product.price.formatted}</span>
            </p>
            <p class={`stock stock-${state}`} data-variant-stock="" aria-live="polite">
              {state === 'out' ? c.product.outOfStock : state === 'low' ? c.product.lowStock : c.product.inStock}
            </p>
            <form class="add-to-cart" method="post" action={paths.patterns.cartAdd}>
              <CsrfField token={csrf()} />
              <VariantPicker view={view} product={product} axes={axes} selected={selected} />
              <div class="field quantity">
                <label for="quantity">{c.product.quantity}</label>
                <input id="quantity" type="number" name="quantity" value="1" min="1" max={MAX_QUANTITY} step="1" inputMode="numeric" required />
              </div>
              <button class="btn btn-buy" type="submit" disabled={!selected}>
                {c.product.addToCart}
              </button>
            </form>
            <p class="delivery">
              {c.product.delivery(from, to, view.mainCountryName)} ({c.product.deliveryDays(product.delivery.minDays, product.delivery.maxDays)})
            </p>
            <ul class="trust trust-compact">
              <li>{messages.shop.trust.returns}</li>
              <li>{messages.shop.trust.securePayment}</li>
            </ul>
          </section>
        </div>
        <section class="section description" aria-labelledby="product-description">
          <h2 id="product-description">{c.product.description}</h2>
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {specs.length > 0 && (
            <>
              <h3>{c.product.specifications}</h3>
              <dl class="specs">
                {specs.map((s, i) => (
                  <div key={i}>
                    <dt>{s.name}</dt>
                    <dd>{s.value}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </section>
        {related.length > 0 && (
          <section class="section" aria-labelledby="related">
            <h2 id="related">{c.product.related}</h2>
            <ul class="grid">
              {related.map((p) => (
                <li key={p.id}>
                  <ProductCard view={view} product={p} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </ShopLayout>
    ),
  };
}

/** 410: the product is no longer sold; links back into the shop (its category when it still has products). */
async function renderGone(view: ShopView, visitor: Visitor, stored: StoredProduct): Promise<PageResult> {
  const { ctx, paths, messages } = view;
  const g = messages.catalog.gone;
  const categoryLive = (await listProducts(ctx, { page: 1, limit: 1, sort: 'featured', category: stored.category })).total > 0;
  return {
    status: 410,
    page: (
      <ShopLayout view={view} visitor={visitor} head={{ title: `${g.title} — ${ctx.config.name}`, robots: 'noindex' }}>
        <section class="error-page">
          <p class="code" aria-hidden="true">
            410
          </p>
          <h1>{g.title}</h1>
          <p>{g.body}</p>
          <p class="gone-links">
            <a class="btn" href={paths.shop}>
              {g.shop}
            </a>
            {categoryLive && (
              <a class="btn btn-secondary" href={paths.category(categorySlug(stored.category))}>
                {stored.category}
              </a>
            )}
          </p>
          <form class="search-page-form" method="get" action={paths.search()}>
            <label for="gone-search">{messages.shop.search.label}</label>
            <div class="search-row">
              <input id="gone-search" type="search" name="q" maxLength={100} />
              <button class="btn" type="submit">
                {g.search}
              </button>
            </div>
          </form>
        </section>
      </ShopLayout>
    ),
  };
}

export function registerProductPage(app: StoreApp, view: ShopView, responder: PageResponder): void {
  app.get<{ Params: { slug: string } }>(view.paths.patterns.product, { schema: { hide: true }, config: { earlyAnswer: responder.early } }, async (request, reply) => {
    const slug = request.params.slug;
    return responder.send(request, reply, async (visitor, csrf) => {
      const found = await lookupProduct(view.ctx, slug);
      switch (found.kind) {
        case 'active':
          return renderProduct(view, visitor, csrf, found.product);
        case 'moved':
          return { redirect: view.paths.product(found.slug), status: 301 };
        case 'gone':
          return renderGone(view, visitor, found.product);
        default:
          throw notFound(`no product "${slug}"`);
      }
    });
  });
}
