import { z } from 'zod';
import { type NumberRange, type PriceRange, toDecimalString, toNumberRange, toPriceRange } from '../decimal.js';

/**
 * Building blocks for response schemas. Conventions, everywhere:
 *  - `null` and absent are the same thing (CJ sends both) and surface as `undefined`;
 *  - ids are strings (numbers from parseCjJson are exact, so String(n) is too);
 *  - money is a canonical decimal string; prices that may be ranges are PriceRange;
 *  - counts CJ sends as strings ("285") are numbers.
 */

/** Makes any schema tolerant of null/absent, yielding undefined. */
export function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined);
}

/** Array that may be null/absent → []. */
export function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? []);
}

/** An id that CJ sends as a string or a (possibly huge) number → non-empty string. */
export const id = z.union([z.string().min(1), z.number().int()]).transform((v) => String(v));

/** Optional id: "" / null / absent → undefined. */
export const optId = z
  .union([z.string(), z.number().int()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? undefined : String(v)));

/** Optional free text. Numbers are tolerated (CJ is stringly and numberly typed) and stringified. */
export const text = z
  .union([z.string(), z.number(), z.boolean()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));

/** Money → canonical decimal string ("11.85"); ""/null → undefined. Anything else is a schema error. */
export const money = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v, ctx): string | undefined => {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    const d = toDecimalString(v);
    if (d === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a decimal amount, got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return d;
  });

/** A price that may be a single amount or a "min-max" range. */
export const priceRange = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v, ctx): PriceRange | undefined => {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    const r = toPriceRange(v);
    if (r === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a price or price range, got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return r;
  });

/** A measurement that may be a single value or a "min-max" range (product weights). */
export const numberRange = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v, ctx): NumberRange | undefined => {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    const r = toNumberRange(v);
    if (r === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a number or range, got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return r;
  });

/** A number CJ may send as a string ("1500.0", "285"); ""/null → undefined. */
export const num = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v, ctx): number | undefined => {
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'number') return v;
    const t = v.trim();
    if (t === '') return undefined;
    const n = Number(t);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `expected a number, got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return n;
  });

/** Like `num`, but required. */
export const reqNum = num.refine((v) => v !== undefined, { message: 'required number is missing' }).transform((v) => v as number);

/** Boolean from true/false, 1/0, "true"/"false", "1"/"0"; null → undefined. */
export const bool = z
  .union([z.boolean(), z.number(), z.string()])
  .nullish()
  .transform((v): boolean | undefined => {
    if (v === null || v === undefined || v === '') return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 1 || v === '1' || v === 'true') return true;
    if (v === 0 || v === '0' || v === 'false') return false;
    return undefined;
  });

/**
 * `data` of endpoints that answer with a bare boolean, which CJ also sends as the string "true"
 * (disputes, cj-api.md §3). A success envelope with no data at all counts as true.
 */
export const cjBoolean = z
  .union([z.boolean(), z.literal('true'), z.literal('false'), z.null(), z.undefined()])
  .transform((v) => v !== false && v !== 'false');

/** Endpoints whose `data` carries nothing (`null` on success): the envelope said it worked. */
export const nothing = z.unknown().transform((): void => undefined);

/** Strings that CJ sends JSON-encoded ('["XS"]') or plain ("Black"). */
export function decodeStringList(value: string): string[] {
  const t = value.trim();
  if (t.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed)) return parsed.map((x) => String(x));
    } catch {
      // Not JSON after all: fall through to the plain value.
    }
  }
  return t === '' ? [] : [t];
}

/** String list that may arrive JSON-encoded or plain → string[]. */
export const stringList = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .nullish()
  .transform((v): string[] => {
    if (v === null || v === undefined) return [];
    if (Array.isArray(v)) return v.map(String);
    return decodeStringList(v);
  });

/** Epoch ms from CJ's ISO-ish timestamps ("2021-08-18T09:16:33+08:00"). */
export const isoInstant = z.string().transform((v, ctx) => {
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: `expected a timestamp, got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return ms;
});

/** A stock id without the braces CJ wraps it in ("{6709CCD7-…}" → "6709CCD7-…"). */
export const stockId = optId.transform((v) => v?.replace(/^\{(.*)\}$/, '$1'));

/** Paging CJ sends as `{pageNum, pageSize, total, list}` (numbers or numeric strings). */
export interface Page<T> {
  pageNum: number;
  pageSize: number;
  total: number;
  items: T[];
}

export function classicPage<T extends z.ZodType>(item: T) {
  return z
    .object({ pageNum: num, pageSize: num, total: num, list: list(item) })
    .transform(
      (p): Page<z.output<T>> => ({
        pageNum: p.pageNum ?? 1,
        pageSize: p.pageSize ?? p.list.length,
        total: p.total ?? p.list.length,
        items: p.list,
      }),
    );
}
