// Simulator options: defaults and validation. Invalid options fail fast with a message that names
// the option and the fix.
import { z } from 'zod';
import { parseCents } from './money.js';

/** Options of startSimulator (see README.md for each). */
export interface SimulatorOptions {
  /** Default 42 — same seed ⇒ same catalogue, ids, prices. */
  seed?: number;
  /** Default per-account QPS limit (CJ's levels are 1|2|4|6), default 1. */
  qps?: number;
  /** realtime: simNow = Date.now() + offset, a 1 s ticker processes due events; manual: time moves only via advanceClock(). Default 'realtime'. */
  clock?: 'realtime' | 'manual';
  /** Epoch ms the simulated clock starts at. Default: 2026-11-01T00:00:00Z for the manual clock, the real time for the realtime clock. */
  startTime?: number;
  /** getAccessToken cooldown per account in seconds, default 300 (0 disables). */
  tokenCooldownSec?: number;
  /** 'cached24h' = newest docs: getAccessToken within 24 h returns the same tokens. Default 'cooldown'. */
  tokenMode?: 'cooldown' | 'cached24h';
  /** refreshAccessToken calls per account per minute, default 5. */
  refreshPerMinute?: number;
  /** Calls per account per endpoint per simulated day; null (default) = no quota. */
  dailyQuota?: number | null;
  /** Accept http:// and localhost/127.0.0.1 callback URLs at webhook/set (real CJ rejects them). */
  allowLocalWebhooks?: boolean;
  /** Send the `sign` header with webhooks, default true. */
  signWebhooks?: boolean;
  /** Number of products, default 2400 (≥ 2000 unless you ask for a tiny catalogue explicitly). */
  catalogueSize?: number;
  /** Also accept {email,password} and {email,apiKey} at getAccessToken. */
  legacyAuth?: boolean;
  /** Accounts to create at start. */
  accounts?: Array<{ apiKey: string; openId?: string; balance?: string; qps?: number }>;
  /** Base of absolute URLs (images, cjPayUrl); default derived from the request's Host header. */
  publicUrl?: string;
  /** Webhook delivery (and webhook/set probe) timeout, default 3000 ms. */
  webhookTimeoutMs?: number;
  /** Fastify request logging, default false. */
  logger?: boolean;
}

export interface ResolvedOptions {
  seed: number;
  qps: number;
  clock: 'realtime' | 'manual';
  /** Explicit clock start, if any (see clockStart()). */
  startTime: number | undefined;
  /**
   * The fixed instant the catalogue is generated against (creation dates, review dates), so the
   * catalogue is identical whatever the real date: startTime if given, else 2026-11-01.
   */
  catalogueEpoch: number;
  tokenCooldownSec: number;
  tokenMode: 'cooldown' | 'cached24h';
  refreshPerMinute: number;
  dailyQuota: number | null;
  allowLocalWebhooks: boolean;
  signWebhooks: boolean;
  catalogueSize: number;
  legacyAuth: boolean;
  accounts: Array<{ apiKey: string; openId?: string; balance?: string; qps?: number }>;
  publicUrl: string | undefined;
  webhookTimeoutMs: number;
  logger: boolean;
  /** Balance of auto-provisioned accounts, in cents. */
  defaultBalanceCents: number;
}

export const DEFAULT_START_TIME = Date.UTC(2026, 10, 1, 0, 0, 0);
export const DEFAULT_BALANCE = '10000.00';

const schema = z
  .object({
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
    qps: z.number().int().min(1).max(1000).default(1),
    clock: z.enum(['realtime', 'manual']).default('realtime'),
    startTime: z.number().int().min(0).optional(),
    tokenCooldownSec: z.number().int().min(0).default(300),
    tokenMode: z.enum(['cooldown', 'cached24h']).default('cooldown'),
    refreshPerMinute: z.number().int().min(1).default(5),
    dailyQuota: z.number().int().min(1).nullable().default(null),
    allowLocalWebhooks: z.boolean().default(false),
    signWebhooks: z.boolean().default(true),
    catalogueSize: z.number().int().min(1).max(99_999).default(2400),
    legacyAuth: z.boolean().default(false),
    accounts: z
      .array(
        z
          .object({
            apiKey: z.string().min(1),
            openId: z.string().regex(/^[1-9]\d{0,18}$/, 'openId must be 1–19 digits').optional(),
            balance: z.string().refine((s) => (parseCents(s) ?? -1) >= 0, 'balance must be a decimal like "100.00"').optional(),
            qps: z.number().int().min(1).max(1000).optional(),
          })
          .strict(),
      )
      .default([]),
    publicUrl: z.string().url().optional(),
    webhookTimeoutMs: z.number().int().min(1).max(60_000).default(3000),
    logger: z.boolean().default(false),
  })
  .strict();

export function resolveOptions(input: SimulatorOptions = {}): ResolvedOptions {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`cj-sim: invalid option ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const o = parsed.data;
  return {
    ...o,
    startTime: o.startTime,
    catalogueEpoch: o.startTime ?? DEFAULT_START_TIME,
    publicUrl: o.publicUrl?.replace(/\/+$/, ''),
    defaultBalanceCents: parseCents(DEFAULT_BALANCE) ?? 0,
  };
}

/** Where the simulated clock starts: startTime, else real time (realtime) or 2026-11-01 (manual). */
export function clockStart(opts: ResolvedOptions): number {
  return opts.startTime ?? (opts.clock === 'realtime' ? Date.now() : DEFAULT_START_TIME);
}
