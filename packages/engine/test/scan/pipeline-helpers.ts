// The scanner's dependencies for a test store (so a test can run `runScan` with a decorated
// supplier), and a product refresh through the real gates.
import { CjCatalogSupplier } from '../../src/catalog/cj-catalog-supplier.js';
import type { ScanDeps } from '../../src/catalog/scanner.js';
import type { CatalogSupplier } from '../../src/catalog/supplier.js';
import type { StoreContext } from '../../src/stores/context.js';
import { DbTranslationCache } from '../../src/translation/db-cache.js';
import { createTranslator } from '../../src/translation/factory.js';

export function scanDeps(ctx: StoreContext, wrap: (base: CatalogSupplier) => CatalogSupplier = (b) => b): ScanDeps {
  return {
    supplier: wrap(new CjCatalogSupplier(ctx.cj)),
    translator: createTranslator(ctx.config.translation, {}, new DbTranslationCache(ctx.db, ctx.clock)),
  };
}

/** Fetches a listed product again from CJ and runs it through every gate into the store gate. */
export { refreshThroughGates } from '../support/refresh-through-gates.js';
