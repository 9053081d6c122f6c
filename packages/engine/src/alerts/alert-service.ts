// One AlertService per store. `raise` records the alert, de-duplicates it, applies the hourly limit and
// delivers it to the store's channels — and never throws: an alert is raised from inside business
// flows (an order on hold, a dead job) that must carry on whatever happens to the alert.
//
// De-duplication: an alert whose kind + subject matches one recorded within `dedupeWindow` (measured
// from that earlier record) is neither stored nor sent again; `raise` answers "duplicate" with the
// earlier id. Once the window has passed, the same alert is recorded and sent again — a condition
// that persists re-alerts once per window.
//
// Hourly limit: at most `maxPerHour` alerts go out per store in any rolling hour (counted from the
// table, so it holds across restarts and processes). Beyond that an alert is still stored, with every
// channel marked "suppressed", and nothing is sent. The next time there is room — at the next `raise`,
// or when a schedule calls `summarizeSuppressed()` — one "N alerts suppressed" summary (kind
// `alerts_suppressed`, counts by kind) goes out first and takes one slot of the budget.
//
// Within one process the decision and the insert are serialised, so both rules are exact; two engine
// processes raising at the same instant may each let one alert through (at worst one extra message).
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { alertSettingsSchema } from '../stores/config-schema.js';
import { createTimeOrderedIdGenerator } from '../time-ordered-id.js';
import {
  DEFAULT_SEVERITY,
  SUPPRESSED_SUMMARY_KIND,
  dedupeKey,
  type AlertKind,
  type Severity,
  type StoredAlertKind,
} from './alert-kinds.js';
import {
  countSentSince,
  findRecentByKey,
  insertAlert,
  suppressedSinceLastSummary,
  updateDelivery,
} from './alert-store.js';
import { buildChannels } from './channels/build-channels.js';
import { ChannelError, type AlertChannel, type OutgoingAlert } from './channels/channel.js';
import { anyFailed, deliveryAll, type Delivery, type DeliveryStatus } from './delivery.js';
import { parseJsonObject, toJsonText } from './json-text.js';
import { Serial } from './serial.js';
import { summaryMessage } from './suppressed-summary.js';

export type AlertSettings = z.output<typeof alertSettingsSchema>;

export interface AlertInput {
  kind: AlertKind;
  /** What the alert is about: an order number, a CJ pid, a job id… Part of the de-duplication key. */
  subject: string;
  message: string;
  data?: Record<string, unknown>;
  /** Defaults to DEFAULT_SEVERITY[kind]. */
  severity?: Severity;
}

export type AlertOutcome =
  /** Stored and delivered on every channel. */
  | { status: 'sent'; id: string; delivery: Delivery }
  /** Stored; at least one channel failed (see `delivery`), the others were delivered. */
  | { status: 'failed'; id: string; delivery: Delivery }
  /** Stored, not sent: the hourly limit was reached. */
  | { status: 'suppressed'; id: string; delivery: Delivery }
  /** The same kind + subject was recorded within the dedupe window (`id` is that record). */
  | { status: 'duplicate'; id: string }
  /** Could not be stored (database unreachable…); written to the log instead. */
  | { status: 'error'; error: string };

/** The part of a prom-client Counter the service uses (StoreMetrics.alerts fits). */
export interface AlertCounter {
  inc(labels: { kind: string; result: string }): void;
}

export interface AlertServiceDeps {
  storeId: string;
  storeName: string;
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  settings: AlertSettings;
  secrets: { telegramBotToken?: string | undefined };
  metrics?: { alerts: AlertCounter } | undefined;
  fetch?: typeof fetch | undefined;
  /** Time limit of one remote delivery (Telegram, webhook). */
  timeoutMs?: number | undefined;
}

export const DEFAULT_DELIVERY_TIMEOUT_MS = 5_000;
const HOUR_MS = 3_600_000;

type Plan =
  | { type: 'duplicate'; id: string }
  | { type: 'recorded'; alert: OutgoingAlert; suppressed: boolean; summary: OutgoingAlert | undefined };

export class AlertService {
  readonly #deps: AlertServiceDeps;
  readonly #channels: AlertChannel[];
  readonly #serial = new Serial();
  readonly #nextId = createTimeOrderedIdGenerator();
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(deps: AlertServiceDeps) {
    this.#deps = deps;
    this.#channels = buildChannels(deps.settings.channels, {
      storeId: deps.storeId,
      log: deps.log,
      telegramBotToken: deps.secrets.telegramBotToken,
      fetch: deps.fetch ?? globalThis.fetch,
      timeoutMs: deps.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
    });
  }

  /**
   * Records and delivers one alert; resolves when every channel has answered (or timed out). Never
   * rejects. On SQLite, do not await it inside a transaction on the same database — the alert would
   * wait for the connection the transaction holds; use `notify` there, or raise after the commit.
   */
  async raise(input: AlertInput): Promise<AlertOutcome> {
    let plan: Plan;
    try {
      plan = await this.#serial.run(() => this.#record(input));
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.#deps.log.error(
        { alert: { kind: input.kind, severity: input.severity ?? DEFAULT_SEVERITY[input.kind], subject: input.subject }, error },
        `alert could not be stored: ${input.message}`,
      );
      this.#count(input.kind, 'error');
      return { status: 'error', error };
    }
    if (plan.type === 'duplicate') {
      this.#count(input.kind, 'duplicate');
      return { status: 'duplicate', id: plan.id };
    }
    if (plan.summary) await this.#deliver(plan.summary);
    if (plan.suppressed) {
      const { id, kind, subject } = plan.alert;
      this.#deps.log.debug({ alert: { id, kind, subject } }, 'alert stored but not sent: hourly alert limit reached');
      this.#count(kind, 'suppressed');
      return { status: 'suppressed', id, delivery: deliveryAll(this.#channelNames(), 'suppressed') };
    }
    return this.#deliver(plan.alert);
  }

  /** Fire-and-forget `raise` for code that must not wait (e.g. inside a transaction); see `flush`. */
  notify(input: AlertInput): void {
    const pending = this.raise(input);
    this.#inFlight.add(pending);
    void pending.finally(() => this.#inFlight.delete(pending));
  }

  /** Waits for every `notify` still in progress (call on shutdown). */
  async flush(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /**
   * Sends the "N alerts suppressed" summary now if alerts are waiting for one and the hourly budget
   * has room, so it does not wait for the next alert. Meant for a periodic schedule. Never rejects.
   */
  async summarizeSuppressed(): Promise<AlertOutcome | undefined> {
    try {
      const summary = await this.#serial.run(async () => {
        if (this.#channels.length === 0) return undefined;
        const now = this.#deps.clock.now();
        const sent = await countSentSince(this.#deps.db, iso(now - HOUR_MS));
        if (sent >= this.#deps.settings.maxPerHour) return undefined;
        return this.#recordSummary(now, this.#deps.db);
      });
      return summary ? await this.#deliver(summary) : undefined;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.#deps.log.error({ alert: { kind: SUPPRESSED_SUMMARY_KIND }, error }, 'suppressed-alerts summary failed');
      return { status: 'error', error };
    }
  }

  /** Decides duplicate / suppressed and stores the rows; runs serialised. */
  async #record(input: AlertInput): Promise<Plan> {
    const { db, clock, settings } = this.#deps;
    const now = clock.now();
    const subject = input.subject.trim();
    const key = dedupeKey(input.kind, subject);
    const earlier = await findRecentByKey(db, key, iso(now - settings.dedupeWindow));
    if (earlier !== undefined) return { type: 'duplicate', id: earlier };

    const hasChannels = this.#channels.length > 0;
    let sent = hasChannels ? await countSentSince(db, iso(now - HOUR_MS)) : 0;
    return db.transaction().execute(async (trx) => {
      // The summary, if due, takes its slot first: it reports alerts older than this one.
      const summary = hasChannels && sent < settings.maxPerHour ? await this.#recordSummary(now, trx) : undefined;
      if (summary) sent++;
      const suppressed = hasChannels && sent >= settings.maxPerHour;
      const alert = await this.#insert(trx, now, {
        kind: input.kind,
        severity: input.severity ?? DEFAULT_SEVERITY[input.kind],
        subject,
        message: input.message,
        data: input.data,
        key,
        status: suppressed ? 'suppressed' : 'pending',
      });
      return { type: 'recorded' as const, alert, suppressed, summary };
    });
  }

  async #recordSummary(now: number, db: Kysely<Database>): Promise<OutgoingAlert | undefined> {
    const backlog = await suppressedSinceLastSummary(db);
    if (backlog.total === 0) return undefined;
    const { maxPerHour } = this.#deps.settings;
    return this.#insert(db, now, {
      kind: SUPPRESSED_SUMMARY_KIND,
      severity: DEFAULT_SEVERITY[SUPPRESSED_SUMMARY_KIND],
      subject: `${backlog.total} suppressed`,
      message: summaryMessage(backlog, maxPerHour),
      data: { suppressed: backlog.total, byKind: backlog.byKind, firstAt: backlog.firstAt, lastAt: backlog.lastAt, maxPerHour },
      // Never de-duplicated: each summary covers different alerts.
      key: undefined,
      status: 'pending',
    });
  }

  async #insert(
    db: Kysely<Database>,
    now: number,
    a: {
      kind: StoredAlertKind;
      severity: Severity;
      subject: string;
      message: string;
      data: Record<string, unknown> | undefined;
      key: string | undefined;
      status: DeliveryStatus;
    },
  ): Promise<OutgoingAlert> {
    const id = this.#nextId(now);
    const createdAt = iso(now);
    const dataText = toJsonText(a.data);
    await insertAlert(db, {
      id,
      kind: a.kind,
      severity: a.severity,
      subject: a.subject,
      message: a.message,
      dataText,
      dedupeKey: a.key ?? dedupeKey(a.kind, id),
      createdAt,
      delivery: deliveryAll(this.#channelNames(), a.status),
    });
    return {
      id,
      store: { id: this.#deps.storeId, name: this.#deps.storeName },
      kind: a.kind,
      severity: a.severity,
      subject: a.subject,
      message: a.message,
      // What the channels send is exactly what was stored (bigints as strings, no cycles).
      data: parseJsonObject(dataText),
      at: createdAt,
    };
  }

  /** Sends on every channel at once; a failing channel is recorded and logged, never thrown. */
  async #deliver(alert: OutgoingAlert): Promise<AlertOutcome> {
    const results = await Promise.all(
      this.#channels.map(async (channel): Promise<[string, DeliveryStatus]> => {
        try {
          await channel.send(alert);
          return [channel.name, 'sent'];
        } catch (err) {
          const reason = this.#scrub(err instanceof ChannelError ? err.message : `unexpected error: ${String(err)}`);
          this.#deps.log.warn(
            { alert: { id: alert.id, kind: alert.kind, subject: alert.subject }, channel: channel.name, reason },
            'alert not delivered',
          );
          return [channel.name, `failed: ${reason}`];
        }
      }),
    );
    const delivery: Delivery = Object.fromEntries(results);
    try {
      await updateDelivery(this.#deps.db, alert.id, delivery);
    } catch (err) {
      // The alert went out; only its bookkeeping is stale ("pending"). Worth a line, not a failure.
      this.#deps.log.error(
        { alert: { id: alert.id, kind: alert.kind }, error: err instanceof Error ? err.message : String(err) },
        'alert delivery result could not be stored',
      );
    }
    const status = anyFailed(delivery) ? 'failed' : 'sent';
    this.#count(alert.kind, status);
    return { status, id: alert.id, delivery };
  }

  #channelNames(): string[] {
    return this.#channels.map((c) => c.name);
  }

  /** Defence in depth: whatever a channel throws, the bot token does not reach the log or the table. */
  #scrub(text: string): string {
    const token = this.#deps.secrets.telegramBotToken;
    return token ? text.split(token).join('[redacted]') : text;
  }

  #count(kind: StoredAlertKind, result: string): void {
    try {
      this.#deps.metrics?.alerts.inc({ kind, result });
    } catch {
      // A metrics problem must not turn into an alert problem.
    }
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
