// The `payments` config section and the factory that turns it (plus secrets) into a provider.
import { describe, expect, it } from 'vitest';
import {
  buildReturnUrls,
  createPaymentProvider,
  DemoPaymentProvider,
  isValidIban,
  ManualPaymentProvider,
  paymentSettingsSchema,
  PaymentError,
  StripePaymentProvider,
  toStripeLocale,
  type PaymentSettingsInput,
} from '../../src/payments/index.js';
import { SECRET_KEY, WEBHOOK_SECRET } from './fixtures.js';

const IBAN = 'PT50000201231234567890154';

function issues(input: unknown): string[] {
  const result = paymentSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

function factoryError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PaymentError);
    expect((err as PaymentError).code).toBe('misconfigured');
    return (err as PaymentError).message;
  }
  throw new Error('expected the factory to refuse');
}

const stripeSettings = (extra: Partial<PaymentSettingsInput> = {}) =>
  paymentSettingsSchema.parse({ provider: 'stripe', storefrontUrl: 'https://astralmia.pt', ...extra });

describe('paymentSettingsSchema', () => {
  it('defaults to the demo provider and Stripe defaults', () => {
    expect(paymentSettingsSchema.parse({})).toEqual({
      provider: 'demo',
      stripe: {
        apiBase: 'https://api.stripe.com',
        sessionTtlMinutes: 60,
        timeoutMs: 15_000,
        maxNetworkRetries: 2,
      },
      manual: {},
    });
  });

  it('requires storefrontUrl for Stripe and names it', () => {
    expect(issues({ provider: 'stripe' })).toEqual([
      'storefrontUrl: is required when payments.provider is stripe (customers return there after paying)',
    ]);
  });

  it('requires the bank details for manual and names each missing key', () => {
    expect(issues({ provider: 'manual' })).toEqual([
      'manual.iban: is required when payments.provider is manual (customers transfer to it)',
      'manual.accountHolder: is required when payments.provider is manual (customers transfer to it)',
    ]);
    expect(issues({ provider: 'manual', manual: { iban: IBAN, accountHolder: 'Astralmia Lda' } })).toEqual([]);
  });

  it('rejects a mistyped IBAN, an unknown template placeholder, unknown keys and a Stripe TTL out of range', () => {
    expect(issues({ manual: { iban: 'PT50000201231234567890155' } })[0]).toMatch(/^manual\.iban: not a valid IBAN/);
    expect(issues({ manual: { instructionsTemplate: 'Pague {ammount}' } })[0]).toMatch(/unknown placeholder\(s\) \{ammount\}/);
    expect(issues({ provder: 'stripe' })[0]).toMatch(/provder/);
    expect(issues({ stripe: { sessionTtlMinutes: 10 } })[0]).toMatch(/^stripe\.sessionTtlMinutes/);
  });

  it('allows plain http for the Stripe API base only on loopback (the secret key travels with it)', () => {
    expect(issues({ stripe: { apiBase: 'http://127.0.0.1:12111' } })).toEqual([]);
    expect(issues({ stripe: { apiBase: 'http://stripe-proxy.internal' } })[0]).toMatch(/^stripe\.apiBase: must be https/);
    expect(issues({ stripe: { apiBase: 'https://api.stripe.com/v1' } })[0]).toMatch(/without a path/);
  });

  it('normalises the IBAN', () => {
    const settings = paymentSettingsSchema.parse({ provider: 'manual', manual: { iban: 'pt50 0002 0123 1234 5678 9015 4', accountHolder: 'A' } });
    expect(settings.manual.iban).toBe(IBAN);
    expect(isValidIban(IBAN)).toBe(true);
  });
});

describe('createPaymentProvider', () => {
  it('names every missing Stripe secret with its environment variable', () => {
    expect(factoryError(() => createPaymentProvider(stripeSettings(), {}, { supplierSimulated: true, storeId: 'astralmia' }))).toBe(
      'payments.provider is stripe but the secret stripeSecretKey is not set: LOJISTA_ASTRALMIA_STRIPE_SECRET_KEY ' +
        '(or "stripeSecretKey" in the store\'s secrets file); and the secret stripeWebhookSecret is not set: ' +
        'LOJISTA_ASTRALMIA_STRIPE_WEBHOOK_SECRET (or "stripeWebhookSecret" in the store\'s secrets file)',
    );
    expect(
      factoryError(() => createPaymentProvider(stripeSettings(), { stripeSecretKey: SECRET_KEY }, { supplierSimulated: true })),
    ).toMatch(/the secret stripeWebhookSecret is not set: LOJISTA_<STORE>_STRIPE_WEBHOOK_SECRET/);
  });

  it('builds the Stripe provider from settings and secrets', () => {
    const provider = createPaymentProvider(
      stripeSettings(),
      { stripeSecretKey: SECRET_KEY, stripeWebhookSecret: WEBHOOK_SECRET },
      { supplierSimulated: true },
    );
    expect(provider).toBeInstanceOf(StripePaymentProvider);
    expect(provider.name).toBe('stripe');
  });

  it('refuses a live key on a simulated store and a test key on a store that buys real goods', () => {
    const live = { stripeSecretKey: 'sk_live_51abc', stripeWebhookSecret: WEBHOOK_SECRET };
    const test = { stripeSecretKey: SECRET_KEY, stripeWebhookSecret: WEBHOOK_SECRET };
    expect(factoryError(() => createPaymentProvider(stripeSettings(), live, { supplierSimulated: true }))).toMatch(/never ship/);
    expect(factoryError(() => createPaymentProvider(stripeSettings(), test, { supplierSimulated: false }))).toMatch(/for free/);
    expect(createPaymentProvider(stripeSettings(), live, { supplierSimulated: false })).toBeInstanceOf(StripePaymentProvider);
    expect(
      createPaymentProvider(stripeSettings(), test, { supplierSimulated: false, allowTestKeysWithRealSupplier: true }),
    ).toBeInstanceOf(StripePaymentProvider);
  });

  it('refuses the demo provider (the default) on a store that buys real goods', () => {
    const settings = paymentSettingsSchema.parse({});
    expect(factoryError(() => createPaymentProvider(settings, {}, { supplierSimulated: false }))).toMatch(
      /payments\.provider is demo .* set payments\.provider to stripe or manual/,
    );
    expect(createPaymentProvider(settings, {}, { supplierSimulated: true })).toBeInstanceOf(DemoPaymentProvider);
  });

  it('builds the manual provider, and names the missing bank detail when settings bypassed the schema', () => {
    const settings = paymentSettingsSchema.parse({ provider: 'manual', manual: { iban: IBAN, accountHolder: 'Astralmia Lda' } });
    expect(createPaymentProvider(settings, {}, { supplierSimulated: false })).toBeInstanceOf(ManualPaymentProvider);
    const unchecked = { ...settings, manual: { accountHolder: 'Astralmia Lda' } };
    expect(factoryError(() => createPaymentProvider(unchecked, {}, { supplierSimulated: false }))).toBe(
      'payments.provider is manual but payments.manual.iban is not set',
    );
  });
});

describe('buildReturnUrls', () => {
  const pages = { successPath: '/encomenda/AST-1042', cancelPath: '/carrinho' };

  it("builds Stripe return URLs on the storefront's order page and cart, keeping the session placeholder literal", () => {
    expect(buildReturnUrls(stripeSettings({ storefrontUrl: 'https://astralmia.pt/' }), 'AST-1042 #2', pages)).toEqual({
      successUrl: 'https://astralmia.pt/encomenda/AST-1042?order=AST-1042%20%232&session_id={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://astralmia.pt/carrinho?order=AST-1042%20%232',
    });
  });

  it("uses the owner's paths when set, appending to a path that already has a query", () => {
    const settings = stripeSettings({ stripe: { successPath: '/obrigado?src=stripe', cancelPath: '/cesto' } });
    expect(buildReturnUrls(settings, 'A1', pages)).toEqual({
      successUrl: 'https://astralmia.pt/obrigado?src=stripe&order=A1&session_id={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://astralmia.pt/cesto?order=A1',
    });
  });

  it("falls back to the store's own listener without a storefront URL, and refuses with neither", () => {
    expect(buildReturnUrls(paymentSettingsSchema.parse({}), 'A1', pages, 'http://127.0.0.1:4002').successUrl).toBe('http://127.0.0.1:4002/encomenda/AST-1042?order=A1');
    expect(() => buildReturnUrls(paymentSettingsSchema.parse({}), 'A1', pages)).toThrow(/storefrontUrl/);
  });
});

describe('toStripeLocale', () => {
  it.each([
    ['pt-PT', 'pt'],
    ['pt-BR', 'pt-BR'],
    ['en-GB', 'en-GB'],
    ['en-US', 'en'],
    ['fr_CA', 'fr-CA'],
    ['es', 'es'],
    ['xx-YY', 'auto'],
  ])('%s → %s', (locale, expected) => {
    expect(toStripeLocale(locale)).toBe(expected);
  });
});
