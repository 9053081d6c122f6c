// The ledger: an append-only record of everything observable — every API call with the moment it
// was accepted, every order, payment, dispute and webhook attempt. Tests read it to prove the QPS
// budget was respected and that nothing was created or paid twice.

export type LedgerKind = 'call' | 'order' | 'payment' | 'refund' | 'order-status' | 'dispute' | 'webhook' | 'webhook-probe';

interface Base {
  /** Monotonic sequence number; use it as the `since` cursor. */
  seq: number;
  kind: LedgerKind;
  /** Real wall-clock time in epoch ms (sub-millisecond precision). */
  at: number;
  /** Simulated time in epoch ms. */
  simTime: number;
  /** The account, as a decimal string (openIds may exceed 2^53). Null when no account was identified. */
  openId: string | null;
}

export interface CallEntry extends Base {
  kind: 'call';
  method: string;
  /** Path below /api2.0/v1, e.g. "/shopping/order/createOrderV2". */
  path: string;
  /** HTTP status sent; null when the connection was dropped or held without an answer. */
  status: number | null;
  /** CJ code of the body (200, 0, 1600200…); null for non-JSON answers and no-code envelopes. */
  code: number | null;
  /** True when the call was answered HTTP 429 (QPS, daily quota, token cooldown or refresh limit). */
  rateLimited: boolean;
  /** The fault mode applied to this call, if any. */
  fault: string | null;
  /** True when the handler ran to completion (state committed), whatever the client saw. */
  committed: boolean;
  durationMs: number;
  requestId: string;
}

export interface OrderEntry extends Base {
  kind: 'order';
  cjOrderId: string;
  orderNumber: string;
  amount: string;
  status: string;
  via: string;
}

export interface PaymentEntry extends Base {
  kind: 'payment';
  cjOrderIds: string[];
  amount: string;
  balanceAfter: string;
  via: 'payBalance' | 'payBalanceV2' | 'createOrderV2/payType2' | 'page';
}

export interface RefundEntry extends Base {
  kind: 'refund';
  disputeId: string;
  cjOrderId: string;
  amount: string;
  balanceAfter: string;
}

export interface OrderStatusEntry extends Base {
  kind: 'order-status';
  cjOrderId: string;
  from: string | null;
  to: string;
  cause: string;
}

export interface DisputeEntry extends Base {
  kind: 'dispute';
  disputeId: string;
  businessDisputeId: string;
  cjOrderId: string;
}

export interface WebhookEntry extends Base {
  kind: 'webhook';
  messageId: string;
  type: string;
  messageType: string;
  url: string;
  /** 1 for the first delivery, 2–4 for the retries. */
  attempt: number;
  /** HTTP status answered by the receiver; null on timeout or connection error. */
  status: number | null;
  ok: boolean;
  error: string | null;
  /** The exact body sent (the `sign` header is computed over these bytes). */
  body: string;
}

export interface WebhookProbeEntry extends Base {
  kind: 'webhook-probe';
  topic: string;
  url: string;
  status: number | null;
  ok: boolean;
  error: string | null;
}

export type LedgerEntry = CallEntry | OrderEntry | PaymentEntry | RefundEntry | OrderStatusEntry | DisputeEntry | WebhookEntry | WebhookProbeEntry;

type Omitted<T> = T extends unknown ? Omit<T, 'seq' | 'at' | 'simTime'> & { at?: number; simTime?: number } : never;

export interface LedgerFilter {
  /** Only entries with seq greater than this. */
  since?: number;
  kind?: LedgerKind | LedgerKind[];
  openId?: string | number;
  /** For calls: only this path (below /api2.0/v1). */
  path?: string;
}

/** Wall-clock ms with sub-millisecond precision, monotonic within the process. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

export class Ledger {
  private entries: LedgerEntry[] = [];
  private nextSeq = 1;

  constructor(
    private readonly simNow: () => number,
    /** Oldest entries are dropped beyond this many, so a long-running simulator stays bounded. */
    private readonly capacity = 200_000,
  ) {}

  record<T extends Omitted<LedgerEntry>>(entry: T): LedgerEntry {
    const full = { ...entry, seq: this.nextSeq++, at: entry.at ?? preciseNow(), simTime: entry.simTime ?? this.simNow() } as unknown as LedgerEntry;
    this.entries.push(full);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return full;
  }

  /** The last sequence number handed out (0 when empty) — a `since` cursor for "from now on". */
  get cursor(): number {
    return this.nextSeq - 1;
  }

  query(filter: LedgerFilter = {}): LedgerEntry[] {
    const kinds = filter.kind === undefined ? undefined : new Set(Array.isArray(filter.kind) ? filter.kind : [filter.kind]);
    const openId = filter.openId === undefined ? undefined : String(filter.openId);
    return this.entries.filter(
      (e) =>
        (filter.since === undefined || e.seq > filter.since) &&
        (kinds === undefined || kinds.has(e.kind)) &&
        (openId === undefined || e.openId === openId) &&
        (filter.path === undefined || (e.kind === 'call' && e.path === filter.path)),
    );
  }
}
