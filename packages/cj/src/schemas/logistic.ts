import { z } from 'zod';
import { list, money, num, optId, text } from './primitives.js';

export interface FreightOption {
  /** Pass exactly this to createOrder as `logisticName` (cj-api.md §9.11). */
  logisticName: string;
  /** Days, e.g. "2-5". */
  logisticAging?: string | undefined;
  /** USD. */
  logisticPrice?: string | undefined;
  /** CNY. */
  logisticPriceCn?: string | undefined;
  taxesFee?: string | undefined;
  clearanceOperationFee?: string | undefined;
  totalPostageFee?: string | undefined;
}

export const freightData = list(
  z
    .object({
      logisticName: z.string().min(1),
      logisticAging: text,
      logisticPrice: money,
      logisticPriceCn: money,
      taxesFee: money,
      clearanceOperationFee: money,
      totalPostageFee: money,
    })
    .transform((f): FreightOption => f),
);

export interface FreightTipOption {
  /** `option.enName` — the logistic name to order with (e.g. "CJPacket Postal"). */
  logisticName?: string | undefined;
  optionId?: string | undefined;
  channelId?: string | undefined;
  channelName?: string | undefined;
  arrivalTime?: string | undefined;
  /** USD amounts. */
  postage?: string | undefined;
  discountFee?: string | undefined;
  remoteFee?: string | undefined;
  wrapPostage?: string | undefined;
  taxesFee?: string | undefined;
  clearanceOperationFee?: string | undefined;
  wrapWeight?: number | undefined;
  /** CJ's error text for this option, when it cannot be used. */
  error?: string | undefined;
  message?: string | undefined;
  ruleTips: unknown[];
}

const nameRef = z.object({ id: optId, enName: text, cnName: text, arrivalTime: text }).nullish();

export const freightTipData = list(
  z
    .object({
      option: nameRef,
      channel: nameRef,
      optionId: optId,
      channelId: optId,
      arrivalTime: text,
      postage: money,
      discountFee: money,
      remoteFee: money,
      wrapPostage: money,
      taxesFee: money,
      clearanceOperationFee: money,
      wrapWeight: num,
      error: text,
      errorEn: text,
      message: text,
      ruleTips: list(z.unknown()),
    })
    .transform(
      (t): FreightTipOption => ({
        logisticName: t.option?.enName,
        optionId: t.optionId ?? t.option?.id,
        channelId: t.channelId ?? t.channel?.id,
        channelName: t.channel?.enName,
        arrivalTime: t.arrivalTime ?? t.option?.arrivalTime,
        postage: t.postage,
        discountFee: t.discountFee,
        remoteFee: t.remoteFee,
        wrapPostage: t.wrapPostage,
        taxesFee: t.taxesFee,
        clearanceOperationFee: t.clearanceOperationFee,
        wrapWeight: t.wrapWeight,
        error: t.errorEn ?? t.error,
        message: t.message,
        ruleTips: t.ruleTips,
      }),
    ),
);

export interface TrackInfo {
  trackingNumber: string;
  logisticName?: string | undefined;
  trackingFrom?: string | undefined;
  trackingTo?: string | undefined;
  deliveryDay?: number | undefined;
  deliveryTime?: string | undefined;
  /** Free text here (e.g. "In transit"); the LOGISTIC webhook uses numeric codes instead. */
  trackingStatus?: string | undefined;
  lastMileCarrier?: string | undefined;
  lastTrackNumber?: string | undefined;
}

export const trackInfoData = list(
  z
    .object({
      trackingNumber: z.union([z.string().min(1), z.number()]).transform(String),
      logisticName: text,
      trackingFrom: text,
      trackingTo: text,
      deliveryDay: num,
      deliveryTime: text,
      trackingStatus: text,
      lastMileCarrier: text,
      lastTrackNumber: text,
    })
    .transform((t): TrackInfo => t),
);
