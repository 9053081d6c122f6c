import { z } from 'zod';
import { type Page, bool, classicPage, id, list, money, num, optId, text } from './primitives.js';

export interface DisputeProduct {
  lineItemId?: string | undefined;
  cjProductId?: string | undefined;
  cjVariantId?: string | undefined;
  canChoose?: boolean | undefined;
  /** USD. */
  price?: string | undefined;
  quantity?: number | undefined;
  cjProductName?: string | undefined;
  cjImage?: string | undefined;
  sku?: string | undefined;
  supplierName?: string | undefined;
}

export interface DisputeProducts {
  orderId?: string | undefined;
  orderNumber?: string | undefined;
  productInfoList: DisputeProduct[];
}

const disputeProduct = z
  .object({
    lineItemId: optId,
    cjProductId: optId,
    cjVariantId: optId,
    canChoose: bool,
    price: money,
    quantity: num,
    cjProductName: text,
    cjImage: text,
    sku: text,
    supplierName: text,
  })
  .transform((p): DisputeProduct => p);

export const disputeProductsData = z
  .object({ orderId: optId, orderNumber: text, productInfoList: list(disputeProduct) })
  .transform((d): DisputeProducts => d);

export interface DisputeConfirmInfo {
  orderId?: string | undefined;
  orderNumber?: string | undefined;
  /** USD caps for the claim. */
  maxProductPrice?: string | undefined;
  maxPostage?: string | undefined;
  maxIossTaxAmount?: string | undefined;
  maxIossHandTaxAmount?: string | undefined;
  maxAmount?: string | undefined;
  /** "1" refund, "2" reissue. */
  expectResultOptionList: string[];
  productInfoList: DisputeProduct[];
  disputeReasonList: { disputeReasonId: string; reasonName?: string | undefined }[];
}

export const disputeConfirmInfoData = z
  .object({
    orderId: optId,
    orderNumber: text,
    maxProductPrice: money,
    maxPostage: money,
    maxIossTaxAmount: money,
    maxIossHandTaxAmount: money,
    maxAmount: money,
    expectResultOptionList: list(z.union([z.string(), z.number()]).transform(String)),
    productInfoList: list(disputeProduct),
    disputeReasonList: list(z.object({ disputeReasonId: id, reasonName: text })),
  })
  .transform((d): DisputeConfirmInfo => d);

export interface Dispute {
  id: string;
  status?: string | undefined;
  disputeReason?: string | undefined;
  replacementAmount?: string | undefined;
  resendOrderCode?: string | undefined;
  money?: string | undefined;
  /** 1 refund, 2 reissue, 3 reject. */
  finallyDeal?: number | undefined;
  createDate?: string | undefined;
  productList: {
    image?: string | undefined;
    price?: string | undefined;
    lineItemId?: string | undefined;
    cjProductId?: string | undefined;
    cjVariantId?: string | undefined;
    productName?: string | undefined;
    supplierName?: string | undefined;
  }[];
}

export const disputeListData: z.ZodType<Page<Dispute>> = classicPage(
  z
    .object({
      id,
      status: text,
      disputeReason: text,
      replacementAmount: money,
      resendOrderCode: text,
      money,
      finallyDeal: num,
      createDate: text,
      productList: list(
        z.object({
          image: text,
          price: money,
          lineItemId: optId,
          cjProductId: optId,
          cjVariantId: optId,
          productName: text,
          supplierName: text,
        }),
      ),
    })
    .transform((d): Dispute => d),
);

/**
 * GET disputes/getDisputeDetail exists only in CJ's MCP; its shape is UNCONFIRMED (cj-api.md §6.7),
 * so it is returned as a plain object (big ids already exact strings).
 */
export const disputeDetailData = z.record(z.string(), z.unknown());
