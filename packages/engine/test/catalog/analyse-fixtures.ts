import type { CandidateDetail, CandidateSummary, CandidateVariant, FreightQuote } from '../../src/catalog/candidate.js';
import { qualityRulesSchema, type QualityRules, type QualityRulesInput } from '../../src/catalog/gates/analyse-rules.js';

export const NICHE = ['amethyst', 'crystal', 'tarot', 'om', 'ring', 'incense', 'tree of life', 'chakra', 'singing bowl'];

export function qualityRules(overrides: QualityRulesInput = {}): QualityRules {
  return qualityRulesSchema.parse({ relevanceKeywords: NICHE, ...overrides });
}

export function summary(overrides: Partial<CandidateSummary> = {}): CandidateSummary {
  return {
    pid: '1754937428513480704',
    nameEn: 'Natural Amethyst Cluster Healing Crystal Home Decor',
    priceMinUsd: '3.20',
    priceMaxUsd: '5.80',
    image: 'https://cf.cjdropshipping.com/quick/product/4f1c0a2b-amethyst.jpg',
    categoryId: 'A1B2-crystals',
    categoryName: 'Home Decor / Crystals',
    listedNum: 412,
    warehouseInventory: 860,
    keyword: 'amethyst',
    ...overrides,
  };
}

export function variant(overrides: Partial<CandidateVariant> = {}): CandidateVariant {
  return {
    vid: 'v-1',
    sku: 'CJYD1234501AZ',
    nameEn: 'Natural Amethyst Cluster 50-80g',
    optionValues: ['50-80g'],
    priceUsd: '3.20',
    weightGrams: 80,
    stock: [{ countryCode: 'CN', quantity: 420 }],
    onSale: true,
    ...overrides,
  };
}

export function detail(overrides: Partial<CandidateDetail> = {}): CandidateDetail {
  return {
    ...summary(),
    descriptionHtml:
      '<p><b>Material:</b> natural amethyst</p><p>Each crystal cluster is unique; colour and shape vary.</p>' +
      '<img src="https://cf.cjdropshipping.com/desc-1.jpg">',
    images: ['https://cf.cjdropshipping.com/quick/product/4f1c0a2b-amethyst.jpg'],
    onSale: true,
    weightGrams: 80,
    materialEn: 'Crystal',
    variants: [
      variant(),
      variant({ vid: 'v-2', sku: 'CJYD1234502AZ', optionValues: ['100-150g'], priceUsd: '5.80', weightGrams: 150 }),
    ],
    ...overrides,
  };
}

export function quote(logisticName: string, priceUsd: string, minDays: number, maxDays: number): FreightQuote {
  return { logisticName, priceUsd, minDays, maxDays };
}

export const PT_QUOTES: FreightQuote[] = [
  quote('CJPacket Ordinary', '2.10', 10, 18),
  quote('YunExpress Economy', '1.80', 12, 25), // cheapest, but too slow for 20 days
  quote('DHL Official', '15.00', 3, 5),
  quote('CJPacket Sensitive', '2.10', 8, 15), // same price as Ordinary, faster: wins the tie
];
