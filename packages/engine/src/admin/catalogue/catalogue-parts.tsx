// What the catalogue pages share: formatting in the store's locale, the section's sub-navigation
// and a product's status badge.
import type { StoredProduct } from '../../catalog/product.js';
import { formatDateTime, formatPrice } from '../../web/format.js';
import type { PageFrame } from '../kit/page-kit.js';
import type { CataloguePaths } from './catalogue-paths.js';

export const fmt = (f: PageFrame) => {
  const { locale, timezone } = f.view.ctx.config;
  return {
    date: (iso: string) => formatDateTime(iso, locale, timezone),
    price: (minor: number, currency: string) => formatPrice(minor, currency, locale),
  };
};

export function SubNav({ frame, paths }: { frame: PageFrame; paths: CataloguePaths }) {
  const m = frame.view.messages.admin.catalogue;
  return (
    <ul class="sub-nav">
      <li>
        <a href={paths.list}>{m.title}</a>
      </li>
      <li>
        <a href={paths.scans}>{m.scansLink}</a>
      </li>
      <li>
        <a href={paths.rejected}>{m.rejectedLink}</a>
      </li>
      <li>
        <a href={paths.add}>{m.addLink}</a>
      </li>
    </ul>
  );
}

export function StatusBadge({ frame, product }: { frame: PageFrame; product: StoredProduct }) {
  const m = frame.view.messages.admin.catalogue;
  const cls = product.status === 'active' ? 'badge badge-ok' : product.status === 'hidden' ? 'badge badge-warn' : 'badge';
  return (
    <span class={cls}>
      {m.statuses[product.status]}
      {product.hiddenReason ? ` · ${product.hiddenReason}` : ''}
    </span>
  );
}
