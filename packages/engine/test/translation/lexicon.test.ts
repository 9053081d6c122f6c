// The glossary's own integrity: one meaning per phrase, and no product or stone without its forms.
import { describe, expect, it } from 'vitest';
import { builtInGlossary, defaultLexicon, normalisePhrase } from '../../src/translation/glossary/lexicon.js';

describe('built-in glossary', () => {
  it('defines every phrase once', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [phrases] of builtInGlossary) {
      const list = typeof phrases === 'string' ? [phrases] : phrases;
      for (const p of list) {
        const n = normalisePhrase(p);
        if (seen.has(n)) twice.push(n);
        seen.set(n, String(list[0]));
      }
    }
    expect(twice).toEqual([]);
  });

  it('covers the store niches with a substantial vocabulary', () => {
    const lex = defaultLexicon();
    const kinds = new Map<string, number>();
    for (const e of lex.entries.values()) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    expect(lex.entries.size).toBeGreaterThan(1500);
    expect(kinds.get('product')).toBeGreaterThan(300);
    expect(kinds.get('stone')).toBeGreaterThan(80);
    for (const en of ['amethyst', 'rose quartz', 'tiger eye', 'lapis lazuli', 'tarot deck', 'oracle cards', 'ouija board', 'backflow burner', 'palo santo',
      'tibetan singing bowl', 'mala', 'wind chime', 'evil eye', 'hamsa', 'tree of life', 'pentagram', 'ankh', 'soy wax', 'taper candle', 'essential oil',
      'wax melts', 'dreamcatcher', 'tapestry', 'bookends', 'stainless steel', 'sterling silver', 'brass', 'phone case', 'screen protector']) {
      expect(lex.entries.has(en), en).toBe(true);
    }
  });

  it('gives every noun a non-empty singular and plural and every adjective four forms', () => {
    for (const [phrase, e] of defaultLexicon().entries) {
      if ('noun' in e) expect(e.noun.sg && e.noun.pl, phrase).toBeTruthy();
      if ('adj' in e) expect([e.adj.ms, e.adj.fs, e.adj.mp, e.adj.fp].every(Boolean), phrase).toBe(true);
    }
  });
});
