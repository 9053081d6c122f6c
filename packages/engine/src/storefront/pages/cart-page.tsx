// The cart: every line priced from the catalogue now, what changed since the customer added it
// flagged on the line, quantities to change or remove, the shipping estimate for the destination,
// and the way to checkout once nothing is flagged.
import type { CartQuote } from '../../cart/cart-shipping.js';
import type { LineFlag, PricedCart, PricedLine } from '../../cart/cart-service.js';
import { CsrfField } from '../../web/csrf.js';
import { ShopLayout, type Visitor } from '../layout.js';
import type { ShopView } from '../shop-view.js';
import { countryName, money, optionsText } from './buy-parts.js';

export interface CartPageInput {
  priced: PricedCart | null;
  csrf: string;
  quote: CartQuote | null;
  destination: string;
  /** The query parameter that picks the destination (`pais` / `country`). */
  destinationParam: string;
  /** The customer came back from a payment page without paying. */
  paymentCancelled: boolean;
}

function flagText(view: ShopView, flag: LineFlag): string {
  const f = view.messages.buy.cart.flags;
  switch (flag.kind) {
    case 'unavailable':
      return f.unavailable;
    case 'out_of_stock':
      return f.outOfStock;
    case 'short':
      return f.short(flag.available);
    case 'price_changed':
      return f.priceChanged(money(view, flag.fromMinor), money(view, flag.toMinor));
  }
}

function CartLine({ view, line, csrf, index }: { view: ShopView; line: PricedLine; csrf: string; index: number }) {
  const m = view.messages.buy.cart;
  const title = line.product?.title ?? m.withdrawn;
  const max = view.ctx.config.checkout.maxQuantityPerLine;
  const id = `qty-${index}`;
  return (
    <li class={line.flags.length > 0 ? 'cart-line cart-line-flagged' : 'cart-line'}>
      <div class="cart-line-info">
        <h3 class="cart-line-title">{line.product ? <a href={view.paths.product(line.product.slug)}>{title}</a> : title}</h3>
        {line.options.length > 0 && <p class="cart-line-options">{optionsText(line.options)}</p>}
        <p class="cart-line-price">
          <span class="visually-hidden">{m.price}: </span>
          {money(view, line.unitPriceMinor)}
        </p>
        {line.flags.map((flag) => (
          <p key={flag.kind} class={`flag flag-${flag.kind}`}>
            {flagText(view, flag)}
          </p>
        ))}
      </div>
      <form class="cart-line-form" method="post" action={view.paths.patterns.cartUpdate}>
        <CsrfField token={csrf} />
        <input type="hidden" name="variantId" value={line.variantId} />
        <label for={id}>
          {m.quantity}
          <span class="visually-hidden"> — {title}</span>
        </label>
        <div class="cart-line-controls">
          <input id={id} type="number" name="quantity" inputMode="numeric" min={1} max={max} value={String(line.quantity)} required />
          <button class="btn btn-secondary" type="submit" name="action" value="update">
            {m.update}
          </button>
          <button class="btn-link" type="submit" name="action" value="remove" formNoValidate>
            {m.remove}
            <span class="visually-hidden"> — {title}</span>
          </button>
        </div>
      </form>
      <p class="cart-line-total">
        <span class="visually-hidden">{m.lineTotal}: </span>
        {money(view, line.lineTotalMinor)}
      </p>
    </li>
  );
}

function ShippingEstimate({ view, input }: { view: ShopView; input: CartPageInput }) {
  const m = view.messages.buy.cart;
  const countries = view.ctx.config.checkout.shipsTo;
  const quote = input.quote;
  const cheapest = quote?.ok ? quote.options[0] : undefined;
  return (
    <div class="cart-shipping">
      {countries.length > 1 && (
        <form class="destination-form" method="get" action={view.paths.cart}>
          <label for="destination">{m.destination}</label>
          <div class="inline-controls">
            <select id="destination" name={input.destinationParam} autocomplete="country">
              {countries.map((c) => (
                <option key={c} value={c} selected={c === input.destination}>
                  {countryName(view, c)}
                </option>
              ))}
            </select>
            <button class="btn btn-secondary" type="submit">
              {m.recalculate}
            </button>
          </div>
        </form>
      )}
      <div class="totals-row">
        <span>{m.shippingTo(countryName(view, input.destination))}</span>
        <span>{cheapest ? (cheapest.chargeMinor === 0 ? m.free : money(view, cheapest.chargeMinor)) : '—'}</span>
      </div>
      {cheapest && <p class="totals-note">{m.deliveryDays(cheapest.minDays, cheapest.maxDays)}</p>}
      {quote && !quote.ok && <p class="flag">{m.shippingProblem[quote.code]}</p>}
      <p class="totals-note">{m.estimateNote}</p>
    </div>
  );
}

export function cartPage(view: ShopView, visitor: Visitor, input: CartPageInput) {
  const m = view.messages.buy.cart;
  const priced = input.priced;
  const lines = priced?.lines ?? [];
  const cheapest = input.quote?.ok ? input.quote.options[0] : undefined;
  const anyPriceChange = lines.some((l) => l.flags.some((f) => f.kind === 'price_changed'));
  return (
    <ShopLayout
      view={view}
      visitor={visitor}
      current="cart"
      // Not "noindex": crawled without a cookie the cart is simply empty, and the page stays a
      // well-formed one (Lighthouse's SEO audit is run on it). Checkout and order pages are noindex.
      head={{ title: `${m.title} — ${view.ctx.config.name}`, description: m.description(view.ctx.config.name), canonical: view.absolute(view.paths.cart) }}
    >
      <h1>{m.title}</h1>
      {input.paymentCancelled && (
        <p class="notice notice-info" role="status">
          {m.paymentCancelled}
        </p>
      )}
      {lines.length === 0 ? (
        <div class="cart-empty">
          <p>{m.empty}</p>
          <p>
            <a class="btn" href={view.paths.shop}>
              {m.continueShopping}
            </a>
          </p>
        </div>
      ) : (
        <div class="buy-layout">
          <section class="cart-lines-section" aria-labelledby="cart-lines-heading">
            <h2 id="cart-lines-heading" class="visually-hidden">
              {m.product}
            </h2>
            <ul class="cart-lines">
              {lines.map((line, i) => (
                <CartLine key={line.variantId} view={view} line={line} csrf={input.csrf} index={i} />
              ))}
            </ul>
            {anyPriceChange && (
              <form method="post" action={view.paths.patterns.cartUpdate} class="accept-prices">
                <CsrfField token={input.csrf} />
                <button class="btn btn-secondary" type="submit" name="action" value="accept">
                  {m.acceptPrices}
                </button>
              </form>
            )}
            <p>
              <a href={view.paths.shop}>{m.continueShopping}</a>
            </p>
          </section>
          <section class="summary" aria-labelledby="cart-summary-heading">
            <h2 id="cart-summary-heading">{view.messages.buy.checkout.summary}</h2>
            <div class="totals-row">
              <span>{m.subtotal}</span>
              <span>{money(view, priced!.itemsMinor)}</span>
            </div>
            <ShippingEstimate view={view} input={input} />
            <div class="totals-row totals-grand">
              <span>{m.total}</span>
              <span>{cheapest ? money(view, priced!.itemsMinor + cheapest.chargeMinor) : money(view, priced!.itemsMinor)}</span>
            </div>
            <p class="totals-note">{m.vatIncluded}</p>
            {priced!.ready ? (
              <a class="btn btn-wide" href={view.paths.checkout}>
                {m.checkout}
              </a>
            ) : (
              <p class="flag" role="status">
                {m.blocked}
              </p>
            )}
          </section>
        </div>
      )}
    </ShopLayout>
  );
}
