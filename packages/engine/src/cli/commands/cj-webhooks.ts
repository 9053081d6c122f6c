// `lojista cj webhooks enable --store X --url <base>` / `disable --store X`: point CJ's product,
// stock, order and logistics messages at the store's `/api/webhooks/cj` (CJ's webhook/set, one URL per
// topic), or cancel them, then read back what CJ holds (setting/get) and print it.
//
// CJ checks the URL when it is set: https only, no localhost (the simulator allows both when started
// with allowLocalWebhooks), and it must answer HTTP 200 to a probe — so the store has to be running
// and reachable at that address first. CJ's refusal is printed as CJ words it, with exit code 4.
import { CjError, CjUnknownOutcomeError, type WebhookSetBody } from '@lojista/cj';
import type { StoreRuntime } from '../../runtime/store-runtime.js';
import type { CliEnv } from '../env.js';
import { CliError, EXIT } from '../exit-codes.js';
import { withStore } from '../open-store.js';

export const WEBHOOK_TOPICS = ['product', 'stock', 'order', 'logistics'] as const;
export type WebhookTopicName = (typeof WEBHOOK_TOPICS)[number];

/** Where each store receives CJ's messages (src/webhooks/cj-webhook-routes.ts). */
export const CJ_WEBHOOK_PATH = '/api/webhooks/cj';

/** What CJ answers a URL it will not take with (cj-api.md §6.8), and what to do about it. */
const URL_HINTS: Record<number, string> = {
  1607001: 'CJ does not accept localhost or 127.0.0.1: use the public address of the store',
  1607002: 'CJ only accepts https:// URLs: put the store behind TLS (e.g. nginx) and use that address',
  1607003: `CJ could not get HTTP 200 from the URL: the store must be running (lojista serve) and reachable there, with ${CJ_WEBHOOK_PATH} passed through`,
};

export interface WebhooksReport {
  store: string;
  supplier: string;
  action: 'enable' | 'disable';
  /** The callback URL sent for every topic (null when disabling). */
  url: string | null;
  topics: WebhookTopicName[];
  /** What CJ holds now, as setting/get reports it (null if it could not be read back). */
  callback: Record<string, unknown> | null;
  note?: string;
}

/**
 * The store's webhook URL from the base the operator gives ("https://loja.example.pt" →
 * "https://loja.example.pt/api/webhooks/cj"); a URL already ending in /api/webhooks/cj is kept as it is.
 */
export function webhookUrl(base: string): string {
  let url: URL;
  try {
    url = new URL(base.trim());
  } catch {
    throw new CliError(`--url must be the store's public address, e.g. https://loja.example.pt (got "${base}")`, EXIT.usage);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CliError(`--url must start with https:// (got ${url.protocol}//)`, EXIT.usage);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new CliError('--url must be a plain address without credentials, query or fragment', EXIT.usage);
  }
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith(CJ_WEBHOOK_PATH) ? path : `${path}${CJ_WEBHOOK_PATH}`;
  return url.toString();
}

export async function cjWebhooksEnable(env: CliEnv, opts: { store: string; url: string }): Promise<WebhooksReport> {
  const url = webhookUrl(opts.url);
  return withStore(env, opts.store, { needsCj: true }, (store) => setWebhooks(store, opts.store, 'enable', url));
}

export async function cjWebhooksDisable(env: CliEnv, opts: { store: string }): Promise<WebhooksReport> {
  return withStore(env, opts.store, { needsCj: true }, (store) => setWebhooks(store, opts.store, 'disable', null));
}

async function setWebhooks(store: StoreRuntime, storeId: string, action: 'enable' | 'disable', url: string | null): Promise<WebhooksReport> {
  const { ctx } = store;
  const topic = url === null ? { type: 'CANCEL' as const, callbackUrls: [] } : { type: 'ENABLE' as const, callbackUrls: [url] };
  const body: WebhookSetBody = Object.fromEntries(WEBHOOK_TOPICS.map((t) => [t, topic]));
  try {
    const accepted = await ctx.cj.webhook.set(body);
    if (accepted !== true) throw new CliError(`CJ did not confirm the webhook setting for ${storeId} (answered ${JSON.stringify(accepted)})`, EXIT.supplier);
  } catch (err) {
    if (err instanceof CliError) throw err;
    if (err instanceof CjUnknownOutcomeError) {
      throw new CliError(`CJ did not answer whether the webhook setting for ${storeId} was applied (${err.message}); run the command again`, EXIT.supplier);
    }
    if (err instanceof CjError) {
      const hint = err.code !== undefined ? URL_HINTS[err.code] : undefined;
      const code = err.code !== undefined && !err.message.includes(String(err.code)) ? ` (CJ code ${err.code})` : '';
      throw new CliError(`CJ refused the webhook setting for ${storeId}: ${err.message}${code}${hint ? `. ${hint}` : ''}`, EXIT.supplier);
    }
    throw err;
  }
  let callback: Record<string, unknown> | null = null;
  try {
    callback = (await ctx.cj.setting.get()).callback ?? null;
  } catch (err) {
    ctx.log.warn({ err }, 'webhook setting applied but setting/get could not be read back');
  }
  // Without cj.baseUrl the command talks to a simulator started for this command only.
  const throwaway = ctx.supplier.simulated && ctx.config.cj.baseUrl === undefined;
  return {
    store: storeId,
    supplier: ctx.supplier.simulated ? 'SIMULATED (CJ simulator)' : 'CJ',
    action,
    url,
    topics: [...WEBHOOK_TOPICS],
    callback,
    ...(throwaway
      ? { note: 'this store has no CJ API key and no cj.baseUrl: the setting went to a simulator that exists only while this command runs' }
      : {}),
  };
}
