// Builds an AlertService on a fresh migrated database with a ManualClock and a captured logger.
import { ManualClock } from '../../src/clock.js';
import { AlertService, type AlertServiceDeps } from '../../src/alerts/alert-service.js';
import { storeLogger } from '../../src/observability/logger.js';
import { StoreMetrics } from '../../src/observability/metrics.js';
import { alertSettingsSchema } from '../../src/stores/config-schema.js';
import type { DatabaseKind } from '../support/databases.js';
import { captureLogger } from '../support/logger.js';

export const T0 = Date.UTC(2026, 10, 24, 12);

export async function alertHarness(
  kind: DatabaseKind,
  cleanups: Array<() => Promise<void>>,
  opts: {
    settings?: Parameters<typeof alertSettingsSchema.parse>[0];
    token?: string;
    timeoutMs?: number;
    logLevel?: string;
  } = {},
) {
  const store = await kind.open();
  cleanups.push(() => store.cleanup());
  const clock = new ManualClock(T0);
  const { log: root, lines } = captureLogger(opts.logLevel ?? 'debug');
  // As in production: the store's child logger, so every line carries `store`.
  const log = storeLogger(root, 'astralmia');
  const metrics = new StoreMetrics('astralmia');
  const deps: AlertServiceDeps = {
    storeId: 'astralmia',
    storeName: 'Astral Mia',
    db: store.db,
    clock,
    log,
    settings: alertSettingsSchema.parse(opts.settings ?? {}),
    secrets: { telegramBotToken: opts.token },
    metrics,
    timeoutMs: opts.timeoutMs,
  };
  const alerts = new AlertService(deps);
  cleanups.push(() => alerts.flush());
  /** Log lines written by the log channel (they carry `alert.kind` and a message). */
  const alertLines = () => lines().filter((l) => typeof l.alert === 'object' && l.msg !== 'alert not delivered');
  const rows = () => store.db.selectFrom('alerts').selectAll().orderBy('id').execute();
  const counted = async (kindLabel: string, result: string) =>
    (await metrics.alerts.get()).values.find((v) => v.labels.kind === kindLabel && v.labels.result === result)?.value ?? 0;
  return { store, clock, log, lines, alertLines, alerts, rows, counted, deps };
}
