// A stale FX rate is a warning, not a rejection: the operator must refresh it, but a shop that stops
// pricing because a date passed would lose sales over a rate that moved 1%.
import { daysBetween, type IsoDate } from './iso-date.js';
import type { PricingRules } from './rules.js';

export type PriceWarningCode = 'fx_stale' | 'fx_date_in_future';

export interface PriceWarning {
  code: PriceWarningCode;
  message: string;
}

export function fxWarnings(fx: PricingRules['fx'], today: IsoDate): PriceWarning[] {
  const age = daysBetween(fx.date, today);
  if (age > fx.maxAgeDays) {
    return [
      {
        code: 'fx_stale',
        message: `FX rate ${fx.rate} is dated ${fx.date}, ${age} days before ${today} (max ${fx.maxAgeDays}); refresh pricing.fx`,
      },
    ];
  }
  if (age < 0) {
    return [{ code: 'fx_date_in_future', message: `FX rate date ${fx.date} is after today (${today}); check pricing.fx.date` }];
  }
  return [];
}
