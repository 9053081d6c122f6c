// The shape of one store's config file (stores/<id>.yaml). Every key has a default where a sensible
// one exists, so a minimal file is a name, a port and niche keywords. Unknown keys are errors: a typo
// must not silently fall back to a default that costs the owner money. Sections use .prefault({}) so
// an omitted section is parsed as {} and gets every inner default.
import { z } from 'zod';
import { parseDuration } from '../duration.js';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code in capitals, e.g. "PT"');

/** A duration such as "5m" or "4h", parsed to milliseconds. */
export const durationSchema = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      try {
        return parseDuration(text);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    });

/** A request budget per client IP: at most `max` requests per `window`. */
const rateLimitSchema = (max: number, window: string) =>
  z
    .object({ max: z.number().int().min(1).default(max), window: durationSchema(window) })
    .strict()
    .prefault({});

export const httpSettingsSchema = z
  .object({
    port: z.number().int().min(1).max(65535),
    /** 127.0.0.1 unless the owner says otherwise: the old engine listened on 0.0.0.0 with no auth. */
    host: z.string().min(1).default('127.0.0.1'),
    /** Storefront origins allowed by CORS; empty = no cross-origin access. */
    corsOrigins: z.array(z.url({ message: 'a full origin URL such as "https://astralmia.pt"' })).default([]),
    /**
     * The storefront's public address (scheme, host, optional path prefix), e.g. "https://astralmia.pt".
     * Canonical links, the sitemap and social cards use it; the Host header is never trusted for them.
     * Default: payments.storefrontUrl, else http://<host>:<port>.
     */
    publicUrl: z.url({ protocol: /^https?$/, message: 'a full http(s) URL such as "https://astralmia.pt"' }).optional(),
    /**
     * Old form, kept working: true trusts X-Forwarded-* from any peer (only safe when nothing but
     * the proxy can reach the port). Prefer `trustedProxies`; the two cannot be combined.
     */
    trustProxy: z.boolean().default(false),
    /**
     * Addresses or CIDR ranges of the reverse proxies in front of this store (e.g. ["127.0.0.1"] for
     * nginx on the same machine). Only a peer in this list may set the client address and scheme
     * through X-Forwarded-For / X-Forwarded-Proto; from anyone else those headers are ignored.
     */
    trustedProxies: z
      .array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { message: 'an IP address or CIDR range, e.g. "127.0.0.1" or "10.0.0.0/8"' }))
      .default([]),
    /** Slow-client limits: each is a duration such as "10s". */
    timeouts: z
      .object({
        /** The whole request head must arrive within this (slowloris: headers sent a byte at a time). */
        headers: durationSchema('10s'),
        /** Head and body must arrive within this (a half-sent upload is cut off). */
        request: durationSchema('30s'),
        /** A keep-alive connection with no request in progress is closed after this. */
        idle: durationSchema('30s'),
      })
      .strict()
      .prefault({}),
    /** Open connections allowed from one client address (trusted proxies are exempt); 0 = no cap. */
    maxConnectionsPerIp: z.number().int().min(0).max(100_000).default(32),
    /**
     * On SIGTERM: how long /ready answers 503 while requests are still served, so a load balancer
     * stops sending before the listener closes (at most a quarter of LOJISTA_SHUTDOWN_DEADLINE_MS).
     */
    drainDelay: durationSchema('2s'),
    bodyLimitBytes: z.number().int().min(1024).max(10_485_760).default(65_536),
    publicRateLimit: rateLimitSchema(120, '1m'),
    /** Budgets per purpose, each per client IP, on top of nothing else (a route has one budget). */
    rateLimits: z
      .object({
        checkout: rateLimitSchema(20, '10m'),
        tracking: rateLimitSchema(30, '10m'),
        search: rateLimitSchema(60, '1m'),
        forms: rateLimitSchema(10, '10m'),
        /** Console login attempts (lockouts after repeated failures come on top: `admin`). */
        login: rateLimitSchema(10, '1m'),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((http, ctx) => {
    if (http.trustProxy && http.trustedProxies.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['trustProxy'],
        message: 'cannot be combined with http.trustedProxies: remove http.trustProxy and keep the list of proxy addresses',
      });
    }
  });

export const cjSettingsSchema = z
  .object({
    /** Omit for the real CJ API; a store without a CJ API key runs on the bundled simulator. */
    baseUrl: z.url().optional(),
    /** The account's QPS budget from CJ (Free 1, Plus 2, Prime 4, Advanced 6). */
    qps: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(6)]).default(1),
    timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
  })
  .strict();

export const nicheSchema = z
  .object({
    /** English search keywords sent to CJ's listV2. */
    keywords: z.array(z.string().trim().min(2)).min(1, 'at least one keyword'),
    /** CJ category ids to filter searches by (optional). */
    categoryIds: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const catalogSettingsSchema = z
  .object({
    /** Most products listed at once; the weakest are retired first. */
    maxProducts: z.number().int().min(1).max(100_000).default(200),
    /** listV2 page size (CJ allows 1–100). */
    pageSize: z.number().int().min(1).max(100).default(50),
    /** Pages fetched per keyword per scan; the cursor continues from there on the next scan. */
    pagesPerKeyword: z.number().int().min(1).max(1000).default(1),
    /** CJ points one scan may spend (listV2 = 50, query/freight = 10). */
    pointsBudgetPerScan: z.number().int().min(50).default(20_000),
    /** Products shown by /catalog/featured. */
    featuredLimit: z.number().int().min(1).max(100).default(12),
  })
  .strict();

export const scheduleSchema = z
  .object({
    catalogScan: durationSchema('4h'),
    orderReconcile: durationSchema('5m'),
    inventory: durationSchema('2h'),
    disputes: durationSchema('30m'),
    /** Run the first catalogue scan when the store starts if it has never scanned. */
    scanOnFirstStart: z.boolean().default(true),
  })
  .strict();

export const thresholdsSchema = z
  .object({
    lowStock: z.number().int().min(0).default(5),
    priceChangePct: z.number().min(0).max(1000).default(15),
  })
  .strict();

export const alertChannelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('log') }).strict(),
  z
    .object({
      type: z.literal('telegram'),
      chatId: z.string().min(1),
      /** For tests and proxies; the bot token comes from the secrets. */
      apiBase: z.url().default('https://api.telegram.org'),
    })
    .strict(),
  z.object({ type: z.literal('webhook'), url: z.url() }).strict(),
]);

export const alertSettingsSchema = z
  .object({
    channels: z.array(alertChannelSchema).default([{ type: 'log' }]),
    /** The same alert (kind + subject) is sent at most once per window. */
    dedupeWindow: durationSchema('1h'),
    maxPerHour: z.number().int().min(1).default(30),
  })
  .strict();

/** An https link to one of the store's social profiles. */
const socialLink = z.url({ protocol: /^https$/, message: 'an https:// link to the profile, e.g. "https://instagram.com/astralmia"' }).optional();

/** Sections of the home page, in the order they are shown. */
export const HOME_SECTIONS = ['hero', 'categories', 'featured', 'newest', 'trust'] as const;

export const brandingSchema = z
  .object({
    tagline: z.string().max(160).optional(),
    /** Logo file (SVG or PNG), relative to the config folder; served by the store as an asset. */
    logo: z
      .string()
      .regex(/\.(svg|png)$/i, 'a .svg or .png file next to the config, e.g. "astralmia-logo.svg"')
      .optional(),
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a hex colour such as "#6b4fa0"')
      .optional(),
    /** A line shown in every page's footer (e.g. the company's legal name and address). */
    footerText: z.string().max(500).optional(),
    social: z
      .object({ instagram: socialLink, facebook: socialLink, tiktok: socialLink, pinterest: socialLink, youtube: socialLink, x: socialLink })
      .strict()
      .prefault({}),
    homeSections: z
      .array(z.enum(HOME_SECTIONS))
      .min(1, 'at least one home section')
      .refine((list) => new Set(list).size === list.length, 'each section at most once')
      .default(['hero', 'categories', 'featured', 'trust']),
    /**
     * The store's own stylesheet, loaded after the base theme (relative to the config folder).
     * Default: `<store id>.css` next to the config when that file exists.
     */
    stylesheet: z
      .string()
      .regex(/\.css$/i, 'a .css file next to the config, e.g. "astralmia.css"')
      .optional(),
  })
  .strict();

export const baseStoreConfigShape = {
  name: z.string().trim().min(1).max(80),
  locale: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale such as "pt-PT"')
    .default('pt-PT'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "EUR"')
    .default('EUR'),
  /** Where most customers are: freight and delivery days are judged for this country. */
  mainCountry: country.default('PT'),
  /** The store's time zone: dates on pages, e-mails and daily figures are in it. */
  timezone: z
    .string()
    .default('Europe/Lisbon')
    .refine((zone) => isTimeZone(zone), 'an IANA time zone such as "Europe/Lisbon"'),
  http: httpSettingsSchema,
  cj: cjSettingsSchema.prefault({}),
  niche: nicheSchema,
  catalog: catalogSettingsSchema.prefault({}),
  schedules: scheduleSchema.prefault({}),
  thresholds: thresholdsSchema.prefault({}),
  alerts: alertSettingsSchema.prefault({}),
  branding: brandingSchema.prefault({}),
} as const;
