import { describe, expect, it } from 'vitest';
import { DEFAULT_BLOCKED_WORDS, qualityRulesSchema, withNicheKeywords } from '../../src/catalog/gates/analyse-rules.js';

describe('qualityRulesSchema', () => {
  it('has the documented defaults', () => {
    expect(qualityRulesSchema.parse({})).toEqual({
      minCostUsd: '0.50',
      maxCostUsd: '20',
      maxShippingUsd: '8',
      maxDeliveryDays: 20,
      minWarehouseStock: 10,
      requireImage: true,
      allowHttpImages: false,
      blockedWords: [...DEFAULT_BLOCKED_WORDS],
      relevanceKeywords: [],
    });
  });

  it.each([
    [{ maxCostUsd: 20 }, ['maxCostUsd']],
    [{ minCostUsd: '21' }, ['minCostUsd']],
    [{ maxShippingUsd: '8.001' }, ['maxShippingUsd']],
    [{ maxDeliveryDays: 0 }, ['maxDeliveryDays']],
    [{ relevanceKeywords: ['a'] }, ['relevanceKeywords', 0]],
    [{ allowedCategories: [] }, ['allowedCategories']],
    [{ blockedWord: ['knife'] }, []],
  ])('rejects %j', (input, path) => {
    const result = qualityRulesSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('fills relevance keywords from the niche unless the rules list their own', () => {
    const rules = qualityRulesSchema.parse({});
    expect(withNicheKeywords(rules, ['tarot', 'crystal']).relevanceKeywords).toEqual(['tarot', 'crystal']);
    const own = qualityRulesSchema.parse({ relevanceKeywords: ['om'] });
    expect(withNicheKeywords(own, ['tarot']).relevanceKeywords).toEqual(['om']);
  });
});
