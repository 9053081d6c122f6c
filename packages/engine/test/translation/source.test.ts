// What remote providers are sent: claims and filler cut out, everything else as written.
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/translation/index.js';
import { cleanDescriptionSource, cleanTitleSource } from '../../src/translation/source.js';

describe('cleanTitleSource', () => {
  const clean = (t: string) => cleanTitleSource(t, defaultLexicon());

  it('cuts claims, filler and years but keeps phrases that contain a claim word', () => {
    expect(clean('2024 Hot Sale Evil Eye Protection Bracelet Lucky Charm Wholesale Dropshipping')).toBe('Evil Eye Bracelet Charm');
    expect(clean("Natural Tiger's Eye Reiki Healing Bracelet 8mm For Women")).toBe("Natural Tiger's Eye Bracelet 8mm For Women");
  });

  it('leaves a title with nothing to cut unchanged', () => {
    expect(clean('Rider Waite Tarot Deck 78 Cards')).toBe('Rider Waite Tarot Deck 78 Cards');
  });
});

describe('cleanDescriptionSource', () => {
  it('keeps text lines and drops claim lines', () => {
    expect(cleanDescriptionSource('<p>Material: Quartz<br>Heals anxiety and attracts wealth<br><img src="a.jpg">Size: 5cm</p>')).toEqual(['Material: Quartz', 'Size: 5cm']);
  });
});
