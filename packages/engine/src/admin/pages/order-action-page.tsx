// The confirmation step of an order action: what will happen, the choices the action needs (what
// to refund, the transfer reference, the dispute reason), and one confirm button. A plain form
// post with its CSRF token: no JavaScript involved. The refund form carries the order's refund
// count (`seq`), which makes a double submit the same refund.
import type { Order } from '../../orders/order.js';
import { MANUAL_DISPUTE_KINDS } from '../../disputes/rules.js';
import { CsrfField } from '../../web/csrf.js';
import type { Flash } from '../../web/flash.js';
import { formatPrice } from '../../web/format.js';
import type { OrderActionName } from '../../web/i18n/admin-orders.js';
import type { AdminView } from '../admin-view.js';
import { AdminLayout } from '../layout.js';
import { actionPath, orderPath } from '../orders/order-paths.js';

export interface ActionPageProps {
  view: AdminView;
  csrf: string;
  flash?: Flash | null;
  order: Order;
  action: OrderActionName;
  refund?: { seq: number; remainingMinor: number; refundedLines: Set<number> };
  /** Re-shown after a refused post (e.g. a missing reference). */
  error?: string | undefined;
}

export function OrderActionPage({ view, csrf, flash, order, action, refund, error }: ActionPageProps) {
  const { paths, ctx } = view;
  const m = view.messages.admin.orders;
  const text = m.actions[action];
  const price = (minor: number) => formatPrice(minor, order.currency, ctx.config.locale);
  return (
    <AdminLayout view={view} title={`${text.title} — ${order.number}`} current="orders" csrf={csrf} flash={flash}>
      <p>
        <a href={orderPath(paths, order.number)}>← {m.detail.title(order.number)}</a>
      </p>
      <h1>{text.title}</h1>
      <p>
        {m.detail.title(order.number)} · {order.customer.name} · {price(order.totalMinor)}
      </p>
      <p>{text.explain}</p>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action={actionPath(paths, order.number, action)} class="panel confirm-form">
        <CsrfField token={csrf} />
        {action === 'refund' && refund && (
          <>
            <input type="hidden" name="seq" value={String(refund.seq)} />
            <fieldset>
              <legend>{m.refund.lines}</legend>
              <div class="choice">
                <input type="radio" id="r-full" name="scope" value="full" checked />
                <label for="r-full">{m.refund.full(price(refund.remainingMinor))}</label>
              </div>
              {order.lines.length > 1 &&
                order.lines
                  .filter((l) => !refund.refundedLines.has(l.lineNo))
                  .map((l) => (
                    <div class="choice" key={l.id}>
                      <input type="radio" id={`r-line-${l.lineNo}`} name="scope" value={`line-${l.lineNo}`} />
                      <label for={`r-line-${l.lineNo}`}>{m.refund.lineOption(`${l.quantity} × ${l.title}`, price(l.unitPriceMinor * l.quantity))}</label>
                    </div>
                  ))}
            </fieldset>
            {order.paymentProvider === 'manual' && (
              <div class="field">
                <label for="r-ref">{m.refund.reference}</label>
                <input id="r-ref" type="text" name="reference" required minLength={3} maxLength={100} aria-describedby="r-ref-hint" />
                <p class="hint" id="r-ref-hint">
                  {m.refund.referenceHint}
                </p>
              </div>
            )}
          </>
        )}
        {action === 'markPaid' && (
          <>
            <p>{m.markPaid.amount(price(order.totalMinor))}</p>
            <div class="field">
              <label for="p-ref">{m.markPaid.reference}</label>
              <input id="p-ref" type="text" name="reference" required minLength={3} maxLength={100} aria-describedby="p-ref-hint" />
              <p class="hint" id="p-ref-hint">
                {m.markPaid.referenceHint}
              </p>
            </div>
          </>
        )}
        {action === 'dispute' && (
          <fieldset>
            <legend>{m.dispute.kind}</legend>
            {MANUAL_DISPUTE_KINDS.map((k, i) => (
              <div class="choice" key={k}>
                <input type="radio" id={`d-${k}`} name="kind" value={k} checked={i === 0} />
                <label for={`d-${k}`}>{m.dispute.kinds[k]}</label>
              </div>
            ))}
          </fieldset>
        )}
        <div class="button-row">
          <button type="submit" class={action === 'cancel' || action === 'refund' ? 'btn btn-danger' : 'btn'}>
            {text.confirm}
          </button>
          <a class="btn btn-secondary" href={orderPath(paths, order.number)}>
            {m.cancelConfirm}
          </a>
        </div>
      </form>
    </AdminLayout>
  );
}
