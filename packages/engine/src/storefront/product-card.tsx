// One product in a grid: image, title, price, availability, linked to its page. The product is the
// public view (`publicProductView`): it carries no cost, margin or supplier id, and its image is
// served by the store (product-image.tsx).
import type { publicProductView } from '../catalog/product-views.js';
import { keyOfImagePath } from '../catalog/image-urls.js';
import { ProductImage } from './product-image.js';
import type { ShopView } from './shop-view.js';

export type PublicProduct = ReturnType<typeof publicProductView>;

/** Grid cells are at most ~300 CSS px wide: 2 columns on phones, 3–4 on wider screens. */
export const CARD_SIZES = '(min-width: 64rem) 17rem, (min-width: 48rem) 30vw, 45vw';
export const CARD_WIDTHS = [160, 320, 480, 640] as const;

export function ProductCard({ view, product, eager }: { view: ShopView; product: PublicProduct; eager?: boolean }) {
  const m = view.messages.shop;
  const c = view.messages.catalog;
  const available = product.variants.some((v) => v.available);
  const low = available && product.variants.filter((v) => v.available).every((v) => v.lowStock);
  const prices = new Set(product.variants.map((v) => v.price.minor));
  const image = product.images[0] ? keyOfImagePath(product.images[0]) : null;
  return (
    <article class="card">
      <a href={view.paths.product(product.slug)}>
        <div class="card-media">
          {image && <ProductImage productId={product.id} imageKey={image} alt="" sizes={CARD_SIZES} widths={CARD_WIDTHS} eager={eager} />}
        </div>
        <div class="card-body">
          <h3 class="card-title">{product.title}</h3>
          <p class="price">{prices.size > 1 ? m.product.from(product.price.formatted) : product.price.formatted}</p>
          {!available && <p class="stock-out">{m.product.outOfStock}</p>}
          {low && <p class="stock-low">{c.product.lowStock}</p>}
        </div>
      </a>
    </article>
  );
}
