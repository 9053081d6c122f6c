// The order lifecycle after payment, driven by the simulated clock (cj-api.md §7.1–7.2):
// paid → UNSHIPPED → (1–3 simulated days) SHIPPED with a tracking number → LOGISTIC statuses
// 1,2,4,5,6,7,8,9,10 over the line's delivery time → 12 "Sign for" → DELIVERED.
// Every change is an ORDER and/or LOGISTIC webhook and an "order-status" ledger entry.
import { DAY, MINUTE, type SimClock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import type { Ledger } from '../ledger.js';
import { COUNTRIES } from '../logistics/countries.js';
import { activityOf, lastMileCarrier, trackingNumber, transitPlan } from '../logistics/tracking.js';
import { rngFor } from '../rng.js';
import type { Scheduler } from '../scheduler.js';
import type { WebhookEmitter } from '../webhooks/emitter.js';
import { AREA_BY_COUNTRY } from '../catalogue/warehouses.js';
import type { Order, OrderStatus, StallMode } from './types.js';

export interface LifecycleDeps {
  seed: number;
  clock: SimClock;
  scheduler: Scheduler;
  ledger: Ledger;
  ids: IdFactory;
  emitter: WebhookEmitter;
}

export class OrderLifecycle {
  constructor(private readonly d: LifecycleDeps) {}

  setStatus(order: Order, to: OrderStatus, cause: string): void {
    const from = order.status;
    order.status = to;
    order.updatedAt = this.d.clock.now();
    this.d.ledger.record({ kind: 'order-status', openId: order.openId, cjOrderId: order.cjOrderId, from, to, cause });
    this.d.emitter.order(order);
  }

  /** A new order: recorded as a transition from nothing, announced like any status change. */
  created(order: Order): void {
    this.d.ledger.record({ kind: 'order-status', openId: order.openId, cjOrderId: order.cjOrderId, from: null, to: order.status, cause: order.via });
    this.d.emitter.order(order);
  }

  /** Payment recorded: UNSHIPPED now, shipping planned 1–3 simulated days later. */
  paid(order: Order, cause: string): void {
    order.paidAt = this.d.clock.now();
    this.setStatus(order, 'UNSHIPPED', cause);
    this.planShipping(order);
  }

  planShipping(order: Order): void {
    const gen = order.gen;
    const delay = rngFor(this.d.seed, 'ship', order.cjOrderId).int(24 * 60, 72 * 60) * MINUTE;
    const from = Math.max(order.paidAt ?? 0, this.d.clock.now());
    this.d.scheduler.schedule(from + delay, `ship ${order.cjOrderId}`, () => {
      if (order.gen !== gen || order.status !== 'UNSHIPPED' || order.stall === 'shipping') return;
      this.ship(order, 'warehouse');
    });
  }

  /** The warehouse hands the parcel over: tracking number, status 1, then the transit plan. */
  ship(order: Order, cause: string): void {
    order.gen++;
    const now = this.d.clock.now();
    const rng = rngFor(this.d.seed, 'track', order.cjOrderId);
    order.shippedAt = now;
    order.trackNumber = trackingNumber(rng, order.trackPrefix);
    order.lastTrackNumber = rng.digits(15);
    order.trackingUrl = order.trackPrefix.startsWith('CJPK') ? `https://www.cjpacket.com/?trackingNumber=${order.trackNumber}` : `https://t.17track.net/en#nums=${order.trackNumber}`;
    this.pushTracking(order, 1, this.origin(order), false);
    this.setStatus(order, 'SHIPPED', cause);
    this.d.emitter.logistic(order);
    this.planTransit(order, now);
  }

  private planTransit(order: Order, from: number): void {
    const gen = order.gen;
    const rng = rngFor(this.d.seed, 'transit', order.cjOrderId, gen);
    const domestic = order.fromCountryCode === order.shipping.countryCode;
    const done = order.logisticStatus ?? 0;
    const plan = transitPlan(rng, from, order.agingMin, order.agingMax, domestic, this.origin(order), this.destination(order)).filter((s) => s.status > done);
    for (const step of plan) {
      this.d.scheduler.schedule(step.at, `track ${order.cjOrderId} → ${step.status}`, () => {
        if (order.gen !== gen || order.stall === 'tracking' || order.status !== 'SHIPPED') return;
        this.track(order, step.status, step.location);
      });
    }
  }

  /** One tracking update; status 12 (sign for) also delivers the order. */
  track(order: Order, status: number, location?: string): void {
    this.pushTracking(order, status, location ?? this.destination(order), true);
    if (status === 12 && order.status === 'SHIPPED') {
      order.deliveredAt = this.d.clock.now();
      this.setStatus(order, 'DELIVERED', 'carrier');
    }
  }

  private pushTracking(order: Order, status: number, location: string, emit: boolean): void {
    const now = this.d.clock.now();
    order.logisticStatus = status;
    order.trackEvents.push({ status, activity: activityOf(status), location, eventTime: now });
    order.updatedAt = now;
    if (emit) this.d.emitter.logistic(order);
  }

  /** Ships now if needed, then delivers now (control API). */
  deliverNow(order: Order): void {
    if (order.status === 'UNSHIPPED') this.ship(order, 'control');
    if (order.status !== 'SHIPPED') throw new Error(`order ${order.cjOrderId} is ${order.status}; only UNSHIPPED or SHIPPED orders can be delivered`);
    order.gen++;
    order.stall = 'none';
    this.track(order, 12);
  }

  shipNow(order: Order): void {
    if (order.status !== 'UNSHIPPED') throw new Error(`order ${order.cjOrderId} is ${order.status}; only UNSHIPPED orders can be shipped`);
    order.stall = 'none';
    this.ship(order, 'control');
  }

  /** "shipping": the order never ships; "tracking": tracking goes silent where it is. */
  stall(order: Order, mode: Exclude<StallMode, 'none'>): void {
    order.stall = mode;
    order.gen++;
  }

  /** Lifts a stall: shipping or tracking resumes from now. */
  resume(order: Order): void {
    order.stall = 'none';
    order.gen++;
    if (order.status === 'UNSHIPPED') this.planShipping(order);
    else if (order.status === 'SHIPPED') this.planTransit(order, this.d.clock.now());
  }

  /** Forces a status (control API). SHIPPED/DELIVERED go through the real transitions. */
  force(order: Order, to: OrderStatus): void {
    if (to === order.status) return;
    if (to === 'SHIPPED') {
      if (order.paidAt === null) order.paidAt = this.d.clock.now();
      if (order.status === 'DELIVERED') throw new Error('a delivered order cannot go back to SHIPPED');
      order.status = 'UNSHIPPED';
      this.ship(order, 'forced');
      return;
    }
    if (to === 'DELIVERED') {
      if (order.paidAt === null) order.paidAt = this.d.clock.now();
      if (order.status !== 'SHIPPED') {
        order.status = 'UNSHIPPED';
        this.ship(order, 'forced');
      }
      this.deliverNow(order);
      return;
    }
    order.gen++;
    if (to === 'UNSHIPPED') {
      if (order.paidAt === null) order.paidAt = this.d.clock.now();
      this.setStatus(order, 'UNSHIPPED', 'forced');
      this.planShipping(order);
      return;
    }
    this.setStatus(order, to, 'forced');
  }

  private origin(order: Order): string {
    const area = AREA_BY_COUNTRY.get(order.fromCountryCode);
    return area?.subs[0] ? `${area.subs[0].city}, ${order.fromCountryCode}` : order.fromCountryCode;
  }

  private destination(order: Order): string {
    return `${order.shipping.city}, ${order.shipping.countryCode}`;
  }

  /** trackInfo fields that depend on the carrier and timing. */
  trackingSummary(order: Order): { deliveryDay: string; lastMileCarrier: string; hub: string } {
    const end = order.deliveredAt ?? this.d.clock.now();
    const days = order.shippedAt === null ? 0 : Math.max(0, Math.floor((end - order.shippedAt) / DAY));
    return { deliveryDay: String(days), lastMileCarrier: lastMileCarrier(order.shipping.countryCode), hub: COUNTRIES.get(order.shipping.countryCode)?.hub ?? '' };
  }
}
