// Leads: who asked to be contacted, with the consent they gave and when; a CSV export.
import type { Lead } from '../../leads/leads-service.js';
import { AdminLayout } from '../layout.js';
import { DataTable } from '../kit/data-table.js';
import type { PageFrame } from '../kit/page-kit.js';
import { pageFormat } from './page-format.js';
import type { StorePaths } from './store-paths.js';

export function LeadsPage({ frame, paths, items, total, page, limit }: { frame: PageFrame; paths: StorePaths; items: Lead[]; total: number; page: number; limit: number }) {
  const m = frame.view.messages.admin.store.leads;
  const f = pageFormat(frame);
  return (
    <AdminLayout view={frame.view} title={m.title} current="leads" csrf={frame.csrf} flash={frame.flash}>
      <h1>{m.title}</h1>
      <p>
        {m.total(total)} · <a href={paths.leadsCsv} download>{m.export}</a>
      </p>
      <DataTable
        label={m.title}
        columns={[{ label: m.columns.name }, { label: m.columns.email }, { label: m.columns.source }, { label: m.columns.consent }]}
        items={items}
        row={(l) => (
          <tr key={l.id}>
            <td class="wrap">{l.name}</td>
            <td class="wrap">{l.email}</td>
            <td>{l.source}</td>
            <td>{l.consent ? m.consentGiven(f.date(l.createdAt)) : m.consentMissing}</td>
          </tr>
        )}
        empty={m.none}
        paging={{ frame, base: paths.leads, page, total, limit }}
      />
    </AdminLayout>
  );
}
