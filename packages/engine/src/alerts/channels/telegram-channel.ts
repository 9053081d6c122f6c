// Telegram Bot API: POST {apiBase}/bot<token>/sendMessage. The token sits in the URL path, so the URL
// is never logged or stored, and any failure text is scrubbed of the token before it leaves here.
import { envVarName } from '../../stores/secrets.js';
import { alertText } from './alert-text.js';
import { ChannelError, type AlertChannel, type OutgoingAlert } from './channel.js';
import { excerpt, postJson } from './post-json.js';

export interface TelegramChannelOptions {
  name: string;
  storeId: string;
  chatId: string;
  apiBase: string;
  token: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
}

export function telegramChannel(opts: TelegramChannelOptions): AlertChannel {
  const scrub = (text: string) => (opts.token ? text.split(opts.token).join('[redacted]') : text);
  return {
    name: opts.name,
    async send(alert: OutgoingAlert) {
      if (!opts.token) {
        throw new ChannelError(
          `no Telegram bot token: set the secret telegramBotToken (${envVarName(opts.storeId, 'telegramBotToken')})`,
        );
      }
      const url = `${opts.apiBase.replace(/\/+$/, '')}/bot${opts.token}/sendMessage`;
      const body = { chat_id: opts.chatId, text: alertText(alert), disable_web_page_preview: true };
      try {
        const res = await postJson(opts.fetch, url, body, opts.timeoutMs);
        // The Bot API answers {"ok":true,…} on success and {"ok":false,"description":…} otherwise.
        const answer = parseAnswer(res.text);
        if (!res.ok || answer.ok !== true) {
          const why = typeof answer.description === 'string' ? answer.description : excerpt(res.text);
          throw new ChannelError(`Telegram answered HTTP ${res.status}${why ? `: ${why}` : ''}`);
        }
      } catch (err) {
        throw new ChannelError(scrub(err instanceof ChannelError ? err.message : 'unexpected error'));
      }
    },
  };
}

function parseAnswer(text: string): { ok?: unknown; description?: unknown } {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as { ok?: unknown; description?: unknown }) : {};
  } catch {
    return {};
  }
}
