// Identifiers the simulator hands out at run time (orders, line items, shipments, payments,
// disputes, webhook messages). They come from one seeded stream, so the same sequence of calls
// yields the same ids run after run.
import { yymmdd, yymmddhhmmss } from './clock.js';
import type { Rng } from './rng.js';

export class IdFactory {
  private readonly used = new Set<string>();
  private sourcing = 285;

  constructor(private readonly rng: Rng) {}

  private unique(make: () => string): string {
    let id = make();
    while (this.used.has(id)) id = make();
    this.used.add(id);
    return id;
  }

  /** CJ order id: 18 digits, yyMMdd + 12 digits (e.g. 210823100016290555) — beyond 2^53. */
  cjOrderId(simNow: number): string {
    return this.unique(() => `${yymmdd(simNow)}${this.rng.digits(12, true)}`);
  }

  /** 19-digit numeric id (lineItemId, payId, disputeId), like CJ's snowflake ids. */
  long(): string {
    return this.unique(() => this.rng.digits(19));
  }

  /** Shipment order id as in CJ's sample: "SD" + yyMMddHHmmss + 8 digits. */
  shipmentId(simNow: number): string {
    return this.unique(() => `SD${yymmddhhmmss(simNow)}${this.rng.digits(8, true)}`);
  }

  sourcingId(): string {
    this.sourcing += 1 + this.rng.int(0, 3);
    return String(this.sourcing);
  }

  /** Webhook messageId: 32 lowercase hex. */
  messageId(): string {
    return this.rng.hex(32);
  }

  stream(): Rng {
    return this.rng;
  }
}
