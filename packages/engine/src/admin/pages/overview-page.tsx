// The console's first screen, all from `storeOverview` (the same figures the MCP tool gives):
// whether the store runs on the simulator, the figures of today / 7 / 30 days, the 30-day chart
// with its table, what needs the owner (each with its one-click action) or an empty state, orders
// by state, the catalogue, the schedules, the CJ budget and the webhooks.
import { Fragment, type JSX } from 'preact';
import type { AttentionItem, PeriodFigures, StoreOverview } from '../../overview/overview-service.js';
import type { Flash } from '../../web/flash.js';
import { formatDate, formatDateTime, formatPrice } from '../../web/format.js';
import type { AdminView } from '../admin-view.js';
import { AdminLayout } from '../layout.js';
import { DailyChart } from '../overview/daily-chart.js';
import { actionPath, orderPath } from '../orders/order-paths.js';
import { filterQuery } from './orders-list-page.js';

const SHOWN_PER_KIND = 10;

export function OverviewPage({ view, csrf, flash, overview }: { view: AdminView; csrf: string; flash?: Flash | null; overview: StoreOverview }) {
  const { paths, ctx } = view;
  const m = view.messages.admin.overview;
  const om = view.messages.admin.orders;
  const { locale, timezone } = ctx.config;
  const money = (minor: number) => formatPrice(minor, overview.store.currency, locale);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale, timezone) : m.schedules.never);
  const periods: Array<[string, PeriodFigures]> = [
    [m.figures.today, overview.periods.today],
    [m.figures.days7, overview.periods.days7],
    [m.figures.days30, overview.periods.days30],
  ];
  const total30 = overview.daily.reduce((s, d) => s + d.revenueMinor, 0);
  const orders30 = overview.daily.reduce((s, d) => s + d.orders, 0);
  const best = overview.daily.reduce((a, d) => (d.revenueMinor > a.revenueMinor ? d : a), overview.daily[0] ?? { date: overview.today, orders: 0, revenueMinor: 0 });
  const dayLabel = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;
  const estimated = overview.periods.days30.costEstimatedOrders;
  return (
    <AdminLayout view={view} title={m.title} current="overview" csrf={csrf} flash={flash}>
      <h1>{m.title}</h1>
      <p class={overview.simulated ? 'notice notice-error supplier' : 'supplier hint'}>{overview.simulated ? m.supplier.simulated(overview.supplierBaseUrl) : m.supplier.real}</p>

      <section aria-labelledby="attention-h" class="panel attention">
        <h2 id="attention-h">{m.attention.heading}</h2>
        <Attention view={view} items={overview.attention} />
      </section>

      <section aria-labelledby="figures-h">
        <h2 id="figures-h">{m.figures.heading}</h2>
        <div class="table-wrap" tabIndex={0} role="group" aria-labelledby="figures-h">
          <table class="figures">
            <caption class="visually-hidden">{m.figures.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.figures.metric}</th>
                {periods.map(([label]) => (
                  <th scope="col" class="num" key={label}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{m.figures.orders}</th>
                {periods.map(([label, p]) => (
                  <td class="num" key={label} data-figure="orders">
                    {p.orders}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{m.figures.revenue}</th>
                {periods.map(([label, p]) => (
                  <td class="num" key={label} data-figure="revenue">
                    {money(p.revenueMinor)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{m.figures.cjCost}</th>
                {periods.map(([label, p]) => (
                  <td class="num" key={label} data-figure="cjCost">
                    {money(p.cjCostMinor)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{m.figures.shipping}</th>
                {periods.map(([label, p]) => (
                  <td class="num" key={label} data-figure="shipping">
                    {money(p.shippingMinor)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{m.figures.margin}</th>
                {periods.map(([label, p]) => (
                  <td class="num" key={label} data-figure="margin">
                    {money(p.marginMinor)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        {estimated > 0 && <p class="hint">{m.figures.estimated(estimated)}</p>}
      </section>

      <section aria-labelledby="chart-h" class="panel">
        <h2 id="chart-h">{m.chart.heading}</h2>
        <DailyChart
          id="daily"
          daily={overview.daily}
          title={m.chart.title}
          desc={m.chart.desc(overview.daily.length, orders30, money(total30), `${formatDate(`${best.date}T12:00:00Z`, locale, 'UTC')} (${money(best.revenueMinor)})`)}
          formatMoney={money}
          formatDay={dayLabel}
        />
        <p class="legend" aria-hidden="true">
          <span class="swatch swatch-revenue" /> {m.chart.revenue} <span class="swatch swatch-orders" /> {m.chart.orders}
        </p>
        <details>
          <summary>{m.chart.table}</summary>
          <div class="table-wrap" tabIndex={0} role="group" aria-label={m.chart.title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{m.chart.date}</th>
                  <th scope="col" class="num">
                    {m.chart.orders}
                  </th>
                  <th scope="col" class="num">
                    {m.chart.revenue}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.daily.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{formatDate(`${d.date}T12:00:00Z`, locale, 'UTC')}</th>
                    <td class="num">{d.orders}</td>
                    <td class="num">{money(d.revenueMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <div class="two-col">
        <section aria-labelledby="states-h" class="panel">
          <h2 id="states-h">{m.byState.heading}</h2>
          {Object.values(overview.ordersByStatus).every((n) => n === 0) ? (
            <p>{m.byState.none}</p>
          ) : (
            <dl class="facts">
              {Object.entries(overview.ordersByStatus)
                .filter(([, n]) => n > 0)
                .map(([status, n]) => (
                  <Fragment key={status}>
                    <dt>
                      <a href={`${paths.sections.orders}${filterQuery({ status: status as keyof typeof om.statuses })}`}>{om.statuses[status as keyof typeof om.statuses] ?? status}</a>
                    </dt>
                    <dd data-state={status}>{n}</dd>
                  </Fragment>
                ))}
            </dl>
          )}
        </section>

        <section aria-labelledby="catalogue-h" class="panel">
          <h2 id="catalogue-h">{m.catalogue.heading}</h2>
          <dl class="facts">
            <dt>{m.catalogue.active}</dt>
            <dd data-catalogue="active">{overview.catalog.active}</dd>
            <dt>{m.catalogue.hidden}</dt>
            <dd data-catalogue="hidden">{overview.catalog.hidden}</dd>
            {Object.entries(overview.catalog.hiddenByReason).map(([reason, n]) => (
              <Fragment key={reason}>
                <dt>{m.catalogue.hiddenBy(reason.replace(/_/g, ' '))}</dt>
                <dd>{n}</dd>
              </Fragment>
            ))}
            <dt>{m.catalogue.retired}</dt>
            <dd>{overview.catalog.retired}</dd>
          </dl>
        </section>

        <section aria-labelledby="cj-h" class="panel">
          <h2 id="cj-h">{m.cj.heading}</h2>
          <dl class="facts">
            <dt>{m.cj.balance}</dt>
            <dd>{overview.cj.balanceUsd ? `${overview.cj.balanceUsd} USD` : m.cj.unknown}</dd>
            <dt>{m.cj.unpaidNeed}</dt>
            <dd>{overview.cj.unpaidNeedUsd} USD</dd>
            <dt>{m.cj.calls}</dt>
            <dd>{overview.cj.calls}</dd>
            <dt>{m.cj.rateLimited}</dt>
            <dd>{overview.cj.rateLimited}</dd>
            <dt>{m.cj.points(String(overview.cj.pointsBudgetPerScan))}</dt>
            <dd>{overview.cj.points}</dd>
            <dt>{m.cj.token}</dt>
            <dd>{overview.cj.tokenExpiresAt ? when(overview.cj.tokenExpiresAt) : m.cj.unknown}</dd>
          </dl>
          <p class="hint">{m.cj.sinceStart}</p>
          <h3>{m.webhooks.heading}</h3>
          <dl class="facts">
            <dt>{m.webhooks.state}</dt>
            <dd>{overview.webhooks.state === 'enabled' ? m.webhooks.enabled : overview.webhooks.state === 'disabled' ? m.webhooks.disabled : m.webhooks.unknown}</dd>
            {overview.webhooks.changedAt && (
              <>
                <dt>{m.webhooks.changed}</dt>
                <dd>{when(overview.webhooks.changedAt)}</dd>
              </>
            )}
            <dt>{m.webhooks.lastReceived}</dt>
            <dd>{when(overview.webhooks.lastReceivedAt)}</dd>
          </dl>
        </section>
      </div>

      <section aria-labelledby="schedules-h" class="panel">
        <h2 id="schedules-h">{m.schedules.heading}</h2>
        <div class="table-wrap" tabIndex={0} role="group" aria-labelledby="schedules-h">
          <table>
            <thead>
              <tr>
                <th scope="col">{m.schedules.job}</th>
                <th scope="col">{m.schedules.last}</th>
                <th scope="col">{m.schedules.next}</th>
              </tr>
            </thead>
            <tbody>
              {(['scan', 'inventory', 'reconcile', 'disputes'] as const).map((k) => (
                <tr key={k}>
                  <th scope="row">{m.schedules[k]}</th>
                  <td>{when(overview.schedules[k].lastRunAt)}</td>
                  <td>{when(overview.schedules[k].nextRunAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {overview.lastScan && <p class="hint">{m.schedules.lastScan(`${overview.lastScan.status}, ${when(overview.lastScan.startedAt)}`)}</p>}
      </section>
    </AdminLayout>
  );
}

function Attention({ view, items }: { view: AdminView; items: AttentionItem[] }) {
  const { paths } = view;
  const m = view.messages.admin.overview.attention;
  const om = view.messages.admin.orders;
  if (items.length === 0) return <p class="empty">{m.empty}</p>;
  const byKind = new Map<string, AttentionItem[]>();
  for (const item of items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  const rows: JSX.Element[] = [];
  for (const [, group] of byKind) {
    for (const item of group.slice(0, SHOWN_PER_KIND)) rows.push(<AttentionRow key={rowKey(item)} item={item} />);
    if (group.length > SHOWN_PER_KIND) rows.push(<li key={`${group[0]!.kind}-more`} class="hint">{m.more(group.length - SHOWN_PER_KIND)}</li>);
  }
  return <ul class="attention-list">{rows}</ul>;

  function AttentionRow({ item }: { item: AttentionItem }) {
    switch (item.kind) {
      case 'held_order':
        return (
          <li data-kind={item.kind}>
            <span>{m.held(item.number, om.holds[item.reason as keyof typeof om.holds] ?? item.reason)}</span>
            <span class="row-actions">
              <a class="btn" href={actionPath(paths, item.number, 'retry')}>
                {m.retry}
              </a>
              <a class="btn btn-secondary" href={orderPath(paths, item.number)}>
                {m.open}
              </a>
            </span>
          </li>
        );
      case 'dead_job':
        return (
          <li data-kind={item.kind}>
            <span>{m.deadJob(item.type)}</span>
            <a class="btn btn-secondary" href={paths.sections.jobs}>
              {m.seeJobs}
            </a>
          </li>
        );
      case 'open_dispute':
        return (
          <li data-kind={item.kind}>
            <span>{m.dispute(item.orderNumber ?? item.orderId, om.dispute.kinds[item.rule as keyof typeof om.dispute.kinds] ?? item.rule.replace(/_/g, ' '))}</span>
            <span class="row-actions">
              {item.orderNumber && (
                <a class="btn btn-secondary" href={orderPath(paths, item.orderNumber)}>
                  {m.open}
                </a>
              )}
              <a class="btn btn-secondary" href={paths.sections.disputes}>
                {m.seeDisputes}
              </a>
            </span>
          </li>
        );
      case 'cj_balance_low':
        return (
          <li data-kind={item.kind}>
            <span>{m.balance(item.balanceUsd ? `${item.balanceUsd} USD` : view.messages.admin.overview.cj.unknown, `${item.neededUsd} USD`, item.orderIds.length)}</span>
            <span class="row-actions">
              <a class="btn btn-secondary" href={`${paths.sections.orders}${filterQuery({ hold: 'insufficient_balance' })}`}>
                {m.seeHeld}
              </a>
              <a class="btn btn-secondary" href={paths.sections.cjAccount}>
                {m.seeCj}
              </a>
            </span>
          </li>
        );
      case 'margin_floor_hidden':
        return (
          <li data-kind={item.kind}>
            <span>{m.marginHidden(item.title)}</span>
            <a class="btn btn-secondary" href={paths.sections.catalogue}>
              {m.seeCatalogue}
            </a>
          </li>
        );
      case 'unread_alerts':
        return (
          <li data-kind={item.kind}>
            <span>{m.alerts(item.count)}</span>
            <a class="btn btn-secondary" href={paths.sections.alerts}>
              {m.seeAlerts}
            </a>
          </li>
        );
    }
  }
}

function rowKey(item: AttentionItem): string {
  switch (item.kind) {
    case 'held_order':
      return `held-${item.orderId}`;
    case 'dead_job':
      return `job-${item.jobId}`;
    case 'open_dispute':
      return `dispute-${item.disputeId}`;
    case 'cj_balance_low':
      return 'balance';
    case 'margin_floor_hidden':
      return `margin-${item.productId}`;
    case 'unread_alerts':
      return 'alerts';
  }
}
