// Everything the simulator knows, in one place: the clock and its event queue, the catalogue,
// accounts, orders, disputes, webhooks, faults and the ledger. reset() replaces the whole state.
import { AccountStore, type Account } from './accounts.js';
import { generateCatalogue, type Catalogue } from './catalogue/generator.js';
import { SimClock } from './clock.js';
import { DisputeService } from './disputes/service.js';
import { FaultInjector } from './faults.js';
import { IdFactory } from './ids.js';
import { Ledger } from './ledger.js';
import { clockStart, type ResolvedOptions } from './options.js';
import { OrderLifecycle } from './orders/lifecycle.js';
import { OrderService } from './orders/service.js';
import { DailyQuota, QpsLimiter } from './rate-limit.js';
import { rngFor } from './rng.js';
import { Scheduler } from './scheduler.js';
import { SourcingService } from './sourcing.js';
import { WebhookDispatcher } from './webhooks/delivery.js';
import { WebhookEmitter } from './webhooks/emitter.js';

/** The demo account's openId; its key is deterministic from the seed. */
export const DEMO_OPEN_ID = '1000001';

export function demoApiKey(seed: number): string {
  return `CJ${DEMO_OPEN_ID}@api@${rngFor(seed, 'demo-key').hex(32)}`;
}

export class SimState {
  readonly clock: SimClock;
  readonly scheduler = new Scheduler();
  readonly ledger: Ledger;
  readonly ids: IdFactory;
  readonly catalogue: Catalogue;
  readonly accounts: AccountStore;
  readonly limiter = new QpsLimiter();
  readonly quota: DailyQuota;
  readonly faults: FaultInjector;
  readonly dispatcher: WebhookDispatcher;
  readonly emitter: WebhookEmitter;
  readonly lifecycle: OrderLifecycle;
  readonly orders: OrderService;
  readonly disputes: DisputeService;
  readonly sourcing: SourcingService;
  readonly demo: Account;
  /** Base of absolute URLs when no request is at hand (webhook payloads); set once listening. */
  baseUrl = 'http://127.0.0.1';

  private chain: Promise<unknown> = Promise.resolve();
  private advancing = false;

  constructor(readonly opts: ResolvedOptions) {
    this.clock = new SimClock(opts.clock, clockStart(opts));
    const now = () => this.clock.now();
    this.ledger = new Ledger(now);
    this.ids = new IdFactory(rngFor(opts.seed, 'ids'));
    this.catalogue = generateCatalogue(opts.seed, opts.catalogueSize, opts.catalogueEpoch);
    this.accounts = new AccountStore(
      {
        tokenCooldownSec: opts.tokenCooldownSec,
        tokenMode: opts.tokenMode,
        refreshPerMinute: opts.refreshPerMinute,
        legacyAuth: opts.legacyAuth,
        defaultQps: opts.qps,
        defaultBalanceCents: opts.defaultBalanceCents,
      },
      rngFor(opts.seed, 'tokens'),
      now,
    );
    this.quota = new DailyQuota(opts.dailyQuota);
    this.faults = new FaultInjector(opts.seed);
    this.dispatcher = new WebhookDispatcher({ sign: opts.signWebhooks, timeoutMs: opts.webhookTimeoutMs }, this.ledger, this.scheduler, now);
    this.emitter = new WebhookEmitter(this.accounts, this.dispatcher, this.ids);
    this.lifecycle = new OrderLifecycle({ seed: opts.seed, clock: this.clock, scheduler: this.scheduler, ledger: this.ledger, ids: this.ids, emitter: this.emitter });
    this.orders = new OrderService({ catalogue: this.catalogue, accounts: this.accounts, ledger: this.ledger, clock: this.clock, ids: this.ids, lifecycle: this.lifecycle });
    this.disputes = new DisputeService({ orders: this.orders, accounts: this.accounts, ledger: this.ledger, clock: this.clock, scheduler: this.scheduler, ids: this.ids });
    this.sourcing = new SourcingService(opts.seed, this.catalogue, this.clock, this.ids);
    this.demo = this.accounts.create({ apiKey: demoApiKey(opts.seed), openId: DEMO_OPEN_ID });
    for (const a of opts.accounts) {
      if (a.apiKey === this.demo.apiKey) continue;
      this.accounts.create(a);
    }
  }

  /** Moves the simulated clock forward, running due events in time order (see README). */
  advance(ms: number): Promise<number> {
    if (!Number.isFinite(ms) || ms < 0) return Promise.reject(new Error(`advance: ms must be a non-negative number, got ${ms}`));
    return this.serialize(async () => {
      this.advancing = true;
      try {
        const target = this.clock.now() + ms;
        await this.dispatcher.flush();
        for (;;) {
          const event = this.scheduler.popDue(target);
          if (!event) break;
          this.clock.moveTo(event.at);
          this.runEvent(event.label, event.run);
          // Deliveries started by the event finish (and schedule their retries) before time moves on.
          await this.dispatcher.flush();
        }
        this.clock.moveTo(target);
        return this.clock.now();
      } finally {
        this.advancing = false;
      }
    });
  }

  /** Runs the events that are due now (the realtime ticker, and after each API call). */
  processDue(): Promise<void> {
    if (this.advancing) return Promise.resolve();
    return this.serialize(async () => {
      const now = this.clock.now();
      for (let event = this.scheduler.popDue(now); event; event = this.scheduler.popDue(now)) this.runEvent(event.label, event.run);
    });
  }

  private runEvent(label: string, run: () => void): void {
    try {
      run();
    } catch (err) {
      console.error(`cj-sim: scheduled event "${label}" failed:`, err);
    }
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.dispatcher.close();
    this.scheduler.clear();
  }
}
