// Sourcing requests (product/sourcing/create, /query). CJ's agents answer in about two days; here
// the clock decides: pending → processing (1 day) → found (2 days, a catalogue product is
// matched) or failed ("搜品失败") for one request in five.
import type { Account } from './accounts.js';
import type { Catalogue } from './catalogue/generator.js';
import { DAY, type SimClock } from './clock.js';
import type { IdFactory } from './ids.js';
import { rngFor } from './rng.js';

export interface SourcingRequest {
  sourceId: string;
  sourceNumber: string;
  openId: string;
  productName: string;
  productImage: string;
  productUrl: string | null;
  thirdProductId: string | null;
  thirdVariantId: string | null;
  createdAt: number;
}

const STATUS_TEXT: Record<string, string> = { '1': '待处理', '2': '处理中', '4': '搜品成功', '5': '搜品失败' };

export class SourcingService {
  private readonly requests = new Map<string, SourcingRequest>();

  constructor(
    private readonly seed: number,
    private readonly catalogue: Catalogue,
    private readonly clock: SimClock,
    private readonly ids: IdFactory,
  ) {}

  create(account: Account, input: Omit<SourcingRequest, 'sourceId' | 'sourceNumber' | 'openId' | 'createdAt'>): SourcingRequest {
    const sourceId = this.ids.sourcingId();
    const req: SourcingRequest = { ...input, sourceId, sourceNumber: String(200_000 + Number(sourceId) * 7), openId: account.openId, createdAt: this.clock.now() };
    this.requests.set(sourceId, req);
    return req;
  }

  /** The state of a request now (derived from its age, so no events are needed). */
  view(account: Account, sourceId: string): Record<string, unknown> | undefined {
    const req = this.requests.get(sourceId);
    if (!req || req.openId !== account.openId) return undefined;
    const age = this.clock.now() - req.createdAt;
    const rng = rngFor(this.seed, 'sourcing', sourceId);
    const fails = rng.chance(0.2);
    const listed = this.catalogue.products.filter((p) => p.status === 3);
    const match = listed.length > 0 ? rng.pick(listed) : undefined;
    const status = age < DAY ? '1' : age < 2 * DAY ? '2' : fails || !match ? '5' : '4';
    const variant = status === '4' ? match?.variants[0] : undefined;
    return {
      sourceId: req.sourceId,
      sourceNumber: req.sourceNumber,
      productId: req.thirdProductId,
      variantId: req.thirdVariantId,
      shopId: null,
      shopName: null,
      sourceStatus: status,
      sourceStatusStr: STATUS_TEXT[status],
      cjProductId: variant ? variant.pid : null,
      cjVariantSku: variant ? variant.sku : null,
    };
  }
}
