// How a browsing page is answered: rendered for this visitor, or taken from the store's page cache
// when the page is the same for every visitor (page-cache.ts). Pages render through `render(visitor,
// csrf)`; `csrf()` is the visitor's token (or, for a cached page, the marker replaced per response).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { csrfToken } from '../web/csrf.js';
import type { EarlyAnswer } from '../http/early-answer.js';
import { sendPage, weakEtag } from '../web/page-reply.js';
import { renderDocument } from '../web/render.js';
import type { Visitor } from './layout.js';
import { CSRF_MARKER, tokenized, tokenlessPage, type CachedPage, type PageCache } from './page-cache.js';

/** A page, or a redirect (301 for a moved product, 302 for a filter that has its own address). */
export type PageResult = { page: VNode; status?: number } | { redirect: string; status: 301 | 302 };

export type PageRender = (visitor: Visitor, csrf: () => string) => Promise<PageResult>;

export type VisitorLookup = (request: FastifyRequest, reply: FastifyReply) => Promise<Visitor>;

export interface PageResponder {
  /** shared: false for pages never taken from the shared cache (search). */
  send(request: FastifyRequest, reply: FastifyReply, render: PageRender, opts?: { shared?: boolean }): Promise<FastifyReply>;
  /** The early answer of a route whose page send() may take from the shared cache (http/early-answer.ts). */
  early: EarlyAnswer;
}

export function pageResponder(cache: PageCache, visitorFor: VisitorLookup, keyPrefix: () => string = () => ''): PageResponder {
  const csrfCookie = cache.csrfCookie;
  const keyOf = (request: FastifyRequest) => `${keyPrefix()}|${request.url}`;
  const answer = (request: FastifyRequest, reply: FastifyReply, entry: CachedPage): FastifyReply => {
    if (entry.location) return reply.redirect(entry.location, entry.status);
    if (entry.prepared) return sendPage(request, reply, entry.prepared, { status: entry.status });
    if (entry.template) {
      // The token differs per response, but any token of the visitor's CSRF secret is valid: the
      // same page for the same secret may be a 304, so the ETag is the page's and the secret's
      // A first visit (no secret) gets the page without a token, the same for every such visitor.
      const secret = request.cookies?.[csrfCookie];
      if (!secret) return sendPage(request, reply, tokenlessPage(entry, entry.template), { status: entry.status });
      const body = tokenized(entry.template, csrfToken(reply));
      const etag = weakEtag(`${entry.template.etag}|${secret}`);
      return sendPage(request, reply, body, { status: entry.status, etag });
    }
    return sendPage(request, reply, entry.html, { status: entry.status });
  };
  return {
    async send(request, reply, render, opts = {}) {
      if (opts.shared !== false && cache.shareable(request)) {
        const entry = await cache.get(keyOf(request), async () => {
          const result = await render({ cartCount: 0, flash: null }, () => CSRF_MARKER);
          if ('redirect' in result) return { html: '', status: result.status, location: result.redirect };
          return { html: renderDocument(result.page), status: result.status ?? 200 };
        });
        return answer(request, reply, entry);
      }
      const visitor = await visitorFor(request, reply);
      const result = await render(visitor, () => csrfToken(reply));
      if ('redirect' in result) return reply.redirect(result.redirect, result.status);
      return sendPage(request, reply, renderDocument(result.page), { status: result.status ?? 200 });
    },
    early(request, reply) {
      if (!cache.shareable(request)) return undefined;
      const entry = cache.peek(keyOf(request));
      return entry === undefined ? undefined : answer(request, reply, entry);
    },
  };
}
