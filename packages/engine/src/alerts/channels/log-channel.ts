// The log channel: one structured line per alert, at a level that matches its severity, so log-based
// alerting (journald, Loki, a grep in cron) can key on `alert.kind` and the level.
import type { Logger } from 'pino';
import type { Severity } from '../alert-kinds.js';
import type { AlertChannel, OutgoingAlert } from './channel.js';

const LEVEL: Record<Severity, 'info' | 'warn' | 'error'> = { info: 'info', warning: 'warn', critical: 'error' };

export function logChannel(log: Logger, name = 'log'): AlertChannel {
  return {
    name,
    async send(alert: OutgoingAlert) {
      const { id, kind, severity, subject, data } = alert;
      log[LEVEL[severity]]({ alert: { id, kind, severity, subject, data } }, alert.message);
    },
  };
}
