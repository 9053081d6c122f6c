// The checkout form: contact, delivery address (checked per country), shipping option, payment
// method, terms, and the order summary beside it. It works without JavaScript: changing the country
// and pressing "update shipping options" re-renders the form with that country's options.
import type { PricedCart } from '../../cart/cart-service.js';
import type { CartQuote } from '../../cart/cart-shipping.js';
import { COUNTRIES } from '../../orders/address.js';
import { CsrfField } from '../../web/csrf.js';
import type { CheckoutField, ProviderKind } from '../../web/i18n/buy.js';
import type { CheckoutErrors, CheckoutValues } from '../checkout-form.js';
import { ShopLayout, type Visitor } from '../layout.js';
import type { ShopView } from '../shop-view.js';
import { countryName, Field, money, OrderSummary } from './buy-parts.js';

export interface CheckoutPageInput {
  priced: PricedCart;
  quote: CartQuote;
  values: CheckoutValues;
  errors: CheckoutErrors;
  /** A problem with the whole form (the cart changed, the payment could not start…). */
  notice: string | null;
  csrf: string;
  checkoutKey: string;
  provider: ProviderKind;
}

const FIELD_ORDER: CheckoutField[] = ['name', 'email', 'phone', 'country', 'address1', 'address2', 'zip', 'city', 'province', 'shipping', 'terms'];

export const fieldId = (field: CheckoutField) => `f-${field}`;

export function checkoutPage(view: ShopView, visitor: Visitor, input: CheckoutPageInput) {
  const m = view.messages.buy.checkout;
  const { values, errors, quote } = input;
  const countries = view.ctx.config.checkout.shipsTo;
  const rules = COUNTRIES[values.country];
  const options = quote.ok ? quote.options : [];
  const chosen = options.find((o) => o.id === values.shipping) ?? options[0];
  const errorList = FIELD_ORDER.filter((f) => errors[f]);
  const text = (field: Exclude<CheckoutField, 'country' | 'shipping' | 'terms'>, props: { type?: 'text' | 'email' | 'tel'; autocomplete: string; required?: boolean; hint?: string }) => (
    <Field id={fieldId(field)} label={field === 'province' && rules?.provinceRequired ? m.provinceRequired : m.fields[field]} error={errors[field]} hint={props.hint}>
      {(aria) => {
        const attrs = { ...aria, name: field, value: values[field], autocomplete: props.autocomplete, required: props.required ?? false };
        return props.type === 'email' ? <input type="email" {...attrs} /> : props.type === 'tel' ? <input type="tel" {...attrs} /> : <input type="text" {...attrs} />;
      }}
    </Field>
  );
  return (
    <ShopLayout view={view} visitor={visitor} current="cart" head={{ title: `${m.title} — ${view.ctx.config.name}`, robots: 'noindex' }}>
      <h1>{m.title}</h1>
      {input.notice && (
        <p class="notice notice-error" role="alert">
          {input.notice}
        </p>
      )}
      {errorList.length > 0 && (
        <div class="notice notice-error error-summary" role="alert">
          <p>{m.errorSummary(errorList.length)}</p>
          <ul>
            {errorList.map((f) => (
              <li key={f}>
                <a href={`#${fieldId(f)}`}>{errors[f]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="buy-layout">
        <form class="checkout-form" method="post" action={view.paths.checkout}>
          <CsrfField token={input.csrf} />
          <input type="hidden" name="checkoutKey" value={input.checkoutKey} />
          <fieldset>
            <legend>{m.contact}</legend>
            {text('name', { autocomplete: 'name', required: true })}
            {text('email', { type: 'email', autocomplete: 'email', required: true })}
            {text('phone', { type: 'tel', autocomplete: 'tel' })}
          </fieldset>
          <fieldset>
            <legend>{m.address}</legend>
            <Field id={fieldId('country')} label={m.fields.country} error={errors.country}>
              {(aria) => (
                <select {...aria} name="country" autocomplete="country" required>
                  {countries.map((c) => (
                    <option key={c} value={c} selected={c === values.country}>
                      {countryName(view, c)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text('address1', { autocomplete: 'address-line1', required: true })}
            {text('address2', { autocomplete: 'address-line2' })}
            {text('zip', { autocomplete: 'postal-code', required: true, ...(rules ? { hint: m.zipExample(rules.postalExample) } : {}) })}
            {text('city', { autocomplete: 'address-level2', required: true })}
            {text('province', { autocomplete: 'address-level1', required: rules?.provinceRequired ?? false })}
          </fieldset>
          <fieldset id={fieldId('shipping')} class={errors.shipping ? 'field-invalid' : undefined} aria-describedby={errors.shipping ? `${fieldId('shipping')}-error` : undefined}>
            <legend>{m.shippingMethod}</legend>
            {options.map((o, i) => (
              <div class="choice" key={o.id}>
                <input type="radio" id={`ship-${i}`} name="shipping" value={o.id} checked={o.id === chosen?.id} required />
                <label for={`ship-${i}`}>
                  {view.messages.buy.cart.deliveryDays(o.minDays, o.maxDays)} — {o.chargeMinor === 0 ? view.messages.buy.cart.free : money(view, o.chargeMinor)}
                </label>
              </div>
            ))}
            {!quote.ok && <p class="flag">{quote.code === 'unavailable' ? m.shippingUnavailable : view.messages.buy.cart.shippingProblem[quote.code]}</p>}
            {errors.shipping && (
              <p class="field-error" id={`${fieldId('shipping')}-error`}>
                {errors.shipping}
              </p>
            )}
            <button class="btn btn-secondary" type="submit" name="action" value="quote" formNoValidate>
              {m.updateShipping}
            </button>
          </fieldset>
          <fieldset>
            <legend>{m.payment}</legend>
            <p>{m.paymentNote[input.provider]}</p>
          </fieldset>
          <div class={errors.terms ? 'field field-invalid choice' : 'field choice'}>
            <input
              type="checkbox"
              id={fieldId('terms')}
              name="terms"
              value="yes"
              checked={values.terms}
              required
              {...(errors.terms ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fieldId('terms')}-error` } : {})}
            />
            <label for={fieldId('terms')}>
              {m.termsBefore}
              <a href={view.paths.info('terms')} target="_blank" rel="noopener">
                {m.termsLink}
              </a>
              {m.termsMiddle}
              <a href={view.paths.info('privacy')} target="_blank" rel="noopener">
                {m.privacyLink}
              </a>
              {m.termsAfter}
            </label>
            {errors.terms && (
              <p class="field-error" id={`${fieldId('terms')}-error`}>
                {errors.terms}
              </p>
            )}
          </div>
          <button class="btn btn-wide" type="submit" name="action" value="order">
            {m.placeOrder[input.provider]}
          </button>
        </form>
        <OrderSummary
          view={view}
          headingId="checkout-summary"
          heading={m.summary}
          lines={input.priced.lines.map((l) => ({ key: l.variantId, title: l.product?.title ?? '', options: l.options, quantity: l.quantity, totalMinor: l.lineTotalMinor }))}
          itemsMinor={input.priced.itemsMinor}
          shipping={{ label: view.messages.buy.cart.shippingTo(countryName(view, values.country)), minor: chosen ? chosen.chargeMinor : null }}
          totalMinor={chosen ? input.priced.itemsMinor + chosen.chargeMinor : null}
          vatNote={view.messages.buy.cart.vatIncluded}
        />
      </div>
    </ShopLayout>
  );
}
