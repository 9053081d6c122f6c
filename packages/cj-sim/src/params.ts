// Reading request parameters the way CJ validates them: a missing or malformed parameter is a
// 1600300 whose message names it ("orderNumber must be not empty"), so the caller knows the fix.
import { paramError } from './errors.js';
import { parseCents } from './money.js';

export type RawQuery = Record<string, string | string[] | undefined>;

/** Query-string access. Repeated keys come as arrays (fast-querystring), e.g. ?features=a&features=b. */
export class Query {
  constructor(private readonly raw: RawQuery) {}

  has(name: string): boolean {
    const v = this.raw[name];
    return v !== undefined && !(typeof v === 'string' && v === '');
  }

  /** The first value, trimmed; undefined when absent or empty. */
  string(name: string): string | undefined {
    const v = this.raw[name];
    const first = Array.isArray(v) ? v[0] : v;
    if (first === undefined) return undefined;
    const t = first.trim();
    return t === '' ? undefined : t;
  }

  requireString(name: string): string {
    const v = this.string(name);
    if (v === undefined) throw paramError(`${name} must be not empty`);
    return v;
  }

  /** Every value of a repeated key, also splitting comma-joined values (listV2 sends "a,b"). */
  list(name: string): string[] {
    const v = this.raw[name];
    const all = v === undefined ? [] : Array.isArray(v) ? v : [v];
    return all.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  }

  /** An integer in [min, max], or the default when absent; anything else is a 1600300 naming it. */
  int(name: string, opts: { min?: number; max?: number; default: number }): number;
  int(name: string, opts: { min?: number; max?: number }): number | undefined;
  int(name: string, opts: { min?: number; max?: number; default?: number }): number | undefined {
    const s = this.string(name);
    if (s === undefined) return opts.default;
    if (!/^-?\d+$/.test(s)) throw paramError(`${name} must be an integer, got '${s}'`);
    const n = Number(s);
    if (opts.min !== undefined && n < opts.min) throw paramError(`${name} must be greater than or equal to ${opts.min}`);
    if (opts.max !== undefined && n > opts.max) throw paramError(`${name} must be less than or equal to ${opts.max}`);
    return n;
  }

  /** A decimal price in cents, or undefined when absent. */
  cents(name: string): number | undefined {
    const s = this.string(name);
    if (s === undefined) return undefined;
    const c = parseCents(s);
    if (c === undefined) throw paramError(`${name} must be a decimal number, got '${s}'`);
    return c;
  }
}

/** JSON-body access with CJ-style validation messages. */
export class Body {
  constructor(readonly raw: Record<string, unknown>) {}

  static of(value: unknown): Body {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw paramError('Param error: the request body must be a JSON object');
    return new Body(value as Record<string, unknown>);
  }

  has(name: string): boolean {
    const v = this.raw[name];
    return v !== undefined && v !== null && v !== '';
  }

  /** A string (numbers are accepted and turned into their text: ids are sometimes sent as numbers). */
  string(name: string, opts: { max?: number } = {}): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') throw paramError(`${name} must be a string`);
    const s = String(v).trim();
    if (s === '') return undefined;
    if (opts.max !== undefined && s.length > opts.max) throw paramError(`${name} length must be less than or equal to ${opts.max}`);
    return s;
  }

  requireString(name: string, opts: { max?: number } = {}): string {
    const s = this.string(name, opts);
    if (s === undefined) throw paramError(`${name} must be not empty`);
    return s;
  }

  int(name: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === '') return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isInteger(n)) throw paramError(`${name} must be an integer`);
    if (opts.min !== undefined && n < opts.min) throw paramError(`${name} must be greater than or equal to ${opts.min}`);
    if (opts.max !== undefined && n > opts.max) throw paramError(`${name} must be less than or equal to ${opts.max}`);
    return n;
  }

  requireInt(name: string, opts: { min?: number; max?: number } = {}): number {
    const n = this.int(name, opts);
    if (n === undefined) throw paramError(`${name} must be not empty`);
    return n;
  }

  array(name: string): unknown[] | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) throw paramError(`${name} must be an array`);
    return v;
  }

  requireArray(name: string): unknown[] {
    const v = this.array(name);
    if (v === undefined || v.length === 0) throw paramError(`${name} must be not empty`);
    return v;
  }

  /** A list of strings (ids); numbers are accepted as their text. */
  requireStringList(name: string): string[] {
    return this.requireArray(name).map((item, i) => {
      if (typeof item !== 'string' && typeof item !== 'number') throw paramError(`${name}[${i}] must be a string`);
      const s = String(item).trim();
      if (s === '') throw paramError(`${name}[${i}] must be not empty`);
      return s;
    });
  }

  object(name: string): Body | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) throw paramError(`${name} must be an object`);
    return new Body(v as Record<string, unknown>);
  }
}
