// One order for the owner: lines, customer, address, amounts (price, CJ cost, shipping, margin),
// CJ's order id, the tracking link, the timeline of every event with who caused it, and the
// actions its state allows (each leads to a confirmation page).
import type { Order } from '../../orders/order.js';
import type { OrderMargin } from '../../orders/order-margin.js';
import type { Flash } from '../../web/flash.js';
import { formatDateTime, formatPrice } from '../../web/format.js';
import type { OrderActionName } from '../../web/i18n/admin-orders.js';
import type { AdminView } from '../admin-view.js';
import { AdminLayout } from '../layout.js';
import { actionPath } from '../orders/order-paths.js';
import { statusBadge } from './orders-list-page.js';

export interface TimelineEvent {
  from: string | null;
  to: string;
  reason: string;
  actor: string;
  data: Record<string, unknown>;
  at: string;
}

export interface OrderDetailProps {
  view: AdminView;
  csrf: string;
  flash?: Flash | null;
  order: Order;
  events: TimelineEvent[];
  margin: OrderMargin;
  refundedMinor: number;
  refundedLines: Set<number>;
  actions: OrderActionName[];
}

/** Only http(s) links leave the console: a tracking URL comes from CJ and could be anything. */
function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}

export function OrderDetailPage({ view, csrf, flash, order, events, margin, refundedMinor, refundedLines, actions }: OrderDetailProps) {
  const { paths, ctx } = view;
  const m = view.messages.admin.orders;
  const d = m.detail;
  const locale = ctx.config.locale;
  const price = (minor: number) => formatPrice(minor, order.currency, locale);
  const when = (iso: string) => formatDateTime(iso, locale, ctx.config.timezone);
  const tracking = safeHttpUrl(order.tracking.url);
  const statusName = (s: string | null) => (s ? (m.statuses[s as keyof typeof m.statuses] ?? s) : d.none);
  const actorName = (e: TimelineEvent) => (e.actor.startsWith('agent:') ? m.agent(e.actor.slice('agent:'.length)) : (m.actors[e.actor as keyof typeof m.actors] ?? e.actor));
  const a = order.address;
  return (
    <AdminLayout view={view} title={d.title(order.number)} current="orders" csrf={csrf} flash={flash}>
      <p>
        <a href={paths.sections.orders}>← {d.back}</a>
      </p>
      <h1>{d.title(order.number)}</h1>
      <p>
        <span class={statusBadge(order.status)}>{m.statuses[order.status]}</span> · {when(order.createdAt)}
      </p>
      {order.status === 'on_hold' && (
        <p class="notice notice-error">
          {d.held(m.holds[order.holdReason as keyof typeof m.holds] ?? order.holdReason ?? '')}
          {order.holdDetail && (
            <>
              <br />
              <span class="detail">{order.holdDetail}</span>
            </>
          )}
        </p>
      )}

      <section class="panel" aria-labelledby="actions-h">
        <h2 id="actions-h">{d.actions}</h2>
        {actions.length === 0 ? (
          <p>{d.noActions}</p>
        ) : (
          <ul class="action-list">
            {actions.map((name) => (
              <li key={name}>
                <a class={name === 'cancel' || name === 'refund' ? 'btn btn-secondary' : 'btn'} href={actionPath(paths, order.number, name)}>
                  {m.actions[name].label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="panel" aria-labelledby="lines-h">
        <h2 id="lines-h">{d.lines}</h2>
        <div class="table-wrap" tabIndex={0} role="group" aria-label={d.lines}>
          <table>
            <thead>
              <tr>
                <th scope="col">{d.product}</th>
                <th scope="col" class="num">
                  {d.quantity}
                </th>
                <th scope="col" class="num">
                  {d.unitPrice}
                </th>
                <th scope="col" class="num">
                  {d.lineTotal}
                </th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    {l.title}
                    {l.options.length > 0 && <span class="hint"> ({l.options.map((o) => `${o.name}: ${o.value}`).join(', ')})</span>}
                    {refundedLines.has(l.lineNo) && <span class="badge"> {d.lineRefunded}</span>}
                    <br />
                    <span class="hint">CJ {l.cjVid}</span>
                  </th>
                  <td class="num">{l.quantity}</td>
                  <td class="num">{price(l.unitPriceMinor)}</td>
                  <td class="num">{price(l.unitPriceMinor * l.quantity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div class="two-col">
        <section class="panel" aria-labelledby="amounts-h">
          <h2 id="amounts-h">{d.amounts}</h2>
          <dl class="facts">
            <dt>{d.items}</dt>
            <dd>{price(order.itemsMinor)}</dd>
            <dt>{d.shippingCharged}</dt>
            <dd>{price(order.shippingMinor)}</dd>
            <dt>{d.price}</dt>
            <dd>
              <strong>{price(order.totalMinor)}</strong>
            </dd>
            <dt>{d.vat}</dt>
            <dd>{price(order.vatMinor)}</dd>
            <dt>{d.cjExpected}</dt>
            <dd>{order.costUsd} USD</dd>
            <dt>{d.shippingQuote}</dt>
            <dd>{order.shippingQuoteUsd} USD</dd>
            <dt>{d.cjCost}</dt>
            <dd>{order.cj.amountUsd ? `${order.cj.amountUsd} USD (${price(margin.cjCostMinor)})` : d.none}</dd>
            <dt>{d.margin}</dt>
            <dd>
              {price(margin.marginMinor)}
              <br />
              <span class="hint">{d.marginNote}</span>
            </dd>
            {refundedMinor > 0 && (
              <>
                <dt>{d.refunded}</dt>
                <dd>{price(refundedMinor)}</dd>
              </>
            )}
          </dl>
        </section>

        <section class="panel" aria-labelledby="customer-h">
          <h2 id="customer-h">{d.customer}</h2>
          <dl class="facts">
            <dt>{d.name}</dt>
            <dd>{order.customer.name}</dd>
            <dt>{d.email}</dt>
            <dd>
              <a href={`mailto:${order.customer.email}`}>{order.customer.email}</a>
            </dd>
            <dt>{d.phone}</dt>
            <dd>{order.customer.phone ?? d.none}</dd>
          </dl>
          <h3>{d.address}</h3>
          <address>
            {a.address1}
            {a.address2 && (
              <>
                <br />
                {a.address2}
              </>
            )}
            <br />
            {a.zip} {a.city}
            {a.province && a.province !== a.city ? `, ${a.province}` : ''}
            <br />
            {a.country}
          </address>
        </section>

        <section class="panel" aria-labelledby="cj-h">
          <h2 id="cj-h">{d.cj}</h2>
          <dl class="facts">
            <dt>{d.cjOrderId}</dt>
            <dd>{order.cj.orderId ?? d.none}</dd>
            <dt>{d.cjStatus}</dt>
            <dd>{order.cj.status ?? d.none}</dd>
            <dt>{d.tracking}</dt>
            <dd>
              {order.tracking.number ?? d.none}
              {tracking && (
                <>
                  {' '}
                  <a href={tracking} rel="noopener noreferrer" target="_blank">
                    {d.trackingLink}
                  </a>
                </>
              )}
            </dd>
            <dt>{d.payment}</dt>
            <dd>
              {order.paymentProvider}
              {order.paymentRef && <span class="hint"> · {order.paymentRef}</span>}
            </dd>
          </dl>
        </section>
      </div>

      <section class="panel" aria-labelledby="timeline-h">
        <h2 id="timeline-h">{d.timeline}</h2>
        <ol class="timeline">
          {events.map((e, i) => (
            <li key={i}>
              <p class="when">
                <time dateTime={e.at}>{when(e.at)}</time> · {actorName(e)}
              </p>
              <p>
                {e.from !== e.to ? (
                  <strong>
                    {statusName(e.from)} → {statusName(e.to)}
                  </strong>
                ) : null}{' '}
                <span class="detail">{e.reason}</span>
              </p>
            </li>
          ))}
        </ol>
      </section>
    </AdminLayout>
  );
}
