// Rendered catalogue pages (home, shop, category, product) kept in memory per store, keyed by the
// path and query and dropped as a whole when the catalogue version changes. Only what is the same
// for every visitor is kept: a visitor carrying any cookie of this store besides the CSRF secret
// (a cart, a flash message, a session) gets a fresh render, and the CSRF token of a cached page is
// a marker replaced per response, so no visitor ever receives another's token or cart.
import type { FastifyRequest } from 'fastify';
import { cookieName } from '../web/cookies.js';
import type { CatalogChangeSignal } from './catalog-version.js';

/** Stands for the visitor's CSRF token in a cached page; replaced on every response. */
export const CSRF_MARKER = '__lojista_csrf_token__';

export interface CachedPage {
  html: string;
  status: number;
  /** For a redirect. */
  location?: string;
}

export class PageCache {
  private version: string | null = null;
  private readonly pages = new Map<string, CachedPage>();

  constructor(
    private readonly storeId: string,
    private readonly signal: CatalogChangeSignal,
    private readonly maxEntries = 500,
  ) {}

  /** Whether this request may be answered from (and fill) the shared cache. */
  shareable(request: FastifyRequest): boolean {
    const own = cookieName(this.storeId, '');
    const csrf = cookieName(this.storeId, 'csrf');
    return !Object.keys(request.cookies ?? {}).some((name) => name.startsWith(own) && name !== csrf);
  }

  async get(key: string, render: () => Promise<CachedPage>): Promise<CachedPage> {
    const version = await this.signal.version();
    // An unknown version cannot tell stale from fresh: render, keep nothing.
    if (version === null) return render();
    if (version !== this.version) {
      this.pages.clear();
      this.version = version;
    }
    const hit = this.pages.get(key);
    if (hit) return hit;
    const page = await render();
    // Pages of a version that changed while rendering are not kept.
    if (this.version === version && [200, 301, 302, 410].includes(page.status)) {
      if (this.pages.size >= this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
      this.pages.set(key, page);
    }
    return page;
  }
}
