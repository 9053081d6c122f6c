import { type CallOptions, type Execute, defineEndpoint } from '../endpoint.js';
import { moneyInput } from '../json.js';
import type { Page } from '../schemas/primitives.js';
import { cjBoolean } from '../schemas/primitives.js';
import {
  type Dispute,
  type DisputeConfirmInfo,
  type DisputeProducts,
  disputeConfirmInfoData,
  disputeDetailData,
  disputeListData,
  disputeProductsData,
} from '../schemas/disputes.js';

// Disputes live under /disputes, not /shopping/dispute (cj-api.md §6.7, §10).
export const disputeEndpoints = {
  products: defineEndpoint<DisputeProducts>({ path: '/disputes/disputeProducts', method: 'GET', idempotent: true, auth: true, data: disputeProductsData }),
  // A read-only "form options" call despite being a POST.
  confirmInfo: defineEndpoint<DisputeConfirmInfo>({ path: '/disputes/disputeConfirmInfo', method: 'POST', idempotent: true, auth: true, data: disputeConfirmInfoData }),
  create: defineEndpoint<boolean>({
    path: '/disputes/create',
    method: 'POST',
    idempotent: false,
    auth: true,
    data: cjBoolean,
    reconcile: 'disputes.list({ orderId }) shows whether the dispute exists before creating it again',
  }),
  cancel: defineEndpoint<boolean>({
    path: '/disputes/cancel',
    method: 'POST',
    idempotent: false,
    auth: true,
    data: cjBoolean,
    reconcile: 'disputes.list({ disputeId }) shows its current status',
  }),
  list: defineEndpoint<Page<Dispute>>({ path: '/disputes/getDisputeList', method: 'GET', idempotent: true, auth: true, data: disputeListData }),
  detail: defineEndpoint<Record<string, unknown>>({ path: '/disputes/getDisputeDetail', method: 'GET', idempotent: true, auth: true, data: disputeDetailData }),
} as const;

export interface DisputeLineInput {
  lineItemId: string;
  quantity: number;
  /** USD, decimal string or number. */
  price: string | number;
}

export interface DisputeConfirmInfoBody {
  orderId: string;
  productInfoList: DisputeLineInput[];
}

export interface DisputeCreateBody {
  /** Your unique id for this dispute. */
  businessDisputeId: string;
  orderId: string;
  disputeReasonId: number;
  /** 1 refund, 2 reissue. */
  expectType: 1 | 2;
  /** 1 balance, 2 platform. */
  refundType: 1 | 2;
  /** ≤ 500 chars. */
  messageText: string;
  imageUrl?: string[];
  videoUrl?: string[];
  productInfoList: DisputeLineInput[];
}

export interface DisputeListParams {
  orderId?: string;
  disputeId?: string;
  orderNumber?: string;
  pageNum?: number;
  pageSize?: number;
}

function lines(list: DisputeLineInput[]): unknown[] {
  return list.map((l, i) => ({ ...l, price: moneyInput(`productInfoList[${i}].price`, l.price) }));
}

export class DisputesApi {
  constructor(private readonly execute: Execute) {}

  products(orderId: string, call?: CallOptions): Promise<DisputeProducts> {
    return this.execute(disputeEndpoints.products, { query: { orderId } }, call);
  }

  confirmInfo(body: DisputeConfirmInfoBody, call?: CallOptions): Promise<DisputeConfirmInfo> {
    return this.execute(disputeEndpoints.confirmInfo, { body: { ...body, productInfoList: lines(body.productInfoList) } }, call);
  }

  /** CJ answers `data:"true"`, normalised to `true`. */
  create(body: DisputeCreateBody, call?: CallOptions): Promise<boolean> {
    if (body.messageText.length > 500) throw new RangeError('messageText must be at most 500 characters');
    return this.execute(
      disputeEndpoints.create,
      { body: { ...body, productInfoList: lines(body.productInfoList) }, businessKey: { businessDisputeId: body.businessDisputeId, orderId: body.orderId } },
      call,
    );
  }

  cancel(params: { orderId: string; disputeId: string }, call?: CallOptions): Promise<boolean> {
    const { orderId, disputeId } = params;
    return this.execute(disputeEndpoints.cancel, { body: { orderId, disputeId }, businessKey: { orderId, disputeId } }, call);
  }

  list(params: DisputeListParams = {}, call?: CallOptions): Promise<Page<Dispute>> {
    return this.execute(disputeEndpoints.list, { query: { ...params } }, call);
  }

  /** Shape unconfirmed in CJ's docs: a plain object. */
  detail(disputeId: string, call?: CallOptions): Promise<Record<string, unknown>> {
    return this.execute(disputeEndpoints.detail, { query: { disputeId } }, call);
  }
}
