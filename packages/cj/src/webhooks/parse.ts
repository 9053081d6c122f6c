import type { z } from 'zod';
import { CjWebhookError } from '../errors.js';
import { parseCjJson } from '../json.js';
import {
  logisticParams,
  orderParams,
  orderSplitParams,
  productParams,
  sourcingCreateParams,
  stockParams,
  variantParams,
  webhookEnvelope,
} from './schemas.js';
import type { CjWebhookMessage } from './types.js';

const PARAMS: Record<string, z.ZodType> = {
  PRODUCT: productParams,
  VARIANT: variantParams,
  STOCK: stockParams,
  ORDER: orderParams,
  ORDERSPLIT: orderSplitParams,
  SOURCINGCREATE: sourcingCreateParams,
  LOGISTIC: logisticParams,
};

/**
 * Parses a CJ webhook body into a typed message. Pass the raw bytes exactly as received (the same
 * bytes verifyWebhookSignature checks); numbers are read big-int safe, so cjOrderId/orderId/openId
 * arrive as exact strings.
 *
 * A `type` this client does not know yields `{ type: 'UNKNOWN', rawType, params }` rather than an
 * error, so a receiver can acknowledge and store it (CJ pauses all delivery at a 50% failure rate).
 * Throws CjWebhookError for bodies that are not JSON, lack messageId/type, or whose params do not
 * match a known type.
 */
export function parseWebhook(rawBody: string | Uint8Array): CjWebhookMessage {
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder('utf-8').decode(rawBody);
  let json: unknown;
  try {
    json = parseCjJson(text);
  } catch (err) {
    throw new CjWebhookError(`CJ webhook body is not JSON: ${(err as Error).message}`, [], { cause: err });
  }
  const env = webhookEnvelope.safeParse(json);
  if (!env.success) {
    throw new CjWebhookError('CJ webhook body lacks messageId/type', issuesOf(env.error));
  }
  const { messageId, type, messageType, openId, params } = env.data;
  const base = { messageId, messageType, openId };
  // Own keys only: a type such as "constructor" or "__proto__" must not find Object.prototype's members.
  const schema = Object.hasOwn(PARAMS, type) ? PARAMS[type] : undefined;
  if (!schema) return { ...base, type: 'UNKNOWN', rawType: type, params };
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error, 'params');
    throw new CjWebhookError(`CJ ${type} webhook params do not match: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  return { ...base, type, params: parsed.data } as CjWebhookMessage;
}

function issuesOf(error: z.ZodError, prefix?: string): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)', message: i.message }));
}
