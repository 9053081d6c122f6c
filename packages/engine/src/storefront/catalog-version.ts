// "Has the catalogue changed?" for caches of rendered pages. Migration 0004's triggers bump
// storefront_version on every write to products or variants, by any writer (scan, inventory, admin
// edit) on any instance, so one primary-key read tells a cache whether its pages are still true.
// Kept behind this small interface so the store-wide catalogue version (StoreContext.catalogVersion,
// branch perf-read) replaces it without touching the pages: catalogSignal() takes that one when the
// context has it.
import type { StoreContext } from '../stores/context.js';

export interface CatalogChangeSignal {
  /** An opaque token that differs after any catalogue write; null when unknown (then nothing is cached). */
  version(): Promise<string | null>;
}

export function dbCatalogVersion(ctx: StoreContext): CatalogChangeSignal {
  // Compiled once: this runs on every cached page view.
  const query = ctx.db.selectFrom('storefront_version').select('version').where('id', '=', 1).compile();
  return {
    async version() {
      const { rows } = await ctx.db.executeQuery(query);
      return rows[0] ? String(rows[0].version) : null;
    },
  };
}

/** The store-wide watcher's shape (perf-read's CatalogVersion), as far as the page cache needs it. */
interface CatalogVersionWatcher {
  current(): number | null;
}

export function catalogSignal(ctx: StoreContext): CatalogChangeSignal {
  const watcher = (ctx as StoreContext & { catalogVersion?: CatalogVersionWatcher }).catalogVersion;
  if (!watcher) return dbCatalogVersion(ctx);
  return {
    async version() {
      const v = watcher.current();
      return v === null ? null : `c${v}`;
    },
  };
}
