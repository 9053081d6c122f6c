// Which CJ a store talks to. With a CJ API key and no base URL: the real CJ API. Without a key: the
// bundled simulator (in-process, or the one at cj.baseUrl), with a per-store simulator account, and
// the store says so loudly everywhere.
import { createHash } from 'node:crypto';
import type { StoreSecrets } from '../stores/secrets.js';
import type { StoreConfig } from '../stores/store-config.js';
import type { SupplierInfo } from '../stores/context.js';

export const REAL_CJ_BASE_URL = 'https://developers.cjdropshipping.com/api2.0/v1';

/** A stable simulator API key for a store ("CJ<digits>@api@<32 hex>", the real key format). */
export function simulatorApiKey(storeId: string): string {
  const digest = createHash('sha256').update(`lojista-sim:${storeId}`).digest('hex');
  const userNum = String(1_000_000 + (parseInt(digest.slice(0, 8), 16) % 9_000_000));
  return `CJ${userNum}@api@${digest.slice(8, 40)}`;
}

export interface ResolvedSupplier extends SupplierInfo {
  apiKey: string;
  /** true when this store needs the in-process simulator. */
  needsInProcessSimulator: boolean;
}

export function resolveSupplier(storeId: string, config: StoreConfig, secrets: StoreSecrets, simulatorBaseUrl?: string): ResolvedSupplier {
  const apiKey = secrets.get('cjApiKey');
  const baseUrl = config.cj.baseUrl;
  if (apiKey && !baseUrl) return { apiKey, baseUrl: REAL_CJ_BASE_URL, simulated: false, needsInProcessSimulator: false };
  if (apiKey && baseUrl) {
    return { apiKey, baseUrl, simulated: !baseUrl.startsWith('https://developers.cjdropshipping.com'), needsInProcessSimulator: false };
  }
  if (baseUrl) return { apiKey: simulatorApiKey(storeId), baseUrl, simulated: true, needsInProcessSimulator: false };
  return {
    apiKey: simulatorApiKey(storeId),
    baseUrl: simulatorBaseUrl ?? '(in-process simulator, not started yet)',
    simulated: true,
    needsInProcessSimulator: true,
  };
}
