import type { AuthManager } from '../auth/auth-manager.js';
import type { CjTokenRecord } from '../auth/token-store.js';
import type { CallOptions } from '../endpoint.js';

export interface CjTokenInfo {
  openId?: string | undefined;
  accessToken: string;
  accessTokenExpiresAt?: number | undefined;
  refreshToken?: string | undefined;
  refreshTokenExpiresAt?: number | undefined;
}

function info(rec: CjTokenRecord): CjTokenInfo {
  return {
    openId: rec.openId,
    accessToken: rec.accessToken ?? '',
    accessTokenExpiresAt: rec.accessTokenExpiresAt,
    refreshToken: rec.refreshToken,
    refreshTokenExpiresAt: rec.refreshTokenExpiresAt,
  };
}

/**
 * Token operations. Normally nothing here needs calling: every request obtains, refreshes and
 * renews its token automatically. These exist for operators and tests.
 */
export class AuthApi {
  constructor(private readonly manager: AuthManager) {}

  /**
   * Forces POST authentication/getAccessToken. Refused with CjAuthCooldownError (no call made)
   * if one was made for this account less than 5 minutes ago — also by an earlier process.
   */
  async getAccessToken(call: CallOptions = {}): Promise<CjTokenInfo> {
    return info(await this.manager.forceGetAccessToken(call.signal));
  }

  /** Forces POST authentication/refreshAccessToken (≤ 5/min, else CjAuthCooldownError). */
  async refreshAccessToken(call: CallOptions = {}): Promise<CjTokenInfo> {
    return info(await this.manager.forceRefresh(call.signal));
  }

  /** POST authentication/logout; both tokens are dropped from the store afterwards. */
  logout(call?: CallOptions): Promise<boolean> {
    return this.manager.logout(call);
  }

  /** A valid access token, obtaining or refreshing one if needed (what every call does). */
  accessToken(call: CallOptions = {}): Promise<string> {
    return this.manager.accessToken(call.signal);
  }

  /** The account's openId (the webhook signing key), once a token has been obtained. */
  openId(): Promise<string | undefined> {
    return this.manager.openId();
  }
}
