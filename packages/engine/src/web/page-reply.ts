// Sends a rendered page: HTML content type, the page policy, a validator (ETag) so a browser that
// already has this exact page gets a 304, and a cache rule. Pages are never shared by caches
// between visitors unless the face says so: most carry a per-visitor CSRF token or cart.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pagePolicy, type PagePolicyOptions } from './csp.js';
import { PreparedBody, sendPreparedBody } from './prepared-body.js';

export type PageCache =
  /** Per visitor, revalidated on every view (the default). */
  | 'private'
  /** Never stored (checkout, order pages: personal data). */
  | 'no-store'
  /** The same for everyone for a while (robots.txt, sitemap). */
  | { publicMaxAge: number };

export interface PageOptions {
  status?: number;
  cache?: PageCache;
  policy?: PagePolicyOptions;
  /** A validator worked out by the caller (null: send none); by default a hash of the body. */
  etag?: string | null;
}

const CACHE_HEADER = (cache: PageCache): string =>
  cache === 'private' ? 'private, no-cache' : cache === 'no-store' ? 'no-store' : `public, max-age=${cache.publicMaxAge}`;

export function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** Whether the request's If-None-Match names this ETag (weak comparison, as for GET). */
export function matches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === etag.slice(2));
}

/** Sends a page; a PreparedBody (a cached page the same for everyone) brings its own ETag and compressed forms. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, html: string | Buffer | PreparedBody, opts: PageOptions = {}) {
  const status = opts.status ?? 200;
  const cache = opts.cache ?? 'private';
  reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', pagePolicy({ secure: request.protocol === 'https', ...opts.policy }))
    .header('cache-control', CACHE_HEADER(cache));
  if (status === 200 && cache !== 'no-store') {
    const etag = opts.etag !== undefined ? opts.etag : html instanceof PreparedBody ? html.etag : weakEtag(html);
    if (etag !== null) {
      reply.header('etag', etag);
      if (matches(request, etag) && (request.method === 'GET' || request.method === 'HEAD')) return reply.status(304).send();
    }
  }
  return html instanceof PreparedBody ? sendPreparedBody(request, reply, html) : reply.send(html);
}

/** 303 See Other after a form post: the browser follows with a GET, so a reload never posts twice. */
export function redirectAfterPost(reply: FastifyReply, location: string) {
  if (!location.startsWith('/') || location.startsWith('//')) throw new Error(`refusing a redirect off this site: ${location}`);
  return reply.redirect(location, 303);
}
