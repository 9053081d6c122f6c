// The catalogue list: search (also by CJ id), filters by status, category and hidden reason, paging.
import type { StoredProduct } from '../../catalog/product.js';
import { AdminLayout } from '../layout.js';
import { DataTable } from '../kit/data-table.js';
import type { PageFrame } from '../kit/page-kit.js';
import type { CataloguePaths } from './catalogue-paths.js';
import { fmt, StatusBadge, SubNav } from './catalogue-parts.js';
import { PRODUCT_STATUSES, type ConsoleCatalogueQuery, type FilterChoice } from './catalogue-queries.js';

export interface CatalogueListProps {
  frame: PageFrame;
  paths: CataloguePaths;
  query: ConsoleCatalogueQuery;
  total: number;
  items: StoredProduct[];
  categories: FilterChoice[];
  hiddenReasons: FilterChoice[];
}

export function CatalogueListPage({ frame, paths, query, total, items, categories, hiddenReasons }: CatalogueListProps) {
  const m = frame.view.messages.admin.catalogue;
  const k = frame.view.messages.admin.kit;
  const f = fmt(frame);
  return (
    <AdminLayout view={frame.view} title={m.title} current="catalogue" csrf={frame.csrf} flash={frame.flash}>
      <h1>{m.title}</h1>
      <SubNav frame={frame} paths={paths} />
      <form method="get" action={paths.list} class="filters" role="search">
        <div class="field">
          <label for="f-q">{m.search}</label>
          <input id="f-q" name="q" type="search" value={query.search ?? ''} maxLength={100} />
        </div>
        <div class="field">
          <label for="f-status">{m.status}</label>
          <select id="f-status" name="status">
            <option value="">{k.filters.any}</option>
            {PRODUCT_STATUSES.map((s) => (
              <option key={s} value={s} selected={query.status === s}>
                {m.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-category">{m.category}</label>
          <select id="f-category" name="category">
            <option value="">{k.filters.any}</option>
            {categories.map((c) => (
              <option key={c.value} value={c.value} selected={query.category === c.value}>
                {c.value} ({c.count})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-reason">{m.hiddenReason}</label>
          <select id="f-reason" name="reason">
            <option value="">{k.filters.any}</option>
            {hiddenReasons.map((c) => (
              <option key={c.value} value={c.value} selected={query.hiddenReason === c.value}>
                {c.value} ({c.count})
              </option>
            ))}
          </select>
        </div>
        <button class="btn" type="submit">
          {k.filters.apply}
        </button>
        <a href={paths.list}>{k.filters.clear}</a>
      </form>
      <p role="status">{m.total(total)}</p>
      <DataTable
        label={m.title}
        columns={[
          { label: m.columns.product },
          { label: m.columns.status },
          { label: m.columns.category },
          { label: m.columns.price, num: true },
          { label: m.columns.margin, num: true },
          { label: m.columns.stock, num: true },
        ]}
        items={items}
        row={(p) => (
          <tr key={p.id}>
            <td class="wrap">
              <a href={paths.product(p.id)}>{p.title}</a>
            </td>
            <td>
              <StatusBadge frame={frame} product={p} />
            </td>
            <td class="wrap">{p.category}</td>
            <td class="num">{f.price(p.priceOverrideMinor ?? p.priceMinor, p.currency)}</td>
            <td class="num">{p.marginPct}%</td>
            <td class="num">{p.variants.reduce((sum, v) => sum + v.stock, 0)}</td>
          </tr>
        )}
        empty={k.empty}
        paging={{ frame, base: paths.list, query: { q: query.search, status: query.status, category: query.category, reason: query.hiddenReason }, page: query.page, total, limit: query.limit }}
      />
    </AdminLayout>
  );
}
