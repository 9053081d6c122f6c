// Rendered catalogue pages (home, shop, category, product) kept in memory per store, keyed by the
// path and query and dropped as a whole when the catalogue version changes (the same version the
// public JSON's cache follows, catalog/catalog-version.ts). Only what is the same for every visitor
// is kept: a visitor carrying any cookie of this store besides the CSRF secret (a cart, a flash
// message, a session) gets a fresh render, and the CSRF token of a cached page is a marker replaced
// per response, so no visitor ever receives another's token or cart.
import type { FastifyRequest } from 'fastify';
import type { CatalogChangeSignal } from '../catalog/catalog-version.js';
import { VersionedCache } from '../catalog/versioned-cache.js';
import { cookieName } from '../web/cookies.js';
import { NO_TOKEN } from '../web/csrf.js';
import { weakEtag } from '../web/page-reply.js';
import { PreparedBody } from '../web/prepared-body.js';

/** Stands for the visitor's CSRF token in a cached page; replaced on every response. */
export const CSRF_MARKER = '__lojista_csrf_token__';

export interface CachedPage {
  html: string;
  status: number;
  /** For a redirect. */
  location?: string;
  /** Set when the page holds no CSRF_MARKER, so every visitor gets the same bytes: hashed and compressed once. */
  prepared?: PreparedBody;
  /** Set when it does: the UTF-8 bytes around each marker and the page's own ETag, for tokenized(). */
  template?: { parts: Buffer[]; etag: string };
  /** The page with no token (NO_TOKEN), for visitors without a CSRF secret: made on first need, then shared. */
  tokenless?: PreparedBody;
}

/** The page with each visitor's token in place of the markers, as bytes (no string re-encoding per response). */
export function tokenized(template: NonNullable<CachedPage['template']>, token: string): Buffer {
  const tokenBytes = Buffer.from(token, 'utf8');
  const chunks: Buffer[] = [];
  template.parts.forEach((part, i) => {
    if (i > 0) chunks.push(tokenBytes);
    chunks.push(part);
  });
  return Buffer.concat(chunks);
}

/**
 * The page of a template as sent to every visitor who has no CSRF secret yet: no token (their post
 * is checked by web/csrf.tsx firstVisitCsrfGuard instead), so the same bytes for all of them, hashed
 * and compressed once instead of minting a secret, a signed cookie and a token per view.
 */
export function tokenlessPage(page: CachedPage, template: NonNullable<CachedPage['template']>): PreparedBody {
  page.tokenless ??= new PreparedBody(tokenized(template, NO_TOKEN).toString('utf8'), weakEtag);
  return page.tokenless;
}

const KEPT_STATUSES = new Set([200, 301, 302, 410]);

export class PageCache {
  private readonly pages: VersionedCache<CachedPage>;
  private readonly ownPrefix: string;
  /** The name of this store's CSRF secret cookie. */
  readonly csrfCookie: string;

  constructor(storeId: string, signal: CatalogChangeSignal, maxEntries = 500) {
    this.pages = new VersionedCache(signal, (page) => KEPT_STATUSES.has(page.status), maxEntries);
    this.ownPrefix = cookieName(storeId, '');
    this.csrfCookie = cookieName(storeId, 'csrf');
  }

  /** Whether this request may be answered from (and fill) the shared cache. */
  shareable(request: FastifyRequest): boolean {
    const cookies = request.cookies;
    if (!cookies) return true;
    for (const name in cookies) if (name.startsWith(this.ownPrefix) && name !== this.csrfCookie) return false;
    return true;
  }

  /** The kept page for this key, when known fresh without waiting (for early answers); else undefined. */
  peek(key: string): CachedPage | undefined {
    return this.pages.peek(key);
  }

  get(key: string, render: () => Promise<CachedPage>): Promise<CachedPage> {
    return this.pages.get(key, async () => {
      const page = await render();
      if (page.location) return page;
      // The bytes replace the text (html ''), so a cached page is kept once.
      if (!page.html.includes(CSRF_MARKER)) return { ...page, html: '', prepared: new PreparedBody(page.html, weakEtag) };
      return { ...page, html: '', template: { parts: page.html.split(CSRF_MARKER).map((part) => Buffer.from(part, 'utf8')), etag: weakEtag(page.html) } };
    });
  }
}
