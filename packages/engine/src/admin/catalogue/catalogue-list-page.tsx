// The catalogue list: search (also by CJ id), filters by status, category and hidden reason, paging.
import type { StoredProduct } from '../../catalog/product.js';
import { AdminLayout } from '../layout.js';
import { FilterSelect } from '../kit/components.js';
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

/** A category or hidden reason as a filter choice, with how many products have it. */
const counted = (c: FilterChoice) => ({ value: c.value, label: `${c.value} (${c.count})` });

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
        <FilterSelect name="status" label={m.status} any={k.filters.any} options={PRODUCT_STATUSES.map((s) => ({ value: s, label: m.statuses[s] }))} selected={query.status} />
        <FilterSelect name="category" label={m.category} any={k.filters.any} options={categories.map(counted)} selected={query.category} />
        <FilterSelect name="reason" label={m.hiddenReason} any={k.filters.any} options={hiddenReasons.map(counted)} selected={query.hiddenReason} />
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
