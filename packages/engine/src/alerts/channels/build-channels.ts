// Turns the store's `alerts.channels` config into channel objects. Each channel gets a distinct name
// for the delivery record: the first of a type is "telegram", the next "telegram#2", and so on.
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { alertChannelSchema } from '../../stores/config-schema.js';
import type { AlertChannel } from './channel.js';
import { logChannel } from './log-channel.js';
import { telegramChannel } from './telegram-channel.js';
import { webhookChannel } from './webhook-channel.js';

export type AlertChannelConfig = z.output<typeof alertChannelSchema>;

export interface ChannelEnvironment {
  storeId: string;
  log: Logger;
  telegramBotToken: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
}

export function buildChannels(configs: readonly AlertChannelConfig[], env: ChannelEnvironment): AlertChannel[] {
  const seen = new Map<string, number>();
  return configs.map((config) => {
    const n = (seen.get(config.type) ?? 0) + 1;
    seen.set(config.type, n);
    const name = n === 1 ? config.type : `${config.type}#${n}`;
    switch (config.type) {
      case 'log':
        return logChannel(env.log, name);
      case 'telegram':
        return telegramChannel({
          name,
          storeId: env.storeId,
          chatId: config.chatId,
          apiBase: config.apiBase,
          token: env.telegramBotToken,
          fetch: env.fetch,
          timeoutMs: env.timeoutMs,
        });
      case 'webhook':
        return webhookChannel({ name, url: config.url, fetch: env.fetch, timeoutMs: env.timeoutMs });
    }
  });
}
