// The table shell of the console's list pages: a scrollable region the keyboard can reach, named by
// the same label as the table's (visually hidden) caption, one header row of column headers, the
// rows the page renders, the page's empty state when there are none, and the pager.
import type { ComponentChildren, VNode } from 'preact';
import { Pager, type PagerProps } from './components.js';

export interface DataColumn {
  label: ComponentChildren;
  /** A figure column: right-aligned like its cells (`class="num"`). */
  num?: boolean;
}

export interface DataTableProps<T> {
  /** Names the scroll region and captions the table (for screen readers). */
  label: string;
  /** `false` leaves a column out (one shown only in some states of the page). */
  columns: Array<DataColumn | false>;
  items: readonly T[];
  /** One `<tr>` per item; its first cell may be a `<th scope="row">`. */
  row: (item: T) => VNode;
  /** Shown instead of the table when there are no items (nothing when absent). */
  empty?: ComponentChildren;
  /** The empty state as a panel (the orders list) rather than a plain paragraph. */
  emptyPanel?: boolean;
  /** The previous / next links under the table (kept when the page is empty: a page past the end links back). */
  paging?: PagerProps;
}

export function DataTable<T>({ label, columns, items, row, empty, emptyPanel, paging }: DataTableProps<T>) {
  const shown = columns.filter((c): c is DataColumn => c !== false);
  return (
    <>
      {items.length === 0 ? (
        empty !== undefined && <p class={emptyPanel ? 'panel empty' : undefined}>{empty}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={label}>
          <table>
            <caption class="visually-hidden">{label}</caption>
            <thead>
              <tr>
                {shown.map((c, i) => (
                  <th key={i} scope="col" class={c.num ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{items.map(row)}</tbody>
          </table>
        </div>
      )}
      {paging && <Pager {...paging} />}
    </>
  );
}
