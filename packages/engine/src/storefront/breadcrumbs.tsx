// The trail from the home page to this page: a <nav> for people and a BreadcrumbList for search
// engines, from the same list so they can never disagree.
import type { ShopView } from './shop-view.js';

export interface Crumb {
  name: string;
  /** The store path; the last crumb (this page) may omit it. */
  path?: string;
}

export function Breadcrumbs({ view, trail }: { view: ShopView; trail: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={view.messages.catalog.product.breadcrumbs}>
      <ol>
        {trail.map((crumb, i) => (
          <li key={i}>{crumb.path && i < trail.length - 1 ? <a href={crumb.path}>{crumb.name}</a> : <span aria-current="page">{crumb.name}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

export function breadcrumbJsonLd(view: ShopView, trail: Crumb[], currentPath: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: view.absolute(crumb.path ?? currentPath),
    })),
  };
}
