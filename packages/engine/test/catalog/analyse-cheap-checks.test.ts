import { describe, expect, it } from 'vitest';
import { cheapChecks } from '../../src/catalog/gates/analyse.js';
import { NICHE, qualityRules, summary } from './analyse-fixtures.js';

const code = (overrides: Parameters<typeof summary>[0], rules = qualityRules()) => cheapChecks(summary(overrides), rules)?.code ?? null;

describe('cheapChecks', () => {
  it('passes a good listV2 candidate (spend the CJ points)', () => {
    expect(cheapChecks(summary(), qualityRules())).toBeNull();
  });

  describe('relevance by whole words', () => {
    it.each([
      ['Women Fashion Casual Crossbody Handbag', 'not_relevant'], // the old "om" substring let this in
      ['Nordic Home Decor Wall Clock', 'not_relevant'],
      ['925 Silver Hoop Earrings for Women', 'not_relevant'], // "ring" inside "earrings"
      ['Om Mani Padme Hum Brass Pendant', null],
      ['Natural Moonstone Adjustable Ring', null],
      ['7 Chakra Healing Bracelet', null],
      ['Tibetan Singing Bowl Set with Mallet', null],
      ['Tree of Life Copper Wire Pendant', null],
      ['Backflow Incense Burner Waterfall', null],
    ])('%j → %s', (nameEn, expected) => {
      expect(code({ nameEn })).toBe(expected);
    });

    it('explains which keywords were looked for', () => {
      const rejection = cheapChecks(summary({ nameEn: 'Women Handbag' }), qualityRules());
      expect(rejection).toMatchObject({ gate: 'analyse', code: 'not_relevant' });
      expect(rejection?.reason).toContain(`none of the ${NICHE.length} niche keywords`);
      expect(rejection?.reason).toContain('"om"');
    });

    it('an empty keyword list turns the check off', () => {
      expect(code({ nameEn: 'Women Handbag' }, qualityRules({ relevanceKeywords: [] }))).toBeNull();
    });
  });

  describe('blocked words', () => {
    it.each([
      ['Tactical Folding Knife with Amethyst Crystal Handle', 'knife'],
      ['Crystal Brass Knuckles Self Defense Tool', 'brass knuckles'],
      ['Gucci Style Tarot Card Bag', 'gucci'],
      ['Crystal Vibrator Massage Wand', 'vibrator'],
      ['Replica Ancient Egyptian Amethyst Ring', 'replica'],
    ])('%j is blocked by %j', (nameEn, word) => {
      const rejection = cheapChecks(summary({ nameEn }), qualityRules());
      expect(rejection?.code).toBe('blocked_word');
      expect(rejection?.reason).toContain(`"${word}"`);
    });

    it('does not block the niche vocabulary (swords suit, gun-black plating, ivory colour)', () => {
      expect(code({ nameEn: 'Rider Tarot Deck Swords Cups Wands' })).toBeNull();
      expect(code({ nameEn: 'Gun Black Plated Chakra Ring' })).toBeNull();
      expect(code({ nameEn: 'Ivory White Crystal Candle Holder' })).toBeNull();
    });
  });

  describe('image', () => {
    it.each([
      [undefined, 'no_image'],
      ['', 'no_image'],
      ['http://cf.cjdropshipping.com/a.jpg', 'no_image'],
      ['https://cf.cjdropshipping.com/placeholder.png', 'no_image'],
      ['https://cf.cjdropshipping.com/no-image.jpg', 'no_image'],
      ['not a url', 'no_image'],
      ['https://cf.cjdropshipping.com/img/blank.png', 'no_image'],
      ['https://cbu01.alicdn.com/img/ibank/O1CN01.jpg', null],
      ['https://cf.cjdropshipping.com/quick/crystal-blanket.jpg', null],
    ])('%j → %s', (image, expected) => {
      expect(code({ image })).toBe(expected);
    });

    it('can be switched off', () => {
      expect(code({ image: undefined }, qualityRules({ requireImage: false }))).toBeNull();
    });
  });

  describe('cost span from listV2', () => {
    it.each([
      ['25.00', '31.50', 'cost_above_max'],
      ['0.10', '0.45', 'cost_below_min'],
      ['0.10', '0.50', null], // the dearest variant reaches the minimum
      ['12.00', '20.00', null],
      ['5.00', '25.00', null], // some variants may fit; analyse decides per variant
      ['abc', '5', 'invalid_cost'],
      ['-1', '5', 'invalid_cost'],
    ])('%s–%s USD → %s', (priceMinUsd, priceMaxUsd, expected) => {
      expect(code({ priceMinUsd, priceMaxUsd })).toBe(expected);
    });

    it('puts the numbers in the reason', () => {
      expect(cheapChecks(summary({ priceMinUsd: '25.00', priceMaxUsd: '31.50' }), qualityRules())?.reason).toBe(
        'cost 25.00 USD is above the maximum 20 USD',
      );
    });
  });

  describe('category and total stock', () => {
    const onlyJewelry = qualityRules({ allowedCategories: ['Jewelry', 'A1B2-crystals'] });

    it('matches an allowed category by id or name, case-insensitively', () => {
      expect(code({}, onlyJewelry)).toBeNull(); // id A1B2-crystals
      expect(code({ categoryId: 'X', categoryName: 'jewelry' }, onlyJewelry)).toBeNull();
      expect(code({ categoryId: 'X', categoryName: 'Home Office' }, onlyJewelry)).toBe('category_not_allowed');
      expect(code({ categoryId: undefined, categoryName: undefined }, onlyJewelry)).toBeNull(); // details will know
    });

    it('rejects when listV2 already shows too little stock in total', () => {
      expect(code({ warehouseInventory: 9 })).toBe('stock_below_min');
      expect(code({ warehouseInventory: 10 })).toBeNull();
      expect(code({ warehouseInventory: undefined })).toBeNull();
    });
  });
});
