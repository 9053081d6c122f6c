// setting/get: the account's profile, QPS and quota limits, and the webhook configuration.
import { rawNumber } from '../json.js';
import type { WebhookTopic } from '../accounts.js';
import { accountOf, route, type RouteDef } from './types.js';

const TOPICS: WebhookTopic[] = ['product', 'stock', 'order', 'logistics'];

export function settingRoutes(quotaPaths: () => string[]): RouteDef[] {
  return [
    route({
      method: 'GET',
      path: '/setting/get',
      auth: 'token',
      body: 'none',
      envelope: 'standard',
      handler: (ctx) => {
        const account = accountOf(ctx);
        const quota = ctx.state.quota.perDay;
        return {
          openId: rawNumber(account.openId),
          openName: account.openName,
          openEmail: account.openEmail,
          setting: {
            quotaLimits: quota === null ? [] : quotaPaths().map((p) => ({ quotaUrl: `/api2.0/v1${p}`, quotaLimit: quota, quotaType: 4 })),
            qpsLimit: account.qps,
          },
          callback: Object.fromEntries(TOPICS.map((t) => [t, { type: account.webhooks[t]?.type ?? 'CANCEL', urls: account.webhooks[t]?.urls ?? [] }])),
          root: 'GENERAL',
          isSandbox: false,
        };
      },
    }),
  ];
}
