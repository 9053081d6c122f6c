// `lojista cj webhooks enable --store X --url <base>` / `disable --store X`: point CJ's product,
// stock, order and logistics messages at the store's `/api/webhooks/cj` (CJ's webhook/set, one URL per
// topic), or cancel them, then read back what CJ holds (setting/get) and print it.
//
// CJ checks the URL when it is set: https only, no localhost (the simulator allows both when started
// with allowLocalWebhooks), and it must answer HTTP 200 to a probe — so the store has to be running
// and reachable at that address first. CJ's refusal is printed as CJ words it, with exit code 4.
import type { StoreRuntime } from '../../runtime/store-runtime.js';
import { cjWebhookUrl, setCjWebhooks, WEBHOOK_TOPICS, type WebhookTopicName } from '../../supplier/cj-webhooks-service.js';
import type { CliEnv } from '../env.js';
import { CliError, EXIT } from '../exit-codes.js';
import { withStore } from '../open-store.js';

export { CJ_WEBHOOK_PATH, WEBHOOK_TOPICS, type WebhookTopicName } from '../../supplier/cj-webhooks-service.js';

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
  const parsed = cjWebhookUrl(base);
  if (!parsed.ok) throw new CliError(parsed.message.replace(/^the URL/, '--url'), EXIT.usage);
  return parsed.url;
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
  const result = await setCjWebhooks(ctx, action, url, 'cli');
  if (!result.ok) {
    throw new CliError(result.message.replace(/^CJ (refused|did not confirm|did not answer whether) the webhook setting/, (m) => `${m} for ${storeId}`), EXIT.supplier);
  }
  // Without cj.baseUrl the command talks to a simulator started for this command only.
  const throwaway = ctx.supplier.simulated && ctx.config.cj.baseUrl === undefined;
  return {
    store: storeId,
    supplier: ctx.supplier.simulated ? 'SIMULATED (CJ simulator)' : 'CJ',
    action,
    url,
    topics: [...WEBHOOK_TOPICS],
    callback: result.callback,
    ...(throwaway
      ? { note: 'this store has no CJ API key and no cj.baseUrl: the setting went to a simulator that exists only while this command runs' }
      : {}),
  };
}
