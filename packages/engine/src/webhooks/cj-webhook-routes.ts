// POST /webhooks/cj on each store's listener: verify CJ's `sign`, store the message in the inbox
// (once per messageId) with a job to process it, and answer 200 well within CJ's 3 seconds.
import { parseWebhook, verifyWebhookSignature } from '@lojista/cj';
import { z } from 'zod';
import type { StoreApp } from '../http/app-types.js';
import { HttpError } from '../http/errors.js';
import type { StoreContext } from '../stores/context.js';
import { acceptIntoInbox } from './inbox.js';
import { useRawJsonBody } from './raw-body.js';

const ack = { code: 200, result: 'success', message: 'received' };

export function cjWebhookRoutes(ctx: StoreContext) {
  return async (app: StoreApp) => {
    await app.register(async (scope) => {
      useRawJsonBody(scope as StoreApp);
      (scope as StoreApp).post(
        '/webhooks/cj',
        {
          config: { rateLimit: false },
          schema: {
            tags: ['webhooks'],
            summary: 'CJ webhook receiver (product, variant, stock, order, logistics messages)',
            response: { 200: z.object({ code: z.number(), result: z.string(), message: z.string() }) },
          },
        },
        async (request) => {
          const raw = request.body as Buffer;
          if (!Buffer.isBuffer(raw) || raw.length === 0) throw new HttpError(400, 'invalid_webhook', 'empty body');
          const sign = request.headers.sign;
          if (typeof sign === 'string') {
            const openId = await ctx.cj.auth.openId().catch(() => undefined);
            if (!openId || !verifyWebhookSignature(raw, sign, openId)) {
              ctx.log.warn({ ip: request.ip }, 'CJ webhook with a bad signature rejected');
              throw new HttpError(401, 'bad_signature', 'the sign header does not match the body');
            }
          } else if (ctx.config.cjWebhooks.requireSignature) {
            throw new HttpError(401, 'missing_signature', 'CJ webhooks must carry the sign header (cjWebhooks.requireSignature)');
          }
          let json: unknown;
          try {
            json = JSON.parse(raw.toString('utf8'));
          } catch {
            throw new HttpError(400, 'invalid_webhook', 'the body is not JSON');
          }
          // CJ checks a URL at webhook/set with a message that carries nothing to process.
          if (typeof json !== 'object' || json === null || !('messageId' in json)) return ack;
          let message;
          try {
            message = parseWebhook(raw);
          } catch (err) {
            throw new HttpError(400, 'invalid_webhook', `not a CJ webhook message: ${(err as Error).message}`);
          }
          const fresh = await acceptIntoInbox(ctx.db, ctx.clock, {
            id: `cj:${message.messageId}`,
            source: 'cj',
            type: message.type,
            payload: raw.toString('utf8'),
          });
          if (fresh) ctx.pokeJobs();
          else ctx.log.debug({ messageId: message.messageId }, 'duplicate CJ webhook acknowledged');
          return ack;
        },
      );
    });
  };
}
