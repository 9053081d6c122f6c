// Every console page but the login form needs a live session of this store. Without one, a page
// view is sent to the login form (and back afterwards); a form post is refused. The JSON API's
// bearer token does not open the console, and a session cookie does not open the JSON API.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.js';
import type { StoreContext } from '../stores/context.js';
import { cookieName, readSignedCookie } from '../web/cookies.js';
import { resumeSession } from './auth/sessions.js';
import type { AdminPaths } from './paths.js';

export const sessionCookie = (ctx: StoreContext) => cookieName(ctx.id, 'admin');

/** The session id of a request, when its cookie is ours and the session is live. */
export async function liveSession(ctx: StoreContext, request: FastifyRequest): Promise<string | null> {
  const id = readSignedCookie(request, sessionCookie(ctx));
  if (!id) return null;
  return (await resumeSession({ db: ctx.db, clock: ctx.clock, settings: ctx.config.admin }, id)) ? id : null;
}

export function requireSession(ctx: StoreContext, paths: AdminPaths) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (await liveSession(ctx, request)) return;
    if (request.method === 'GET' || request.method === 'HEAD') {
      const next = encodeURIComponent(request.url);
      return reply.header('cache-control', 'no-store').redirect(`${paths.login}?next=${next}`, 303);
    }
    throw new HttpError(403, 'session_required', 'log in to the console first');
  };
}
