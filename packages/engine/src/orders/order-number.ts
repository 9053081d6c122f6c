// Our order numbers, e.g. "ASTR-261124-7KQ3M9": readable on the phone, unique per store, and sent
// to CJ as `orderNumber` (≤ 50 characters), where they make creation idempotent.
import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I

export function defaultOrderPrefix(storeId: string): string {
  return storeId.replace(/[^a-z0-9]/gi, '').slice(0, 4).toUpperCase() || 'LJ';
}

export function newOrderNumber(prefix: string, nowMs: number): string {
  const d = new Date(nowMs);
  const date = `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  const bytes = randomBytes(8);
  let suffix = '';
  for (const b of bytes) suffix += ALPHABET[b % ALPHABET.length];
  return `${prefix}-${date}-${suffix}`;
}
