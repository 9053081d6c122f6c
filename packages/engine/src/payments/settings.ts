// A store's `payments` section. Secrets (Stripe secret key, webhook secret) are deliberately absent:
// they come from the store's secrets (env or 0600 file) and are passed to the factory. The default
// provider is 'demo', which only works on the simulator, so a real store that forgot this section
// fails at start-up instead of giving goods away.
import { z } from 'zod';
import { isValidIban, normalizeIban } from './iban.js';
import { MANUAL_TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from './manual-instructions.js';
import { PAYMENT_PROVIDER_NAMES } from './provider.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export const stripeSettingsSchema = z
  .object({
    /** Where the SDK sends API calls; only tests and proxies change it. Plain http only to loopback. */
    apiBase: z
      .url({ protocol: /^https?$/ })
      .refine((url) => {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' || LOOPBACK.has(parsed.hostname);
      }, 'must be https (plain http only to localhost/127.0.0.1: the secret key travels in every request)')
      .refine((url) => ['', '/'].includes(new URL(url).pathname), 'must be an origin without a path, e.g. "https://api.stripe.com"')
      .default('https://api.stripe.com'),
    /**
     * Path the customer returns to after paying; `?order=…&session_id=…` is appended. Default: the
     * storefront's order page in the store's language (`/encomenda/<number>`, `/order/<number>`).
     */
    successPath: z.string().startsWith('/', 'a path starting with "/"').optional(),
    /** Path the customer returns to when abandoning the payment page. Default: the cart (`/carrinho`, `/cart`). */
    cancelPath: z.string().startsWith('/', 'a path starting with "/"').optional(),
    /** Checkout Session lifetime; Stripe accepts 30 min to 24 h. The order expires with it. */
    sessionTtlMinutes: z.number().int().min(30).max(1440).default(60),
    /** Per-request timeout; checkout is interactive, so well under the SDK's 80 s. */
    timeoutMs: z.number().int().min(1000).max(80_000).default(15_000),
    /** SDK retries (same idempotency key, so never a second session). */
    maxNetworkRetries: z.number().int().min(0).max(5).default(2),
  })
  .strict();

export const manualSettingsSchema = z
  .object({
    iban: z
      .string()
      .refine(isValidIban, 'not a valid IBAN (check digits do not match); copy it again from the bank')
      .transform(normalizeIban)
      .optional(),
    accountHolder: z.string().trim().min(1).max(140).optional(),
    bankName: z.string().trim().min(1).max(140).optional(),
    /** Replaces the built-in text; placeholders: {amount} {reference} {orderNumber} {iban} {accountHolder} {bankName}. */
    instructionsTemplate: z
      .string()
      .min(1)
      .max(4000)
      .superRefine((template, ctx) => {
        const unknown = unknownPlaceholders(template);
        if (unknown.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown placeholder(s) ${unknown.map((n) => `{${n}}`).join(', ')}; allowed: ${MANUAL_TEMPLATE_PLACEHOLDERS.map((n) => `{${n}}`).join(' ')}`,
          });
        }
      })
      .optional(),
  })
  .strict();

export const paymentSettingsSchema = z
  .object({
    provider: z.enum(PAYMENT_PROVIDER_NAMES).default('demo'),
    /** Public storefront origin, e.g. "https://astralmia.pt"; Stripe's return URLs are built on it. */
    storefrontUrl: z.url({ protocol: /^https?$/ }).optional(),
    stripe: stripeSettingsSchema.prefault({}),
    manual: manualSettingsSchema.prefault({}),
  })
  .strict()
  .superRefine((settings, ctx) => {
    // Required-when rules live here so each message names the key and why it is needed.
    if (settings.provider === 'stripe' && settings.storefrontUrl === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['storefrontUrl'],
        message: 'is required when payments.provider is stripe (customers return there after paying)',
      });
    }
    if (settings.provider === 'manual') {
      for (const key of ['iban', 'accountHolder'] as const) {
        if (settings.manual[key] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['manual', key],
            message: `is required when payments.provider is manual (customers transfer to it)`,
          });
        }
      }
    }
  });

export type PaymentSettings = z.output<typeof paymentSettingsSchema>;
export type PaymentSettingsInput = z.input<typeof paymentSettingsSchema>;
export type StripeSettings = z.output<typeof stripeSettingsSchema>;
export type ManualSettings = z.output<typeof manualSettingsSchema>;
