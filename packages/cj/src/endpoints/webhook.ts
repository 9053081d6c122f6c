import { type CallOptions, type Execute, defineEndpoint } from '../endpoint.js';
import { cjBoolean } from '../schemas/primitives.js';

export const webhookEndpoints = {
  set: defineEndpoint<boolean>({
    path: '/webhook/set',
    method: 'POST',
    idempotent: false,
    auth: true,
    data: cjBoolean,
    reconcile: 'setting.get() shows the callback configuration CJ holds',
  }),
} as const;

export interface WebhookTopic {
  /** ENABLE or CANCEL (older snapshots: ALL). */
  type: 'ENABLE' | 'CANCEL' | 'ALL';
  /** Exactly one public https URL; CJ checks it answers 200 (1607001/1607002/1607003 otherwise). */
  callbackUrls: string[];
}

export interface WebhookSetBody {
  product?: WebhookTopic;
  stock?: WebhookTopic;
  order?: WebhookTopic;
  logistics?: WebhookTopic;
  makeup?: WebhookTopic;
  privateOrder?: WebhookTopic;
}

export class WebhookApi {
  constructor(private readonly execute: Execute) {}

  /** Also the way to resume delivery after CJ paused it at a 50% failure rate. */
  set(body: WebhookSetBody, call?: CallOptions): Promise<boolean> {
    return this.execute(webhookEndpoints.set, { body }, call);
  }
}
