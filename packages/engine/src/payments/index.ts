// Payments: how a store takes the customer's money (Stripe Checkout, bank transfer, or the
// simulator-only demo) and how it learns, from verified events only, that it has been paid.
export {
  PAYMENT_PROVIDER_NAMES,
  type PaymentLine,
  type PaymentProvider,
  type PaymentProviderName,
  type PaymentStart,
  type PaymentStartInput,
} from './provider.js';
export { PaymentError, type PaymentErrorCode } from './payment-error.js';
export { checkPaidAmount, type PaidEvent, type PaymentEvent } from './payment-event.js';
export {
  manualSettingsSchema,
  paymentSettingsSchema,
  stripeSettingsSchema,
  type ManualSettings,
  type PaymentSettings,
  type PaymentSettingsInput,
  type StripeSettings,
} from './settings.js';
export { buildReturnUrls, STRIPE_SESSION_PLACEHOLDER } from './return-urls.js';
export { linesTotalMinor, validateStartInput } from './start-input.js';
export { StripePaymentProvider, type StripeProviderOptions } from './stripe-provider.js';
export { buildCheckoutSessionParams, checkoutIdempotencyKey, MAX_STRIPE_LINE_ITEMS } from './stripe-session-params.js';
export { toStripeLocale } from './stripe-locale.js';
export {
  DEFAULT_WEBHOOK_TOLERANCE_SEC,
  StripeSignatureError,
  verifyStripeEvent,
  type StripeSignatureFailure,
  type VerifyOptions,
} from './stripe-webhook.js';
export { toPaymentEvent } from './stripe-payment-event.js';
export { ManualPaymentProvider, type ManualProviderOptions } from './manual-provider.js';
export { MANUAL_TEMPLATE_PLACEHOLDERS } from './manual-instructions.js';
export { formatIban, isValidIban, normalizeIban } from './iban.js';
export { DemoPaymentProvider } from './demo-provider.js';
export {
  createPaymentProvider,
  type CreatePaymentProviderOptions,
  type PaymentSecrets,
} from './factory.js';
