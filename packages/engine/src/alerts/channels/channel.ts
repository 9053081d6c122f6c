// A channel delivers one alert somewhere (the log, a Telegram chat, an HTTP endpoint). Channels throw
// ChannelError with a message that is safe to store and log; the service turns it into
// "failed: <message>" for that channel and never lets it escape `raise`.
import type { Severity, StoredAlertKind } from '../alert-kinds.js';

/** An alert as the channels see it. */
export interface OutgoingAlert {
  id: string;
  store: { id: string; name: string };
  kind: StoredAlertKind;
  severity: Severity;
  subject: string;
  message: string;
  data: Record<string, unknown>;
  /** ISO-8601 UTC time the alert was raised. */
  at: string;
}

export interface AlertChannel {
  /** The key of this channel in the stored delivery record. */
  readonly name: string;
  send(alert: OutgoingAlert): Promise<void>;
}

/** A delivery failure whose message contains no secret (no bot token, no webhook URL). */
export class ChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelError';
  }
}
