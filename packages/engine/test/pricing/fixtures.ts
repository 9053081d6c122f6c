import { pricingRulesSchema, type PricingRules, type PricingRulesInput } from '../../src/pricing/index.js';

export const TODAY = '2026-11-01';

/** The store defaults with a fresh FX date, plus overrides. */
export function rules(overrides: Partial<Omit<PricingRulesInput, 'fx'>> & { fx?: Partial<PricingRulesInput['fx']> } = {}): PricingRules {
  const { fx, ...rest } = overrides;
  return pricingRulesSchema.parse({ ...rest, fx: { date: '2026-10-20', ...fx } });
}
