// Leads: who asked to be contacted, with the consent they gave and when; a CSV export.
import type { Lead } from '../../leads/leads-service.js';
import { AdminLayout } from '../layout.js';
import { Pager } from '../kit/components.js';
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
      {items.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={m.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.columns.name}</th>
                <th scope="col">{m.columns.email}</th>
                <th scope="col">{m.columns.source}</th>
                <th scope="col">{m.columns.consent}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id}>
                  <td class="wrap">{l.name}</td>
                  <td class="wrap">{l.email}</td>
                  <td>{l.source}</td>
                  <td>{l.consent ? m.consentGiven(f.date(l.createdAt)) : m.consentMissing}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager frame={frame} base={paths.leads} query={{}} page={page} total={total} limit={limit} />
    </AdminLayout>
  );
}
