// Points CJ's product, stock, order and logistics messages at the store's /api/webhooks/cj (CJ's
// webhook/set, one URL per topic), or cancels them, and reads back what CJ holds. Shared by
// `lojista cj webhooks` and the agent's "enable CJ webhooks" tool; recorded with its actor, which is
// how the overview knows whether webhooks are on. Setting the same URL again is harmless at CJ.
import { CjError, CjUnknownOutcomeError, type CjClient, type WebhookSetBody } from '@lojista/cj';
import { recordAudit } from '../audit/audit-log.js';
import type { ActorName } from '../audit/actor.js';
import type { StoreContext } from '../stores/context.js';

export const WEBHOOK_TOPICS = ['product', 'stock', 'order', 'logistics'] as const;
export type WebhookTopicName = (typeof WEBHOOK_TOPICS)[number];

/** Where each store receives CJ's messages (src/webhooks/cj-webhook-routes.ts). */
export const CJ_WEBHOOK_PATH = '/api/webhooks/cj';

/** What CJ answers a URL it will not take with (cj-api.md §6.8), and what to do about it. */
export const URL_HINTS: Record<number, string> = {
  1607001: 'CJ does not accept localhost or 127.0.0.1: use the public address of the store',
  1607002: 'CJ only accepts https:// URLs: put the store behind TLS (e.g. nginx) and use that address',
  1607003: `CJ could not get HTTP 200 from the URL: the store must be running (lojista serve) and reachable there, with ${CJ_WEBHOOK_PATH} passed through`,
};

export type WebhookUrl = { ok: true; url: string } | { ok: false; message: string };

/**
 * The store's webhook URL from the base the operator gives ("https://loja.example.pt" →
 * "https://loja.example.pt/api/webhooks/cj"); a URL already ending in /api/webhooks/cj is kept as it is.
 */
export function cjWebhookUrl(base: string): WebhookUrl {
  let url: URL;
  try {
    url = new URL(base.trim());
  } catch {
    return { ok: false, message: `the URL must be the store's public address, e.g. https://loja.example.pt (got "${base}")` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `the URL must start with https:// (got ${url.protocol}//)` };
  if (url.username || url.password || url.search || url.hash) return { ok: false, message: 'the URL must be a plain address without credentials, query or fragment' };
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith(CJ_WEBHOOK_PATH) ? path : `${path}${CJ_WEBHOOK_PATH}`;
  return { ok: true, url: url.toString() };
}

export type SetWebhooksResult =
  | { ok: true; action: 'enable' | 'disable'; url: string | null; topics: WebhookTopicName[]; callback: Record<string, unknown> | null }
  | { ok: false; code: 'unknown_outcome' | 'refused'; message: string; cjCode?: number };

export async function setCjWebhooks(
  ctx: Pick<StoreContext, 'db' | 'clock' | 'log'> & { cj: CjClient },
  action: 'enable' | 'disable',
  url: string | null,
  actor: ActorName,
): Promise<SetWebhooksResult> {
  const topic = action === 'disable' || url === null ? { type: 'CANCEL' as const, callbackUrls: [] } : { type: 'ENABLE' as const, callbackUrls: [url] };
  const body: WebhookSetBody = Object.fromEntries(WEBHOOK_TOPICS.map((t) => [t, topic]));
  try {
    const accepted = await ctx.cj.webhook.set(body);
    if (accepted !== true) return { ok: false, code: 'refused', message: `CJ did not confirm the webhook setting (answered ${JSON.stringify(accepted)})` };
  } catch (err) {
    if (err instanceof CjUnknownOutcomeError) {
      return { ok: false, code: 'unknown_outcome', message: `CJ did not answer whether the webhook setting was applied (${err.message}); try again` };
    }
    if (err instanceof CjError) {
      const hint = err.code !== undefined ? URL_HINTS[err.code] : undefined;
      const code = err.code !== undefined && !err.message.includes(String(err.code)) ? ` (CJ code ${err.code})` : '';
      return { ok: false, code: 'refused', message: `CJ refused the webhook setting: ${err.message}${code}${hint ? `. ${hint}` : ''}`, ...(err.code !== undefined ? { cjCode: err.code } : {}) };
    }
    throw err;
  }
  await recordAudit(ctx.db, ctx.clock, { actor, action: `cj.webhooks.${action}`, subject: 'cj', data: { url: action === 'enable' ? url : null } });
  let callback: Record<string, unknown> | null = null;
  try {
    callback = (await ctx.cj.setting.get()).callback ?? null;
  } catch (err) {
    ctx.log.warn({ err }, 'webhook setting applied but setting/get could not be read back');
  }
  return { ok: true, action, url: action === 'enable' ? url : null, topics: [...WEBHOOK_TOPICS], callback };
}
