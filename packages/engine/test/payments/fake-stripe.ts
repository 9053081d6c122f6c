// A local stand-in for the Stripe API (what stripe-mock is to Stripe, reduced to what the engine
// calls): POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id and POST /v1/refunds (refunds
// of a session `completeSession` marked paid) with the form encoding the SDK sends, Bearer-key auth,
// Idempotency-Key replay and conflict, Stripe-shaped error bodies, and fault injection (5xx, a lost
// response after the session was created, a request that never gets an answer).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  params: FormObject;
}

type Fault = { kind: 'status'; status: number } | { kind: 'drop' } | { kind: 'hang' };

export interface FakeStripeOptions {
  /** The only key accepted in `Authorization: Bearer …`. */
  secretKey: string;
  /** Epoch ms, for `created` and the expires_at window. */
  now?: () => number;
}

export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  readonly sessions = new Map<string, Record<string, unknown>>();
  /** Refunds actually created (an idempotent replay adds none). */
  readonly refunds: Array<Record<string, unknown>> = [];
  /** Lets a test corrupt what the fake answers (to check the client's response checks). */
  tamper: ((session: Record<string, unknown>) => void) | undefined;
  readonly #idempotency = new Map<string, { fingerprint: string; body: Record<string, unknown> }>();
  readonly #faults: Fault[] = [];
  readonly #sockets = new Set<Socket>();
  #counter = 0;

  private constructor(
    private readonly server: Server,
    private readonly opts: FakeStripeOptions,
  ) {
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  static async start(opts: FakeStripeOptions): Promise<FakeStripe> {
    const server = createServer();
    const fake = new FakeStripe(server, opts);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `count` requests get this HTTP status with a Stripe api_error body. */
  failNext(count: number, status = 500): void {
    for (let i = 0; i < count; i++) this.#faults.push({ kind: 'status', status });
  }

  /**
   * The next `count` requests are processed (a session created or replayed), then the connection
   * drops before the answer. Note the SDK retries a reset connection once even with retries off.
   */
  dropNextResponses(count: number): void {
    for (let i = 0; i < count; i++) this.#faults.push({ kind: 'drop' });
  }

  /** The next request is never answered (the client must time out or abort). */
  hangNext(): void {
    this.#faults.push({ kind: 'hang' });
  }

  /** What Stripe does when the customer pays: the session completes with a payment intent. */
  completeSession(id: string): { paymentIntent: string } {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    const paymentIntent = `pi_fake${id.slice(-6)}`;
    Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: paymentIntent });
    return { paymentIntent };
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params = parseForm(Buffer.concat(chunks).toString('utf8'));
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, params });

    const fault = this.#faults.shift();
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'status') {
      return send(res, fault.status, { error: { type: 'api_error', message: 'An unknown error occurred (injected).' } });
    }

    if (req.headers.authorization !== `Bearer ${this.opts.secretKey}`) {
      const given = (req.headers.authorization ?? '').replace(/^Bearer\s+/, '');
      return send(res, 401, {
        error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${given.slice(0, 8)}****` },
      });
    }
    const sessionPath = /^\/v1\/checkout\/sessions\/(cs_[A-Za-z0-9_]+)$/.exec(path);
    if (req.method === 'GET' && sessionPath) {
      const session = this.sessions.get(sessionPath[1]!);
      if (!session) return send(res, 404, { error: { type: 'invalid_request_error', message: `No such checkout.session: '${sessionPath[1]}'` } });
      return send(res, 200, session);
    }
    if (req.method === 'POST' && path === '/v1/refunds') return this.handleRefund(req, res, params);
    if (req.method !== 'POST' || path !== '/v1/checkout/sessions') {
      return send(res, 404, {
        error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method} ${path}).` },
      });
    }

    const key = header(req, 'idempotency-key');
    const fingerprint = JSON.stringify(params);
    const saved = key === undefined ? undefined : this.#idempotency.get(key);
    if (saved !== undefined) {
      if (saved.fingerprint !== fingerprint) {
        return send(res, 400, {
          error: {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          },
        });
      }
      if (fault?.kind === 'drop') return void req.socket.destroy();
      return send(res, 200, saved.body, { 'idempotent-replayed': 'true' });
    }

    const created = this.createSession(params);
    if ('error' in created) return send(res, 400, { error: created.error });
    const body = created.session;
    if (key !== undefined) this.#idempotency.set(key, { fingerprint, body });
    if (fault?.kind === 'drop') {
      // Committed, but the client never hears about it: the "unknown outcome" case.
      req.socket.destroy();
      return;
    }
    return send(res, 200, body);
  }

  private handleRefund(req: IncomingMessage, res: ServerResponse, params: FormObject): void {
    const key = header(req, 'idempotency-key');
    const fingerprint = `refund:${JSON.stringify(params)}`;
    const saved = key === undefined ? undefined : this.#idempotency.get(key);
    if (saved !== undefined) {
      if (saved.fingerprint !== fingerprint) {
        return send(res, 400, { error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with.` } });
      }
      return send(res, 200, saved.body, { 'idempotent-replayed': 'true' });
    }
    const intent = String(params.payment_intent ?? '');
    const session = [...this.sessions.values()].find((s) => s.payment_intent === intent);
    if (!session) return send(res, 400, { error: { type: 'invalid_request_error', message: `No such payment_intent: '${intent}'`, param: 'payment_intent' } });
    const total = Number(session.amount_total);
    const already = this.refunds.filter((r) => r.payment_intent === intent).reduce((sum, r) => sum + Number(r.amount), 0);
    const amount = params.amount === undefined ? total - already : Number(params.amount);
    if (!Number.isInteger(amount) || amount <= 0 || already + amount > total) {
      return send(res, 400, { error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${total - already}).`, param: 'amount' } });
    }
    this.#counter += 1;
    const refund: Record<string, unknown> = {
      id: `re_fake${String(this.#counter).padStart(6, '0')}`,
      object: 'refund',
      amount,
      currency: session.currency,
      payment_intent: intent,
      metadata: params.metadata ?? {},
      reason: params.reason ?? null,
      status: 'succeeded',
      created: Math.floor(this.now() / 1000),
    };
    this.refunds.push(refund);
    if (key !== undefined) this.#idempotency.set(key, { fingerprint, body: refund });
    return send(res, 200, refund);
  }

  private createSession(
    p: FormObject,
  ): { session: Record<string, unknown> } | { error: { type: string; message: string; param?: string } } {
    const invalid = (param: string, message: string) => ({ error: { type: 'invalid_request_error', message, param } });
    if (p.mode !== 'payment') return invalid('mode', 'This fake only supports mode=payment.');
    if (typeof p.success_url !== 'string') return invalid('success_url', 'Missing required param: success_url.');
    const items = p.line_items;
    if (!Array.isArray(items) || items.length === 0) return invalid('line_items', 'line_items is required in payment mode.');
    let total = 0;
    let currency: string | undefined;
    for (const [i, item] of items.entries()) {
      const it = item as FormObject;
      const price = it.price_data as FormObject | undefined;
      const quantity = String(it.quantity ?? '');
      const unit = String(price?.unit_amount ?? '');
      if (!/^[1-9]\d*$/.test(quantity)) return invalid(`line_items[${i}][quantity]`, 'Invalid integer.');
      if (!/^\d+$/.test(unit)) return invalid(`line_items[${i}][price_data][unit_amount]`, 'Invalid integer.');
      const cur = String(price?.currency ?? '');
      if (!/^[a-z]{3}$/.test(cur)) return invalid(`line_items[${i}][price_data][currency]`, 'Invalid currency.');
      if (currency !== undefined && cur !== currency) return invalid('line_items', 'All line items must share one currency.');
      currency = cur;
      const name = (price?.product_data as FormObject | undefined)?.name;
      if (typeof name !== 'string' || name === '') return invalid(`line_items[${i}][price_data][product_data][name]`, 'Missing name.');
      total += Number(unit) * Number(quantity);
    }
    if (total < 50) return invalid('line_items', 'The Checkout Session\'s total amount due must add up to at least €0.50 eur');
    const nowSec = Math.floor(this.now() / 1000);
    let expiresAt = nowSec + 24 * 3600;
    if (p.expires_at !== undefined) {
      expiresAt = Number(p.expires_at);
      if (!(expiresAt >= nowSec + 30 * 60 && expiresAt <= nowSec + 24 * 3600)) {
        return invalid('expires_at', 'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.');
      }
    }
    this.#counter += 1;
    const id = `cs_test_fake${String(this.#counter).padStart(6, '0')}`;
    const session: Record<string, unknown> = {
      id,
      object: 'checkout.session',
      amount_subtotal: total,
      amount_total: total,
      cancel_url: p.cancel_url ?? null,
      client_reference_id: p.client_reference_id ?? null,
      created: nowSec,
      currency,
      customer_email: p.customer_email ?? null,
      expires_at: expiresAt,
      livemode: false,
      locale: p.locale ?? null,
      metadata: p.metadata ?? {},
      mode: 'payment',
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      success_url: p.success_url,
      url: `https://checkout.stripe.com/c/pay/${id}`,
    };
    this.tamper?.(session);
    this.sessions.set(id, session);
    return { session };
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${Date.now()}`, ...headers });
  res.end(JSON.stringify(body));
}

/** `a[b][0][c]=1` → { a: { b: [ { c: '1' } ] } }, the bracket encoding the SDK produces. */
export function parseForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [fullKey, value] of new URLSearchParams(body)) {
    const keys = fullKey.split(/[[\]]+/).filter((k) => k !== '');
    let node: FormObject = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        node[key] = value;
      } else {
        node[key] ??= {};
        node = node[key] as FormObject;
      }
    });
  }
  return arraysFromIndices(root) as FormObject;
}

function arraysFromIndices(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, arraysFromIndices(v)] as const);
  const isArray = entries.length > 0 && entries.every(([k], i) => k === String(i));
  return isArray ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}
