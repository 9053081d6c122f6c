// The analyse gate's rejection codes. They are stored with each rejected candidate and counted per
// scan, so they are stable identifiers: add new ones, never rename.
import type { Rejection } from '../candidate.js';

export type AnalyseRejectionCode =
  | 'invalid_cost'
  | 'cost_below_min'
  | 'cost_above_max'
  | 'not_relevant'
  | 'blocked_word'
  | 'no_image'
  | 'category_not_allowed'
  | 'not_on_sale'
  | 'no_variants'
  | 'no_variant_on_sale'
  | 'stock_below_min'
  | 'freight_unknown'
  | 'delivery_too_slow'
  | 'shipping_above_max';

export type AnalyseRejection = Rejection & { gate: 'analyse'; code: AnalyseRejectionCode };

export function analyseRejection(code: AnalyseRejectionCode, reason: string): AnalyseRejection {
  return { gate: 'analyse', code, reason };
}
