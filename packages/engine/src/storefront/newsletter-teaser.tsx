// The footer's newsletter form: an email and a button, sent with GET to the newsletter page, where
// the customer gives explicit consent and the CSRF-protected form records the lead. A GET form
// carries no per-visitor token, so every page that shows it stays cacheable (ETag → 304).
import type { ShopView } from './shop-view.js';

export function NewsletterTeaser({ view }: { view: ShopView }) {
  const m = view.messages.buy.newsletter;
  return (
    <section class="newsletter-teaser" aria-labelledby="newsletter-teaser-heading">
      <h2 id="newsletter-teaser-heading">{m.footerTitle}</h2>
      <p>{m.footerText}</p>
      <form method="get" action={view.paths.patterns.newsletter} class="inline-controls">
        <label class="visually-hidden" for="newsletter-teaser-email">
          {m.footerEmail}
        </label>
        <input id="newsletter-teaser-email" type="email" name="email" autocomplete="email" placeholder={m.footerEmail} maxLength={254} />
        <button class="btn" type="submit">
          {m.footerSubmit}
        </button>
      </form>
    </section>
  );
}
