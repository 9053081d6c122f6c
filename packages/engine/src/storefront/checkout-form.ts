// The checkout form's fields: read from the posted body, checked field by field so the customer sees
// every mistake at once, with the address checked by the checkout's own per-country rules
// (orders/address.ts). The checkout service checks everything again; this only words the errors.
import { z } from 'zod';
import type { CartDetails } from '../cart/cart-service.js';
import { checkAddress, COUNTRIES } from '../orders/address.js';
import type { StoreConfig } from '../stores/store-config.js';
import type { BuyMessages, CheckoutField } from '../web/i18n/buy.js';
import { formField } from './buying.js';

export interface CheckoutValues extends CartDetails {
  terms: boolean;
}

export type CheckoutErrors = Partial<Record<CheckoutField, string>>;

/** Field limits: the JSON checkout's (orders/checkout-routes.ts). */
const LIMITS: Record<Exclude<CheckoutField, 'terms'>, { min: number; max: number }> = {
  name: { min: 2, max: 120 },
  email: { min: 3, max: 254 },
  phone: { min: 0, max: 30 },
  country: { min: 2, max: 2 },
  province: { min: 0, max: 80 },
  city: { min: 1, max: 80 },
  zip: { min: 2, max: 16 },
  address1: { min: 3, max: 200 },
  address2: { min: 0, max: 200 },
  shipping: { min: 0, max: 20 },
};

export const emptyValues = (country: string): CheckoutValues => ({
  name: '',
  email: '',
  phone: '',
  country,
  province: '',
  city: '',
  zip: '',
  address1: '',
  address2: '',
  shipping: '',
  terms: false,
});

export function valuesFromBody(body: unknown): CheckoutValues {
  const v = (name: Exclude<CheckoutField, 'terms'>) => formField(body, name, 1_000);
  return {
    name: v('name'),
    email: v('email'),
    phone: v('phone'),
    country: v('country').toUpperCase(),
    province: v('province'),
    city: v('city'),
    zip: v('zip'),
    address1: v('address1'),
    address2: v('address2'),
    shipping: v('shipping'),
    terms: formField(body, 'terms', 10) !== '',
  };
}

const email = z.email();

/** Every problem with the values, in the order of the form. */
export function checkValues(values: CheckoutValues, config: StoreConfig, m: BuyMessages['checkout']): CheckoutErrors {
  const errors: CheckoutErrors = {};
  for (const [field, limit] of Object.entries(LIMITS) as Array<[Exclude<CheckoutField, 'terms'>, { min: number; max: number }]>) {
    const value = values[field];
    if (field === 'shipping' || field === 'country') continue;
    if (value.length > limit.max) errors[field] = m.errors.tooLong;
    else if (value.length < limit.min) errors[field] = m.errors.required;
  }
  if (!errors.email && !email.safeParse(values.email).success) errors.email = m.errors.email;
  if (!config.checkout.shipsTo.includes(values.country)) errors.country = m.errors.country;
  if (!errors.country && !errors.zip && !errors.city && !errors.province && !errors.phone) {
    // The checkout's own rules, one problem at a time; each is worded for the field it names.
    const check = checkAddress(
      { name: values.name, country: values.country, province: values.province, city: values.city, zip: values.zip, address1: values.address1, address2: values.address2, phone: values.phone },
      config.checkout.shipsTo,
    );
    if (!check.ok) Object.assign(errors, addressError(check.field.replace(/^address\./, ''), values.country, m));
  }
  if (!values.shipping) errors.shipping = m.errors.shipping;
  if (!values.terms) errors.terms = m.errors.terms;
  return errors;
}

/** An address problem (as orders/address.ts names its field) worded for the customer, on that field. */
export function addressError(field: string, country: string, m: BuyMessages['checkout']): CheckoutErrors {
  if (field === 'zip') return { zip: m.errors.zip(COUNTRIES[country]?.postalExample ?? '') };
  if (field === 'province') return { province: m.errors.province };
  if (field === 'phone') return { phone: m.errors.phone };
  if (field === 'name') return { name: m.errors.required };
  return { country: m.errors.country };
}

/** The values kept on the cart (everything but the terms box, which is ticked anew each time). */
export function detailsOf(values: CheckoutValues): CartDetails {
  const { terms: _terms, ...details } = values;
  return details;
}
