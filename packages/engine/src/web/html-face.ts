// An HTML face (the storefront, the admin console) is a Fastify context of its own: form bodies,
// CSRF protection and error pages live there, so the JSON API keeps answering JSON errors and
// refusing form bodies. Each face brings its pages and the look of its error pages.
import fastifyFormbody from '@fastify/formbody';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { StoreApp } from '../http/app-types.js';
import { HttpError } from '../http/errors.js';
import type { RouteModule } from '../http/server.js';
import type { StoreContext } from '../stores/context.js';
import type { CookieSameSite } from './cookies.js';
import { registerCsrf } from './csrf.js';

export type ErrorKind = 'notFound' | 'forbidden' | 'csrf' | 'tooMany' | 'badRequest' | 'server';

export interface ErrorPageInput {
  request: FastifyRequest;
  reply: FastifyReply;
  status: number;
  kind: ErrorKind;
}

export interface HtmlFaceOptions {
  ctx: StoreContext;
  /** '' for the storefront (the listener's root), '/admin' for the console. */
  prefix: string;
  /** SameSite of the CSRF secret cookie: 'lax' lets a customer arrive from a link, 'strict' for the console. */
  csrfSameSite: CookieSameSite;
  /** Renders the face's error page and sends it (status already decided). */
  sendErrorPage(input: ErrorPageInput): FastifyReply | Promise<FastifyReply>;
  /** Answer unknown paths under the prefix with the face's 404 page (not for the root face: see RouteModules.notFound). */
  ownNotFound?: boolean;
}

/** What an error means to a visitor of an HTML page. */
export function classifyError(error: FastifyError): { status: number; kind: ErrorKind } {
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') return { status: 403, kind: 'csrf' };
  if (hasZodFastifySchemaValidationErrors(error)) return { status: 400, kind: 'badRequest' };
  const status = error instanceof HttpError ? error.status : (error.statusCode ?? 500);
  if (status === 404) return { status, kind: 'notFound' };
  if (status === 401 || status === 403) return { status, kind: 'forbidden' };
  if (status === 429) return { status, kind: 'tooMany' };
  if (status >= 400 && status < 500) return { status, kind: 'badRequest' };
  return { status: 500, kind: 'server' };
}

export function htmlFace(opts: HtmlFaceOptions, register: (face: StoreApp) => void | Promise<void>): RouteModule {
  return async (app) => {
    await app.register(
      async (scope) => {
        const face = scope as StoreApp;
        await face.register(fastifyFormbody, { bodyLimit: 32_768 });
        await registerCsrf(face, opts.ctx.id, opts.csrfSameSite);
        face.setErrorHandler(async (error: FastifyError, request, reply) => {
          const { status, kind } = classifyError(error);
          if (kind === 'server') request.log.error({ err: error }, 'unhandled error on a page');
          else request.log.info({ status, code: error.code, path: request.routeOptions.url }, 'page refused');
          return opts.sendErrorPage({ request, reply: reply.status(status), status, kind });
        });
        if (opts.ownNotFound) {
          face.setNotFoundHandler((request, reply) => opts.sendErrorPage({ request, reply: reply.status(404), status: 404, kind: 'notFound' }));
        }
        await register(face);
      },
      { prefix: opts.prefix },
    );
  };
}
