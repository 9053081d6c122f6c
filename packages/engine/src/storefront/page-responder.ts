// How a browsing page is answered: rendered for this visitor, or taken from the store's page cache
// when the page is the same for every visitor (page-cache.ts). Pages render through `render(visitor,
// csrf)`; `csrf()` is the visitor's token (or, for a cached page, the marker replaced per response).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { csrfToken } from '../web/csrf.js';
import { sendPage, type PageCache as PageCacheRule } from '../web/page-reply.js';
import { renderDocument } from '../web/render.js';
import type { Visitor } from './layout.js';
import { CSRF_MARKER, type PageCache } from './page-cache.js';

/** A page, or a redirect (301 for a moved product, 302 for a filter that has its own address). */
export type PageResult = { page: VNode; status?: number } | { redirect: string; status: 301 | 302 };

export type PageRender = (visitor: Visitor, csrf: () => string) => Promise<PageResult>;

export type VisitorLookup = (request: FastifyRequest, reply: FastifyReply) => Promise<Visitor>;

export interface PageResponder {
  send(request: FastifyRequest, reply: FastifyReply, render: PageRender, opts?: { shared?: boolean; cache?: PageCacheRule }): Promise<FastifyReply>;
}

export function pageResponder(cache: PageCache, visitorFor: VisitorLookup, keyPrefix: () => string = () => ''): PageResponder {
  return {
    async send(request, reply, render, opts = {}) {
      if (opts.shared !== false && cache.shareable(request)) {
        const entry = await cache.get(`${keyPrefix()}|${request.url}`, async () => {
          const result = await render({ cartCount: 0, flash: null }, () => CSRF_MARKER);
          if ('redirect' in result) return { html: '', status: result.status, location: result.redirect };
          return { html: renderDocument(result.page), status: result.status ?? 200 };
        });
        if (entry.location) return reply.redirect(entry.location, entry.status);
        const html = entry.prepared ?? entry.html.replaceAll(CSRF_MARKER, csrfToken(reply));
        return sendPage(request, reply, html, { status: entry.status, ...(opts.cache ? { cache: opts.cache } : {}) });
      }
      const visitor = await visitorFor(request, reply);
      const result = await render(visitor, () => csrfToken(reply));
      if ('redirect' in result) return reply.redirect(result.redirect, result.status);
      return sendPage(request, reply, renderDocument(result.page), { status: result.status ?? 200, ...(opts.cache ? { cache: opts.cache } : {}) });
    },
  };
}
