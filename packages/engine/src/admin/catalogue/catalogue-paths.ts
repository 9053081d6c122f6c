// The catalogue pages' addresses under the section's path, in the store's language.
import type { AdminView } from '../admin-view.js';

export interface CataloguePaths {
  list: string;
  product(id: string): string;
  save(id: string): string;
  visibility(id: string): string;
  scans: string;
  startScan: string;
  rejected: string;
  add: string;
  /** Route patterns (Fastify), relative to nothing: full console paths. */
  patterns: { product: string; save: string; visibility: string };
}

export function cataloguePaths(view: AdminView): CataloguePaths {
  const base = view.paths.sections.catalogue;
  const pt = view.messages.language === 'pt-PT';
  const w = pt
    ? { product: 'produto', save: 'guardar', visibility: 'visibilidade', scans: 'analises', start: 'iniciar', rejected: 'rejeitados', add: 'adicionar' }
    : { product: 'product', save: 'save', visibility: 'visibility', scans: 'scans', start: 'start', rejected: 'rejected', add: 'add' };
  const product = (id: string) => `${base}/${w.product}/${encodeURIComponent(id)}`;
  return {
    list: base,
    product,
    save: (id) => `${product(id)}/${w.save}`,
    visibility: (id) => `${product(id)}/${w.visibility}`,
    scans: `${base}/${w.scans}`,
    startScan: `${base}/${w.scans}/${w.start}`,
    rejected: `${base}/${w.rejected}`,
    add: `${base}/${w.add}`,
    patterns: {
      product: `${base}/${w.product}/:id`,
      save: `${base}/${w.product}/:id/${w.save}`,
      visibility: `${base}/${w.product}/:id/${w.visibility}`,
    },
  };
}
