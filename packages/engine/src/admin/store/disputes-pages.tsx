// Disputes: the list (filter by status), one dispute with its timeline, and cancelling an open one.
import type { DisputeView } from '../../disputes/admin.js';
import { AdminLayout } from '../layout.js';
import { ActionForm, Facts, FilterSelect } from '../kit/components.js';
import { DataTable } from '../kit/data-table.js';
import type { PageFrame } from '../kit/page-kit.js';
import { pageFormat } from './page-format.js';
import type { StorePaths } from './store-paths.js';

const STATUSES = ['opening', 'open', 'closed', 'cancelled', 'failed'] as const;

export function DisputesPage({ frame, paths, items, total, page, limit, status }: { frame: PageFrame; paths: StorePaths; items: DisputeView[]; total: number; page: number; limit: number; status: string | undefined }) {
  const m = frame.view.messages.admin.store.disputes;
  const k = frame.view.messages.admin.kit;
  const f = pageFormat(frame);
  return (
    <AdminLayout view={frame.view} title={m.title} current="disputes" csrf={frame.csrf} flash={frame.flash}>
      <h1>{m.title}</h1>
      <form method="get" action={paths.disputes} class="filters">
        <FilterSelect name="status" label={m.status} any={k.filters.any} options={STATUSES.map((s) => ({ value: s, label: m.statuses[s] }))} selected={status} />
        <button class="btn" type="submit">
          {k.filters.apply}
        </button>
      </form>
      <DataTable
        label={m.title}
        columns={[{ label: m.columns.order }, { label: m.columns.rule }, { label: m.columns.status }, { label: m.columns.cj }, { label: m.columns.created }]}
        items={items}
        row={(d) => (
          <tr key={d.id}>
            <td>
              <a href={paths.dispute(d.id)}>{d.orderNumber}</a>
            </td>
            <td>{m.rules[d.rule]}</td>
            <td>{m.statuses[d.status]}</td>
            <td>{d.cjStatus ?? k.none}</td>
            <td>{f.date(d.createdAt)}</td>
          </tr>
        )}
        empty={m.none}
        paging={{ frame, base: paths.disputes, query: { status }, page, total, limit }}
      />
    </AdminLayout>
  );
}

export interface DisputeDetail extends DisputeView {
  outcome: Record<string, unknown> | null;
  events: Array<{ from: string | null; to: string; reason: string; actor: string; at: string }>;
}

export function DisputePage({ frame, paths, dispute: d }: { frame: PageFrame; paths: StorePaths; dispute: DisputeDetail }) {
  const m = frame.view.messages.admin.store.disputes;
  const k = frame.view.messages.admin.kit;
  const f = pageFormat(frame);
  return (
    <AdminLayout view={frame.view} title={m.detailTitle(d.businessDisputeId)} current="disputes" csrf={frame.csrf} flash={frame.flash}>
      <p>
        <a href={paths.disputes}>{m.back}</a>
      </p>
      <h1 class="wrap">{m.detailTitle(d.businessDisputeId)}</h1>
      <Facts
        items={[
          [m.facts.order, d.orderNumber],
          [m.facts.orderStatus, d.orderStatus],
          [m.facts.rule, m.rules[d.rule]],
          [m.facts.status, m.statuses[d.status]],
          [m.facts.cjId, d.cjDisputeId ?? k.none],
          [m.facts.cjStatus, d.cjStatus ?? k.none],
          [m.facts.message, d.message],
          [m.facts.created, f.date(d.createdAt)],
          [m.facts.updated, f.date(d.updatedAt)],
        ]}
      />
      {d.status === 'open' && (
        <div class="actions">
          <ActionForm csrf={frame.csrf} action={paths.cancelDispute(d.id)} label={m.cancel} danger />
        </div>
      )}
      {d.outcome && (
        <>
          <h2>{m.outcome}</h2>
          <p class="wrap">{Object.entries(d.outcome).filter(([, v]) => v !== undefined && v !== null).map(([key, v]) => `${key}: ${String(v)}`).join(' · ')}</p>
        </>
      )}
      <h2>{m.timeline}</h2>
      {d.events.length === 0 ? (
        <p>{k.empty}</p>
      ) : (
        <ol>
          {d.events.map((e, i) => (
            <li key={i} class="wrap">
              {f.date(e.at)} — {e.reason} ({e.actor})
            </li>
          ))}
        </ol>
      )}
    </AdminLayout>
  );
}
