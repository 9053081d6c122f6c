// The console's catalogue pages: the list with filters, one product (variants, stock, price history,
// edit, hide/show), the scans with their per-gate counts (live while one runs) and the rejected
// candidates. Supplier text is always a text child or an attribute value.
import type { ScanCounts } from '../../catalog/scan-counts.js';
import type { ScanRunView } from '../../catalog/scan-runs.js';
import type { StoredProduct } from '../../catalog/product.js';
import type { AuditRecord } from '../../audit/audit-log.js';
import type { RejectionsTable } from '../../db/schema.js';
import { CsrfField } from '../../web/csrf.js';
import { formatDateTime, formatPrice } from '../../web/format.js';
import { AdminLayout } from '../layout.js';
import { ActionForm, Facts, Pager } from '../kit/components.js';
import type { PageFrame } from '../kit/page-kit.js';
import type { CataloguePaths } from './catalogue-paths.js';
import { PRODUCT_STATUSES, type ConsoleCatalogueQuery, type FilterChoice, type PricePoint } from './catalogue-queries.js';
import { PriceChart } from './price-chart.js';

const fmt = (f: PageFrame) => {
  const { locale, timezone } = f.view.ctx.config;
  return {
    date: (iso: string) => formatDateTime(iso, locale, timezone),
    price: (minor: number, currency: string) => formatPrice(minor, currency, locale),
  };
};

function SubNav({ frame, paths }: { frame: PageFrame; paths: CataloguePaths }) {
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
      {items.length === 0 ? (
        <p>{k.empty}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={m.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.columns.product}</th>
                <th scope="col">{m.columns.status}</th>
                <th scope="col">{m.columns.category}</th>
                <th scope="col" class="num">
                  {m.columns.price}
                </th>
                <th scope="col" class="num">
                  {m.columns.margin}
                </th>
                <th scope="col" class="num">
                  {m.columns.stock}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
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
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        frame={frame}
        base={paths.list}
        query={{ q: query.search, status: query.status, category: query.category, reason: query.hiddenReason }}
        page={query.page}
        total={total}
        limit={query.limit}
      />
    </AdminLayout>
  );
}

function StatusBadge({ frame, product }: { frame: PageFrame; product: StoredProduct }) {
  const m = frame.view.messages.admin.catalogue;
  const cls = product.status === 'active' ? 'badge badge-ok' : product.status === 'hidden' ? 'badge badge-warn' : 'badge';
  return (
    <span class={cls}>
      {m.statuses[product.status]}
      {product.hiddenReason ? ` · ${product.hiddenReason}` : ''}
    </span>
  );
}

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

const GATES = ['search', 'analyse', 'details', 'translate', 'price', 'enrich', 'store'] as const;

function GateCounts({ frame, counts }: { frame: PageFrame; counts: ScanCounts }) {
  const m = frame.view.messages.admin.catalogue.scans;
  const rejected = Object.entries(counts.rejected).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={m.gates}>
        <table>
          <caption class="visually-hidden">{m.gates}</caption>
          <thead>
            <tr>
              <th scope="col">{m.gateColumns.gate}</th>
              <th scope="col">{m.gateColumns.counts}</th>
            </tr>
          </thead>
          <tbody>
            {GATES.map((gate) => (
              <tr key={gate} data-gate={gate}>
                <th scope="row">{m.gateNames[gate]}</th>
                <td>
                  {Object.entries(counts[gate] as Record<string, number>).map(([name, n]) => (
                    <span key={name} class="count" data-count={`${gate}.${name}`}>
                      {m.countNames[name] ?? name}: <strong>{n}</strong>{' '}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rejected.length > 0 && (
        <>
          <h3>{m.rejectedByReason}</h3>
          <ul>
            {rejected.map(([reason, n]) => (
              <li key={reason}>
                {reason}: {n}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export interface ScansPageProps {
  frame: PageFrame;
  paths: CataloguePaths;
  runs: ScanRunView[];
  selected: ScanRunView | undefined;
  /** A scan is running or requested and not started: the page keeps itself up to date. */
  live: boolean;
  liveScript: string;
}

export function ScansPage({ frame, paths, runs, selected, live, liveScript }: ScansPageProps) {
  const m = frame.view.messages.admin.catalogue;
  const s = m.scans;
  const f = fmt(frame);
  return (
    <AdminLayout view={frame.view} title={s.title} current="catalogue" csrf={frame.csrf} flash={frame.flash}>
      <h1>{s.title}</h1>
      <SubNav frame={frame} paths={paths} />
      <div class="actions">
        <ActionForm csrf={frame.csrf} action={paths.startScan} label={s.start} />
      </div>
      <section id="scan-live" class="panel" aria-live="polite" aria-labelledby="scan-live-title" {...(live ? { 'data-live': '1' } : {})}>
        <h2 id="scan-live-title">{selected ? `${s.statuses[selected.status]} · ${f.date(selected.startedAt)}` : s.none}</h2>
        {live && (
          <p class="hint">
            {s.live} <a href={paths.scans}>{frame.view.messages.admin.kit.refresh}</a>
          </p>
        )}
        {selected && (
          <>
            <Facts
              items={[
                [s.columns.trigger, selected.trigger],
                [s.columns.calls, String(selected.cjCalls)],
                [s.columns.points, String(selected.cjPoints)],
                ...(selected.note ? ([[s.columns.note, selected.note]] as Array<[string, string]>) : []),
              ]}
            />
            <GateCounts frame={frame} counts={selected.counts} />
            {selected.errors.length > 0 && (
              <>
                <h3>{s.errors}</h3>
                <ul>
                  {selected.errors.map((e, i) => (
                    <li key={i} class="wrap">
                      {f.date(e.at)}: {e.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
      {runs.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={s.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{s.columns.started}</th>
                <th scope="col">{s.columns.trigger}</th>
                <th scope="col">{s.columns.status}</th>
                <th scope="col" class="num">
                  {s.columns.calls}
                </th>
                <th scope="col" class="num">
                  {s.columns.points}
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`${paths.scans}?run=${encodeURIComponent(r.id)}`}>{f.date(r.startedAt)}</a>
                  </td>
                  <td>{r.trigger}</td>
                  <td>{s.statuses[r.status]}</td>
                  <td class="num">{r.cjCalls}</td>
                  <td class="num">{r.cjPoints}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {live && <script src={liveScript} defer />}
    </AdminLayout>
  );
}

export function RejectedPage({ frame, paths, items, total, page, limit }: { frame: PageFrame; paths: CataloguePaths; items: RejectionsTable[]; total: number; page: number; limit: number }) {
  const m = frame.view.messages.admin.catalogue;
  const r = m.rejected;
  const f = fmt(frame);
  return (
    <AdminLayout view={frame.view} title={r.title} current="catalogue" csrf={frame.csrf} flash={frame.flash}>
      <h1>{r.title}</h1>
      <SubNav frame={frame} paths={paths} />
      {items.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={r.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{r.columns.pid}</th>
                <th scope="col">{r.columns.gate}</th>
                <th scope="col">{r.columns.reason}</th>
                <th scope="col" class="num">
                  {r.columns.times}
                </th>
                <th scope="col">{r.columns.when}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.cj_pid}>
                  <td class="wrap">{row.cj_pid}</td>
                  <td>
                    {row.gate} · {row.code}
                  </td>
                  <td class="wrap">{row.reason}</td>
                  <td class="num">{row.times}</td>
                  <td>{f.date(row.rejected_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager frame={frame} base={paths.rejected} query={{}} page={page} total={total} limit={limit} />
    </AdminLayout>
  );
}

export function AddProductPage({ frame, paths, value, error, note, available }: { frame: PageFrame; paths: CataloguePaths; value: string; error?: string; note?: string; available: boolean }) {
  const m = frame.view.messages.admin.catalogue;
  const a = m.add;
  return (
    <AdminLayout view={frame.view} title={a.title} current="catalogue" csrf={frame.csrf} flash={frame.flash}>
      <h1>{a.title}</h1>
      <SubNav frame={frame} paths={paths} />
      {!available ? (
        <p>{a.unavailable}</p>
      ) : (
        <form method="post" action={paths.add} class="panel">
          <p>{a.intro}</p>
          <CsrfField token={frame.csrf} />
          {error && (
            <div class="notice notice-error" role="alert" id="add-error">
              <p>{error}</p>
              {note && <p>{note}</p>}
            </div>
          )}
          <div class="field">
            <label for="a-product">{a.label}</label>
            <input id="a-product" name="product" type="text" required maxLength={500} value={value} aria-describedby={error ? 'a-product-hint add-error' : 'a-product-hint'} />
            <p class="hint wrap" id="a-product-hint">
              {a.hint}
            </p>
          </div>
          <button class="btn" type="submit">
            {a.submit}
          </button>
        </form>
      )}
    </AdminLayout>
  );
}
