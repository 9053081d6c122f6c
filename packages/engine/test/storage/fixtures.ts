// Products with fixed ids for the storage suites, so the same data gives comparable results on
// SQLite and PostgreSQL, and a minimal StoreContext over a bare database.
import { PostgresAdapter, type Kysely } from 'kysely';
import { ManualClock } from '../../src/clock.js';
import type { Database } from '../../src/db/schema.js';
import type { StoredProduct, StoredVariant } from '../../src/catalog/product.js';
import type { StoreContext } from '../../src/stores/context.js';

export function variant(cjVid: string, overrides: Partial<StoredVariant> = {}): StoredVariant {
  return {
    id: `v-${cjVid}`,
    cjVid,
    sku: `SKU-${cjVid}`,
    options: [{ name: 'Cor', value: 'Roxo' }],
    costUsd: '3.20',
    priceMinor: 1_499,
    stock: 120,
    stockDetail: [{ countryCode: 'CN', quantity: 120 }],
    onSale: true,
    image: null,
    weightGrams: 80,
    position: 0,
    ...overrides,
  };
}

let serial = 0;

export function product(n: number, overrides: Partial<StoredProduct> = {}): StoredProduct {
  const id = `p${String(n).padStart(3, '0')}`;
  const at = new Date(Date.UTC(2026, 10, 1, 12, 0, n)).toISOString();
  serial++;
  return {
    id,
    cjPid: `PID-${id}`,
    slug: `produto-${id}`,
    status: 'active',
    hiddenReason: null,
    title: `Produto ${n}`,
    description: `<p>Descrição do produto ${n}.</p>`,
    titleEn: `Product ${n}`,
    descriptionEn: `<p>Description ${n}</p>`,
    titleEdited: false,
    descriptionEdited: false,
    categoryEdited: false,
    tagsEdited: false,
    category: 'Cristais',
    tags: ['cristal'],
    images: [`https://img.example/${id}/1.png`],
    seoTitle: `Produto ${n} | Loja`,
    seoDescription: `Produto ${n}.`,
    currency: 'EUR',
    priceMinor: 1_000 + n * 100,
    priceOverrideMinor: null,
    landedMinor: 400,
    marginMinor: 500,
    marginPct: '55.5',
    costUsd: '3.20',
    shippingUsd: '2.10',
    logisticName: 'CJPacket Ordinary',
    deliveryMinDays: 8,
    deliveryMaxDays: 13,
    fxDate: '2026-11-20',
    score: 50,
    fingerprint: `produto ${n}#3|${320 + serial}`,
    listedNum: 10,
    cjCategoryId: null,
    cjListingHash: 'hash',
    notFoundCount: 0,
    createdAt: at,
    updatedAt: at,
    lastSyncedAt: at,
    variants: [variant(`${id}-a`)],
    ...overrides,
  };
}

export function contextFor(db: Kysely<Database>, locale = 'pt-PT'): StoreContext {
  // The dialect decides which SQL some services write (full-text search), so it must match the database.
  const dialect = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  return { id: 'storage-test', db, dialect, clock: new ManualClock(), config: { locale } } as unknown as StoreContext;
}
