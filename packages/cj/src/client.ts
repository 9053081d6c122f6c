import { AuthManager } from './auth/auth-manager.js';
import { processMemoryTokenStore } from './auth/memory-token-store.js';
import type { TokenStore } from './auth/token-store.js';
import { defaultAccountId } from './account.js';
import { type Clock, systemClock } from './clock.js';
import { AuthApi } from './endpoints/auth.js';
import { DisputesApi } from './endpoints/disputes.js';
import { LogisticApi } from './endpoints/logistic.js';
import { OrdersApi } from './endpoints/orders.js';
import { PayApi } from './endpoints/pay.js';
import { ProductsApi } from './endpoints/product.js';
import { SettingApi } from './endpoints/setting.js';
import { SourcingApi } from './endpoints/sourcing.js';
import { StockApi } from './endpoints/stock.js';
import { WarehouseApi } from './endpoints/warehouse.js';
import { WebhookApi } from './endpoints/webhook.js';
import type { Execute } from './endpoint.js';
import { Executor } from './executor.js';
import type { RateLimiter } from './limiter/rate-limiter.js';
import { processRateLimiter } from './limiter/shared.js';
import { type CjLogger, type CjObserver, silentLogger } from './observer.js';
import type { RetrySettings } from './resilience/backoff.js';
import { type BreakerSettings, createBreaker } from './resilience/breaker.js';

export const DEFAULT_BASE_URL = 'https://developers.cjdropshipping.com/api2.0/v1';

export interface CjClientOptions {
  /** "CJUserNum@api@…" from the CJ developer settings. */
  apiKey: string;
  /** Default https://developers.cjdropshipping.com/api2.0/v1 (point it at cj-sim for tests/demos). */
  baseUrl?: string;
  /** Key for the token store, limiter and breaker. Default: a stable hash of apiKey. */
  accountId?: string;
  /** Default: a process-wide MemoryTokenStore. Use FileTokenStore so tokens and the cooldown survive restarts. */
  tokenStore?: TokenStore;
  /** Default: a process-wide InProcessRateLimiter shared by every client of the same accountId. */
  limiter?: RateLimiter;
  /** The account's QPS (CJ: 1 free, 2 Plus, 4 Prime, 6 Advanced). Default 1. */
  qps?: 1 | 2 | 4 | 6;
  /** Per-attempt HTTP timeout. Default 15 000 ms. */
  timeoutMs?: number;
  retry?: Partial<RetrySettings>;
  breaker?: Partial<BreakerSettings>;
  auth?: {
    /** Refresh when less than this is left on the access token. Default 1 h. */
    refreshBeforeExpiryMs?: number;
    /** Minimum gap between getAccessToken calls. Default 5 min (CJ's limit); do not lower it against real CJ. */
    getAccessTokenCooldownMs?: number;
    /** refreshAccessToken budget per minute. Default 5 (CJ's limit). */
    refreshPerMinute?: number;
  };
  clock?: Clock;
  fetch?: typeof fetch;
  observer?: CjObserver;
  logger?: CjLogger;
}

/**
 * Typed client for the CJ Dropshipping Open API 2.0. One instance per CJ account; every call goes
 * through the account's token lifecycle, rate limiter, circuit breaker and safe-retry policy.
 */
export class CjClient {
  readonly accountId: string;
  readonly auth: AuthApi;
  readonly setting: SettingApi;
  readonly products: ProductsApi;
  readonly stock: StockApi;
  readonly sourcing: SourcingApi;
  readonly warehouse: WarehouseApi;
  readonly orders: OrdersApi;
  readonly pay: PayApi;
  readonly logistic: LogisticApi;
  readonly disputes: DisputesApi;
  readonly webhook: WebhookApi;

  constructor(options: CjClientOptions) {
    if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
      throw new TypeError('apiKey is required: the "CJUserNum@api@…" key from CJ → Authorization → API');
    }
    const qps = options.qps ?? 1;
    if (!(qps > 0)) throw new RangeError(`qps must be positive (CJ levels: 1, 2, 4, 6), got ${qps}`);
    const timeoutMs = options.timeoutMs ?? 15_000;
    if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be positive, got ${timeoutMs}`);

    this.accountId = options.accountId ?? defaultAccountId(options.apiKey);
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? silentLogger;
    const observer = options.observer;
    const accountId = this.accountId;

    const breaker = createBreaker(
      { consecutiveFailures: options.breaker?.consecutiveFailures ?? 5, halfOpenAfterMs: options.breaker?.halfOpenAfterMs ?? 30_000 },
      (state) => {
        logger[state === 'open' ? 'warn' : 'info']({ accountId, state }, `CJ circuit breaker ${state}`);
        try {
          observer?.({ type: 'breaker', accountId, state });
        } catch {
          // Observers never break calls.
        }
      },
    );

    const executor = new Executor({
      accountId,
      baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
      qps,
      timeoutMs,
      retry: {
        maxAttempts: options.retry?.maxAttempts ?? 4,
        baseDelayMs: options.retry?.baseDelayMs ?? 500,
        maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
      },
      limiter: options.limiter ?? processRateLimiter(),
      breaker,
      clock,
      fetch: options.fetch ?? globalThis.fetch,
      observer,
      logger,
    });
    const execute: Execute = (endpoint, request, call) => executor.execute(endpoint, request, call);

    const manager = new AuthManager({
      accountId,
      apiKey: options.apiKey,
      store: options.tokenStore ?? processMemoryTokenStore(),
      clock,
      logger,
      execute,
      settings: {
        refreshBeforeExpiryMs: options.auth?.refreshBeforeExpiryMs ?? 60 * 60_000,
        getAccessTokenCooldownMs: options.auth?.getAccessTokenCooldownMs ?? 5 * 60_000,
        refreshPerMinute: options.auth?.refreshPerMinute ?? 5,
      },
    });
    executor.setTokenProvider(manager);

    this.auth = new AuthApi(manager);
    this.setting = new SettingApi(execute);
    this.products = new ProductsApi(execute);
    this.stock = new StockApi(execute);
    this.sourcing = new SourcingApi(execute);
    this.warehouse = new WarehouseApi(execute);
    this.orders = new OrdersApi(execute);
    this.pay = new PayApi(execute);
    this.logistic = new LogisticApi(execute);
    this.disputes = new DisputesApi(execute);
    this.webhook = new WebhookApi(execute);
  }
}
