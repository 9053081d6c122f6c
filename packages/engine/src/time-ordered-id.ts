// UUIDv7 ids: time-ordered, so "newest first" (alerts) and "in order" (an order's event timeline)
// have a stable tie-break when several rows share one millisecond (a ManualClock in tests, a burst
// in production), and "since X" can be asked as `id > X`.
import { randomBytes } from 'node:crypto';

/** A generator is monotonic within itself, even when the clock stands still. */
export function createTimeOrderedIdGenerator(): (nowMs: number) => string {
  let lastMs = -1;
  let seq = 0;
  return (nowMs) => {
    let ms = Math.max(Math.floor(nowMs), lastMs);
    if (ms === lastMs) {
      seq++;
      // 12 bits of sequence per millisecond; past that, borrow the next millisecond (RFC 9562 §6.2).
      if (seq > 0xfff) {
        ms++;
        seq = 0;
      }
    } else {
      seq = 0;
    }
    lastMs = ms;
    const rand = randomBytes(8);
    rand[0] = (rand[0]! & 0x3f) | 0x80; // RFC 9562 variant bits
    const hex = ms.toString(16).padStart(12, '0') + '7' + seq.toString(16).padStart(3, '0') + rand.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  };
}

/** The process-wide generator, for rows ordered by id across the whole engine. */
export const timeOrderedId = createTimeOrderedIdGenerator();
