// authentication/*: getAccessToken ({apiKey}; legacy bodies behind an option), refreshAccessToken
// (rotating the refresh token, ≤ N per minute), logout (both tokens invalid).
import { formatCst } from '../clock.js';
import { CjError, Codes, paramError } from '../errors.js';
import { rawNumber } from '../json.js';
import { Body } from '../params.js';
import type { TokenPair } from '../accounts.js';
import { accountOf, route, type RouteDef } from './types.js';

function tokenData(pair: TokenPair): Record<string, unknown> {
  return {
    accessToken: pair.accessToken,
    accessTokenExpiryDate: formatCst(pair.accessExpiresAt),
    refreshToken: pair.refreshToken,
    refreshTokenExpiryDate: formatCst(pair.refreshExpiresAt),
    createDate: formatCst(pair.createdAt),
  };
}

function asRecord(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export const authRoutes: RouteDef[] = [
  route({
    method: 'POST',
    path: '/authentication/getAccessToken',
    auth: 'none',
    body: 'json',
    envelope: 'standard',
    identify: (state, body) => state.accounts.resolveCredentials(asRecord(body)),
    handler: ({ state, body }) => {
      const b = Body.of(body);
      const account = state.accounts.resolveCredentials(b.raw);
      if (!account) {
        if (b.has('apiKey') || (state.opts.legacyAuth && b.has('email'))) throw new CjError(Codes.apiKeyWrong, 'APIkey is wrong, please check and try again');
        throw paramError('apiKey must be not empty');
      }
      const pair = state.accounts.issue(account);
      return { openId: rawNumber(account.openId), ...tokenData(pair) };
    },
  }),
  route({
    method: 'POST',
    path: '/authentication/refreshAccessToken',
    auth: 'none',
    body: 'json',
    envelope: 'standard',
    identify: (state, body) => {
      const token = asRecord(body).refreshToken;
      return typeof token === 'string' ? state.accounts.peekRefresh(token) : undefined;
    },
    handler: ({ state, body }) => {
      const refreshToken = Body.of(body).requireString('refreshToken', { max: 80 });
      return tokenData(state.accounts.refreshTokens(refreshToken).pair);
    },
  }),
  route({
    method: 'POST',
    path: '/authentication/logout',
    auth: 'token',
    body: 'none',
    envelope: 'standard',
    handler: (ctx) => {
      ctx.state.accounts.logout(accountOf(ctx));
      return true;
    },
  }),
];
