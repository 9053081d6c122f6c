// Cached public reads (the catalogue's JSON, the storefront's shared pages) answered as early as the
// rate limit allows. A route names its early answer in its config (`{ config: { earlyAnswer } }`);
// the hook runs as the route's last onRequest hook, after the listener's own (security headers, CORS,
// the address check) and the rate limit, so a cached answer is still limited, still carries every
// header, and still passes the onSend and onResponse hooks (store and request id headers, metrics,
// the access log). What it skips is the work a cached answer never needed: body parsing, query
// validation, the NUL check and the handler's own chain (the URL was validated when it was cached).
// On a miss the request goes on through the whole pipeline as before.
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';

/** Sends the cached answer and returns the reply, or returns undefined to let the route run. */
export type EarlyAnswer = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

declare module 'fastify' {
  interface FastifyContextConfig {
    earlyAnswer?: EarlyAnswer;
  }
}

/** Call after the rate limit is registered: onRoute hooks run in order, so this hook lands after its hook. */
export function registerEarlyAnswers(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const early = route.config?.earlyAnswer;
    if (!early) return;
    const hook: onRequestHookHandler = (request, reply, done) => {
      // Answered: Fastify goes on to onSend and onResponse; `done` would run the route as well.
      if (early(request, reply) === undefined) done();
    };
    const existing = route.onRequest;
    route.onRequest = existing === undefined ? [hook] : Array.isArray(existing) ? [...existing, hook] : [existing as onRequestHookHandler, hook];
  });
}
