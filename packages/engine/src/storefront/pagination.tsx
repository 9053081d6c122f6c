// Previous / "page x of y" / next, as plain links (paging works without JavaScript).
import type { ShopView } from './shop-view.js';

export function Pagination({ view, page, pages, href }: { view: ShopView; page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const p = view.messages.common.pagination;
  return (
    <nav class="pagination" aria-label={p.label}>
      {page > 1 ? (
        <a class="btn btn-secondary" href={href(page - 1)} rel="prev">
          {p.previous}
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">{p.pageOf(page, pages)}</span>
      {page < pages ? (
        <a class="btn btn-secondary" href={href(page + 1)} rel="next">
          {p.next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
