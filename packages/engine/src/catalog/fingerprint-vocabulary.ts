// Word lists for the fingerprint. All entries are whole, folded, singular tokens (after
// fingerprint-tokens.ts has normalised the name), so "lotus", "sunset" and "hotel" are never touched
// by the fillers "lot", "set" and "hot".

/** Marketing and listing noise that says nothing about the product. */
export const FILLER_TOKENS: ReadonlySet<string> = new Set([
  'pcs', 'pc', 'piece', 'set', 'pack', 'lot', 'new', 'hot', 'sale', 'wholesale', 'dropshipping',
  'dropship', 'shipping', 'arrival', 'selling', 'bestseller', 'hotsale', 'amazon', 'ebay', 'aliexpress',
  'temu', 'ins', 'trendy', 'fashion', 'fashionable', 'style', 'popular', 'product',
]);

/** Noise that only counts as a phrase ("free" and "best" alone can be part of a name). */
export const FILLER_PHRASES: readonly (readonly string[])[] = [
  ['free', 'shipping'],
  ['cross', 'border'],
  ['best', 'seller'],
  ['best', 'selling'],
  ['high', 'quality'],
  ['top', 'quality'],
];

/** Count words: a number before one is a count ("7pcs" → "7"); "1pc" means nothing and is dropped. */
export const COUNT_TOKENS: ReadonlySet<string> = new Set(['pcs', 'pc', 'piece', 'set', 'pack', 'lot']);

export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'for', 'with', 'of', 'in', 'on', 'to', 'by', 'from', 'at', 'as', 'is',
  'your', 'you', 'my', 'our',
]);

/** Spelling variants folded to one token. */
export const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['grey', 'gray'],
  ['golden', 'gold'],
  ['colour', 'color'],
  ['multicolour', 'multicolor'],
  ['multicolored', 'multicolor'],
  ['multicoloured', 'multicolor'],
  ['wooden', 'wood'],
  ['millimeter', 'mm'],
  ['millimetre', 'mm'],
  ['centimeter', 'cm'],
  ['centimetre', 'cm'],
  ['inches', 'inch'],
  ['gram', 'g'],
  ['milliliter', 'ml'],
  ['millilitre', 'ml'],
]);

/** Units glued to the number before them: "8 mm" and "8mm" both become "8mm". */
export const UNIT_TOKENS: ReadonlySet<string> = new Set(['mm', 'cm', 'm', 'inch', 'ft', 'g', 'kg', 'mg', 'ml', 'l', 'oz']);

/**
 * Attribute classes: two listings that both name a colour (or a stone, a scent…) but not the same
 * ones are different products, however similar the rest of their names.
 */
export const ATTRIBUTE_CLASSES: Readonly<Record<string, ReadonlySet<string>>> = {
  colour: new Set([
    'red', 'blue', 'green', 'yellow', 'purple', 'violet', 'pink', 'black', 'white', 'gold', 'silver',
    'gray', 'brown', 'orange', 'beige', 'clear', 'transparent', 'rainbow', 'multicolor', 'navy', 'teal',
    'ivory', 'cream', 'bronze', 'rose', 'champagne', 'khaki', 'burgundy', 'lilac', 'lavender', 'turquoise',
  ]),
  stone: new Set([
    'amethyst', 'quartz', 'citrine', 'obsidian', 'jade', 'lapis', 'lazuli', 'tourmaline', 'labradorite',
    'moonstone', 'selenite', 'fluorite', 'agate', 'jasper', 'onyx', 'malachite', 'aventurine', 'carnelian',
    'hematite', 'pyrite', 'rhodonite', 'sodalite', 'tiger', 'turquoise', 'opal', 'garnet', 'peridot',
    'topaz', 'calcite', 'howlite', 'unakite', 'amazonite', 'larimar', 'kyanite', 'lepidolite',
    'chrysocolla', 'prehnite', 'rhodochrosite', 'sunstone', 'bloodstone', 'shungite', 'jet', 'amber',
    'pearl', 'coral', 'ruby', 'sapphire', 'emerald',
  ]),
  material: new Set([
    'wood', 'bamboo', 'brass', 'copper', 'bronze', 'steel', 'stainless', 'titanium', 'silver', 'gold',
    'ceramic', 'porcelain', 'glass', 'resin', 'soy', 'beeswax', 'paraffin', 'cotton', 'linen', 'leather',
    'marble', 'clay', 'sandstone', 'alloy', 'pewter', 'tin', 'iron',
  ]),
  scent: new Set([
    'lavender', 'rose', 'sandalwood', 'jasmine', 'vanilla', 'sage', 'palo', 'patchouli', 'frankincense',
    'myrrh', 'cinnamon', 'lemon', 'eucalyptus', 'mint', 'peppermint', 'citrus', 'musk', 'oud', 'amber',
    'lemongrass', 'rosemary', 'cedar', 'cedarwood', 'bergamot', 'ylang',
  ]),
  zodiac: new Set([
    'aries', 'taurus', 'gemini', 'cancer', 'leo', 'virgo', 'libra', 'scorpio', 'sagittarius', 'capricorn',
    'aquarius', 'pisces',
  ]),
};
