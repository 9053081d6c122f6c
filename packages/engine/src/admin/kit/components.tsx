// Pieces the console's section pages share: an action button (a small form posting with the CSRF
// token), the confirmation page every action passes through, a pager and a list filter's drop-down.
import type { ComponentChildren } from 'preact';
import { CsrfField } from '../../web/csrf.js';
import { AdminLayout } from '../layout.js';
import type { AdminSection } from '../paths.js';
import type { PageFrame } from './page-kit.js';

/** A button that posts `fields` to `action`. Without `confirmed`, the console asks first (ConfirmPage). */
export function ActionForm(props: { csrf: string; action: string; label: string; fields?: Record<string, string>; danger?: boolean; confirmed?: boolean }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrf} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.confirmed && <input type="hidden" name="confirmed" value="yes" />}
      <button type="submit" class={props.danger ? 'btn btn-danger' : 'btn btn-secondary'}>
        {props.label}
      </button>
    </form>
  );
}

export interface ConfirmProps extends PageFrame {
  section: AdminSection;
  question: string;
  action: string;
  fields: Record<string, string>;
  back: string;
  danger?: boolean;
}

/** The step between a click and its effect: says what will happen, posts the same fields again with `confirmed=yes`. */
export function ConfirmPage({ view, csrf, flash, section, question, action, fields, back, danger }: ConfirmProps) {
  const k = view.messages.admin.kit;
  return (
    <AdminLayout view={view} title={k.confirm.title} current={section} csrf={csrf} flash={flash}>
      <div class="panel confirm">
        <h1>{k.confirm.title}</h1>
        <p id="confirm-question">{question}</p>
        <form method="post" action={action} aria-describedby="confirm-question">
          <CsrfField token={csrf} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="confirmed" value="yes" />
          <div class="actions">
            <button type="submit" class={danger ? 'btn btn-danger' : 'btn'}>
              {k.confirm.yes}
            </button>
            <a class="btn btn-secondary" href={back}>
              {k.confirm.no}
            </a>
          </div>
        </form>
      </div>
    </AdminLayout>
  );
}

export interface PagerProps {
  frame: PageFrame;
  base: string;
  /** The page's other query parameters, kept by the links. */
  query?: Record<string, string | undefined>;
  page: number;
  total: number;
  limit: number;
}

/** Previous / next links keeping the page's other query parameters. */
export function Pager({ frame, base, query = {}, page, total, limit }: PagerProps) {
  const k = frame.view.messages.admin.kit.pager;
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  const href = (n: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
    params.set('page', String(n));
    return `${base}?${params.toString()}`;
  };
  return (
    <nav class="pager" aria-label={k.label}>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          {k.previous}
        </a>
      )}
      <span>{k.page(page, pages)}</span>
      {page < pages && (
        <a href={href(page + 1)} rel="next">
          {k.next}
        </a>
      )}
    </nav>
  );
}

export interface FilterOption {
  value: string;
  label: ComponentChildren;
}

/** A list page's filter: a labelled drop-down (id `f-<name>`) whose first choice, "any", is the empty value. */
export function FilterSelect({ name, label, any, options, selected }: { name: string; label: string; any: string; options: FilterOption[]; selected: string | undefined }) {
  const id = `f-${name}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={selected === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled figure list (dt/dd pairs). */
export function Facts({ items }: { items: Array<[string, ComponentChildren]> }) {
  return (
    <dl class="facts">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
