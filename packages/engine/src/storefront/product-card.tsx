// One product in a grid: title, price, availability, linked to its page. The product is the
// public view (`publicProductView`): it carries no cost, margin or supplier id.
import type { publicProductView } from '../catalog/product-views.js';
import type { ShopView } from './shop-view.js';

export type PublicProduct = ReturnType<typeof publicProductView>;

export function ProductCard({ view, product }: { view: ShopView; product: PublicProduct }) {
  const m = view.messages.shop;
  const available = product.variants.some((v) => v.available);
  const prices = new Set(product.variants.map((v) => v.price.minor));
  return (
    <article class="card">
      <a href={view.paths.product(product.slug)}>
        <div class="card-body">
          <h3 class="card-title">{product.title}</h3>
          <p class="price">{prices.size > 1 ? m.product.from(product.price.formatted) : product.price.formatted}</p>
          {!available && <p class="stock-out">{m.product.outOfStock}</p>}
        </div>
      </a>
    </article>
  );
}
