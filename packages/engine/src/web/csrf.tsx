// CSRF protection for every form post of the HTML faces (@fastify/csrf-protection, double-submit:
// a random secret in a signed httpOnly cookie, a token derived from it in each form). A post without
// a valid token is refused with 403 before its handler runs.
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyReply, preHandlerHookHandler } from 'fastify';
import type { StoreApp } from '../http/app-types.js';
import { cookieName, cookieOptions, type CookieSameSite } from './cookies.js';

/** The form field that carries the token (also accepted as the `x-csrf-token` header). */
export const CSRF_FIELD = '_csrf';

export async function registerCsrf(face: StoreApp, storeId: string, sameSite: CookieSameSite): Promise<void> {
  await face.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: cookieName(storeId, 'csrf'),
    cookieOpts: cookieOptions({ sameSite }),
  });
}

/** The token to put in this response's forms (sets the secret cookie on a first visit). */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}

/** The preHandler that refuses a post without a valid token. */
export function csrfGuard(face: StoreApp): preHandlerHookHandler {
  return face.csrfProtection as unknown as preHandlerHookHandler;
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
