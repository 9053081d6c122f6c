// Jobs: queued, running and dead ones (retry or discard a dead one), "run now" for the scheduled
// checks, and the CJ webhook inbox.
import type { InboxEntry } from '../../webhooks/inbox-list.js';
import type { JobView, ListedJobStatus } from '../../jobs/job-admin.js';
import { AdminLayout } from '../layout.js';
import { ActionForm } from '../kit/components.js';
import { DataTable } from '../kit/data-table.js';
import type { PageFrame } from '../kit/page-kit.js';
import { pageFormat } from './page-format.js';
import type { StorePaths } from './store-paths.js';

export const RUN_NOW_TASKS = ['inventory', 'orderReconcile', 'disputes'] as const;
export type RunNowTaskName = (typeof RUN_NOW_TASKS)[number];

export interface JobsPageProps {
  frame: PageFrame;
  paths: StorePaths;
  status: ListedJobStatus;
  counts: Record<ListedJobStatus, number>;
  items: JobView[];
  page: number;
  limit: number;
  schedules: Map<string, { lastRunAt: string | null; nextRunAt: string }>;
}

export function JobsPage({ frame, paths, status, counts, items, page, limit, schedules }: JobsPageProps) {
  const m = frame.view.messages.admin.store.jobs;
  const k = frame.view.messages.admin.kit;
  const f = pageFormat(frame);
  return (
    <AdminLayout view={frame.view} title={m.title} current="jobs" csrf={frame.csrf} flash={frame.flash}>
      <h1>{m.title}</h1>
      <h2>{m.runNow}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={m.runNow}>
        <table>
          <thead>
            <tr>
              <th scope="col">{m.columns.type}</th>
              <th scope="col">{m.lastRun}</th>
              <th scope="col">{m.nextRun}</th>
              <th scope="col">{m.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {RUN_NOW_TASKS.map((task) => {
              const times = schedules.get(task);
              return (
                <tr key={task}>
                  <th scope="row">{m.tasks[task]}</th>
                  <td>{f.date(times?.lastRunAt, m.never)}</td>
                  <td>{f.date(times?.nextRunAt, k.none)}</td>
                  <td>
                    <ActionForm csrf={frame.csrf} action={paths.runNow} label={m.run} fields={{ task }} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <a href={paths.inbox}>{m.inboxLink}</a>
      </p>
      <nav aria-label={m.title}>
        <ul class="sub-nav">
          {(['queued', 'running', 'dead'] as const).map((s) => (
            <li key={s}>
              <a href={`${paths.jobs}?status=${s}`} aria-current={s === status ? 'page' : undefined}>
                {m.tabs[s](counts[s])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <DataTable
        label={m.tabs[status](counts[status])}
        columns={[
          { label: m.columns.type },
          { label: m.columns.attempts, num: true },
          { label: status === 'queued' ? m.columns.runAt : m.columns.updated },
          { label: m.columns.error },
          status === 'dead' && { label: m.columns.actions },
        ]}
        items={items}
        row={(j) => (
          <tr key={j.id} data-job={j.id}>
            <td class="wrap">{j.type}</td>
            <td class="num">
              {j.attempts}/{j.maxAttempts}
            </td>
            <td>{f.date(status === 'queued' ? j.runAt : j.updatedAt)}</td>
            <td class="wrap">{j.lastError ?? k.none}</td>
            {status === 'dead' && (
              <td>
                <ActionForm csrf={frame.csrf} action={paths.retryJob(j.id)} label={m.retry} />
                <ActionForm csrf={frame.csrf} action={paths.discardJob(j.id)} label={m.discard} danger />
              </td>
            )}
          </tr>
        )}
        empty={m.none}
        paging={{ frame, base: paths.jobs, query: { status }, page, total: counts[status], limit }}
      />
    </AdminLayout>
  );
}

export function InboxPage({ frame, paths, items, total, page, limit }: { frame: PageFrame; paths: StorePaths; items: InboxEntry[]; total: number; page: number; limit: number }) {
  const m = frame.view.messages.admin.store.inbox;
  const k = frame.view.messages.admin.kit;
  const f = pageFormat(frame);
  const badge = (s: InboxEntry['status']) => (s === 'failed' ? 'badge badge-bad' : s === 'processed' ? 'badge badge-ok' : 'badge');
  return (
    <AdminLayout view={frame.view} title={m.title} current="jobs" csrf={frame.csrf} flash={frame.flash}>
      <p>
        <a href={paths.jobs}>{frame.view.messages.admin.store.jobs.title}</a>
      </p>
      <h1>{m.title}</h1>
      <DataTable
        label={m.title}
        columns={[{ label: m.columns.received }, { label: m.columns.type }, { label: m.columns.status }, { label: m.columns.error }]}
        items={items}
        row={(e) => (
          <tr key={e.id}>
            <td>{f.date(e.received_at)}</td>
            <td class="wrap">
              {e.source} · {e.type}
            </td>
            <td>
              <span class={badge(e.status)}>{m.statuses[e.status]}</span>
              {e.processed_at ? ` · ${f.date(e.processed_at)}` : ''}
            </td>
            <td class="wrap">{e.error ?? k.none}</td>
          </tr>
        )}
        empty={m.none}
        paging={{ frame, base: paths.inbox, page, total, limit }}
      />
    </AdminLayout>
  );
}
