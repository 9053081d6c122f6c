// Delivers webhook messages the way CJ does: JSON POST, optional `sign` header, a 3 s timeout, and
// on anything but HTTP 200 up to 3 retries 5 minutes apart — on the simulated clock, so a test can
// watch all four attempts by advancing 15 minutes. Every attempt is written to the ledger.
import type { Ledger } from '../ledger.js';
import type { Scheduler } from '../scheduler.js';
import { webhookSignature } from './sign.js';

export const RETRY_DELAY_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 4;

export interface OutgoingMessage {
  openId: string;
  url: string;
  messageId: string;
  type: string;
  messageType: string;
  body: string;
}

export interface DeliveryOptions {
  sign: boolean;
  timeoutMs: number;
}

export interface PostResult {
  status: number | null;
  error: string | null;
}

export class WebhookDispatcher {
  private readonly inflight = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly opts: DeliveryOptions,
    private readonly ledger: Ledger,
    private readonly scheduler: Scheduler,
    private readonly simNow: () => number,
  ) {}

  /** Starts the first delivery attempt now (in the background). */
  send(message: OutgoingMessage): void {
    this.attempt(message, 1);
  }

  /** Resolves when no delivery is in flight (including attempts started while waiting). */
  async flush(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** POSTs a body and reports the status; used for deliveries and for webhook/set's URL probe. */
  async post(url: string, body: string, openId: string): Promise<PostResult> {
    if (this.closed) return { status: null, error: 'simulator closed' };
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${this.opts.timeoutMs} ms`)), this.opts.timeoutMs);
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'cj-sim-webhook/1.0' };
      if (this.opts.sign) headers.sign = webhookSignature(body, openId);
      const res = await fetch(url, { method: 'POST', headers, body, signal: controller.signal, redirect: 'manual' });
      await res.arrayBuffer().catch(() => undefined);
      return { status: res.status, error: res.status === 200 ? null : `HTTP ${res.status}` };
    } catch (err) {
      const reason = controller.signal.aborted ? controller.signal.reason : err;
      const text = reason instanceof Error ? (reason.cause instanceof Error ? `${reason.message}: ${reason.cause.message}` : reason.message) : String(reason);
      return { status: null, error: text };
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
  }

  close(): void {
    this.closed = true;
    for (const c of this.controllers) c.abort(new Error('simulator closed'));
  }

  private attempt(message: OutgoingMessage, attempt: number): void {
    const startedSim = this.simNow();
    const task = (async () => {
      const result = await this.post(message.url, message.body, message.openId);
      const ok = result.status === 200;
      this.ledger.record({
        kind: 'webhook',
        openId: message.openId,
        simTime: startedSim,
        messageId: message.messageId,
        type: message.type,
        messageType: message.messageType,
        url: message.url,
        attempt,
        status: result.status,
        ok,
        error: result.error,
        body: message.body,
      });
      if (!ok && attempt < MAX_ATTEMPTS && !this.closed) {
        // Retries are timed from the attempt, on the simulated clock.
        this.scheduler.schedule(startedSim + RETRY_DELAY_MS, `webhook retry ${message.messageId} #${attempt + 1}`, () => this.attempt(message, attempt + 1));
      }
    })();
    this.inflight.add(task);
    void task.finally(() => this.inflight.delete(task));
  }
}
