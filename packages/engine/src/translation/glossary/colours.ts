// Colours, as adjectives agreeing with what they describe: "Pulseira Preta", "Colar Dourado".
// pt-PT: "Castanho" (pt-BR marrom), "Cinzento" (cinza). Invariable ones (Rosa, Laranja, Violeta)
// come from nouns and never inflect. "Dark/light X" phrases are generated from the base colours.
import { adj, colour, invariable } from './build.js';
import { shade, type Adjective } from './inflect.js';
import type { GlossaryLine } from './types.js';

const base: ReadonlyArray<readonly [readonly string[], Adjective, boolean]> = [
  // [English names, Portuguese adjective, can be shaded dark/light]
  [['black'], adj('Preto'), false],
  [['white', 'milky white', 'pure white'], adj('Branco'), false],
  [['red'], adj('Vermelho'), true],
  [['blue'], adj('Azul'), true],
  [['navy', 'navy blue'], invariable('Azul-Marinho'), false],
  [['sky blue'], invariable('Azul-Céu'), false],
  [['royal blue'], invariable('Azul-Real'), false],
  [['green'], adj('Verde'), true],
  [['mint green', 'mint color'], invariable('Verde-Menta'), false],
  [['olive green', 'olive'], invariable('Verde-Azeitona'), false],
  [['yellow'], adj('Amarelo'), true],
  [['purple'], adj('Roxo'), true],
  [['violet'], invariable('Violeta'), false],
  [['lilac', 'lavender color', 'lavender purple'], invariable('Lilás'), false],
  [['pink'], invariable('Rosa'), true],
  [['hot pink', 'rose red', 'fuchsia', 'magenta'], invariable('Fúcsia'), false],
  [['orange'], invariable('Laranja'), false],
  [['brown', 'coffee', 'coffee color', 'chocolate'], adj('Castanho'), true],
  [['grey', 'gray'], adj('Cinzento'), true],
  [['gold', 'golden', 'gold color', 'gold colour', 'gold tone', 'gold colored', 'yellow gold'], adj('Dourado'), false],
  [['silver', 'silver color', 'silver colour', 'silver tone', 'silvery', 'silver colored', 'white gold'], adj('Prateado'), false],
  [['rose gold', 'rose gold color', 'rose gold colour'], invariable('Ouro Rosa'), false],
  [['bronze', 'bronze color', 'antique bronze'], invariable('Bronze'), false],
  [['copper color', 'copper colour', 'copper tone'], adj('Acobreado'), false],
  [['beige', 'nude'], invariable('Bege'), false],
  [['cream', 'ivory', 'off white'], invariable('Cru'), false],
  [['khaki'], invariable('Caqui'), false],
  [['burgundy', 'wine red', 'wine', 'claret', 'maroon'], invariable('Bordeaux'), false],
  [['champagne'], invariable('Champanhe'), false],
  [['teal', 'turquoise blue', 'turquoise color'], invariable('Azul-Petróleo'), false],
  [['transparent', 'clear', 'translucent'], adj('Transparente'), false],
  [['multicolor', 'multicolour', 'multi color', 'multi colour', 'multicolored', 'multicoloured', 'colorful', 'colourful'], invariable('Multicolor'), false],
  [['rainbow'], invariable('Arco-Íris'), false],
];

function lines(): GlossaryLine[] {
  const out: GlossaryLine[] = [];
  for (const [names, form, shadable] of base) {
    out.push(colour(names, form));
    if (!shadable) continue;
    const first = names[0] ?? '';
    out.push(colour([`dark ${first}`, `deep ${first}`], shade(form, 'dark')));
    out.push(colour([`light ${first}`, `pale ${first}`], shade(form, 'light')));
  }
  return out;
}

export const colours: readonly GlossaryLine[] = lines();
