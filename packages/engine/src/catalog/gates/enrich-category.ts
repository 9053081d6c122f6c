// The store category from a configurable map of ordered rules. A rule names whole-word keywords
// of the English title and/or CJ category names; the first rule whose keyword matches wins, then
// the first rule whose CJ category matches, then the fallback. Title keywords go first because
// CJ's categories are coarse and often wrong for this niche (crystal clusters filed as jewellery).
//
// Matching is on whole words: "ring" matches "Ring" and "Rings" but never "Earring" or "String" —
// the substring matching of the system this replaces let "om" match "women" and "home".
import { z } from 'zod';

export const categoryRuleSchema = z
  .object({
    category: z.string().trim().min(1).max(60),
    /** Whole words or phrases of the English title ("singing bowl"); a trailing plural -s/-es also matches. */
    keywords: z.array(z.string().trim().min(1)).default([]),
    /** Whole words or phrases of CJ's category name ("necklaces", "home decor"). */
    cjCategories: z.array(z.string().trim().min(1)).default([]),
  })
  .strict()
  .refine((r) => r.keywords.length + r.cjCategories.length > 0, { message: 'a rule needs at least one keyword or CJ category' });

export type CategoryRule = z.output<typeof categoryRuleSchema>;

const STONES = [
  'crystal', 'quartz', 'amethyst', 'citrine', 'obsidian', 'tiger eye', 'tigers eye', 'labradorite', 'selenite', 'lapis lazuli',
  'malachite', 'jade', 'moonstone', 'aventurine', 'fluorite', 'tourmaline', 'pyrite', 'carnelian', 'opal', 'agate', 'jasper',
  'hematite', 'onyx', 'howlite', 'sodalite', 'rhodonite', 'amazonite', 'lepidolite', 'garnet', 'shungite', 'calcite', 'orgonite',
  'gemstone', 'geode', 'cluster', 'druzy', 'tumbled', 'obelisk', 'palm stone', 'worry stone', 'raw stone', 'mineral',
];

/** The default map for the esoteric niche. Order matters: specific phrases before general words. */
export const DEFAULT_CATEGORY_RULES: readonly z.input<typeof categoryRuleSchema>[] = [
  { category: 'Decoração', keywords: ['jewelry box', 'jewellery box', 'jewelry holder', 'jewelry stand', 'jewelry organizer', 'trinket box', 'ring dish', 'ring holder', 'jewelry dish'] },
  {
    category: 'Tarot e Adivinhação',
    keywords: ['tarot', 'oracle', 'lenormand', 'pendulum', 'rune', 'ouija', 'spirit board', 'talking board', 'planchette', 'crystal ball', 'scrying', 'divination', 'astrology dice', 'tarot cloth', 'altar cloth', 'book of shadows', 'grimoire'],
    cjCategories: ['tarot', 'divination'],
  },
  {
    category: 'Incenso',
    keywords: ['incense', 'censer', 'thurible', 'smudge', 'smudging', 'white sage', 'sage bundle', 'palo santo', 'frankincense', 'myrrh', 'backflow', 'charcoal', 'agarbatti'],
    cjCategories: ['incense'],
  },
  {
    category: 'Velas e Aromaterapia',
    keywords: ['candle', 'candlestick', 'tealight', 'tea light', 'essential oil', 'diffuser', 'humidifier', 'wax melt', 'wax melts', 'wax warmer', 'oil burner', 'aromatherapy', 'reed diffuser'],
    cjCategories: ['candles', 'aromatherapy', 'home fragrance', 'essential oils', 'candle holders'],
  },
  {
    category: 'Meditação',
    keywords: ['singing bowl', 'sound bowl', 'meditation', 'mala', 'japa', 'prayer beads', 'gong', 'tingsha', 'wind chime', 'chime', 'zafu', 'yoga mat', 'prayer flag', 'prayer wheel', 'tuning fork'],
    cjCategories: ['meditation', 'yoga'],
  },
  {
    category: 'Joias',
    keywords: ['necklace', 'bracelet', 'ring', 'earring', 'earrings', 'pendant', 'anklet', 'choker', 'bangle', 'brooch', 'charm', 'jewelry set', 'jewellery set', 'body chain', 'hoop earrings', 'stud earrings'],
    cjCategories: ['jewelry', 'jewellery', 'necklaces', 'bracelets', 'rings', 'earrings', 'pendants', 'fine jewelry', 'fashion jewelry'],
  },
  { category: 'Cristais', keywords: STONES, cjCategories: ['crystals', 'gemstones', 'minerals', 'stones'] },
  {
    category: 'Decoração',
    keywords: ['statue', 'sculpture', 'figurine', 'buddha', 'ganesha', 'tapestry', 'wall hanging', 'dreamcatcher', 'dream catcher', 'altar', 'bookends', 'box', 'lamp', 'ornament', 'decor', 'decoration', 'mandala', 'mirror', 'vase', 'fountain', 'suncatcher'],
    cjCategories: ['home decor', 'home decoration', 'ornaments', 'figurines', 'statues', 'crafts', 'home garden'],
  },
];

export const categoryMapSchema = z
  .object({
    rules: z.array(categoryRuleSchema).min(1).default(() => DEFAULT_CATEGORY_RULES.map((r) => categoryRuleSchema.parse(r))),
    /** When no rule matches. */
    fallback: z.string().trim().min(1).max(60).default('Artefactos'),
  })
  .strict();

export type CategoryMap = z.output<typeof categoryMapSchema>;

export interface CategoryMatch {
  category: string;
  by: 'keyword' | 'cjCategory' | 'fallback';
  /** The keyword or CJ category that decided, for the audit trail. */
  term?: string;
  rule?: number;
}

function words(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether `phrase` occurs in `tokens` as whole words; the last word may carry a plural -s/-es. */
export function hasPhrase(tokens: readonly string[], phrase: string): boolean {
  const want = words(phrase);
  if (want.length === 0 || want.length > tokens.length) return false;
  for (let i = 0; i + want.length <= tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < want.length && ok; j++) {
      const got = tokens[i + j] ?? '';
      const w = want[j] ?? '';
      ok = got === w || (j === want.length - 1 && (got === `${w}s` || got === `${w}es`));
    }
    if (ok) return true;
  }
  return false;
}

export function mapCategory(input: { titleEn: string; cjCategoryName?: string | undefined }, map: CategoryMap): CategoryMatch {
  const title = words(input.titleEn);
  for (const [i, rule] of map.rules.entries()) {
    const term = rule.keywords.find((k) => hasPhrase(title, k));
    if (term) return { category: rule.category, by: 'keyword', term, rule: i };
  }
  if (input.cjCategoryName) {
    const cj = words(input.cjCategoryName);
    for (const [i, rule] of map.rules.entries()) {
      const term = rule.cjCategories.find((k) => hasPhrase(cj, k));
      if (term) return { category: rule.category, by: 'cjCategory', term, rule: i };
    }
  }
  return { category: map.fallback, by: 'fallback' };
}
