// The owner's view of the store's CJ account: balance and QPS level as CJ reports them now, the
// token's expiry as the store holds it (table cj_tokens), and the webhook setting — which the owner
// can switch on (pointing CJ at this store's /api/webhooks/cj) or off. Each CJ answer that fails is
// shown as that failure; the rest of the page still shows.
import { CjError, CjUnknownOutcomeError, tokenRecordSchema, type CjBalance, type WebhookSetBody } from '@lojista/cj';
import type { StoreContext } from '../stores/context.js';

export const WEBHOOK_TOPICS = ['product', 'stock', 'order', 'logistics'] as const;
export const CJ_WEBHOOK_PATH = '/api/webhooks/cj';

type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

async function answer<T>(call: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

export interface CjAccountSummary {
  simulated: boolean;
  baseUrl: string;
  configuredQps: number;
  balance: Answer<CjBalance>;
  settings: Answer<{ qpsLimit: number | null; root: string | null; callback: Record<string, unknown> | null }>;
  token: { accessTokenExpiresAt: string | null; refreshTokenExpiresAt: string | null; updatedAt: string | null };
}

export async function cjAccountSummary(ctx: StoreContext, signal?: AbortSignal): Promise<CjAccountSummary> {
  const call = { timeoutMs: 10_000, ...(signal ? { signal } : {}) };
  const [balance, settings, tokenRow] = await Promise.all([
    answer(() => ctx.cj.pay.balance(call)),
    answer(async () => {
      const s = await ctx.cj.setting.get(call);
      return { qpsLimit: s.qpsLimit ?? null, root: s.root ?? null, callback: s.callback ?? null };
    }),
    ctx.db.selectFrom('cj_tokens').selectAll().where('account_id', '=', ctx.cj.accountId).executeTakeFirst(),
  ]);
  let accessTokenExpiresAt: string | null = null;
  let refreshTokenExpiresAt: string | null = null;
  if (tokenRow) {
    try {
      const parsed = tokenRecordSchema.safeParse(JSON.parse(tokenRow.data));
      if (parsed.success) {
        if (parsed.data.accessTokenExpiresAt) accessTokenExpiresAt = new Date(parsed.data.accessTokenExpiresAt).toISOString();
        if (parsed.data.refreshTokenExpiresAt) refreshTokenExpiresAt = new Date(parsed.data.refreshTokenExpiresAt).toISOString();
      }
    } catch {
      // A damaged record shows as "unknown"; the client re-authenticates within the rules.
    }
  }
  return {
    simulated: ctx.supplier.simulated,
    baseUrl: ctx.supplier.baseUrl,
    configuredQps: ctx.config.cj.qps,
    balance,
    settings,
    token: { accessTokenExpiresAt, refreshTokenExpiresAt, updatedAt: tokenRow?.updated_at ?? null },
  };
}

/** Whether CJ's callback setting names a URL for any topic (its shape differs between CJ's doc snapshots). */
export function webhooksEnabled(callback: Record<string, unknown> | null): boolean {
  if (!callback) return false;
  return JSON.stringify(callback).includes('http');
}

/** The store's webhook address from its public base ("https://loja.pt" → "https://loja.pt/api/webhooks/cj"), or null when it is not one. */
export function webhookUrlFrom(base: string): string | null {
  let url: URL;
  try {
    url = new URL(base.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) return null;
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith(CJ_WEBHOOK_PATH) ? path : `${path}${CJ_WEBHOOK_PATH}`;
  return url.toString();
}

export type WebhookSetResult = { ok: true } | { ok: false; error: string };

/** CJ's webhook/set for every topic: ENABLE with the URL, or CANCEL. CJ's refusal comes back in its own words. */
export async function setCjWebhooks(ctx: StoreContext, url: string | null): Promise<WebhookSetResult> {
  const topic = url === null ? { type: 'CANCEL' as const, callbackUrls: [] } : { type: 'ENABLE' as const, callbackUrls: [url] };
  const body: WebhookSetBody = Object.fromEntries(WEBHOOK_TOPICS.map((t) => [t, topic]));
  try {
    const accepted = await ctx.cj.webhook.set(body, { timeoutMs: 15_000 });
    if (accepted !== true) return { ok: false, error: `CJ did not confirm (answered ${JSON.stringify(accepted)})` };
    return { ok: true };
  } catch (err) {
    if (err instanceof CjUnknownOutcomeError) return { ok: false, error: `CJ did not answer whether it was applied (${err.message}); try again` };
    if (err instanceof CjError) return { ok: false, error: err.message };
    throw err;
  }
}
