// What an alert can be about, how loud each kind is by default, and what makes two alerts "the same".
// Kinds are a closed list so the admin API, metrics labels and operator filters stay predictable.

export const ALERT_KINDS = [
  'order_on_hold',
  'insufficient_balance',
  'low_stock',
  'price_change',
  'dispute_opened',
  'cj_auth_failure',
  'circuit_open',
  'job_dead',
  'scan_failed',
  'delisted',
  'admin_login_locked',
] as const;

/** A kind the business code may raise. */
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Raised by the alert service itself when the hourly limit held alerts back (see alert-service.ts). */
export const SUPPRESSED_SUMMARY_KIND = 'alerts_suppressed';

/** Every kind that can appear in the alerts table. */
export type StoredAlertKind = AlertKind | typeof SUPPRESSED_SUMMARY_KIND;

export const STORED_ALERT_KINDS: readonly StoredAlertKind[] = [...ALERT_KINDS, SUPPRESSED_SUMMARY_KIND];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Critical = money or fulfilment is blocked until someone acts; warning = something changed that the
 * operator should look at today; info = worth knowing, nothing is stuck.
 */
export const DEFAULT_SEVERITY: Record<StoredAlertKind, Severity> = {
  order_on_hold: 'warning',
  insufficient_balance: 'critical',
  low_stock: 'info',
  price_change: 'warning',
  dispute_opened: 'warning',
  cj_auth_failure: 'critical',
  circuit_open: 'critical',
  job_dead: 'critical',
  scan_failed: 'warning',
  delisted: 'info',
  admin_login_locked: 'warning',
  alerts_suppressed: 'warning',
};

/**
 * Two alerts are the same when kind and subject match: "order LJ-1 is on hold" raised by the
 * reconciliation every 5 minutes is one alert, not twelve an hour. Severity and message are left out
 * on purpose, so a reworded message does not defeat the de-duplication.
 */
export function dedupeKey(kind: StoredAlertKind, subject: string): string {
  return `${kind}:${subject.trim()}`;
}
