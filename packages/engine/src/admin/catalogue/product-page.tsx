// One product: prices and costs, variants with stock per country, the price history (chart and
// table), the owner's recorded actions, hide/show and the edit form.
import type { AuditRecord } from '../../audit/audit-log.js';
import type { StoredProduct } from '../../catalog/product.js';
import { CsrfField } from '../../web/csrf.js';
import { AdminLayout } from '../layout.js';
import { ActionForm, Facts } from '../kit/components.js';
import type { PageFrame } from '../kit/page-kit.js';
import type { CataloguePaths } from './catalogue-paths.js';
import { fmt, StatusBadge } from './catalogue-parts.js';
import type { PricePoint } from './catalogue-queries.js';
import { PriceChart } from './price-chart.js';

export interface ProductPageProps {
  frame: PageFrame;
  paths: CataloguePaths;
  product: StoredProduct;
  history: PricePoint[];
  /** The audit trail's entries about this product, newest first. */
  actions: AuditRecord[];
  storefrontPath: string;
  /** A refused edit: the message, and the values the owner typed (kept in the form). */
  error?: string;
  values?: Record<string, string>;
}

/** The price as the owner types it: "24,90" in pt, "24.90" in en. */
export function priceInput(minor: number | null, pt: boolean): string {
  if (minor === null) return '';
  const text = (minor / 100).toFixed(2);
  return pt ? text.replace('.', ',') : text;
}

export function ProductPage({ frame, paths, product: p, history, actions, storefrontPath, error, values }: ProductPageProps) {
  const m = frame.view.messages.admin.catalogue;
  const pm = m.product;
  const k = frame.view.messages.admin.kit;
  const f = fmt(frame);
  const pt = frame.view.messages.language === 'pt-PT';
  const v = values ?? {
    title: p.title,
    description: p.description,
    category: p.category,
    tags: p.tags.join(', '),
    override: priceInput(p.priceOverrideMinor, pt),
  };
  const edited = (flag: boolean | undefined) => (flag ? <p class="hint">{pm.edited}</p> : null);
  return (
    <AdminLayout view={frame.view} title={p.title} current="catalogue" csrf={frame.csrf} flash={frame.flash}>
      <p>
        <a href={paths.list}>{pm.back}</a>
      </p>
      <h1 class="wrap">{p.title}</h1>
      <p>
        <StatusBadge frame={frame} product={p} />
      </p>
      <div class="actions">
        {p.status === 'active' && <ActionForm csrf={frame.csrf} action={paths.visibility(p.id)} label={pm.hide} fields={{ status: 'hidden' }} danger />}
        {p.status !== 'active' && <ActionForm csrf={frame.csrf} action={paths.visibility(p.id)} label={pm.show} fields={{ status: 'active' }} />}
        {p.status === 'active' && <a href={storefrontPath}>{pm.storefront}</a>}
      </div>
      <Facts
        items={[
          [pm.cjId, p.cjPid],
          [pm.price, f.price(p.priceOverrideMinor ?? p.priceMinor, p.currency)],
          [pm.computed, f.price(p.priceMinor, p.currency)],
          [pm.override, p.priceOverrideMinor === null ? k.none : f.price(p.priceOverrideMinor, p.currency)],
          [pm.margin, `${f.price(p.marginMinor, p.currency)} (${p.marginPct}%)`],
          [pm.landed, f.price(p.landedMinor, p.currency)],
          [pm.cost, `${p.costUsd} USD`],
          [pm.shipping, `${p.shippingUsd} USD · ${p.logisticName} · ${pm.delivery(p.deliveryMinDays, p.deliveryMaxDays)}`],
          [m.category, p.category],
          [pm.lastSync, p.lastSyncedAt ? f.date(p.lastSyncedAt) : pm.never],
        ]}
      />

      <h2>{pm.variants}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={pm.variants}>
        <table>
          <thead>
            <tr>
              <th scope="col">{pm.variantColumns.sku}</th>
              <th scope="col">{pm.variantColumns.options}</th>
              <th scope="col" class="num">
                {pm.variantColumns.cost}
              </th>
              <th scope="col" class="num">
                {pm.variantColumns.price}
              </th>
              <th scope="col" class="num">
                {pm.variantColumns.stock}
              </th>
              <th scope="col">{pm.stockByCountry}</th>
              <th scope="col">{pm.variantColumns.onSale}</th>
            </tr>
          </thead>
          <tbody>
            {p.variants.map((variant) => (
              <tr key={variant.id}>
                <td class="wrap">{variant.sku}</td>
                <td class="wrap">{variant.options.map((o) => `${o.name}: ${o.value}`).join(' · ') || k.none}</td>
                <td class="num">{variant.costUsd} USD</td>
                <td class="num">{f.price(p.priceOverrideMinor ?? variant.priceMinor, p.currency)}</td>
                <td class="num">{variant.stock}</td>
                <td>{variant.stockDetail.map((s) => `${s.countryCode} ${s.quantity}`).join(', ') || k.none}</td>
                <td>{variant.onSale ? k.yes : k.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{pm.history}</h2>
      {history.length === 0 ? (
        <p>{pm.historyEmpty}</p>
      ) : (
        <>
          <PriceChart
            points={history}
            label={pm.historyChart(f.date(history[0]!.at), f.date(history.at(-1)!.at), history.length)}
            format={(minor) => f.price(minor, p.currency)}
            formatDate={(iso) => iso.slice(0, 10)}
          />
          <details>
            <summary>{pm.history}</summary>
            <div class="table-wrap" tabIndex={0} role="region" aria-label={pm.history}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{pm.historyColumns.when}</th>
                    <th scope="col" class="num">
                      {pm.historyColumns.price}
                    </th>
                    <th scope="col" class="num">
                      {pm.historyColumns.cost}
                    </th>
                    <th scope="col">{pm.historyColumns.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...history].reverse().map((h, i) => (
                    <tr key={i}>
                      <td>{f.date(h.at)}</td>
                      <td class="num">{f.price(h.priceMinor, p.currency)}</td>
                      <td class="num">{h.costUsd} USD</td>
                      <td>{h.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}

      {actions.length > 0 && (
        <>
          <h2>{pm.actions}</h2>
          <ul>
            {actions.map((a) => (
              <li key={a.id}>{pm.actionLine(f.date(a.at), a.actor, a.action)}</li>
            ))}
          </ul>
        </>
      )}

      <h2 id="edit">{pm.edit}</h2>
      <form method="post" action={paths.save(p.id)} class="panel" aria-labelledby="edit">
        <CsrfField token={frame.csrf} />
        {error && (
          <p class="notice notice-error" role="alert" id="edit-error">
            {error}
          </p>
        )}
        <div class="field">
          <label for="e-title">{pm.fields.title}</label>
          <input id="e-title" name="title" type="text" required minLength={3} maxLength={200} value={v.title} />
          {edited(p.titleEdited)}
        </div>
        <div class="field">
          <label for="e-description">{pm.fields.description}</label>
          <textarea id="e-description" name="description" required maxLength={20_000} rows={8}>
            {v.description}
          </textarea>
          {edited(p.descriptionEdited)}
        </div>
        <div class="field">
          <label for="e-category">{pm.fields.category}</label>
          <input id="e-category" name="category" type="text" required maxLength={80} value={v.category} />
          {edited(p.categoryEdited)}
        </div>
        <div class="field">
          <label for="e-tags">{pm.fields.tags}</label>
          <input id="e-tags" name="tags" type="text" maxLength={900} value={v.tags} aria-describedby="e-tags-hint" />
          <p class="hint" id="e-tags-hint">
            {pm.fields.tagsHint}
          </p>
          {edited(p.tagsEdited)}
        </div>
        <div class="field">
          <label for="e-override">{pm.fields.override}</label>
          <input id="e-override" name="override" type="text" inputMode="decimal" maxLength={12} value={v.override} aria-describedby="e-override-hint" />
          <p class="hint" id="e-override-hint">
            {pm.fields.overrideHint}
          </p>
        </div>
        <button class="btn" type="submit">
          {pm.save}
        </button>
      </form>
    </AdminLayout>
  );
}
