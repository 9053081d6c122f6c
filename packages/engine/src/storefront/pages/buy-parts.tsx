// Small pieces the buying pages share: prices in the store's money, a variant's options, the order
// summary box, and a line of a form with its label, hint and error wired for screen readers.
import type { ComponentChildren } from 'preact';
import type { VariantOption } from '../../catalog/product.js';
import { formatPrice } from '../../web/format.js';
import type { ShopView } from '../shop-view.js';

export function money(view: ShopView, minor: number): string {
  return formatPrice(minor, view.ctx.config.currency, view.ctx.config.locale);
}

export function optionsText(options: readonly VariantOption[]): string {
  return options.map((o) => `${o.name}: ${o.value}`).join(' · ');
}

export function countryName(view: ShopView, code: string): string {
  return new Intl.DisplayNames([view.ctx.config.locale], { type: 'region' }).of(code) ?? code;
}

export interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (aria: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => ComponentChildren;
}

/** A label, the control (given its aria wiring), and its hint and error under it. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': 'true' as const } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export interface SummaryLine {
  key: string;
  title: string;
  options: readonly VariantOption[];
  quantity: number;
  totalMinor: number;
}

/** The "what you are buying" box of the checkout and order pages. */
export function OrderSummary(props: {
  view: ShopView;
  headingId: string;
  heading: string;
  lines: SummaryLine[];
  itemsMinor: number;
  shipping: { label: string; minor: number | null };
  totalMinor: number | null;
  vatNote: string;
}) {
  const { view } = props;
  const m = view.messages.buy;
  return (
    <section class="summary" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{props.heading}</h2>
      <ul class="summary-lines">
        {props.lines.map((l) => (
          <li key={l.key}>
            <span class="summary-title">
              {l.quantity} × {l.title}
              {l.options.length > 0 && <span class="summary-options">{optionsText(l.options)}</span>}
            </span>
            <span class="summary-amount">{money(view, l.totalMinor)}</span>
          </li>
        ))}
      </ul>
      <dl class="totals">
        <div>
          <dt>{m.order.items}</dt>
          <dd>{money(view, props.itemsMinor)}</dd>
        </div>
        <div>
          <dt>{props.shipping.label}</dt>
          <dd>{props.shipping.minor === null ? '—' : props.shipping.minor === 0 ? m.cart.free : money(view, props.shipping.minor)}</dd>
        </div>
        <div class="totals-grand">
          <dt>{m.order.total}</dt>
          <dd>{props.totalMinor === null ? '—' : money(view, props.totalMinor)}</dd>
        </div>
      </dl>
      <p class="totals-note">{props.vatNote}</p>
    </section>
  );
}
