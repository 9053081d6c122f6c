// Generic webhook: POST the alert as JSON to the operator's URL (their own automation, Slack-style
// relays, n8n…). Any 2xx is a delivery. The URL is not logged: such URLs often embed a secret.
import { ChannelError, type AlertChannel, type OutgoingAlert } from './channel.js';
import { excerpt, postJson } from './post-json.js';

export interface WebhookChannelOptions {
  name: string;
  url: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** The JSON body a webhook receives. `id` lets the receiver de-duplicate its own retries. */
export interface WebhookBody {
  id: string;
  store: string;
  storeName: string;
  kind: string;
  severity: string;
  subject: string;
  message: string;
  data: Record<string, unknown>;
  at: string;
}

export function webhookBody(alert: OutgoingAlert): WebhookBody {
  return {
    id: alert.id,
    store: alert.store.id,
    storeName: alert.store.name,
    kind: alert.kind,
    severity: alert.severity,
    subject: alert.subject,
    message: alert.message,
    data: alert.data,
    at: alert.at,
  };
}

export function webhookChannel(opts: WebhookChannelOptions): AlertChannel {
  return {
    name: opts.name,
    async send(alert: OutgoingAlert) {
      const res = await postJson(opts.fetch, opts.url, webhookBody(alert), opts.timeoutMs);
      if (!res.ok) {
        const why = excerpt(res.text);
        throw new ChannelError(`webhook answered HTTP ${res.status}${why ? `: ${why}` : ''}`);
      }
    },
  };
}
