// Gate 7 — Store: upsert by CJ product id, after two checks against what the store already lists:
// the same product from another listing (a near-duplicate fingerprint) is rejected, and a title
// another product already uses is made distinct, so shoppers never see two products with one name.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { composeTitle } from '../../translation/compose-title.js';
import type { TitleParts } from '../../translation/parse-title.js';
import type { CandidateDetail, CandidateVariant, FreightQuote, Rejection } from '../candidate.js';
import { getProductByPid, listFingerprints, saveProduct } from '../catalog-repository.js';
import { fingerprint, isNearDuplicate, parseFingerprint, serializeFingerprint } from '../fingerprint.js';
import type { StoredProduct, StoredVariant } from '../product.js';
import type { EnrichedProduct } from './enrich.js';
import { scoreProduct } from './score.js';
import { timeOrderedId } from '../../time-ordered-id.js';

/** `price_history.reason` of the price a scan listed (or re-listed) a product at. */
export const SCAN_HISTORY_REASON = 'scan';

export interface PricedVariant {
  variant: CandidateVariant;
  grossMinor: number;
}

export interface StoreGateInput {
  detail: CandidateDetail;
  enriched: EnrichedProduct;
  titleParts: TitleParts;
  freight: FreightQuote;
  /** Sellable variants with their prices; the cheapest sets the product's "from" price. */
  variants: PricedVariant[];
  price: { grossMinor: number; landedMinor: number; marginMinor: number; marginPct: string; fxDate: string; currency: string };
  listingHash: string;
}

export type StoreOutcome =
  | { ok: true; product: StoredProduct; created: boolean; /** CJ ids retired to keep the cap (maybe this product's). */ retired: string[] }
  | { ok: false; rejection: Rejection };

export interface StoreGateOptions {
  /** The catalogue cap: the weakest active products beyond it are retired in the same transaction as the save. */
  maxProducts?: number;
}

export async function storeProduct(db: Kysely<Database>, nowIso: string, input: StoreGateInput, opts: StoreGateOptions = {}): Promise<StoreOutcome> {
  const { detail, enriched } = input;
  const cheapest = input.variants.reduce((a, b) => (b.grossMinor < a.grossMinor ? b : a));
  const fp = fingerprint(detail.nameEn, cheapest.variant.priceUsd);

  for (const other of await listFingerprints(db)) {
    if (other.cjPid === detail.pid) continue;
    if (isNearDuplicate(fp, parseFingerprint(other.fingerprint))) {
      return {
        ok: false,
        rejection: { gate: 'store', code: 'near_duplicate', reason: `same product as ${other.cjPid} already in the catalogue (fingerprint match)` },
      };
    }
  }

  const existing = await getProductByPid(db, detail.pid);
  const title = existing?.titleEdited ? existing.title : await distinctTitle(db, enriched.title, input.titleParts, detail.pid);
  const optionsByVid = new Map(enriched.options.variants.map((v) => [v.vid, v.options]));
  const variants: StoredVariant[] = input.variants.map(({ variant, grossMinor }, position) => {
    const previous = existing?.variants.find((v) => v.cjVid === variant.vid);
    return {
      id: previous?.id ?? randomUUID(),
      cjVid: variant.vid,
      sku: variant.sku,
      options: optionsByVid.get(variant.vid) ?? [],
      costUsd: variant.priceUsd,
      priceMinor: grossMinor,
      stock: variant.stock.reduce((sum, s) => sum + s.quantity, 0),
      stockDetail: variant.stock,
      onSale: variant.onSale,
      image: variant.image ?? null,
      weightGrams: variant.weightGrams,
      position,
    };
  });

  const product: StoredProduct = {
    id: existing?.id ?? randomUUID(),
    cjPid: detail.pid,
    slug: existing?.slug ?? enriched.slug,
    status: existing?.status === 'hidden' ? 'hidden' : 'active',
    hiddenReason: existing?.status === 'hidden' ? existing.hiddenReason : null,
    title,
    description: existing?.descriptionEdited ? existing.description : enriched.description,
    titleEn: detail.nameEn,
    descriptionEn: detail.descriptionHtml,
    titleEdited: existing?.titleEdited ?? false,
    descriptionEdited: existing?.descriptionEdited ?? false,
    categoryEdited: existing?.categoryEdited ?? false,
    tagsEdited: existing?.tagsEdited ?? false,
    category: existing?.categoryEdited ? existing.category : enriched.category,
    tags: existing?.tagsEdited ? existing.tags : enriched.tags,
    images: enriched.images,
    seoTitle: enriched.seoTitle,
    seoDescription: enriched.metaDescription,
    currency: input.price.currency,
    priceMinor: input.price.grossMinor,
    priceOverrideMinor: existing?.priceOverrideMinor ?? null,
    landedMinor: input.price.landedMinor,
    marginMinor: input.price.marginMinor,
    marginPct: input.price.marginPct,
    costUsd: cheapest.variant.priceUsd,
    shippingUsd: input.freight.priceUsd,
    logisticName: input.freight.logisticName,
    deliveryMinDays: input.freight.minDays,
    deliveryMaxDays: input.freight.maxDays,
    fxDate: input.price.fxDate,
    score: scoreProduct({
      marginPct: input.price.marginPct,
      shippingUsd: input.freight.priceUsd,
      deliveryMaxDays: input.freight.maxDays,
      listedNum: detail.listedNum ?? 0,
    }),
    fingerprint: serializeFingerprint(fp),
    listedNum: detail.listedNum ?? 0,
    cjCategoryId: detail.categoryId ?? null,
    cjListingHash: input.listingHash,
    notFoundCount: 0,
    createdAt: existing?.createdAt ?? nowIso,
    updatedAt: nowIso,
    lastSyncedAt: nowIso,
    variants,
  };
  const retired = await saveProduct(db, product, opts.maxProducts === undefined ? {} : { cap: { keep: opts.maxProducts, nowIso } });
  // The price history (the console's chart) starts with the scan's price and follows its changes.
  if (!existing || existing.priceMinor !== product.priceMinor) {
    await db
      .insertInto('price_history')
      .values({
        id: timeOrderedId(Date.parse(nowIso)),
        product_id: product.id,
        variant_id: null,
        cost_usd: product.costUsd,
        price_minor: product.priceMinor,
        currency: product.currency,
        reason: SCAN_HISTORY_REASON,
        created_at: nowIso,
      })
      .execute();
  }
  return { ok: true, product, created: existing === undefined, retired };
}

async function titleTaken(db: Kysely<Database>, title: string, exceptPid: string): Promise<boolean> {
  const row = await db.selectFrom('products').select('id').where('title', '=', title).where('cj_pid', '!=', exceptPid).executeTakeFirst();
  return row !== undefined;
}

/** The translated title, or a more detailed one (then a numbered one) if another product has it. */
async function distinctTitle(db: Kysely<Database>, title: string, parts: TitleParts, pid: string): Promise<string> {
  if (!(await titleTaken(db, title, pid))) return title;
  const verbose = composeTitle(parts, { verbose: true });
  if (verbose && verbose !== title && !(await titleTaken(db, verbose, pid))) return verbose;
  for (let n = 2; n < 100; n++) {
    const numbered = `${verbose || title} — Modelo ${n}`;
    if (!(await titleTaken(db, numbered, pid))) return numbered;
  }
  return `${title} — ${pid.slice(0, 8)}`;
}
