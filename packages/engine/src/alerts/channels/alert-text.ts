// The human-readable form of an alert for chat channels. Plain text on purpose: Telegram's Markdown
// modes reject a message with one unescaped "_" or "." — common in kinds, order numbers and prices —
// and a rejected alert is worse than an unformatted one.
import type { Severity } from '../alert-kinds.js';
import type { OutgoingAlert } from './channel.js';

const MARK: Record<Severity, string> = { info: 'ℹ️', warning: '⚠️', critical: '🚨' };

/** Telegram refuses texts over 4096 characters; leave room for the ellipsis. */
export const MAX_TEXT = 4000;

export function alertText(alert: OutgoingAlert): string {
  const lines = [
    `${MARK[alert.severity]} ${alert.severity.toUpperCase()} · ${alert.store.name}`,
    `${alert.kind} — ${alert.subject}`,
    alert.message,
  ];
  const details = Object.entries(alert.data)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
  if (details) lines.push('', details);
  lines.push('', `${alert.store.id} · ${alert.at}`);
  const text = lines.join('\n');
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
