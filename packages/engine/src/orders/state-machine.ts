// The order lifecycle, declared as data: which transitions exist, who may cause them, and why.
// Everything that changes an order's status goes through `checkTransition`, and every transition
// is stored as an event. States never move backwards: the only way "back" is resuming a held order
// to the state it was held from.

import type { ActorName } from '../audit/actor.js';

export const ORDER_STATUSES = [
  'awaiting_payment',
  'pending',
  'confirmed',
  'paid',
  'shipped',
  'delivered',
  'on_hold',
  'cancelled',
  'disputed',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const HOLD_REASONS = ['insufficient_balance', 'out_of_stock', 'address_rejected', 'supplier_error', 'manual'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** Progress along the happy path; on_hold/cancelled/disputed/refunded are off it. */
const RANK: Partial<Record<OrderStatus, number>> = {
  awaiting_payment: 0,
  pending: 1,
  confirmed: 2,
  paid: 3,
  shipped: 4,
  delivered: 5,
};

// 'admin' is the admin API's bearer token; an ActorName names the owner or an agent token (audit/actor.ts).
export type Actor = 'customer' | 'payment' | 'fulfilment' | 'cj_sync' | 'webhook' | 'dispute' | 'admin' | 'system' | ActorName;

interface TransitionRule {
  from: OrderStatus[];
  to: OrderStatus;
  /** What causes it, for the docs and the event log. */
  because: string;
}

/**
 * The declared transitions. Forward jumps on the happy path (e.g. pending → paid) are allowed because
 * CJ can be ahead of us after a crash or a lost response: reconciliation then catches up in one step.
 */
export const TRANSITIONS: TransitionRule[] = [
  { from: ['awaiting_payment'], to: 'pending', because: 'the customer payment was confirmed' },
  { from: ['pending', 'on_hold'], to: 'confirmed', because: 'the order was created and confirmed at CJ' },
  { from: ['pending', 'confirmed', 'on_hold'], to: 'paid', because: 'the order was paid at CJ from the balance' },
  { from: ['pending', 'confirmed', 'paid', 'on_hold', 'disputed'], to: 'shipped', because: 'CJ shipped it (tracking number known)' },
  { from: ['paid', 'shipped', 'disputed'], to: 'delivered', because: 'CJ reports it delivered / signed for' },
  { from: ['pending', 'confirmed'], to: 'on_hold', because: 'fulfilment cannot continue without help' },
  { from: ['on_hold'], to: 'pending', because: 'the hold was resolved; fulfilment resumes' },
  { from: ['awaiting_payment', 'pending', 'confirmed', 'on_hold'], to: 'cancelled', because: 'cancelled before CJ was paid' },
  { from: ['paid', 'shipped'], to: 'disputed', because: 'a dispute was opened at CJ' },
  { from: ['paid', 'shipped', 'delivered', 'disputed', 'cancelled'], to: 'refunded', because: 'the customer was refunded' },
];

export function isForward(from: OrderStatus, to: OrderStatus): boolean {
  const a = RANK[from];
  const b = RANK[to];
  return a === undefined || b === undefined || b > a;
}

export type TransitionCheck = { ok: true; rule: TransitionRule } | { ok: false; reason: string };

/**
 * Whether `from → to` is allowed. `heldFrom` is the state an on_hold order was held from: resuming
 * may go back to it or further, never before it.
 */
export function checkTransition(from: OrderStatus, to: OrderStatus, heldFrom?: OrderStatus | null): TransitionCheck {
  if (from === to) return { ok: false, reason: `the order is already ${to}` };
  const rule = TRANSITIONS.find((t) => t.to === to && t.from.includes(from));
  if (!rule) return { ok: false, reason: `an order cannot go from ${from} to ${to}` };
  if (from === 'on_hold' && heldFrom && RANK[to] !== undefined && RANK[heldFrom] !== undefined && RANK[to]! < RANK[heldFrom]!) {
    return { ok: false, reason: `a held order resumes at ${heldFrom} or later, not ${to}` };
  }
  return { ok: true, rule };
}

/** Terminal states: nothing more happens to the order automatically. */
export function isTerminal(status: OrderStatus): boolean {
  return status === 'delivered' || status === 'cancelled' || status === 'refunded';
}

/** Until CJ is paid, an order can still be cancelled (deleteOrder at CJ). */
export function isCancellable(status: OrderStatus): boolean {
  return checkTransition(status, 'cancelled').ok;
}
