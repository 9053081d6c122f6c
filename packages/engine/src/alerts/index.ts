// The alerts area: one AlertService per store (log, Telegram and webhook channels, de-duplicated and
// rate-limited, every alert stored) and the history query. The admin route lives in alerts-routes.ts,
// imported by the HTTP assembly only, so code that raises alerts never loads HTTP modules.
export {
  ALERT_KINDS,
  DEFAULT_SEVERITY,
  SEVERITIES,
  STORED_ALERT_KINDS,
  SUPPRESSED_SUMMARY_KIND,
  dedupeKey,
  type AlertKind,
  type Severity,
  type StoredAlertKind,
} from './alert-kinds.js';
export {
  AlertService,
  DEFAULT_DELIVERY_TIMEOUT_MS,
  type AlertCounter,
  type AlertInput,
  type AlertOutcome,
  type AlertServiceDeps,
  type AlertSettings,
} from './alert-service.js';
export { listAlerts, type AlertPage, type AlertRecord } from './alert-store.js';
export type { Delivery, DeliveryStatus } from './delivery.js';
export type { OutgoingAlert } from './channels/channel.js';
export type { WebhookBody } from './channels/webhook-channel.js';
