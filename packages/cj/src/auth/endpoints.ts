import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';
import { cjBoolean, id, isoInstant } from '../schemas/primitives.js';

export interface AccessTokenData {
  openId?: string | undefined;
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken: string;
  refreshTokenExpiresAt: number;
}

const tokenFields = {
  accessToken: z.string().min(1),
  accessTokenExpiryDate: isoInstant,
  refreshToken: z.string().min(1),
  refreshTokenExpiryDate: isoInstant,
};

/** POST /authentication/getAccessToken {apiKey} — at most once per 5 minutes per account. */
export const getAccessTokenEndpoint = defineEndpoint<AccessTokenData>({
  path: '/authentication/getAccessToken',
  method: 'POST',
  // Not resent after an ambiguous failure: a second call inside 5 minutes is refused (429).
  idempotent: false,
  auth: false,
  // A 429 here means the 5-minute window, not QPS: retrying within seconds cannot help.
  retryOnRateLimit: false,
  data: z.object({ openId: id, ...tokenFields }).transform((d) => ({
    openId: d.openId,
    accessToken: d.accessToken,
    accessTokenExpiresAt: d.accessTokenExpiryDate,
    refreshToken: d.refreshToken,
    refreshTokenExpiresAt: d.refreshTokenExpiryDate,
  })),
});

/** POST /authentication/refreshAccessToken {refreshToken} — ≤5/min; the refresh token may rotate. */
export const refreshAccessTokenEndpoint = defineEndpoint<AccessTokenData>({
  path: '/authentication/refreshAccessToken',
  method: 'POST',
  idempotent: false,
  auth: false,
  data: z.object(tokenFields).transform((d) => ({
    accessToken: d.accessToken,
    accessTokenExpiresAt: d.accessTokenExpiryDate,
    refreshToken: d.refreshToken,
    refreshTokenExpiresAt: d.refreshTokenExpiryDate,
  })),
});

/** POST /authentication/logout — invalidates both tokens. */
export const logoutEndpoint = defineEndpoint<boolean>({
  path: '/authentication/logout',
  method: 'POST',
  idempotent: false,
  auth: true,
  reauthenticateOnTokenError: false,
  data: cjBoolean,
});
