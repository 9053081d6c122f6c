// webhook/set: one callback URL per topic, validated like CJ validates it — no localhost, https
// only, and the URL must answer HTTP 200 to a probe POST — unless allowLocalWebhooks is set
// (then http:// and 127.0.0.1 are accepted, but the probe still has to answer 200).
import type { WebhookTopic } from '../accounts.js';
import { CjError, Codes, paramError } from '../errors.js';
import { Body } from '../params.js';
import { accountOf, route, type RouteDef } from './types.js';

const TOPICS: WebhookTopic[] = ['product', 'stock', 'order', 'logistics'];
/** Newer topics CJ documents without payloads: accepted and ignored. */
const IGNORED = ['makeup', 'privateOrder'];
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);

/** The body of the probe sent to a URL before accepting it (documented in the README). */
export const PROBE_BODY = '{}';

export const webhookRoutes: RouteDef[] = [
  route({
    method: 'POST',
    path: '/webhook/set',
    auth: 'token',
    body: 'json',
    envelope: 'standard',
    handler: async (ctx) => {
      const b = Body.of(ctx.body);
      const account = accountOf(ctx);
      const allowLocal = ctx.state.opts.allowLocalWebhooks;
      const present = TOPICS.filter((t) => b.raw[t] !== undefined && b.raw[t] !== null);
      if (present.length === 0 && !IGNORED.some((t) => b.raw[t] !== undefined)) throw paramError('at least one of product, stock, order, logistics must be set');
      const changes: Array<{ topic: WebhookTopic; type: 'ENABLE' | 'CANCEL'; urls: string[] }> = [];
      for (const topic of present) {
        const setting = b.object(topic);
        if (!setting) continue;
        const type = setting.requireString('type').toUpperCase();
        if (type === 'CANCEL') {
          changes.push({ topic, type: 'CANCEL', urls: [] });
          continue;
        }
        if (type !== 'ENABLE' && type !== 'ALL') throw paramError(`${topic}.type must be ENABLE or CANCEL, got '${type}'`);
        const urls = (setting.array('callbackUrls') ?? []).map((u, i) => {
          if (typeof u !== 'string' || u.trim() === '') throw paramError(`${topic}.callbackUrls[${i}] must be a URL`);
          return u.trim();
        });
        if (urls.length !== 1) throw paramError(`${topic}.callbackUrls must contain exactly one URL`);
        const raw = urls[0] ?? '';
        let url: URL;
        try {
          url = new URL(raw);
        } catch {
          throw new CjError(Codes.webhookNotHttps, 'Webhook url error, Please ensure URL starts with https://');
        }
        if (LOCAL_HOSTS.has(url.hostname) && !allowLocal) throw new CjError(Codes.webhookLocalhost, 'Please do not use domain names such as localhost, 127.0.0.1');
        if (url.protocol !== 'https:' && !(allowLocal && url.protocol === 'http:')) throw new CjError(Codes.webhookNotHttps, 'Webhook url error, Please ensure URL starts with https://');
        changes.push({ topic, type: 'ENABLE', urls: [raw] });
      }
      // Probe every new URL before changing anything: the configuration changes all or nothing.
      const toProbe = [...new Set(changes.filter((c) => c.type === 'ENABLE').flatMap((c) => c.urls))];
      const results = await Promise.all(toProbe.map(async (url) => ({ url, result: await ctx.state.dispatcher.post(url, PROBE_BODY, account.openId) })));
      for (const { url, result } of results) {
        const topic = changes.find((c) => c.urls.includes(url))?.topic ?? 'order';
        ctx.state.ledger.record({ kind: 'webhook-probe', openId: account.openId, topic, url, status: result.status, ok: result.status === 200, error: result.error });
      }
      const failed = results.find((r) => r.result.status !== 200);
      if (failed) {
        throw new CjError(Codes.webhookNot200, `Webhook url error, Http Status must be 200 (${failed.url} answered ${failed.result.status ?? failed.result.error ?? 'nothing'})`);
      }
      for (const c of changes) account.webhooks[c.topic] = { type: c.type, urls: c.urls };
      return true;
    },
  }),
];
