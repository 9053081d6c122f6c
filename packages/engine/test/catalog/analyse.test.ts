import { describe, expect, it } from 'vitest';
import { analyse, type AnalyseResult } from '../../src/catalog/gates/analyse.js';
import { detail, PT_QUOTES, qualityRules, quote, variant } from './analyse-fixtures.js';

const rules = qualityRules();
const codeOf = (result: AnalyseResult) => (result.ok ? 'ok' : result.rejection.code);

describe('analyse', () => {
  it('keeps a good product and picks the cheapest freight within the delivery limit', () => {
    const result = analyse(detail(), PT_QUOTES, rules, 'PT');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // YunExpress (1.80) is cheaper but takes 25 days; the two 2.10 options tie and the faster wins.
    expect(result.chosenFreight).toEqual(quote('CJPacket Sensitive', '2.10', 8, 15));
    expect(result.sellableVariants.map((v) => v.vid)).toEqual(['v-1', 'v-2']);
  });

  it('accepts a quoted free route ("0") — known, not assumed', () => {
    const result = analyse(detail(), [quote('CJPacket Ordinary', '0', 10, 18), ...PT_QUOTES], rules, 'PT');
    expect(result.ok && result.chosenFreight.priceUsd).toBe('0');
  });

  describe('freight', () => {
    it.each([
      ['lookup failed', null],
      ['no options', []],
      ['no valid option', [quote('Broken', 'N/A', 7, 12), quote('Backwards', '2.00', 12, 7)]],
    ])('unknown freight (%s) is a rejection, never free', (_label, quotes) => {
      const result = analyse(detail(), quotes, rules, 'PT');
      expect(codeOf(result)).toBe('freight_unknown');
      expect(result.ok ? '' : result.rejection.reason).toMatch(/to PT unknown.*never assumed free/);
    });

    it('rejects when every option is slower than maxDeliveryDays', () => {
      const result = analyse(detail(), [quote('YunExpress Economy', '1.80', 12, 25), quote('China Post', '0.90', 20, 40)], rules, 'PT');
      expect(result.ok ? null : result.rejection).toEqual({
        gate: 'analyse',
        code: 'delivery_too_slow',
        reason: 'fastest of 2 option(s) to PT takes up to 25 days; the maximum is 20',
      });
    });

    it('rejects when the cheapest option in time costs more than maxShippingUsd', () => {
      const result = analyse(detail(), [quote('YunExpress Economy', '1.80', 12, 25), quote('DHL Official', '9.50', 3, 5)], rules, 'PT');
      expect(codeOf(result)).toBe('shipping_above_max');
      expect(result.ok ? '' : result.rejection.reason).toBe(
        'cheapest option to PT within 20 days ("DHL Official") costs 9.50 USD; the maximum is 8 USD',
      );
    });

    it('an option exactly at the limits is accepted', () => {
      const result = analyse(detail(), [quote('Edge', '8.00', 10, 20)], rules, 'PT');
      expect(result.ok && result.chosenFreight.logisticName).toBe('Edge');
    });
  });

  describe('status and variants', () => {
    it('rejects a product CJ has taken off sale', () => {
      expect(codeOf(analyse(detail({ onSale: false }), PT_QUOTES, rules, 'PT'))).toBe('not_on_sale');
    });

    it('drops unsellable variants and sums stock over warehouses', () => {
      const result = analyse(
        detail({
          variants: [
            variant({ vid: 'off', onSale: false }),
            variant({ vid: 'low', stock: [{ countryCode: 'CN', quantity: 4 }] }),
            variant({ vid: 'split', stock: [{ countryCode: 'CN', quantity: 6 }, { countryCode: 'US', quantity: 5 }] }),
            variant({ vid: 'dear', priceUsd: '24.00' }),
            variant({ vid: 'cheap', priceUsd: '0.30' }),
          ],
        }),
        PT_QUOTES,
        rules,
        'PT',
      );
      expect(result.ok && result.sellableVariants.map((v) => v.vid)).toEqual(['split']);
    });

    it.each([
      ['no variants at all', [], 'no_variants'],
      ['all off sale', [variant({ onSale: false }), variant({ vid: 'v-2', onSale: false })], 'no_variant_on_sale'],
      ['no usable price', [variant({ priceUsd: '' })], 'invalid_cost'],
      ['all too cheap', [variant({ priceUsd: '0.20' }), variant({ vid: 'v-2', priceUsd: '0.49' })], 'cost_below_min'],
      ['all too dear', [variant({ priceUsd: '20.01' }), variant({ vid: 'v-2', priceUsd: '35' })], 'cost_above_max'],
      ['none in stock', [variant({ stock: [{ countryCode: 'CN', quantity: 9 }] }), variant({ vid: 'v-2', stock: [] })], 'stock_below_min'],
    ])('%s → %s', (_label, variants, expected) => {
      expect(codeOf(analyse(detail({ variants }), PT_QUOTES, rules, 'PT'))).toBe(expected);
    });

    it('says what the best variant had', () => {
      const result = analyse(detail({ variants: [variant({ stock: [{ countryCode: 'CN', quantity: 9 }] })] }), PT_QUOTES, rules, 'PT');
      expect(result.ok ? '' : result.rejection.reason).toBe('no variant in the cost range has 10 units in stock (best 9, across 1 variant(s))');
      const dear = analyse(detail({ variants: [variant({ priceUsd: '35' }), variant({ vid: 'b', priceUsd: '22.50' })] }), PT_QUOTES, rules, 'PT');
      expect(dear.ok ? '' : dear.rejection.reason).toBe('every on-sale variant costs above 20 USD (lowest 22.50 USD)');
    });

    it('the cost limits are inclusive', () => {
      const result = analyse(detail({ variants: [variant({ priceUsd: '0.50' }), variant({ vid: 'b', priceUsd: '20.00' })] }), PT_QUOTES, rules, 'PT');
      expect(result.ok && result.sellableVariants.length).toBe(2);
    });
  });

  describe('text, category and image on the full record', () => {
    it('finds a blocked word in the description', () => {
      const result = analyse(detail({ descriptionHtml: '<p>Comes with a ritual <b>dagger</b> and cloth.</p>' }), PT_QUOTES, rules, 'PT');
      expect(result.ok ? null : result.rejection).toMatchObject({ code: 'blocked_word', reason: expect.stringContaining('description') });
    });

    it('does not block a tarot deck whose description lists the Swords suit', () => {
      const html = '<p>78 cards: 22 Major Arcana and the suits of Wands, Cups, Swords and Pentacles.</p>';
      expect(codeOf(analyse(detail({ nameEn: 'Classic Tarot Deck 78 Cards', descriptionHtml: html }), PT_QUOTES, rules, 'PT'))).toBe('ok');
    });

    it('finds relevance in the description when the full name lacks it', () => {
      const html = '<p>Hand-polished natural amethyst.</p>';
      expect(codeOf(analyse(detail({ nameEn: 'Purple Stone Pendant', descriptionHtml: html, materialEn: 'Stone' }), PT_QUOTES, rules, 'PT'))).toBe('ok');
      expect(codeOf(analyse(detail({ nameEn: 'Purple Stone Pendant', descriptionHtml: '<p>For women.</p>', materialEn: 'Stone' }), PT_QUOTES, rules, 'PT'))).toBe(
        'not_relevant',
      );
    });

    it('rejects an unknown category when the store allows only some', () => {
      const strict = qualityRules({ allowedCategories: ['Jewelry'] });
      expect(codeOf(analyse(detail({ categoryId: undefined, categoryName: undefined }), PT_QUOTES, strict, 'PT'))).toBe('category_not_allowed');
      expect(codeOf(analyse(detail({ categoryName: 'Jewelry' }), PT_QUOTES, strict, 'PT'))).toBe('ok');
    });

    it('needs one usable image among the product images', () => {
      expect(codeOf(analyse(detail({ images: [], image: undefined }), PT_QUOTES, rules, 'PT'))).toBe('no_image');
      expect(codeOf(analyse(detail({ images: ['http://x/a.jpg'], image: 'https://x/default.jpg' }), PT_QUOTES, rules, 'PT'))).toBe('no_image');
      expect(codeOf(analyse(detail({ images: ['https://cf.cjdropshipping.com/b.jpg'], image: undefined }), PT_QUOTES, rules, 'PT'))).toBe('ok');
    });
  });
});
