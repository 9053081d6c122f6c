// The three dispute rules, as data: which orders they look at, from which moment their days count,
// what we tell CJ, and which of CJ's reasons fits. Everything here is pure, so the check, the admin
// view and the tests agree on when a rule is due.
import type { DisputesTable } from '../db/schema.js';
import type { OrderStatus } from '../orders/state-machine.js';
import { rulesFor, type DisputeSettings } from './settings.js';

export type DisputeRule = DisputesTable['rule'];
export type DisputeRowStatus = DisputesTable['status'];

/** The rules the disputes schedule files by itself. */
export const DISPUTE_RULES = ['not_shipped', 'tracking_silent', 'not_delivered'] as const satisfies readonly DisputeRule[];
/** What the operator can open a dispute for by hand (never filed by the schedule). */
export const MANUAL_DISPUTE_KINDS = ['damaged', 'wrong_item', 'not_received'] as const satisfies readonly DisputeRule[];
export type ManualDisputeKind = (typeof MANUAL_DISPUTE_KINDS)[number];

export function isManualKind(rule: DisputeRule): rule is ManualDisputeKind {
  return (MANUAL_DISPUTE_KINDS as readonly string[]).includes(rule);
}
export const DISPUTE_ROW_STATUSES = ['opening', 'open', 'closed', 'cancelled', 'failed'] as const satisfies readonly DisputeRowStatus[];

export const DAY_MS = 86_400_000;

/** What a rule needs to know about an order. */
export interface RuleFacts {
  status: OrderStatus;
  country: string;
  cjPaidAt: string | null;
  shippedAt: string | null;
  lastTrackingAt: string | null;
}

interface RuleDef {
  /** Order statuses the rule looks at. */
  statuses: readonly OrderStatus[];
  /** Settings key holding the rule's days (null: opened by hand, no days). */
  daysKey: 'notShippedDays' | 'trackingSilentDays' | 'notDeliveredDays' | null;
  /** The moment the days count from (null: the rule cannot apply yet). */
  since(f: RuleFacts): string | null;
  /** Patterns for CJ's `reasonName`, best first; the first reason offered is the fallback. */
  reasons: RegExp[];
  label: string;
}

export const RULES: Record<DisputeRule, RuleDef> = {
  not_shipped: {
    statuses: ['paid'],
    daysKey: 'notShippedDays',
    since: (f) => f.cjPaidAt,
    reasons: [/unfulfil/i, /not (been )?(shipped|sent|dispatched)|unshipped/i, /cancel/i],
    label: 'not shipped',
  },
  tracking_silent: {
    statuses: ['shipped'],
    daysKey: 'trackingSilentDays',
    since: (f) => f.lastTrackingAt ?? f.shippedAt,
    reasons: [/tracking/i, /not (been )?updated|no (logistics|update)/i, /logistic/i],
    label: 'tracking silent',
  },
  not_delivered: {
    // A disputed order may still get this rule when its dispute was for another rule; the row per
    // (order, rule) is what keeps it to one dispute per rule.
    statuses: ['shipped', 'disputed'],
    daysKey: 'notDeliveredDays',
    since: (f) => f.shippedAt,
    reasons: [/not (been )?received|never (arrived|received)/i, /not delivered|undelivered|overdue/i, /deliver|lost/i],
    label: 'not delivered',
  },
  // Opened by hand from the console or the API: `since` is null, so the schedule never files them.
  damaged: {
    statuses: ['paid', 'shipped', 'delivered', 'disputed'],
    daysKey: null,
    since: () => null,
    reasons: [/damag|broken/i, /quality|defect/i],
    label: 'damaged',
  },
  wrong_item: {
    statuses: ['paid', 'shipped', 'delivered', 'disputed'],
    daysKey: null,
    since: () => null,
    reasons: [/wrong|incorrect/i, /missing/i],
    label: 'wrong item',
  },
  not_received: {
    statuses: ['paid', 'shipped', 'delivered', 'disputed'],
    daysKey: null,
    since: () => null,
    reasons: [/not (been )?received|never (arrived|received)/i, /not delivered|undelivered|overdue/i, /deliver|lost/i],
    label: 'not received',
  },
};

export function ruleDays(settings: DisputeSettings, rule: DisputeRule, country: string): number {
  const key = RULES[rule].daysKey;
  return key === null ? 0 : rulesFor(settings, country)[key];
}

/** Epoch ms from which the rule applies to the order, or null when it cannot apply in its state. */
export function dueAt(settings: DisputeSettings, rule: DisputeRule, facts: RuleFacts): number | null {
  const def = RULES[rule];
  if (!def.statuses.includes(facts.status)) return null;
  const since = def.since(facts);
  if (!since) return null;
  const start = Date.parse(since);
  if (!Number.isFinite(start)) return null;
  return start + ruleDays(settings, rule, facts.country) * DAY_MS;
}

export function ruleApplies(settings: DisputeSettings, rule: DisputeRule, facts: RuleFacts, now: number): boolean {
  const due = dueAt(settings, rule, facts);
  return due !== null && now >= due;
}

/** The smallest day count of a rule over the defaults and every country override (a SQL pre-filter). */
export function minRuleDays(settings: DisputeSettings, rule: DisputeRule): number {
  const key = RULES[rule].daysKey;
  if (key === null) return 0;
  return Math.min(settings.rules[key], ...Object.values(settings.countryOverrides).map((o) => o[key] ?? settings.rules[key]));
}

/** Our business id at CJ: deterministic, so a crash or a retry always reuses it. */
export function businessDisputeId(orderNumber: string, rule: DisputeRule): string {
  return `${orderNumber}-${rule}`;
}

/** The text sent to CJ as `messageText` (CJ allows 500 characters). */
export function disputeMessage(
  rule: DisputeRule,
  order: { number: string; trackNumber: string | null },
  facts: RuleFacts,
  days: number,
  expectType: 1 | 2,
): string {
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'unknown');
  const ask = expectType === 1 ? 'Please refund the order.' : 'Please reissue the order.';
  const tracking = order.trackNumber ? ` (tracking ${order.trackNumber})` : '';
  let text: string;
  switch (rule) {
    case 'not_shipped':
      text = `Order ${order.number} was paid on ${day(facts.cjPaidAt)} and has not been shipped ${days} days later. ${ask}`;
      break;
    case 'tracking_silent':
      text = `Order ${order.number}${tracking} shipped on ${day(facts.shippedAt)}; its tracking has not been updated since ${day(facts.lastTrackingAt ?? facts.shippedAt)} (${days} days or more). ${ask}`;
      break;
    case 'not_delivered':
      text = `Order ${order.number}${tracking} shipped on ${day(facts.shippedAt)} and has not been delivered ${days} days later. ${ask}`;
      break;
    case 'damaged':
      text = `Order ${order.number}${tracking}: the customer received the product damaged. ${ask}`;
      break;
    case 'wrong_item':
      text = `Order ${order.number}${tracking}: the customer received the wrong product or quantity. ${ask}`;
      break;
    case 'not_received':
      text = `Order ${order.number}${tracking}: the customer has not received the parcel. ${ask}`;
      break;
  }
  return text.length <= 500 ? text : `${text.slice(0, 497)}...`;
}

export interface ChosenReason {
  id: number;
  name: string | undefined;
  /** false when no reason name matched the rule and the first one offered was taken. */
  matched: boolean;
}

/**
 * The reason for the rule among those CJ offers for this order (`disputeReasonList`): the first whose
 * name matches the rule's patterns (in the patterns' order), else the first reason offered. Reasons
 * whose id is not an integer are ignored (create takes an int); null when none is usable.
 */
export function chooseReason(rule: DisputeRule, list: Array<{ disputeReasonId: string; reasonName?: string | undefined }>): ChosenReason | null {
  const usable = list.filter((r) => /^\d+$/.test(r.disputeReasonId.trim()) && Number.isSafeInteger(Number(r.disputeReasonId)));
  for (const pattern of RULES[rule].reasons) {
    const hit = usable.find((r) => r.reasonName !== undefined && pattern.test(r.reasonName));
    if (hit) return { id: Number(hit.disputeReasonId), name: hit.reasonName, matched: true };
  }
  const first = usable[0];
  return first ? { id: Number(first.disputeReasonId), name: first.reasonName, matched: false } : null;
}

/** What we ask CJ for: the store's choice when CJ offers it for this order, else the first option CJ offers. */
export function chooseExpectType(preferred: 1 | 2, offered: string[]): 1 | 2 {
  if (offered.length === 0 || offered.includes(String(preferred))) return preferred;
  const first = offered.find((o) => o === '1' || o === '2');
  return first === '2' ? 2 : 1;
}
