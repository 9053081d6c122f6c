// Gate 5 (price) and the checkout's shipping line. See README.md for the formula and worked examples.
export {
  DEFAULT_BANDS,
  fxSchema,
  pricingRulesSchema,
  psychologicalBandSchema,
  roundingSchema,
  type PricingRules,
  type PricingRulesInput,
  type PsychologicalRounding,
} from './rules.js';
export { daysBetween, isIsoDate, isoDateOf, isoDateSchema, parseIsoDate, type IsoDate } from './iso-date.js';
export { fxWarnings, type PriceWarning, type PriceWarningCode } from './fx-warnings.js';
export { psychologicalPrice } from './psychological.js';
export {
  priceRejection,
  type PriceBreakdown,
  type PriceRejected,
  type PriceRejectionCode,
  type PriceResult,
} from './price-result.js';
export { priceProduct, type ProductCostInput } from './price-product.js';
export { priceVariants, type VariantPrice } from './price-variants.js';
export {
  DEFAULT_REPRICE_THRESHOLD_PCT,
  repriceOnCostChange,
  type RepriceDecision,
  type RepriceOptions,
} from './reprice.js';
export { priceShippingLine, type ShippingLinePrice } from './shipping-line.js';
