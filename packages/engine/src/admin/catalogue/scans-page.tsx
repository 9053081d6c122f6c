// Scans: start one, follow the running one live (per-gate counts), earlier runs; and the rejected
// candidates with their gate and reason.
import type { ScanCounts } from '../../catalog/scan-counts.js';
import type { ScanRunView } from '../../catalog/scan-runs.js';
import type { RejectionsTable } from '../../db/schema.js';
import { AdminLayout } from '../layout.js';
import { ActionForm, Facts } from '../kit/components.js';
import { DataTable } from '../kit/data-table.js';
import type { PageFrame } from '../kit/page-kit.js';
import type { CataloguePaths } from './catalogue-paths.js';
import { fmt, SubNav } from './catalogue-parts.js';

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
      <DataTable
        label={s.title}
        columns={[{ label: s.columns.started }, { label: s.columns.trigger }, { label: s.columns.status }, { label: s.columns.calls, num: true }, { label: s.columns.points, num: true }]}
        items={runs}
        row={(r) => (
          <tr key={r.id}>
            <td>
              <a href={`${paths.scans}?run=${encodeURIComponent(r.id)}`}>{f.date(r.startedAt)}</a>
            </td>
            <td>{r.trigger}</td>
            <td>{s.statuses[r.status]}</td>
            <td class="num">{r.cjCalls}</td>
            <td class="num">{r.cjPoints}</td>
          </tr>
        )}
      />
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
      <DataTable
        label={r.title}
        columns={[{ label: r.columns.pid }, { label: r.columns.gate }, { label: r.columns.reason }, { label: r.columns.times, num: true }, { label: r.columns.when }]}
        items={items}
        row={(row) => (
          <tr key={row.cj_pid}>
            <td class="wrap">{row.cj_pid}</td>
            <td>
              {row.gate} · {row.code}
            </td>
            <td class="wrap">{row.reason}</td>
            <td class="num">{row.times}</td>
            <td>{f.date(row.rejected_at)}</td>
          </tr>
        )}
        empty={r.none}
        paging={{ frame, base: paths.rejected, page, total, limit }}
      />
    </AdminLayout>
  );
}
