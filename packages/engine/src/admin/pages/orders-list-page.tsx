// The order list: filters in a plain GET form (works without JavaScript, the URL keeps them), a
// table that scrolls sideways on a phone, paging, and the CSV export of the same filter.
import type { Flash } from '../../web/flash.js';
import { formatDateTime, formatPrice } from '../../web/format.js';
import type { OrderFilter, OrderPage } from '../../orders/order-list.js';
import { HOLD_REASONS, ORDER_STATUSES } from '../../orders/state-machine.js';
import type { AdminView } from '../admin-view.js';
import { FilterSelect } from '../kit/components.js';
import { DataTable } from '../kit/data-table.js';
import { AdminLayout } from '../layout.js';
import { csvPath, orderPath } from '../orders/order-paths.js';

export function filterQuery(f: OrderFilter, page?: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, String(v));
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function statusBadge(status: string): string {
  if (status === 'on_hold' || status === 'disputed') return 'badge badge-bad';
  if (status === 'awaiting_payment' || status === 'pending' || status === 'confirmed') return 'badge badge-warn';
  if (status === 'paid' || status === 'shipped' || status === 'delivered') return 'badge badge-ok';
  return 'badge';
}

export function OrdersListPage({ view, csrf, flash, filter, result }: { view: AdminView; csrf: string; flash?: Flash | null; filter: OrderFilter; result: OrderPage }) {
  const { paths, ctx } = view;
  const m = view.messages.admin.orders;
  const pages = Math.max(1, Math.ceil(result.total / result.limit));
  const base = paths.sections.orders;
  return (
    <AdminLayout view={view} title={m.title} current="orders" csrf={csrf} flash={flash}>
      <h1>{m.title}</h1>
      <form method="get" action={base} class="panel filters">
        <fieldset>
          <legend>{m.filters.legend}</legend>
          <div class="filter-grid">
            <div class="field">
              <label for="f-q">{m.filters.q}</label>
              <input id="f-q" type="search" name="q" value={filter.q ?? ''} maxLength={100} aria-describedby="f-q-hint" />
              <p class="hint" id="f-q-hint">
                {m.filters.qHint}
              </p>
            </div>
            <FilterSelect name="status" label={m.filters.status} any={m.filters.anyStatus} options={ORDER_STATUSES.map((s) => ({ value: s, label: m.statuses[s] }))} selected={filter.status} />
            <FilterSelect name="hold" label={m.filters.hold} any={m.filters.anyHold} options={HOLD_REASONS.map((h) => ({ value: h, label: m.holds[h] }))} selected={filter.hold} />
            <div class="field">
              <label for="f-from">{m.filters.from}</label>
              <input id="f-from" type="date" name="from" value={filter.from ?? ''} />
            </div>
            <div class="field">
              <label for="f-to">{m.filters.to}</label>
              <input id="f-to" type="date" name="to" value={filter.to ?? ''} />
            </div>
          </div>
          <div class="button-row">
            <button type="submit" class="btn">
              {m.filters.apply}
            </button>
            <a class="btn btn-secondary" href={base}>
              {m.filters.clear}
            </a>
            <a class="btn btn-secondary" href={`${csvPath(paths)}${filterQuery(filter)}`}>
              {m.exportCsv}
            </a>
          </div>
        </fieldset>
      </form>
      <p role="status" class="count">
        {m.count(result.total)}
      </p>
      <DataTable
        label={m.title}
        columns={[{ label: m.columns.number }, { label: m.columns.date }, { label: m.columns.customer }, { label: m.columns.status }, { label: m.columns.total, num: true }]}
        items={result.orders}
        row={(o) => (
          <tr key={o.id}>
            <th scope="row">
              <a href={orderPath(paths, o.number)}>{o.number}</a>
            </th>
            <td>{formatDateTime(o.createdAt, ctx.config.locale, ctx.config.timezone)}</td>
            <td>
              {o.customer.name}
              <br />
              <span class="hint">{o.customer.email}</span>
            </td>
            <td>
              <span class={statusBadge(o.status)}>{m.statuses[o.status]}</span>
              {o.status === 'on_hold' && o.holdReason && (
                <>
                  <br />
                  <span class="hint">{m.holds[o.holdReason as keyof typeof m.holds] ?? o.holdReason}</span>
                </>
              )}
            </td>
            <td class="num">{formatPrice(o.totalMinor, o.currency, ctx.config.locale)}</td>
          </tr>
        )}
        empty={m.empty}
        emptyPanel
      />
      {pages > 1 && (
        <nav aria-label={m.paging.label} class="paging">
          {result.page > 1 && (
            <a class="btn btn-secondary" rel="prev" href={`${base}${filterQuery(filter, result.page - 1)}`}>
              {m.paging.previous}
            </a>
          )}
          <span>{m.paging.page(result.page, pages)}</span>
          {result.page < pages && (
            <a class="btn btn-secondary" rel="next" href={`${base}${filterQuery(filter, result.page + 1)}`}>
              {m.paging.next}
            </a>
          )}
        </nav>
      )}
    </AdminLayout>
  );
}
