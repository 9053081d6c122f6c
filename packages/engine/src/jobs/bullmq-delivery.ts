// How a row of the `jobs` table (the source of truth) and its BullMQ job (the transport) name each
// other in the scale runtime.
//
// Every hand-over of a row to BullMQ is a *delivery* with its own random id. BullMQ keeps finished
// jobs for a day, and ignores an `add` whose jobId it still holds, so a row retried after a failure
// could never be re-added under its own id: each delivery therefore gets a fresh BullMQ jobId
// (`<row id>.<delivery>`), and the row records which delivery is current in `locked_by`
// (`bullmq:<delivery>`, then `bullmq:<delivery>:<worker token>` once a worker has started it). A
// BullMQ job whose delivery is not the row's current one — left by a relay that crashed before its
// commit, or a duplicate — is skipped by the worker.
import { randomBytes } from 'node:crypto';

export const BULLMQ_LOCK_PREFIX = 'bullmq:';

/**
 * `locked_until` of a relayed row. Far in the future so the partial unique index still counts the
 * row as live (dedupe) and the database runner's lease recovery never claims it: in the scale
 * runtime BullMQ's own job lock is the lease.
 */
export const RELAYED_LOCKED_UNTIL = '9999-12-31T23:59:59.999Z';

/** What the relay puts in each BullMQ job. */
export interface DeliveryData {
  /** The row's id in the store's `jobs` table. */
  jobId: string;
  delivery: string;
}

export function newDelivery(): string {
  return randomBytes(6).toString('hex');
}

export function relayedLockedBy(delivery: string): string {
  return `${BULLMQ_LOCK_PREFIX}${delivery}`;
}

/** `locked_by` while a worker runs the delivery; the BullMQ token changes on every (re)delivery. */
export function runningLockedBy(delivery: string, token: string): string {
  return `${BULLMQ_LOCK_PREFIX}${delivery}:${token}`;
}

/** The delivery a row's `locked_by` names, or null when BullMQ does not hold the row. */
export function deliveryOf(lockedBy: string | null): string | null {
  if (!lockedBy?.startsWith(BULLMQ_LOCK_PREFIX)) return null;
  const rest = lockedBy.slice(BULLMQ_LOCK_PREFIX.length);
  const colon = rest.indexOf(':');
  return colon === -1 ? rest : rest.slice(0, colon);
}

/** BullMQ forbids ':' in custom job ids; row ids are UUIDs and deliveries hex, so '.' is unambiguous. */
export function bullJobId(rowId: string, delivery: string): string {
  return `${rowId}.${delivery}`;
}

/**
 * One BullMQ queue per store. BullMQ's keys are `<prefix>:<queue>:…`, so with the default prefix a
 * store's keys read `lojista:<store>:…`.
 */
export function queueNameForStore(storeId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(storeId)) {
    throw new Error(`store id "${storeId}" cannot name a BullMQ queue: use letters, digits, ".", "_" or "-"`);
  }
  return storeId;
}

/**
 * A lane's queue (see lanes.ts): `<store>.<lane>`. Store ids never contain '.', so a lane's queue
 * cannot be mistaken for another store's.
 */
export function queueNameForLane(storeId: string, lane: string): string {
  return `${queueNameForStore(storeId)}.${lane}`;
}

export const DEFAULT_BULLMQ_PREFIX = 'lojista';
