// "Has the catalogue changed?" for caches of rendered pages. Migration 0004's triggers bump
// catalog_version on every write to products or variants, by any writer (scan, inventory, admin
// edit) on any instance, so one primary-key read tells a cache whether its pages are still true.
// Kept behind this small interface so a store-wide change signal can replace it without touching
// the pages.
import type { StoreContext } from '../stores/context.js';

export interface CatalogChangeSignal {
  /** An opaque token that differs after any catalogue write. */
  version(): Promise<string>;
}

export function dbCatalogVersion(ctx: StoreContext): CatalogChangeSignal {
  // Compiled once: this runs on every cached page view.
  const query = ctx.db.selectFrom('catalog_version').select('version').where('id', '=', 1).compile();
  return {
    async version() {
      const { rows } = await ctx.db.executeQuery(query);
      return String(rows[0]?.version ?? 0);
    },
  };
}
