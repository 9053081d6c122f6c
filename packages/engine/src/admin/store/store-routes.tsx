// The console's "rest of the store": disputes (list, detail, cancel), leads (list, CSV), alerts
// (list), jobs (queued/running/dead, retry or discard a dead one, run a scheduled check now, the
// webhook inbox), the CJ account (webhooks on/off, tracking lookup). Every action posts with the
// CSRF token, asks for confirmation first, and is safe to repeat.
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acknowledgeAlert } from '../../alerts/acknowledge.js';
import { listAlerts } from '../../alerts/alert-store.js';
import { recordAudit } from '../../audit/audit-log.js';
import { configSummary } from '../../stores/config-summary.js';
import { SettingsPage } from './settings-page.js';
import { cancelDispute, disputeDetail, getDispute, listDisputes } from '../../disputes/admin.js';
import { DISPUTE_ROW_STATUSES } from '../../disputes/rules.js';
import { DISPUTES_JOB, DISPUTES_SCHEDULE } from '../../disputes/index.js';
import { INVENTORY_SCHEDULE, INVENTORY_SYNC_JOB } from '../../inventory/register.js';
import { discardDeadJob, getJob, jobCounts, LISTED_JOB_STATUSES, listJobs, retryDeadJob, type DeadJobDecision, type ListedJobStatus } from '../../jobs/job-admin.js';
import { runNow, scheduleTimes, type RunNowTask } from '../../jobs/run-now.js';
import { leadsCsv } from '../../leads/leads-csv.js';
import { listLeads } from '../../leads/leads-service.js';
import { RECONCILE_JOB } from '../../orders/reconcile.js';
import { publicBaseUrl } from '../../storefront/public-url.js';
import { cjAccountSummary, setCjWebhooks, webhookUrlFrom, webhooksEnabled } from '../../supplier/cj-account.js';
import { recentInbox } from '../../webhooks/inbox-list.js';
import { ConfirmPage } from '../kit/components.js';
import { confirmed, doneRedirect, formFields, frame, local, pageNumber, queryText, sendNode, type AdminPageKit } from '../kit/page-kit.js';
import { AlertsPage } from './alerts-page.js';
import { CjAccountPage, TrackingPage } from './cj-pages.js';
import { DisputePage, DisputesPage } from './disputes-pages.js';
import { InboxPage, JobsPage, RUN_NOW_TASKS, type RunNowTaskName } from './jobs-pages.js';
import { LeadsPage } from './leads-page.js';
import { storePaths } from './store-paths.js';
import { lookUpTracking } from './tracking-lookup.js';

const PAGE_SIZE = 25;
/** Who the console's actions are recorded as (one owner per store; see audit/actor.ts). */
export const CONSOLE_ACTOR = 'owner';

const TASKS: Record<RunNowTaskName, RunNowTask> = {
  inventory: { schedule: INVENTORY_SCHEDULE, jobType: INVENTORY_SYNC_JOB },
  orderReconcile: { schedule: 'orderReconcile', jobType: RECONCILE_JOB },
  disputes: { schedule: DISPUTES_SCHEDULE, jobType: DISPUTES_JOB },
};

export function registerStorePages(kit: AdminPageKit): void {
  const { app, ctx, view, guard, csrf } = kit;
  const paths = storePaths(view);
  const m = view.messages.admin.store;
  const get = { preHandler: guard, schema: { hide: true } };
  const post = { preHandler: [guard, csrf], schema: { hide: true } };
  const q = (request: FastifyRequest) => request.query as Record<string, unknown>;
  const idParam = (request: FastifyRequest) => String((request.params as { id: string }).id).slice(0, 100);
  const confirm = (request: FastifyRequest, reply: FastifyReply, section: Parameters<typeof ConfirmPage>[0]['section'], question: string, action: string, back: string, danger = false) =>
    sendNode(kit, request, reply, <ConfirmPage {...frame(kit, request, reply)} section={section} question={question} action={action} fields={formFields(request.body)} back={back} danger={danger} />);

  // Disputes.
  app.get(local(paths.disputes), get, async (request, reply) => {
    const status = DISPUTE_ROW_STATUSES.find((s) => s === q(request).status);
    const page = pageNumber(q(request).page);
    const result = await listDisputes(ctx, { status, page, limit: PAGE_SIZE });
    return sendNode(kit, request, reply, <DisputesPage frame={frame(kit, request, reply)} paths={paths} items={result.items} total={result.total} page={page} limit={PAGE_SIZE} status={status} />);
  });
  app.get(local(paths.patterns.dispute), get, async (request, reply) => {
    const row = await getDispute(ctx, idParam(request));
    if (!row) return reply.callNotFound();
    const detail = await disputeDetail(ctx, row, false);
    return sendNode(kit, request, reply, <DisputePage frame={frame(kit, request, reply)} paths={paths} dispute={detail as Parameters<typeof DisputePage>[0]['dispute']} />);
  });
  app.post(local(paths.patterns.cancelDispute), post, async (request, reply) => {
    const row = await getDispute(ctx, idParam(request));
    if (!row) return reply.callNotFound();
    const back = paths.dispute(row.id);
    if (row.status === 'cancelled') return doneRedirect(kit, reply, back, { kind: 'info', message: m.disputes.cancelled });
    if (!confirmed(request.body)) return confirm(request, reply, 'disputes', m.disputes.confirmCancel(row.business_dispute_id), paths.cancelDispute(row.id), back, true);
    const result = await cancelDispute(ctx, row.id);
    if (!result.ok) return doneRedirect(kit, reply, back, { kind: 'error', message: result.message });
    return doneRedirect(kit, reply, back, { kind: 'success', message: m.disputes.cancelled });
  });

  // Leads.
  app.get(local(paths.leads), get, async (request, reply) => {
    const page = pageNumber(q(request).page);
    const result = await listLeads(ctx, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    return sendNode(kit, request, reply, <LeadsPage frame={frame(kit, request, reply)} paths={paths} items={result.items} total={result.total} page={page} limit={PAGE_SIZE} />);
  });
  app.get(local(paths.leadsCsv), get, async (_request, reply) => {
    const day = new Date(ctx.clock.now()).toISOString().slice(0, 10);
    ctx.log.info({ actor: CONSOLE_ACTOR }, 'leads exported as CSV');
    // A byte-order mark first, so spreadsheet programs read the names as UTF-8.
    async function* withBom() {
      yield '\uFEFF';
      yield* leadsCsv(ctx.db);
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${ctx.id}-leads-${day}.csv"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(Readable.from(withBom()));
  });

  // Alerts.
  app.get(local(paths.alerts), get, async (request, reply) => {
    const page = pageNumber(q(request).page);
    const result = await listAlerts(ctx.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    return sendNode(kit, request, reply, <AlertsPage frame={frame(kit, request, reply)} paths={paths} items={result.items} total={result.total} page={page} limit={PAGE_SIZE} />);
  });

  app.post(local(paths.patterns.acknowledge), post, async (request, reply) => {
    const id = idParam(request);
    const row = await ctx.db.selectFrom('alerts').select(['id', 'subject', 'acknowledged_at']).where('id', '=', id).executeTakeFirst();
    if (!row) return reply.callNotFound();
    // Already seen (a second click, another tab): nothing to do, same answer.
    if (row.acknowledged_at === null && !confirmed(request.body)) return confirm(request, reply, 'alerts', m.alerts.confirmAcknowledge(row.subject), paths.acknowledge(id), paths.alerts);
    const result = await acknowledgeAlert(ctx.db, ctx.clock, id, 'owner');
    if (!result.ok) return reply.callNotFound();
    return doneRedirect(kit, reply, paths.alerts, { kind: result.acknowledged ? 'success' : 'info', message: m.alerts.acknowledged });
  });

  // Settings (read-only).
  app.get(local(paths.settings), get, async (request, reply) => {
    const summary = kit.configFile === undefined ? null : configSummary(ctx, kit.configFile);
    return sendNode(kit, request, reply, <SettingsPage frame={frame(kit, request, reply)} summary={summary} />);
  });

  // Jobs, run now, inbox.
  app.get(local(paths.jobs), get, async (request, reply) => {
    const status: ListedJobStatus = LISTED_JOB_STATUSES.find((s) => s === q(request).status) ?? 'dead';
    const page = pageNumber(q(request).page);
    const [counts, items, schedules] = await Promise.all([jobCounts(ctx.db), listJobs(ctx.db, status, page, PAGE_SIZE), scheduleTimes(ctx)]);
    return sendNode(kit, request, reply, <JobsPage frame={frame(kit, request, reply)} paths={paths} status={status} counts={counts} items={items} page={page} limit={PAGE_SIZE} schedules={schedules} />);
  });
  const decided = (reply: FastifyReply, result: DeadJobDecision, done: string) => {
    const back = `${paths.jobs}?status=dead`;
    if (result.ok) return doneRedirect(kit, reply, back, { kind: 'success', message: done });
    const message = result.reason === 'not_found' ? m.jobs.notFound : result.reason === 'live_duplicate' ? m.jobs.liveDuplicate : m.jobs.notDead;
    return doneRedirect(kit, reply, back, { kind: 'info', message });
  };
  app.post(local(paths.patterns.retryJob), post, async (request, reply) => {
    const job = await getJob(ctx.db, idParam(request));
    if (!job) return reply.callNotFound();
    if (job.status === 'dead' && !confirmed(request.body)) return confirm(request, reply, 'jobs', m.jobs.confirmRetry(job.type), paths.retryJob(job.id), `${paths.jobs}?status=dead`);
    const result = await retryDeadJob(ctx.db, ctx.clock, job.id);
    if (result.ok) {
      await recordAudit(ctx.db, ctx.clock, { actor: 'owner', action: 'job.retry', subject: job.id, data: { type: job.type, lastError: job.lastError } });
      ctx.pokeJobs();
    }
    return decided(reply, result, m.jobs.retried);
  });
  app.post(local(paths.patterns.discardJob), post, async (request, reply) => {
    const job = await getJob(ctx.db, idParam(request));
    if (!job) return reply.callNotFound();
    if (job.status === 'dead' && !confirmed(request.body)) return confirm(request, reply, 'jobs', m.jobs.confirmDiscard(job.type), paths.discardJob(job.id), `${paths.jobs}?status=dead`, true);
    const result = await discardDeadJob(ctx.db, ctx.clock, job.id, CONSOLE_ACTOR);
    if (result.ok) await recordAudit(ctx.db, ctx.clock, { actor: 'owner', action: 'job.discard', subject: job.id, data: { type: job.type, lastError: job.lastError } });
    return decided(reply, result, m.jobs.discarded);
  });
  app.post(local(paths.runNow), post, async (request, reply) => {
    const name = RUN_NOW_TASKS.find((t) => t === formFields(request.body).task);
    if (!name) return doneRedirect(kit, reply, paths.jobs, { kind: 'error', message: view.messages.admin.kit.badInput('task', RUN_NOW_TASKS.join(' | ')) });
    const label = m.jobs.tasks[name];
    if (!confirmed(request.body)) return confirm(request, reply, 'jobs', m.jobs.confirmRun(label), paths.runNow, paths.jobs);
    const result = await runNow(ctx, TASKS[name], CONSOLE_ACTOR);
    if (result.queued) await recordAudit(ctx.db, ctx.clock, { actor: 'owner', action: 'task.run_now', subject: result.jobId, data: { task: name } });
    return doneRedirect(kit, reply, `${paths.jobs}?status=${result.queued ? 'queued' : 'running'}`, { kind: result.queued ? 'success' : 'info', message: result.queued ? m.jobs.runQueued(label) : m.jobs.runAlready(label) });
  });
  app.get(local(paths.inbox), get, async (request, reply) => {
    const page = pageNumber(q(request).page);
    const result = await recentInbox(ctx.db, { source: 'cj', page, limit: PAGE_SIZE });
    return sendNode(kit, request, reply, <InboxPage frame={frame(kit, request, reply)} paths={paths} items={result.items} total={result.total} page={page} limit={PAGE_SIZE} />);
  });

  // CJ account, webhooks, tracking.
  const defaultWebhookBase = publicBaseUrl(ctx.config);
  const cjPage = async (request: FastifyRequest, reply: FastifyReply, status = 200, error?: string) => {
    const summary = await cjAccountSummary(ctx);
    const on = summary.settings.ok ? webhooksEnabled(summary.settings.value.callback) : null;
    return sendNode(
      kit,
      request,
      reply,
      <CjAccountPage frame={frame(kit, request, reply)} paths={paths} summary={summary} webhooksOn={on} defaultUrl={webhookUrlFrom(defaultWebhookBase) ?? ''} {...(error ? { error } : {})} />,
      status,
    );
  };
  app.get(local(paths.cj), get, async (request, reply) => cjPage(request, reply));
  app.post(local(paths.cjWebhooks), post, async (request, reply) => {
    const fields = formFields(request.body);
    const enable = fields.action !== 'disable';
    const url = enable ? webhookUrlFrom(fields.url ?? '') : null;
    if (enable && !url) return cjPage(request, reply, 400, `${m.cj.webhookUrl}: ${m.cj.badUrl}`);
    if (!confirmed(request.body)) return confirm(request, reply, 'cjAccount', url ? m.cj.confirmEnable(url) : m.cj.confirmDisable, paths.cjWebhooks, paths.cj, !enable);
    // CJ's webhook/set is a setting, not a counter: sending the same one twice leaves the same state.
    const result = await setCjWebhooks(ctx, url);
    await recordAudit(ctx.db, ctx.clock, { actor: 'owner', action: enable ? 'cj.webhooks.enable' : 'cj.webhooks.disable', subject: ctx.cj.accountId, data: { url, ok: result.ok, ...(result.ok ? {} : { error: result.error }) } });
    if (!result.ok) return doneRedirect(kit, reply, paths.cj, { kind: 'error', message: m.cj.refused(result.error) });
    return doneRedirect(kit, reply, paths.cj, { kind: 'success', message: enable ? m.cj.enabled : m.cj.disabled });
  });
  app.get(local(paths.tracking), get, async (request, reply) => {
    const query = queryText(q(request).q, 64);
    const result = query ? await lookUpTracking(ctx, query) : null;
    return sendNode(kit, request, reply, <TrackingPage frame={frame(kit, request, reply)} paths={paths} result={result} />);
  });
}
