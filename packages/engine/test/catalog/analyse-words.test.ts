import { describe, expect, it } from 'vitest';
import { containsPhrase, findPhrase, htmlToText, sameWord, words } from '../../src/catalog/gates/analyse-words.js';

describe('words', () => {
  it('folds case and accents and splits on anything not a letter or digit', () => {
    expect(words('Élégant TREE-of-Life 7pcs/Set (Rose Quartz)')).toEqual(['elegant', 'tree', 'of', 'life', '7pcs', 'set', 'rose', 'quartz']);
  });
});

describe('whole-word matching', () => {
  it.each([
    ['Women Fashion Casual Handbag', 'om', false],
    ['Smart Home Room Custom Decor', 'om', false],
    ['Om Symbol Brass Pendant', 'om', true],
    ['Gold Plated Hoop Earrings', 'ring', false],
    ['Moonstone Ring Adjustable', 'ring', true],
    ['Silver Rings for Women', 'ring', true],
    ['Tree-of-Life Wire Wrapped Pendant', 'tree of life', true],
    ['Life Tree Wall Art', 'tree of life', false],
    ['Tarot Cards Deck', 'tarot card', true],
    ['Fairies Garden Statue', 'fairy', true],
    ['Ringing Bell', 'ring', false],
  ])('%j contains %j: %s', (text, keyword, expected) => {
    expect(findPhrase(text, [keyword]) !== null).toBe(expected);
  });

  it('never matches a prefix or suffix', () => {
    expect(sameWord('earring', 'ring')).toBe(false);
    expect(sameWord('rings', 'ring')).toBe(true);
    expect(sameWord('ring', 'rings')).toBe(true);
    expect(sameWord('boxes', 'box')).toBe(true);
    expect(containsPhrase(['a', 'b'], [])).toBe(false);
  });
});

describe('htmlToText', () => {
  it('drops tags, scripts and styles and decodes entities', () => {
    expect(htmlToText('<style>p{}</style><p>Rock&nbsp;&amp;&#32;Roll&#x21;</p><script>alert(1)</script><br/>Caf&eacute;')).toBe(
      'Rock & Roll! Caf&eacute;',
    );
  });
});
