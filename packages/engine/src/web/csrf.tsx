// CSRF protection for every form post of the HTML faces (@fastify/csrf-protection, double-submit:
// a random secret in a signed httpOnly cookie, a token derived from it in each form). A post without
// a valid token is refused with 403 before its handler runs.
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
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

/**
 * Whether the browser says this request comes from a page of this very site: `Sec-Fetch-Site:
 * same-origin` (every current browser sends it), else an `Origin` whose host is the request's own.
 * A request that says neither is not taken for same-origin.
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return false;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/** The headers @fastify/csrf-protection also reads a token from. */
const TOKEN_HEADERS = ['csrf-token', 'xsrf-token', 'x-csrf-token', 'x-xsrf-token'];

/**
 * The guard of a post a first-time visitor makes from a cached page (adding to the cart from a
 * product page). Such a visitor carries no cookie of this store but, at most, the CSRF secret, so
 * the shared page gave them no token (minting a secret, signing its cookie and deriving a token
 * per anonymous view cost more than the page itself). Their post is accepted without a token only
 * when the browser says it comes from this site (sameOrigin): a cross-site form cannot pass, and a
 * forged post could at most start a cart for someone who has none. The handler then sets the
 * secret (csrfToken) with the cart cookie, so from then on every post needs a valid token as
 * before: a visitor with a cart, a flash message or a session is always checked by csrfGuard.
 */
export function firstVisitCsrfGuard(face: StoreApp, storeId: string): preHandlerHookHandler {
  const ownPrefix = cookieName(storeId, '');
  const secretCookie = cookieName(storeId, 'csrf');
  const guard = csrfGuard(face);
  return function (this: unknown, request, reply, done) {
    const body = request.body as Record<string, unknown> | undefined;
    const tokenGiven = (typeof body?.[CSRF_FIELD] === 'string' && body[CSRF_FIELD] !== '') || TOKEN_HEADERS.some((h) => request.headers[h] !== undefined);
    let onlySecret = true;
    for (const name in request.cookies) if (name.startsWith(ownPrefix) && name !== secretCookie) onlySecret = false;
    if (!tokenGiven && onlySecret && sameOrigin(request)) {
      done();
      return;
    }
    guard.call(this as never, request, reply, done);
  };
}

/** Stands in for the token in a shared page sent to a visitor without a CSRF secret (see firstVisitCsrfGuard). */
export const NO_TOKEN = '';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
