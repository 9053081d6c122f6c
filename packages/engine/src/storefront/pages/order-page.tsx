// The order page (/encomenda/<number>): the order's state as the server has it now, what happens
// next, the bank details when it waits for a transfer, the shipment's tracking, its history, lines
// and totals. Shown only to the browser that placed it or to whoever gives its number and email;
// everyone else gets the email form (whether the number exists or not).
import type { TimelineStep } from '../../orders/customer-orders.js';
import type { Order } from '../../orders/order.js';
import { CsrfField } from '../../web/csrf.js';
import { formatDate, formatDateTime } from '../../web/format.js';
import type { ProviderKind } from '../../web/i18n/buy.js';
import { ShopLayout, type Visitor } from '../layout.js';
import type { ShopView } from '../shop-view.js';
import { countryName, Field, money, OrderSummary } from './buy-parts.js';

export interface OrderPageInput {
  order: Order;
  timeline: TimelineStep[];
  /** The bank-transfer text, for an order awaiting a transfer. */
  instructions: string | null;
}

/** A carrier's tracking link, when it is a plain web address (never a `javascript:` or other scheme). */
export function safeTrackingUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function orderPage(view: ShopView, visitor: Visitor, input: OrderPageInput) {
  const { ctx } = view;
  const m = view.messages.buy.order;
  const { order } = input;
  const locale = ctx.config.locale;
  const zone = ctx.config.timezone;
  const provider = order.paymentProvider as ProviderKind;
  const trackingUrl = safeTrackingUrl(order.tracking.url);
  return (
    <ShopLayout view={view} visitor={visitor} head={{ title: `${m.title(order.number)} — ${ctx.config.name}`, robots: 'noindex' }}>
      <h1>{m.title(order.number)}</h1>
      <section class="order-state" aria-labelledby="order-state-heading">
        <h2 id="order-state-heading" class="visually-hidden">
          {m.status}
        </h2>
        <p class="order-status" data-status={order.status}>
          <span class="order-status-label">{m.status}:</span> <strong>{m.statuses[order.status]}</strong>
        </p>
        <p class="muted">{m.placedOn(formatDate(order.createdAt, locale, zone))}</p>
        <p>
          {m.next[order.status]}
          {order.status === 'awaiting_payment' && ` ${m.nextAwaiting[provider] ?? ''}`}
        </p>
        {order.status === 'awaiting_payment' && provider !== 'manual' && (
          <p class="actions">
            <a class="btn btn-secondary" href={view.paths.order(order.number)}>
              {m.refresh}
            </a>{' '}
            <a href={view.paths.cart}>{m.backToCart}</a>
          </p>
        )}
      </section>
      {input.instructions && (
        <section class="bank-transfer" aria-labelledby="bank-transfer-heading">
          <h2 id="bank-transfer-heading">{m.bankTransfer}</h2>
          <div class="instructions">
            {input.instructions.split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
        </section>
      )}
      {order.tracking.number && (
        <section class="tracking" aria-labelledby="tracking-heading">
          <h2 id="tracking-heading">{m.tracking}</h2>
          <p>
            {m.trackingNumber}: <strong class="tracking-number">{order.tracking.number}</strong>
          </p>
          {trackingUrl && (
            <p>
              <a class="btn btn-secondary" href={trackingUrl} rel="noopener noreferrer">
                {m.trackingLink}
              </a>
            </p>
          )}
        </section>
      )}
      {input.timeline.length > 0 && (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{m.timeline}</h2>
          <ol class="timeline">
            {input.timeline.map((step) => (
              <li key={step.status} data-status={step.status}>
                <strong>{m.statuses[step.status]}</strong> — <time dateTime={step.at}>{formatDateTime(step.at, locale, zone)}</time>
              </li>
            ))}
          </ol>
        </section>
      )}
      <OrderSummary
        view={view}
        headingId="order-summary"
        heading={m.items}
        lines={order.lines.map((l) => ({ key: l.id, title: l.title, options: l.options, quantity: l.quantity, totalMinor: l.unitPriceMinor * l.quantity }))}
        itemsMinor={order.itemsMinor}
        shipping={{ label: m.shipping, minor: order.shippingMinor }}
        totalMinor={order.totalMinor}
        vatNote={m.vat(money(view, order.vatMinor))}
      />
      <p class="muted">
        {m.shipTo}: {order.address.city}, {countryName(view, order.address.country)}
      </p>
    </ShopLayout>
  );
}

/** "Confirm your email" for a browser that did not place the order. */
export function orderVerifyPage(view: ShopView, visitor: Visitor, input: { number: string; csrf: string; email: string; error: string | null }) {
  const m = view.messages.buy.order;
  return (
    <ShopLayout view={view} visitor={visitor} head={{ title: `${m.verifyTitle} — ${view.ctx.config.name}`, robots: 'noindex' }}>
      <h1>{m.verifyTitle}</h1>
      <p>{m.verifyBody}</p>
      {input.error && (
        <p class="notice notice-error" role="alert">
          {input.error}
        </p>
      )}
      <form class="narrow-form" method="post" action={view.paths.order(input.number)}>
        <CsrfField token={input.csrf} />
        <Field id="verify-email" label={view.messages.buy.track.email}>
          {(aria) => <input {...aria} type="email" name="email" value={input.email} autocomplete="email" required />}
        </Field>
        <button class="btn" type="submit">
          {m.verifySubmit}
        </button>
      </form>
    </ShopLayout>
  );
}
