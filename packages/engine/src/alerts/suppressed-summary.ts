// The "N alerts suppressed" summary that follows a burst held back by the hourly limit, so the
// operator learns how much they did not see and where to look.
import type { SuppressedBacklog } from './alert-store.js';

export function summaryMessage(backlog: SuppressedBacklog, maxPerHour: number): string {
  const kinds = Object.entries(backlog.byKind)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([kind, n]) => `${kind} ×${n}`)
    .join(', ');
  const noun = backlog.total === 1 ? 'alert was' : 'alerts were';
  return (
    `${backlog.total} ${noun} not sent because of the limit of ${maxPerHour} per hour (${kinds}). ` +
    'They are stored: see GET /alerts on the admin API.'
  );
}
