// Alerts: the stored history, newest first, each unread one with its "mark as seen" action.
import type { AlertRecord } from '../../alerts/alert-store.js';
import { AdminLayout } from '../layout.js';
import { ActionForm } from '../kit/components.js';
import { DataTable } from '../kit/data-table.js';
import type { PageFrame } from '../kit/page-kit.js';
import { pageFormat } from './page-format.js';
import type { StorePaths } from './store-paths.js';

export function AlertsPage({ frame, paths, items, total, page, limit }: { frame: PageFrame; paths: StorePaths; items: AlertRecord[]; total: number; page: number; limit: number }) {
  const m = frame.view.messages.admin.store.alerts;
  const f = pageFormat(frame);
  const actorLabel = (actor: string | null) => (actor === 'owner' ? m.you : (actor ?? '?'));
  const badge = (s: AlertRecord['severity']) => (s === 'critical' ? 'badge badge-bad' : s === 'warning' ? 'badge badge-warn' : 'badge');
  return (
    <AdminLayout view={frame.view} title={m.title} current="alerts" csrf={frame.csrf} flash={frame.flash}>
      <h1>{m.title}</h1>
      <DataTable
        label={m.title}
        columns={[{ label: m.columns.when }, { label: m.columns.severity }, { label: m.columns.message }, { label: m.columns.state }]}
        items={items}
        row={(a) => (
          <tr key={a.id} data-alert={a.id}>
            <td>{f.date(a.createdAt)}</td>
            <td>
              <span class={badge(a.severity)}>{m.severities[a.severity]}</span>
            </td>
            <td class="wrap">
              <strong>{a.kind}</strong> · {a.message}
            </td>
            <td>
              {a.acknowledgedAt === null ? (
                <>
                  <span class="badge badge-warn">{m.unread}</span>{' '}
                  <ActionForm csrf={frame.csrf} action={paths.acknowledge(a.id)} label={m.acknowledge} />
                </>
              ) : (
                m.acknowledgedBy(actorLabel(a.acknowledgedBy), f.date(a.acknowledgedAt))
              )}
            </td>
          </tr>
        )}
        empty={m.none}
        paging={{ frame, base: paths.alerts, page, total, limit }}
      />
    </AdminLayout>
  );
}
