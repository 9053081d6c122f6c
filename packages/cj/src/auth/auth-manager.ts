import type { Clock } from '../clock.js';
import type { CallOptions, Execute } from '../endpoint.js';
import { CjAuthCooldownError, CjAuthError, CjCircuitOpenError, CjRateLimitedError, CjTransportError } from '../errors.js';
import type { CjLogger } from '../observer.js';
import { type AccessTokenData, getAccessTokenEndpoint, logoutEndpoint, refreshAccessTokenEndpoint } from './endpoints.js';
import type { CjTokenRecord, TokenStore } from './token-store.js';

export interface AuthSettings {
  /** Refresh when the access token has less than this left (default 1 h). */
  refreshBeforeExpiryMs: number;
  /** Minimum gap between two getAccessToken calls of one account (CJ: 5 min). */
  getAccessTokenCooldownMs: number;
  /** refreshAccessToken budget per rolling minute (CJ: 5). */
  refreshPerMinute: number;
}

export interface AuthDeps {
  accountId: string;
  apiKey: string;
  store: TokenStore;
  clock: Clock;
  logger: CjLogger;
  settings: AuthSettings;
  execute: Execute;
}

/** Never start a call with a token that could expire while the request is in flight. */
const MIN_VALIDITY_MS = 60_000;

/**
 * Auth operations in flight, per store and account. Keyed by the store because the store is the
 * unit of token truth: clients sharing a store share one authentication; clients with their own
 * store (e.g. another process) rely on the persisted cooldown instead.
 */
const inflight = new WeakMap<TokenStore, Map<string, Promise<CjTokenRecord>>>();

/**
 * Token lifecycle for one account: reuse → refresh before expiry → re-authenticate only when the
 * refresh token is gone, and then at most once per cooldown window (persisted, write-ahead).
 */
export class AuthManager {
  private record: CjTokenRecord | undefined;

  constructor(private readonly deps: AuthDeps) {}

  /** A valid access token, renewing it first when needed. */
  async accessToken(signal?: AbortSignal): Promise<string> {
    signal?.throwIfAborted();
    const rec = this.record ?? (this.record = await this.deps.store.load(this.deps.accountId)) ?? {};
    if (this.isFresh(rec) && rec.accessToken) return rec.accessToken;
    const renewed = await this.singleFlight(() => this.renew(), signal);
    if (!renewed.accessToken) throw this.authError('no access token after renewal');
    return renewed.accessToken;
  }

  /** Called when CJ rejected `token` (1600001…): forget it, unless a newer one already replaced it. */
  async invalidate(token: string): Promise<void> {
    const rec = (await this.deps.store.load(this.deps.accountId)) ?? this.record ?? {};
    if (rec.accessToken !== token) {
      this.record = rec;
      return;
    }
    const next = { ...rec, accessToken: undefined, accessTokenExpiresAt: undefined };
    await this.save(next);
    this.deps.logger.info({ accountId: this.deps.accountId }, 'CJ rejected the access token; renewing it');
  }

  /** Forces getAccessToken (still subject to the cooldown). */
  forceGetAccessToken(signal?: AbortSignal): Promise<CjTokenRecord> {
    return this.singleFlight(async () => this.getAccessToken((await this.deps.store.load(this.deps.accountId)) ?? {}), signal);
  }

  /** Forces refreshAccessToken (subject to the 5/min budget). */
  forceRefresh(signal?: AbortSignal): Promise<CjTokenRecord> {
    return this.singleFlight(async () => {
      const rec = (await this.deps.store.load(this.deps.accountId)) ?? {};
      if (!this.canRefresh(rec)) throw this.authError('no valid refresh token stored; call getAccessToken first');
      const wait = this.refreshBudgetWait(rec);
      if (wait > 0) throw this.cooldown(wait, 'refreshAccessToken budget (5/min) is spent');
      return this.refresh(rec);
    }, signal);
  }

  async logout(call: CallOptions = {}): Promise<boolean> {
    const rec = (await this.deps.store.load(this.deps.accountId)) ?? {};
    const dropTokens = { accessToken: undefined, accessTokenExpiresAt: undefined, refreshToken: undefined, refreshTokenExpiresAt: undefined };
    // Nothing valid to log out: just forget what is stored (never renew a token to log it out).
    if (!this.isUsable(rec)) {
      await this.save({ ...rec, ...dropTokens });
      return true;
    }
    const ok = await this.deps.execute(logoutEndpoint, {}, call);
    // Both tokens are dead now; keep openId and the cooldown timestamp.
    await this.save({ ...((await this.deps.store.load(this.deps.accountId)) ?? rec), ...dropTokens });
    return ok;
  }

  async openId(): Promise<string | undefined> {
    return (await this.deps.store.load(this.deps.accountId))?.openId ?? this.record?.openId;
  }

  private async renew(): Promise<CjTokenRecord> {
    // Re-read: another client or process sharing the store may have renewed already.
    let rec = (await this.deps.store.load(this.deps.accountId)) ?? {};
    this.record = rec;
    if (this.isFresh(rec)) return rec;
    if (this.canRefresh(rec)) {
      const wait = this.refreshBudgetWait(rec);
      if (wait > 0) {
        if (this.isUsable(rec)) return rec;
        throw this.cooldown(wait, 'refreshAccessToken budget (5/min) is spent');
      }
      try {
        return await this.refresh(rec);
      } catch (err) {
        if (err instanceof CjAuthError && err.reauthenticate) {
          // The refresh token is dead (1600003…): only a new getAccessToken can help.
          this.deps.logger.warn({ accountId: this.deps.accountId, code: err.code }, 'CJ refused the refresh token; re-authenticating');
          rec = { ...(this.record ?? rec), refreshToken: undefined, refreshTokenExpiresAt: undefined };
          await this.save(rec);
        } else if (this.isUsable(rec)) {
          // Refresh is an optimisation while the current token still works; try again next call.
          this.deps.logger.warn({ accountId: this.deps.accountId, err: String(err) }, 'CJ token refresh failed; keeping the current token');
          return rec;
        } else {
          throw this.wrap(err);
        }
      }
    }
    return this.getAccessToken(rec);
  }

  private async getAccessToken(rec: CjTokenRecord): Promise<CjTokenRecord> {
    const { clock, settings } = this.deps;
    const now = clock.now();
    const last = rec.lastGetAccessTokenAt;
    if (last !== undefined && now - last < settings.getAccessTokenCooldownMs) {
      throw this.cooldown(last + settings.getAccessTokenCooldownMs - now, 'getAccessToken was called less than 5 minutes ago for this account');
    }
    // Write-ahead: CJ counts the call when it arrives, so record it before it leaves.
    const attempted = { ...rec, lastGetAccessTokenAt: now };
    await this.save(attempted);
    let data: AccessTokenData;
    try {
      this.deps.logger.info({ accountId: this.deps.accountId }, 'requesting a new CJ access token');
      data = await this.deps.execute(getAccessTokenEndpoint, { body: { apiKey: this.deps.apiKey } });
    } catch (err) {
      if (err instanceof CjTransportError && err.phase === 'not_sent') {
        // CJ never saw it: the window was not used.
        await this.save(rec);
      }
      if (err instanceof CjRateLimitedError) {
        throw this.cooldown(settings.getAccessTokenCooldownMs, 'CJ refused getAccessToken (rate limited): another client of this account called it recently', err);
      }
      throw this.wrap(err);
    }
    const next: CjTokenRecord = { ...attempted, ...tokenFields(data), openId: data.openId ?? attempted.openId, refreshAttempts: [] };
    await this.save(next);
    return next;
  }

  private async refresh(rec: CjTokenRecord): Promise<CjTokenRecord> {
    const now = this.deps.clock.now();
    const attempts = [...this.recentRefreshes(rec), now];
    const attempted = { ...rec, refreshAttempts: attempts };
    await this.save(attempted);
    let data: AccessTokenData;
    try {
      data = await this.deps.execute(refreshAccessTokenEndpoint, { body: { refreshToken: rec.refreshToken } });
    } catch (err) {
      if (err instanceof CjAuthError) throw err;
      if (err instanceof CjRateLimitedError) throw this.cooldown(60_000, 'CJ refused refreshAccessToken (rate limited)', err);
      throw this.wrap(err);
    }
    // Keep the rotated refresh token: the old one may no longer work.
    const next: CjTokenRecord = { ...attempted, ...tokenFields(data) };
    await this.save(next);
    this.deps.logger.info({ accountId: this.deps.accountId }, 'CJ access token refreshed');
    return next;
  }

  private singleFlight(fn: () => Promise<CjTokenRecord>, signal?: AbortSignal): Promise<CjTokenRecord> {
    let byAccount = inflight.get(this.deps.store);
    if (!byAccount) inflight.set(this.deps.store, (byAccount = new Map()));
    const key = this.deps.accountId;
    let p = byAccount.get(key);
    if (!p) {
      // Runs without any caller's signal: one caller giving up must not fail the others.
      const run = fn().then((rec) => {
        this.record = rec;
        return rec;
      });
      const map = byAccount;
      p = run.finally(() => {
        if (map.get(key) === p) map.delete(key);
      });
      map.set(key, p);
    } else {
      p = p.then((rec) => {
        this.record = rec;
        return rec;
      });
    }
    return raceAbort(p, signal);
  }

  private isFresh(rec: CjTokenRecord): boolean {
    return !!rec.accessToken && (rec.accessTokenExpiresAt ?? 0) - this.deps.clock.now() > this.deps.settings.refreshBeforeExpiryMs;
  }

  private isUsable(rec: CjTokenRecord): boolean {
    return !!rec.accessToken && (rec.accessTokenExpiresAt ?? 0) - this.deps.clock.now() > MIN_VALIDITY_MS;
  }

  private canRefresh(rec: CjTokenRecord): boolean {
    return !!rec.refreshToken && (rec.refreshTokenExpiresAt === undefined || rec.refreshTokenExpiresAt - this.deps.clock.now() > MIN_VALIDITY_MS);
  }

  private recentRefreshes(rec: CjTokenRecord): number[] {
    const now = this.deps.clock.now();
    return (rec.refreshAttempts ?? []).filter((t) => now - t < 60_000);
  }

  /** 0 when a refresh may be made now, else ms until the oldest attempt leaves the 1-minute window. */
  private refreshBudgetWait(rec: CjTokenRecord): number {
    const recent = this.recentRefreshes(rec);
    if (recent.length < this.deps.settings.refreshPerMinute) return 0;
    const oldest = Math.min(...recent);
    return Math.max(1, oldest + 60_000 - this.deps.clock.now());
  }

  private async save(rec: CjTokenRecord): Promise<void> {
    this.record = rec;
    await this.deps.store.save(this.deps.accountId, rec);
  }

  private cooldown(retryAfterMs: number, why: string, cause?: unknown): CjAuthCooldownError {
    return new CjAuthCooldownError({
      message: `${why}; not calling CJ (retry in ${Math.ceil(retryAfterMs / 1000)} s)`,
      endpoint: getAccessTokenEndpoint.path,
      retryAfterMs,
      cause,
    });
  }

  private authError(message: string): CjAuthError {
    return new CjAuthError({ message, endpoint: getAccessTokenEndpoint.path });
  }

  /**
   * Failures of the auth calls themselves reach the caller as CjAuthError: the caller's own call
   * was never sent, and e.g. an unknown outcome of a *token* call must not read as an unknown
   * outcome of a create-order call.
   */
  private wrap(err: unknown): unknown {
    if (err instanceof CjAuthError || err instanceof CjCircuitOpenError) return err;
    if (!(err instanceof Error) || err.name === 'AbortError') return err;
    const endpoint = (err as { endpoint?: unknown }).endpoint;
    return new CjAuthError({
      message: `could not obtain a CJ access token: ${err.message}`,
      endpoint: typeof endpoint === 'string' ? endpoint : getAccessTokenEndpoint.path,
      cause: err,
    });
  }
}

function tokenFields(d: AccessTokenData): Partial<CjTokenRecord> {
  return {
    accessToken: d.accessToken,
    accessTokenExpiresAt: d.accessTokenExpiresAt,
    refreshToken: d.refreshToken,
    refreshTokenExpiresAt: d.refreshTokenExpiresAt,
  };
}

function raceAbort<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
