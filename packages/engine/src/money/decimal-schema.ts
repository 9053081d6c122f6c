// A zod schema for decimal-string settings (rates, markups, caps). Numbers are refused on purpose:
// a YAML `0.92` is already a binary float by the time we see it, and the message says to quote it.
import { z } from 'zod';
import { Dec, DECIMAL_PATTERN, fractionDigits, isDecimalString } from './decimal.js';

export interface DecimalSchemaOptions {
  /** Inclusive lower bound ("0" allows zero). */
  min?: string;
  /** Exclusive lower bound ("0" = strictly positive). */
  greaterThan?: string;
  /** Inclusive upper bound. */
  max?: string;
  /** Exclusive upper bound. */
  lessThan?: string;
  /** Most digits after the point (2 for amounts in a currency). */
  maxDecimals?: number;
}

export function decimalStringSchema(options: DecimalSchemaOptions = {}) {
  const example = options.maxDecimals === 0 ? '"15"' : '"0.92"';
  return z
    .string({ error: `a decimal string such as ${example} (quote it: money settings are never read as floats)` })
    .regex(DECIMAL_PATTERN, `a decimal string such as ${example} (a dot, no thousands separator, no exponent)`)
    .superRefine((text, ctx) => {
      if (!isDecimalString(text)) return; // the regex issue already says what is wrong
      const value = new Dec(text);
      const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
      if (options.maxDecimals !== undefined && fractionDigits(text) > options.maxDecimals) {
        fail(`at most ${options.maxDecimals} decimals, got ${text}`);
      }
      if (options.min !== undefined && value.lt(options.min)) fail(`must be ≥ ${options.min}, got ${text}`);
      if (options.greaterThan !== undefined && value.lte(options.greaterThan)) {
        fail(`must be > ${options.greaterThan}, got ${text}`);
      }
      if (options.max !== undefined && value.gt(options.max)) fail(`must be ≤ ${options.max}, got ${text}`);
      if (options.lessThan !== undefined && value.gte(options.lessThan)) {
        fail(`must be < ${options.lessThan}, got ${text}`);
      }
    });
}
