import { describe, expect, it } from 'vitest';
import {
  attributeConflict,
  fingerprint,
  isNearDuplicate,
  parseFingerprint,
  serializeFingerprint,
  similarity,
} from '../../src/catalog/fingerprint.js';
import { priceBand, pricesCompatible } from '../../src/catalog/fingerprint-price.js';
import { fingerprintTokens, singular } from '../../src/catalog/fingerprint-tokens.js';

describe('fingerprintTokens', () => {
  it('drops fillers only as whole tokens: lotus, sunset and hotel keep their letters', () => {
    // The old key removed "lot", "set" and "hot" anywhere: "lotus" → "us", "sunset" → "sun", "hotel" → "el".
    expect(fingerprintTokens('Lotus Candle')).toEqual(['candle', 'lotus']);
    expect(fingerprintTokens('Sunset Lamp Projector')).toEqual(['lamp', 'projector', 'sunset']);
    expect(fingerprintTokens('Hotel Lobby Incense Set')).toEqual(['hotel', 'incense', 'lobby']);
    expect(fingerprintTokens('Newton Cradle Piecework')).toEqual(['cradle', 'newton', 'piecework']);
  });

  it('normalises counts, units, numbers, plurals, accents and marketing noise', () => {
    expect(fingerprintTokens('2024 New 7PCS Chakra Healing Crystals Set, 8 mm Beads — Free Shipping')).toEqual([
      '7',
      '8mm',
      'bead',
      'chakra',
      'crystal',
      'healing',
    ]);
    expect(fingerprintTokens('Candle 2,5cm')).toEqual(fingerprintTokens('candle 2.50 CM'));
    expect(fingerprintTokens('Bead 08mm')).toEqual(['8mm', 'bead']);
    expect(fingerprintTokens('1pc Amethyst Tower')).toEqual(fingerprintTokens('Amethyst Tower'));
    expect(fingerprintTokens('Set of 3 Amethyst Towers')).toEqual(fingerprintTokens('3pcs Amethyst Tower'));
    expect(fingerprintTokens('Café Élégant Incense Holder')).toEqual(['cafe', 'elegant', 'holder', 'incense']);
    expect(fingerprintTokens('Grey Golden Wooden Box')).toEqual(['box', 'gold', 'gray', 'wood']);
    expect(fingerprintTokens('Hot Sale Best Seller Cross-Border High Quality')).toEqual([]);
    expect(fingerprintTokens('Best Friend Bracelet')).toEqual(['best', 'bracelet', 'friend']);
  });

  it('singularises regular plurals but keeps vocabulary words', () => {
    expect(['crystals', 'boxes', 'fairies', 'candles', 'glasses', 'lotus', 'aries', 'pisces', 'lapis'].map(singular)).toEqual([
      'crystal',
      'box',
      'fairy',
      'candle',
      'glass',
      'lotus',
      'aries',
      'pisces',
      'lapis',
    ]);
  });
});

describe('fingerprint key', () => {
  it('reordered and filler-laden variants of one listing collide', () => {
    const listings = [
      ['Rose Quartz Heart Pendant Necklace', '4.20'],
      ['Wholesale Hot Sale Rose Quartz Heart Pendant Necklace 1pc', '4.35'],
      ['Necklace Pendant Heart ROSE QUARTZ (Free Shipping)', '4.10'],
      ['New Arrival Rose-Quartz Heart Pendants Necklaces Dropshipping', '4.49'],
    ] as const;
    const keys = new Set(listings.map(([name, price]) => fingerprint(name, price).key));
    expect([...keys]).toEqual(['heart necklace pendant quartz rose#7']);
  });

  it('a different product at the same price keeps its own key', () => {
    expect(fingerprint('Lotus Candle', '3.00').key).not.toBe(fingerprint('Candle', '3.00').key);
    expect(fingerprint('Sunset Lamp', '9.00').key).not.toBe(fingerprint('Lamp', '9.00').key);
  });

  it('the same words at a clearly different price do not share a key', () => {
    expect(fingerprint('Tibetan Singing Bowl', '6.00').key).not.toBe(fingerprint('Tibetan Singing Bowl', '18.00').key);
  });
});

describe('similarity', () => {
  it('is Jaccard on the token sets', () => {
    expect(similarity(['a', 'b', 'c'], ['b', 'c', 'd', 'e'])).toBeCloseTo(2 / 5, 10);
    expect(similarity(['a'], ['a'])).toBe(1);
    expect(similarity(['a'], ['b'])).toBe(0);
    expect(similarity([], [])).toBe(0);
    expect(similarity(fingerprint('Lotus Candle', '3'), fingerprint('Candle', '3'))).toBe(0.5);
  });
});

describe('isNearDuplicate', () => {
  const fp = fingerprint;

  it('catches the same product from two listings', () => {
    expect(isNearDuplicate(fp('7 Chakra Tree of Life Wire Wrapped Pendant Necklace', '3.80'), fp('Tree Of Life 7 Chakra Pendant Necklace Wire Wrapped Gift', '4.10'))).toBe(true);
    expect(isNearDuplicate(fp('Tarot Cards Deck 78 Cards English Version', '2.90'), fp('Dropshipping Tarot Deck 78 Card English Version New Arrival', '3.05'))).toBe(true);
  });

  it('does not lose words: "Lotus Candle" is not "Candle", "Sunset Lamp" is not "Lamp"', () => {
    expect(isNearDuplicate(fp('Lotus Candle', '3.00'), fp('Candle', '3.00'))).toBe(false);
    expect(isNearDuplicate(fp('Sunset Lamp', '9.00'), fp('Lamp', '9.00'))).toBe(false);
    expect(isNearDuplicate(fp('Lotus Candle', '3.00'), fp('Candle US', '3.00'))).toBe(false); // the old key made both "candleus"
  });

  it.each([
    ['stone', 'Natural Amethyst Tumbled Stones Bulk Healing Crystals Reiki Meditation Decor', 'Natural Citrine Tumbled Stones Bulk Healing Crystals Reiki Meditation Decor'],
    ['colour', 'Rose Quartz Raw Rough Stone Specimen Healing Crystal Collection', 'Clear Quartz Raw Rough Stone Specimen Healing Crystal Collection'],
    ['colour', 'Purple Crystal Ball Sphere with Wooden Stand Meditation Divination Decor', 'Blue Crystal Ball Sphere with Wooden Stand Meditation Divination Decor'],
    ['size', 'Natural Stone Bead Bracelet 8mm Elastic Yoga Meditation Mala Jewelry', 'Natural Stone Bead Bracelet 10mm Elastic Yoga Meditation Mala Jewelry'],
    ['count', 'Set of 3 Natural Palo Santo Holy Wood Incense Sticks Smudging Cleansing', 'Set of 7 Natural Palo Santo Holy Wood Incense Sticks Smudging Cleansing'],
    ['zodiac', 'Aries Zodiac Constellation Pendant Necklace Gold Plated Birthday Gift Jewelry', 'Pisces Zodiac Constellation Pendant Necklace Gold Plated Birthday Gift Jewelry'],
    ['scent', 'Lavender Scented Soy Candle Jar Aromatherapy Relaxing Home Decor Gift', 'Sandalwood Scented Soy Candle Jar Aromatherapy Relaxing Home Decor Gift'],
  ])('a different %s does not collide, however long the shared rest', (cls, a, b) => {
    const left = fp(a, '3.50');
    const right = fp(b, '3.50');
    expect(similarity(left, right)).toBeGreaterThanOrEqual(0.8); // words alone would call them duplicates
    expect(attributeConflict(left, right)).toBe(cls);
    expect(isNearDuplicate(left, right)).toBe(false);
  });

  it('a colour stated on one side only is not a conflict', () => {
    const a = fp('Purple Amethyst Crystal Cluster Geode Healing Stone Home Decor Specimen', '5.00');
    const b = fp('Amethyst Crystal Cluster Geode Healing Stone Home Decor Specimen', '5.00');
    expect(attributeConflict(a, b)).toBeNull();
    expect(isNearDuplicate(a, b)).toBe(true);
  });

  it('a price more than 30% apart is another product', () => {
    const name = 'Tibetan Singing Bowl Handmade Meditation Sound Healing Set with Mallet Cushion';
    expect(isNearDuplicate(fp(name, '10.00'), fp(name, '13.00'))).toBe(true);
    expect(isNearDuplicate(fp(name, '10.00'), fp(name, '13.01'))).toBe(false);
    expect(isNearDuplicate(fp(name, '10.00'), fp(name, '13.01'), 0.8, { maxPriceRatioPct: 40 })).toBe(true);
  });

  it('respects the threshold', () => {
    const a = fp('Amethyst Tower Point', '4');
    const b = fp('Amethyst Tower Point Obelisk', '4');
    expect(similarity(a, b)).toBe(0.75);
    expect(isNearDuplicate(a, b)).toBe(false);
    expect(isNearDuplicate(a, b, 0.75)).toBe(true);
  });

  it('names that reduce to nothing are never duplicates of each other', () => {
    expect(isNearDuplicate(fp('Hot Sale New', '4'), fp('Wholesale Free Shipping', '4'))).toBe(false);
  });
});

describe('price band', () => {
  it('is geometric in integer cents', () => {
    expect([0, 99, 100, 124, 125, 156, 157, 196, 197].map(priceBand)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4]);
    expect(priceBand(2000)).toBeGreaterThan(priceBand(1000));
    expect(() => priceBand(1.5)).toThrow(RangeError);
  });

  it('compares prices by ratio without floats', () => {
    expect(pricesCompatible(1000, 1300, 30)).toBe(true);
    expect(pricesCompatible(1301, 1000, 30)).toBe(false);
    expect(pricesCompatible(0, 0, 30)).toBe(true);
    expect(pricesCompatible(0, 1, 30)).toBe(false);
  });

  it('refuses a bad price', () => {
    expect(() => fingerprint('Amethyst', '1,50')).toThrow(RangeError);
  });
});

describe('serialised fingerprint', () => {
  it('round-trips through the one text column', () => {
    const fp = fingerprint('Rose Quartz Heart Pendant Necklace', '4.20');
    const text = serializeFingerprint(fp);
    expect(text).toBe('heart necklace pendant quartz rose#7|420');
    expect(parseFingerprint(text)).toEqual(fp);
    expect(parseFingerprint(serializeFingerprint(fingerprint('Hot Sale', '0.5')))).toEqual(fingerprint('Hot Sale', '0.5'));
  });

  it('refuses text it did not produce', () => {
    for (const bad of ['', 'amethyst', 'amethyst#x|1', 'amethyst#1|', 'a|b#1|2']) {
      expect(() => parseFingerprint(bad)).toThrow(RangeError);
    }
  });
});
