// CJ accounts and their tokens.
//
// Any well-formed key CJ<digits>@api@<32 lowercase hex> provisions an account on first use, with
// openId = the digits (so a client can be pointed at the simulator with any key it likes).
// Accounts can also be created explicitly with any openId, e.g. a 19-digit one beyond 2^53.
import { DAY, HOUR, MINUTE } from './clock.js';
import { CjError, Codes } from './errors.js';
import { formatCents, parseCents } from './money.js';
import type { Rng } from './rng.js';

export const API_KEY_PATTERN = /^CJ(\d{1,19})@api@([0-9a-f]{32})$/;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  createdAt: number;
}

export type WebhookTopic = 'product' | 'stock' | 'order' | 'logistics';

export interface WebhookSetting {
  type: 'ENABLE' | 'CANCEL';
  urls: string[];
}

export interface Account {
  openId: string;
  apiKey: string;
  openName: string;
  openEmail: string;
  balanceCents: number;
  qps: number;
  /** Simulated time of the last successful getAccessToken (cooldown). */
  lastTokenIssuedAt: number | undefined;
  /** Simulated times of recent refreshAccessToken calls (per-minute limit). */
  refreshTimes: number[];
  /** The newest pair, for the 24-hour cached-token mode. */
  currentPair: TokenPair | undefined;
  myProducts: Map<string, number>;
  webhooks: Partial<Record<WebhookTopic, WebhookSetting>>;
  createdAt: number;
}

export interface AuthSettings {
  tokenCooldownSec: number;
  tokenMode: 'cooldown' | 'cached24h';
  refreshPerMinute: number;
  legacyAuth: boolean;
  defaultQps: number;
  defaultBalanceCents: number;
}

export interface AccountView {
  openId: string;
  apiKey: string;
  openName: string;
  openEmail: string;
  balance: string;
  qps: number;
  createdAt: number;
}

const ACCESS_TTL = 15 * DAY;
const REFRESH_TTL = 180 * DAY;

export class AccountStore {
  private readonly byKey = new Map<string, Account>();
  private readonly byOpenId = new Map<string, Account>();
  private readonly access = new Map<string, { openId: string; pair: TokenPair }>();
  private readonly refresh = new Map<string, { openId: string; pair: TokenPair }>();

  constructor(
    private readonly settings: AuthSettings,
    private readonly rng: Rng,
    private readonly now: () => number,
  ) {}

  /** Creates an account. The key may be anything non-empty; the openId must be 1–19 digits. */
  create(input: { apiKey?: string; openId?: string | number; balance?: string; qps?: number }): Account {
    const openId = input.openId !== undefined ? String(input.openId) : input.apiKey ? API_KEY_PATTERN.exec(input.apiKey)?.[1] : undefined;
    const id = openId ?? this.freshOpenId();
    if (!/^[1-9]\d{0,18}$/.test(id)) throw new Error(`openId must be 1–19 digits without a leading zero, got '${id}'`);
    if (this.byOpenId.has(id)) throw new Error(`an account with openId ${id} already exists`);
    const apiKey = input.apiKey ?? `CJ${id}@api@${this.rng.hex(32)}`;
    if (this.byKey.has(apiKey)) throw new Error('an account with this apiKey already exists');
    const balanceCents = input.balance !== undefined ? parseCents(input.balance) : this.settings.defaultBalanceCents;
    if (balanceCents === undefined || balanceCents < 0) throw new Error(`balance must be a non-negative decimal with at most 2 places, got '${input.balance}'`);
    const qps = input.qps ?? this.settings.defaultQps;
    if (!Number.isInteger(qps) || qps < 1) throw new Error(`qps must be a positive integer, got ${qps}`);
    const account: Account = {
      openId: id,
      apiKey,
      openName: `Sim Store ${id}`,
      openEmail: `cj${id}@cj-sim.local`,
      balanceCents,
      qps,
      lastTokenIssuedAt: undefined,
      refreshTimes: [],
      currentPair: undefined,
      myProducts: new Map(),
      webhooks: {},
      createdAt: this.now(),
    };
    this.byKey.set(apiKey, account);
    this.byOpenId.set(id, account);
    return account;
  }

  private freshOpenId(): string {
    let id = String(this.rng.int(2_000_000, 8_999_999));
    while (this.byOpenId.has(id)) id = String(this.rng.int(2_000_000, 8_999_999));
    return id;
  }

  get(openId: string): Account | undefined {
    return this.byOpenId.get(openId);
  }

  list(): Account[] {
    return [...this.byOpenId.values()];
  }

  /**
   * The account a getAccessToken body names, provisioning it for a well-formed unknown key.
   * Returns undefined when the body names no account at all (the caller answers 1600005/1600300).
   */
  resolveCredentials(body: Record<string, unknown>): Account | undefined {
    const apiKey = typeof body.apiKey === 'string' ? body.apiKey.trim() : undefined;
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : undefined;
    const password = typeof body.password === 'string' ? body.password : undefined;
    if (email !== undefined && this.settings.legacyAuth) {
      // Legacy generations: {email, password} (the password is the key's 32-hex secret) and {email, apiKey}.
      const account = [...this.byOpenId.values()].find((a) => a.openEmail.toLowerCase() === email);
      if (!account) return undefined;
      const secret = account.apiKey.split('@api@')[1] ?? account.apiKey;
      if (apiKey !== undefined) return apiKey === account.apiKey || apiKey === secret ? account : undefined;
      return password === secret ? account : undefined;
    }
    if (apiKey === undefined) return undefined;
    const known = this.byKey.get(apiKey);
    if (known) return known;
    const m = API_KEY_PATTERN.exec(apiKey);
    if (!m || this.byOpenId.has(m[1] ?? '')) return undefined; // malformed, or the digits belong to another key
    return this.create({ apiKey });
  }

  /** getAccessToken for a resolved account: cooldown or 24-hour cache, then a fresh pair. */
  issue(account: Account): TokenPair {
    const now = this.now();
    const current = account.currentPair;
    if (this.settings.tokenMode === 'cached24h') {
      if (current && this.access.has(current.accessToken) && now - current.createdAt < 24 * HOUR) return current;
    } else if (this.settings.tokenCooldownSec > 0 && account.lastTokenIssuedAt !== undefined) {
      const waitMs = account.lastTokenIssuedAt + this.settings.tokenCooldownSec * 1000 - now;
      if (waitMs > 0) {
        throw new CjError(
          Codes.tooManyRequests,
          `Too Many Requests, getAccessToken can only be called once every ${this.settings.tokenCooldownSec} seconds (retry in ${Math.ceil(waitMs / 1000)} s)`,
          429,
        );
      }
    }
    account.lastTokenIssuedAt = now;
    return this.newPair(account, now);
  }

  /** refreshAccessToken: ≤ refreshPerMinute per account; rotates the refresh token. */
  refreshTokens(refreshToken: string): { account: Account; pair: TokenPair } {
    const now = this.now();
    const entry = this.refresh.get(refreshToken);
    if (!entry || entry.pair.refreshExpiresAt <= now) throw new CjError(Codes.invalidRefreshToken, 'Invalid Refresh token');
    const account = this.byOpenId.get(entry.openId);
    if (!account) throw new CjError(Codes.invalidRefreshToken, 'Invalid Refresh token');
    account.refreshTimes = account.refreshTimes.filter((t) => t > now - MINUTE);
    if (account.refreshTimes.length >= this.settings.refreshPerMinute) {
      throw new CjError(Codes.tooManyRequests, `Too Many Requests, refreshAccessToken is limited to ${this.settings.refreshPerMinute} times/1minute`, 429);
    }
    account.refreshTimes.push(now);
    if (this.settings.tokenMode === 'cached24h' && now - entry.pair.createdAt < 24 * HOUR && this.access.has(entry.pair.accessToken)) {
      return { account, pair: entry.pair };
    }
    // Rotation: the refresh token just used is spent. The old access token stays valid until it
    // expires (UNCONFIRMED at CJ; the lenient choice keeps in-flight calls of other workers alive).
    this.refresh.delete(refreshToken);
    return { account, pair: this.newPair(account, now) };
  }

  /** The account behind an access token, or a CjError 1600001 when invalid or expired. */
  authenticate(accessToken: string): Account {
    const entry = this.access.get(accessToken);
    if (!entry || entry.pair.accessExpiresAt <= this.now()) throw new CjError(Codes.invalidToken, 'Invalid API key or access token');
    const account = this.byOpenId.get(entry.openId);
    if (!account) throw new CjError(Codes.invalidToken, 'Invalid API key or access token');
    return account;
  }

  /** The account a refresh token belongs to, without consuming it (for QPS accounting). */
  peekRefresh(refreshToken: string): Account | undefined {
    const entry = this.refresh.get(refreshToken);
    return entry ? this.byOpenId.get(entry.openId) : undefined;
  }

  /** logout: every token of the account becomes invalid (access and refresh). */
  logout(account: Account): void {
    for (const [token, e] of this.access) if (e.openId === account.openId) this.access.delete(token);
    for (const [token, e] of this.refresh) if (e.openId === account.openId) this.refresh.delete(token);
    account.currentPair = undefined;
  }

  setBalance(account: Account, balance: string): void {
    const cents = parseCents(balance);
    if (cents === undefined || cents < 0) throw new Error(`balance must be a non-negative decimal with at most 2 places, got '${balance}'`);
    account.balanceCents = cents;
  }

  view(account: Account): AccountView {
    return { openId: account.openId, apiKey: account.apiKey, openName: account.openName, openEmail: account.openEmail, balance: formatCents(account.balanceCents), qps: account.qps, createdAt: account.createdAt };
  }

  private newPair(account: Account, now: number): TokenPair {
    const pair: TokenPair = {
      accessToken: this.rng.hex(32),
      refreshToken: this.rng.hex(32),
      accessExpiresAt: now + ACCESS_TTL,
      refreshExpiresAt: now + REFRESH_TTL,
      createdAt: now,
    };
    this.access.set(pair.accessToken, { openId: account.openId, pair });
    this.refresh.set(pair.refreshToken, { openId: account.openId, pair });
    account.currentPair = pair;
    return pair;
  }
}

