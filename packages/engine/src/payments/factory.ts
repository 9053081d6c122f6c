// Picks and builds a store's payment provider from its validated settings and its secrets. Every
// refusal here happens at store start-up, with a message that names the key to set, because each one
// would otherwise surface later as money lost: a missing webhook secret (paid orders never confirm),
// a test key on a store that buys real goods (anyone with Stripe's test card gets goods for free), a
// live key on a simulated store (real money for goods that never ship), the demo provider on a real
// store (goods for nothing).
import { envVarName, type SecretKey } from '../stores/secrets.js';
import { DemoPaymentProvider } from './demo-provider.js';
import { ManualPaymentProvider } from './manual-provider.js';
import { PaymentError } from './payment-error.js';
import type { PaymentProvider } from './provider.js';
import type { PaymentSettings } from './settings.js';
import { stripeKeyMode } from './stripe-client.js';
import { StripePaymentProvider } from './stripe-provider.js';

export interface PaymentSecrets {
  stripeSecretKey?: string;
  stripeWebhookSecret?: string;
}

export interface CreatePaymentProviderOptions {
  /** True while the store buys from the bundled CJ simulator (no CJ credentials). */
  supplierSimulated: boolean;
  /** Names the environment variables in error messages (LOJISTA_<STORE>_…). */
  storeId?: string;
  /** A deliberate staging run: Stripe test keys on a store that buys real goods. Off by default. */
  allowTestKeysWithRealSupplier?: boolean;
  /** Epoch ms for webhook timestamp checks (tests). */
  now?: () => number;
}

export function createPaymentProvider(
  settings: PaymentSettings,
  secrets: PaymentSecrets,
  opts: CreatePaymentProviderOptions,
): PaymentProvider {
  switch (settings.provider) {
    case 'demo':
      return new DemoPaymentProvider({ supplierSimulated: opts.supplierSimulated });
    case 'manual': {
      const { iban, accountHolder, bankName, instructionsTemplate } = settings.manual;
      if (iban === undefined || accountHolder === undefined) {
        const missing = [iban === undefined ? 'payments.manual.iban' : '', accountHolder === undefined ? 'payments.manual.accountHolder' : '']
          .filter(Boolean)
          .join(' and ');
        throw new PaymentError('misconfigured', `payments.provider is manual but ${missing} is not set`);
      }
      return new ManualPaymentProvider({
        iban,
        accountHolder,
        ...(bankName !== undefined ? { bankName } : {}),
        ...(instructionsTemplate !== undefined ? { instructionsTemplate } : {}),
      });
    }
    case 'stripe':
      return createStripe(settings, secrets, opts);
  }
}

function createStripe(
  settings: PaymentSettings,
  secrets: PaymentSecrets,
  opts: CreatePaymentProviderOptions,
): StripePaymentProvider {
  const missing = (['stripeSecretKey', 'stripeWebhookSecret'] as const satisfies readonly SecretKey[]).filter(
    (key) => secrets[key] === undefined || secrets[key].trim() === '',
  );
  if (missing.length > 0) {
    const what = missing
      .map((key) => `the secret ${key} is not set: ${secretEnvName(key, opts.storeId)} (or "${key}" in the store's secrets file)`)
      .join('; and ');
    throw new PaymentError('misconfigured', `payments.provider is stripe but ${what}`);
  }
  const secretKey = secrets.stripeSecretKey as string;
  const mode = stripeKeyMode(secretKey);
  if (mode === 'live' && opts.supplierSimulated) {
    throw new PaymentError(
      'misconfigured',
      'stripeSecretKey is a live key but the store runs on the CJ simulator: customers would pay real money for goods that never ship. Use an sk_test_ key, or configure real CJ credentials.',
    );
  }
  if (mode === 'test' && !opts.supplierSimulated && opts.allowTestKeysWithRealSupplier !== true) {
    throw new PaymentError(
      'misconfigured',
      "stripeSecretKey is a test key but the store buys real goods from CJ: anyone using Stripe's test card would get them for free. Use an sk_live_ key.",
    );
  }
  if (settings.storefrontUrl === undefined) {
    throw new PaymentError('misconfigured', 'payments.provider is stripe but payments.storefrontUrl is not set');
  }
  return new StripePaymentProvider({
    secretKey,
    webhookSecret: secrets.stripeWebhookSecret as string,
    apiBase: settings.stripe.apiBase,
    timeoutMs: settings.stripe.timeoutMs,
    maxNetworkRetries: settings.stripe.maxNetworkRetries,
    sessionTtlMinutes: settings.stripe.sessionTtlMinutes,
    ...(opts.now !== undefined ? { now: opts.now } : {}),
  });
}

function secretEnvName(key: SecretKey, storeId: string | undefined): string {
  if (storeId !== undefined) return envVarName(storeId, key);
  return `LOJISTA_<STORE>_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}
