import { z } from 'zod';
import { bool, id, list, num, optId, text } from './primitives.js';

export interface CjSettings {
  openId?: string | undefined;
  openName?: string | undefined;
  openEmail?: string | undefined;
  qpsLimit?: number | undefined;
  quotaLimits: { quotaUrl?: string | undefined; quotaLimit?: number | undefined; quotaType?: number | undefined }[];
  /** Webhook configuration as CJ reports it; its shape differs between doc snapshots, so it is passed through. */
  callback?: Record<string, unknown> | undefined;
  /** "NO_PERMISSION" | "GENERAL" | "VIP" | "ADMIN". */
  root?: string | undefined;
  isSandbox?: boolean | undefined;
}

/** GET setting/get. */
export const settingsData = z
  .object({
    openId: optId,
    openName: text,
    openEmail: text,
    setting: z
      .object({
        qpsLimit: num,
        quotaLimits: list(z.object({ quotaUrl: text, quotaLimit: num, quotaType: num })),
      })
      .nullish(),
    callback: z.record(z.string(), z.unknown()).nullish(),
    root: text,
    isSandbox: bool,
  })
  .transform(
    (s): CjSettings => ({
      openId: s.openId,
      openName: s.openName,
      openEmail: s.openEmail,
      qpsLimit: s.setting?.qpsLimit,
      quotaLimits: s.setting?.quotaLimits ?? [],
      callback: s.callback ?? undefined,
      root: s.root,
      isSandbox: s.isSandbox,
    }),
  );

export interface SourcingCreated {
  cjSourcingId: string;
  result?: string | undefined;
}

export const sourcingCreateData = z.object({ cjSourcingId: id, result: text }).transform((d): SourcingCreated => d);

export interface SourcingRecord {
  sourceId?: string | undefined;
  sourceNumber?: string | undefined;
  productId?: string | undefined;
  variantId?: string | undefined;
  shopId?: string | undefined;
  shopName?: string | undefined;
  /** "5"… (CJ's codes). */
  sourceStatus?: string | undefined;
  sourceStatusStr?: string | undefined;
  cjProductId?: string | undefined;
  cjVariantSku?: string | undefined;
}

const sourcingRecord = z
  .object({
    sourceId: optId,
    sourceNumber: text,
    productId: optId,
    variantId: optId,
    shopId: optId,
    shopName: text,
    sourceStatus: text,
    sourceStatusStr: text,
    cjProductId: optId,
    cjVariantSku: text,
  })
  .transform((r): SourcingRecord => r);

/**
 * POST product/sourcing/query. The docs sample shows one object where a list is expected
 * (cj-api.md §6.2); both become a list.
 */
export const sourcingQueryData = z
  .union([z.array(sourcingRecord), sourcingRecord, z.null(), z.undefined()])
  .transform((d): SourcingRecord[] => (d === null || d === undefined ? [] : Array.isArray(d) ? d : [d]));

export interface WarehouseDetail {
  id: string;
  name?: string | undefined;
  areaId?: string | undefined;
  areaCountryCode?: string | undefined;
  province?: string | undefined;
  city?: string | undefined;
  address1?: string | undefined;
  address2?: string | undefined;
  contacts?: string | undefined;
  phone?: string | undefined;
  zipCode?: string | undefined;
  isSelfPickup?: boolean | undefined;
  logisticsBrandList: { id?: string | undefined; name?: string | undefined }[];
}

export const warehouseDetailData = z
  .object({
    id,
    name: text,
    areaId: optId,
    areaCountryCode: text,
    province: text,
    city: text,
    address1: text,
    address2: text,
    contacts: text,
    phone: text,
    zipCode: text,
    isSelfPickup: bool,
    logisticsBrandList: list(z.object({ id: optId, name: text })),
  })
  .transform((w): WarehouseDetail => w);
