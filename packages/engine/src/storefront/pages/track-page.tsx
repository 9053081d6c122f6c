// "Track your order": the order number and the email it was placed with. A match opens the order
// page (status, history, the carrier's tracking link); a miss says so without telling which of the
// two was wrong.
import { CsrfField } from '../../web/csrf.js';
import { ShopLayout, type Visitor } from '../layout.js';
import type { ShopView } from '../shop-view.js';
import { Field } from './buy-parts.js';

export function trackPage(view: ShopView, visitor: Visitor, input: { csrf: string; number: string; email: string; error: string | null }) {
  const m = view.messages.buy.track;
  return (
    <ShopLayout view={view} visitor={visitor} current="track" head={{ title: `${m.title} — ${view.ctx.config.name}`, robots: 'noindex' }}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {input.error && (
        <p class="notice notice-error" role="alert">
          {input.error}
        </p>
      )}
      <form class="narrow-form" method="post" action={view.paths.track}>
        <CsrfField token={input.csrf} />
        <Field id="track-number" label={m.number} hint={m.numberHint}>
          {(aria) => <input {...aria} type="text" name="number" value={input.number} autocomplete="off" autocapitalize="characters" spellcheck={false} required maxLength={60} />}
        </Field>
        <Field id="track-email" label={m.email}>
          {(aria) => <input {...aria} type="email" name="email" value={input.email} autocomplete="email" required maxLength={254} />}
        </Field>
        <button class="btn" type="submit">
          {m.submit}
        </button>
      </form>
    </ShopLayout>
  );
}
