// Store locales are BCP 47 ('pt-PT'); Stripe Checkout knows a fixed list, mostly bare languages
// ('pt'), with a few regional variants ('pt-BR', 'en-GB', 'fr-CA'). The exact tag wins, then the
// language, then 'auto' (Stripe picks from the browser) rather than an error that blocks a payment.

const STRIPE_CHECKOUT_LOCALES: ReadonlySet<string> = new Set([
  'bg', 'cs', 'da', 'de', 'el', 'en', 'en-GB', 'es', 'es-419', 'et', 'fi', 'fil', 'fr', 'fr-CA', 'hi-IN', 'hr',
  'hu', 'id', 'it', 'ja', 'ko', 'lt', 'lv', 'ms', 'mt', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'ro', 'ru', 'sk', 'sl',
  'sv', 'th', 'tr', 'vi', 'zh', 'zh-HK', 'zh-TW',
]);

/** 'pt-PT' → 'pt', 'pt-BR' → 'pt-BR', 'en-US' → 'en', 'xx-YY' → 'auto'. */
export function toStripeLocale(locale: string): string {
  const [language = '', region] = locale.trim().split(/[-_]/);
  const lang = language.toLowerCase();
  const exact = region === undefined ? lang : `${lang}-${region.toUpperCase()}`;
  if (STRIPE_CHECKOUT_LOCALES.has(exact)) return exact;
  if (STRIPE_CHECKOUT_LOCALES.has(lang)) return lang;
  return 'auto';
}
