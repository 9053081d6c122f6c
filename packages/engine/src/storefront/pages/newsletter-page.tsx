// The newsletter page (the footer's small form, newsletter-teaser.tsx, leads here with the email):
// the customer gives explicit consent and the CSRF-protected form records the lead. The answer is the same whether the email was new or already known.
import { CsrfField } from '../../web/csrf.js';
import { ShopLayout, type Visitor } from '../layout.js';
import type { ShopView } from '../shop-view.js';
import { Field } from './buy-parts.js';

export interface NewsletterForm {
  csrf: string;
  name: string;
  email: string;
  errors: { email?: string; consent?: string };
}

export function newsletterPage(view: ShopView, visitor: Visitor, form: NewsletterForm) {
  const m = view.messages.buy.newsletter;
  return (
    <ShopLayout view={view} visitor={visitor} head={{ title: `${m.title} — ${view.ctx.config.name}`, robots: 'noindex' }}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <form class="narrow-form" method="post" action={view.paths.patterns.newsletter}>
        <CsrfField token={form.csrf} />
        <Field id="nl-name" label={m.name}>
          {(aria) => <input {...aria} type="text" name="name" value={form.name} autocomplete="name" maxLength={120} />}
        </Field>
        <Field id="nl-email" label={m.email} error={form.errors.email}>
          {(aria) => <input {...aria} type="email" name="email" value={form.email} autocomplete="email" required maxLength={254} />}
        </Field>
        <div class={form.errors.consent ? 'field field-invalid choice' : 'field choice'}>
          <input
            type="checkbox"
            id="nl-consent"
            name="consent"
            value="yes"
            required
            {...(form.errors.consent ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'nl-consent-error' } : {})}
          />
          <label for="nl-consent">{m.consent}</label>
          {form.errors.consent && (
            <p class="field-error" id="nl-consent-error">
              {form.errors.consent}
            </p>
          )}
        </div>
        <p class="muted">
          <a href={view.paths.info('privacy')}>{view.messages.shop.infoTitles.privacy}</a>
        </p>
        <button class="btn" type="submit">
          {m.submit}
        </button>
      </form>
    </ShopLayout>
  );
}
