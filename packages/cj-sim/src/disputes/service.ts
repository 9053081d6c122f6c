// Disputes, with CJ's create flow (cj-api.md §6.7): disputeProducts (which lines can be disputed)
// → disputeConfirmInfo (form options: maxima, expected results, reasons) → create with the
// caller's businessDisputeId, unique per account. A dispute then moves on the simulated clock:
// pending → processing (1 day) → finished (3 days), refunding to the balance when asked to.
import type { Account, AccountStore } from '../accounts.js';
import { DAY, formatUtc, type SimClock } from '../clock.js';
import { CjError, Codes, paramError } from '../errors.js';
import type { IdFactory } from '../ids.js';
import { moneyNumber } from '../json.js';
import type { Ledger } from '../ledger.js';
import { formatCents } from '../money.js';
import type { OrderService } from '../orders/service.js';
import { isPaid, type Order, type OrderLine } from '../orders/types.js';
import { Body } from '../params.js';
import type { Scheduler } from '../scheduler.js';

export type DisputeStatus = 'pending' | 'processing' | 'finished' | 'cancelled';

export interface DisputeLine {
  line: OrderLine;
  quantity: number;
  priceCents: number;
}

export interface Dispute {
  id: string;
  openId: string;
  businessDisputeId: string;
  cjOrderId: string;
  orderNumber: string;
  reasonId: number;
  reasonName: string;
  expectType: 1 | 2;
  refundType: 1 | 2;
  messageText: string;
  imageUrl: string[];
  videoUrl: string[];
  lines: DisputeLine[];
  amountCents: number;
  status: DisputeStatus;
  createdAt: number;
  updatedAt: number;
  finallyDeal: number | null;
  moneyCents: number | null;
  replacementCents: number | null;
  resendOrderCode: string | null;
}

interface Reason {
  disputeReasonId: number;
  reasonName: string;
}

const UNSHIPPED_REASONS: Reason[] = [{ disputeReasonId: 1, reasonName: 'Unfulfilled Order Cancellation' }];
const SHIPPED_REASONS: Reason[] = [
  { disputeReasonId: 2, reasonName: 'Tracking information has not been updated' },
  { disputeReasonId: 3, reasonName: 'Parcel not received / delivery overdue' },
  { disputeReasonId: 4, reasonName: 'Damaged product' },
  { disputeReasonId: 5, reasonName: 'Wrong product or quantity received' },
  { disputeReasonId: 6, reasonName: 'Quality issue' },
  { disputeReasonId: 7, reasonName: 'Missing items' },
];

export interface DisputeDeps {
  orders: OrderService;
  accounts: AccountStore;
  ledger: Ledger;
  clock: SimClock;
  scheduler: Scheduler;
  ids: IdFactory;
}

export class DisputeService {
  private readonly disputes = new Map<string, Dispute>();
  private readonly business = new Map<string, Map<string, string>>();

  constructor(private readonly d: DisputeDeps) {}

  reasons(order: Order): Reason[] {
    return order.status === 'UNSHIPPED' ? UNSHIPPED_REASONS : SHIPPED_REASONS;
  }

  /** The order, if it can carry a dispute at all (paid and not cancelled). */
  disputableOrder(account: Account, orderId: string, failCode: number): Order {
    const order = this.d.orders.find(account, orderId);
    if (!order) throw new CjError(failCode, `order ${orderId} not found`);
    if (!isPaid(order) || order.status === 'CANCELLED') throw new CjError(failCode, `order ${orderId} is ${order.status}; disputes can only be opened on paid orders`);
    return order;
  }

  private active(order: Order): Dispute | undefined {
    return [...this.disputes.values()].find((x) => x.cjOrderId === order.cjOrderId && (x.status === 'pending' || x.status === 'processing'));
  }

  products(account: Account, orderId: string): { order: Order; canChoose: boolean } {
    const order = this.disputableOrder(account, orderId, Codes.disputeProductsFail);
    return { order, canChoose: this.active(order) === undefined };
  }

  /** Validates the chosen lines; price defaults to the line's unit price. */
  private chosenLines(order: Order, list: unknown[]): DisputeLine[] {
    return list.map((raw, i) => {
      const item = Body.of(raw);
      const lineItemId = item.string('lineItemId');
      const line = lineItemId === undefined && order.lines.length === 1 ? order.lines[0] : order.lines.find((l) => l.lineItemId === lineItemId);
      if (!line) throw paramError(`productInfoList[${i}].lineItemId ${lineItemId ?? ''} is not a line of order ${order.cjOrderId}`);
      const quantity = item.int('quantity', { min: 1, max: line.quantity }) ?? line.quantity;
      return { line, quantity, priceCents: line.unitCents };
    });
  }

  private amounts(order: Order, lines: DisputeLine[]): { product: number; postage: number } {
    const product = lines.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
    const whole = order.lines.every((ol) => lines.some((l) => l.line.lineItemId === ol.lineItemId && l.quantity === ol.quantity));
    return { product, postage: whole ? order.postageCents : 0 };
  }

  confirmInfo(account: Account, raw: unknown, image: (line: OrderLine) => string): Record<string, unknown> {
    const b = Body.of(raw);
    const order = this.disputableOrder(account, b.requireString('orderId'), Codes.disputeConfirmFail);
    const lines = this.chosenLines(order, b.requireArray('productInfoList'));
    const { product, postage } = this.amounts(order, lines);
    return {
      orderId: order.cjOrderId,
      orderNumber: order.orderNumber,
      maxProductPrice: moneyNumber(product),
      maxPostage: moneyNumber(postage),
      maxIossTaxAmount: moneyNumber(0),
      maxIossHandTaxAmount: moneyNumber(0),
      maxAmount: moneyNumber(product + postage),
      expectResultOptionList: order.status === 'UNSHIPPED' ? ['1'] : ['1', '2'],
      productInfoList: lines.map((l) => ({ ...productInfo(l.line, true, image(l.line)), quantity: l.quantity })),
      disputeReasonList: this.reasons(order),
    };
  }

  create(account: Account, raw: unknown): Dispute {
    const b = Body.of(raw);
    const businessDisputeId = b.requireString('businessDisputeId', { max: 100 });
    const orderId = b.requireString('orderId', { max: 100 });
    const reasonId = b.requireInt('disputeReasonId');
    const expectType = b.requireInt('expectType', { min: 1, max: 2 }) as 1 | 2;
    const refundType = b.requireInt('refundType', { min: 1, max: 2 }) as 1 | 2;
    const messageText = b.requireString('messageText', { max: 500 });
    const list = b.requireArray('productInfoList');
    const strings = (name: string) => (b.array(name) ?? []).map((v, i) => {
      if (typeof v !== 'string') throw paramError(`${name}[${i}] must be a string`);
      return v;
    });
    const imageUrl = strings('imageUrl');
    const videoUrl = strings('videoUrl');

    const mine = this.business.get(account.openId) ?? new Map<string, string>();
    const existing = mine.get(businessDisputeId);
    if (existing !== undefined) throw new CjError(Codes.disputeCreateFail, `dispute create fail: businessDisputeId ${businessDisputeId} already exists (dispute ${existing})`);
    const order = this.disputableOrder(account, orderId, Codes.disputeCreateFail);
    const open = this.active(order);
    if (open) throw new CjError(Codes.disputeCreateFail, `dispute create fail: order ${order.cjOrderId} already has an open dispute (${open.id})`);
    const reason = this.reasons(order).find((r) => r.disputeReasonId === reasonId);
    if (!reason) throw paramError(`disputeReasonId ${reasonId} is not available for this order (see disputeConfirmInfo.disputeReasonList)`);
    if (order.status === 'UNSHIPPED' && expectType === 2) throw paramError('expectType 2 (reissue) is not available for an unshipped order');
    const lines = this.chosenLines(order, list);
    const { product, postage } = this.amounts(order, lines);

    const now = this.d.clock.now();
    const dispute: Dispute = {
      id: this.d.ids.long(),
      openId: account.openId,
      businessDisputeId,
      cjOrderId: order.cjOrderId,
      orderNumber: order.orderNumber,
      reasonId,
      reasonName: reason.reasonName,
      expectType,
      refundType,
      messageText,
      imageUrl,
      videoUrl,
      lines,
      amountCents: product + postage,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      finallyDeal: null,
      moneyCents: null,
      replacementCents: null,
      resendOrderCode: null,
    };
    this.disputes.set(dispute.id, dispute);
    mine.set(businessDisputeId, dispute.id);
    this.business.set(account.openId, mine);
    order.disputeId = dispute.id;
    this.d.ledger.record({ kind: 'dispute', openId: account.openId, disputeId: dispute.id, businessDisputeId, cjOrderId: order.cjOrderId });
    this.d.scheduler.schedule(now + DAY, `dispute ${dispute.id} processing`, () => {
      if (dispute.status === 'pending') this.move(dispute, 'processing');
    });
    this.d.scheduler.schedule(now + 3 * DAY, `dispute ${dispute.id} finished`, () => {
      if (dispute.status === 'processing' || dispute.status === 'pending') this.finish(dispute);
    });
    return dispute;
  }

  cancel(account: Account, raw: unknown): Dispute {
    const b = Body.of(raw);
    const orderId = b.requireString('orderId');
    const disputeId = b.requireString('disputeId');
    const dispute = this.disputes.get(disputeId);
    const order = this.d.orders.find(account, orderId);
    if (!dispute || dispute.openId !== account.openId || !order || dispute.cjOrderId !== order.cjOrderId) {
      throw new CjError(Codes.disputeCancelFail, `dispute cancel fail: dispute ${disputeId} not found on order ${orderId}`);
    }
    if (dispute.status !== 'pending' && dispute.status !== 'processing') throw new CjError(Codes.disputeCancelFail, `dispute cancel fail: dispute is ${dispute.status}`);
    this.move(dispute, 'cancelled');
    return dispute;
  }

  private move(dispute: Dispute, status: DisputeStatus): void {
    dispute.status = status;
    dispute.updatedAt = this.d.clock.now();
  }

  /** CJ's decision: what was asked for. A balance refund is credited and written to the ledger. */
  private finish(dispute: Dispute): void {
    dispute.finallyDeal = dispute.expectType;
    if (dispute.expectType === 1) {
      dispute.moneyCents = dispute.amountCents;
      const account = this.d.accounts.get(dispute.openId);
      if (account && dispute.refundType === 1) {
        account.balanceCents += dispute.amountCents;
        this.d.ledger.record({ kind: 'refund', openId: account.openId, disputeId: dispute.id, cjOrderId: dispute.cjOrderId, amount: formatCents(dispute.amountCents), balanceAfter: formatCents(account.balanceCents) });
      }
    } else {
      dispute.replacementCents = dispute.lines.reduce((s, l) => s + l.priceCents * l.quantity, 0);
      dispute.resendOrderCode = this.d.ids.shipmentId(this.d.clock.now());
    }
    this.move(dispute, 'finished');
  }

  list(account: Account, filter: { orderId?: string; disputeId?: string; orderNumber?: string }): Dispute[] {
    const order = filter.orderId !== undefined ? this.d.orders.find(account, filter.orderId) : undefined;
    return [...this.disputes.values()]
      .filter((x) => x.openId === account.openId)
      .filter((x) => filter.orderId === undefined || x.cjOrderId === (order?.cjOrderId ?? filter.orderId))
      .filter((x) => filter.disputeId === undefined || x.id === filter.disputeId)
      .filter((x) => filter.orderNumber === undefined || x.orderNumber === filter.orderNumber)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  get(account: Account, disputeId: string): Dispute | undefined {
    const x = this.disputes.get(disputeId);
    return x && x.openId === account.openId ? x : undefined;
  }

  all(): Dispute[] {
    return [...this.disputes.values()];
  }
}

export function productInfo(line: OrderLine, canChoose: boolean, image?: string): Record<string, unknown> {
  return {
    lineItemId: line.lineItemId,
    cjProductId: line.pid,
    cjVariantId: line.vid,
    canChoose,
    price: moneyNumber(line.unitCents),
    quantity: line.quantity,
    cjProductName: line.productName,
    cjImage: image ?? null,
    sku: line.sku,
    supplierName: line.supplierName,
  };
}

export function disputeListItem(x: Dispute, image: (line: OrderLine) => string): Record<string, unknown> {
  return {
    id: x.id,
    status: x.status,
    disputeReason: x.reasonName,
    replacementAmount: x.replacementCents === null ? null : moneyNumber(x.replacementCents),
    resendOrderCode: x.resendOrderCode,
    money: x.moneyCents === null ? null : moneyNumber(x.moneyCents),
    finallyDeal: x.finallyDeal,
    createDate: formatUtc(x.createdAt),
    productList: x.lines.map((l) => ({ image: image(l.line), price: moneyNumber(l.priceCents), lineItemId: l.line.lineItemId, cjProductId: l.line.pid, cjVariantId: l.line.vid, productName: l.line.productName, supplierName: l.line.supplierName })),
  };
}

export function disputeDetail(x: Dispute, image: (line: OrderLine) => string): Record<string, unknown> {
  return {
    ...disputeListItem(x, image),
    orderId: x.cjOrderId,
    orderNumber: x.orderNumber,
    businessDisputeId: x.businessDisputeId,
    disputeReasonId: x.reasonId,
    expectType: x.expectType,
    refundType: x.refundType,
    messageText: x.messageText,
    imageUrl: x.imageUrl,
    videoUrl: x.videoUrl,
    amount: moneyNumber(x.amountCents),
    updateDate: formatUtc(x.updatedAt),
  };
}
