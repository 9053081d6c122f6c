// Tarot and divination tools.
import { adj, adjective, invariable, noun, pluralNoun, product, qualifier } from './build.js';
import type { GlossaryLine } from './types.js';

const cards = noun('Carta', 'f');

export const divination: readonly GlossaryLine[] = [
  product(['tarot deck', 'tarot cards', 'tarot card', 'tarot card deck', 'tarot set', 'tarot cards deck'], 3, 'divination', noun('Baralho de Tarot', 'm'), {
    counted: cards,
    motifConnector: 'de',
  }),
  // "Tarot" alone is a deck, or what a tapestry or a phone case shows ("com Cartas de Tarot").
  product('tarot', 2, 'divination', noun('Baralho de Tarot', 'm'), { counted: cards, motifConnector: 'de', asMotif: 'Cartas de Tarot' }),
  product(['affirmation cards', 'affirmation card', 'affirmation deck'], 3, 'divination', pluralNoun('Cartas de Afirmações', 'f'), { counted: cards }),
  product(['oracle cards', 'oracle card', 'oracle deck', 'oracle'], 3, 'divination', noun('Baralho Oráculo', 'm', 'Baralhos Oráculo'), {
    counted: cards,
    motifConnector: 'de',
  }),
  product(['lenormand', 'lenormand cards', 'lenormand deck'], 3, 'divination', noun('Baralho Lenormand', 'm', 'Baralhos Lenormand'), { counted: cards }),
  product(['card', 'cards', 'deck', 'card deck'], 1, 'divination', noun('Carta', 'f'), { honourPlural: true, counted: cards }),
  product(['tarot cloth', 'tarot tablecloth', 'tarot altar cloth', 'tarot spread mat', 'tarot spread cloth', 'tarot spread', 'tarot mat', 'spread mat'], 3, 'divination', noun('Toalha de Tarot', 'f')),
  product(['altar cloth'], 3, 'divination', noun('Toalha de Altar', 'f')),
  product(['tarot bag', 'tarot pouch', 'tarot card bag', 'tarot deck bag'], 3, 'divination', noun('Bolsa para Tarot', 'f')),
  product(['tarot box', 'tarot card box', 'tarot deck box'], 3, 'divination', noun('Caixa para Tarot', 'f')),
  product(['tarot card holder', 'tarot card stand', 'tarot stand'], 3, 'divination', noun('Suporte para Cartas de Tarot', 'm')),
  product(['pendulum', 'dowsing pendulum'], 3, 'divination', noun('Pêndulo', 'm'), { stoneConnector: 'de' }),
  product(['pendulum board', 'pendulum mat', 'dowsing board'], 3, 'divination', noun('Tabuleiro de Pêndulo', 'm')),
  product(['rune', 'runes', 'rune stones', 'rune stone', 'rune set', 'runes set', 'viking runes'], 3, 'divination', pluralNoun('Runas', 'f'), {
    asMotif: 'Runas',
  }),
  product(['ouija board', 'ouija', 'spirit board', 'talking board', 'witch board'], 3, 'divination', noun('Tabuleiro Ouija', 'm', 'Tabuleiros Ouija')),
  product('planchette', 3, 'divination', noun('Planchette', 'f')),
  product(['crystal ball', 'glass ball', 'divination ball', 'scrying ball'], 3, 'divination', noun('Bola de Cristal', 'f'), {
    asMotif: 'Bola de Cristal',
    absorbs: ['sphere'],
    withStone: 'sphere',
  }),
  product(['crystal ball stand', 'sphere stand', 'ball stand', 'sphere holder'], 3, 'divination', noun('Suporte para Esfera', 'm')),
  product(['stand', 'holder', 'base', 'display stand'], 1, 'divination', noun('Suporte', 'm'), { accessory: true }),
  product(['guidebook', 'guide book', 'guide', 'booklet', 'instruction book'], 1, 'divination', noun('Livro-Guia', 'm', 'Livros-Guia'), {
    accessory: true,
  }),
  product(['scrying mirror', 'black mirror'], 3, 'divination', noun('Espelho Negro', 'm', 'Espelhos Negros')),
  product(['dice', 'die', 'dice set'], 3, 'divination', pluralNoun('Dados', 'm'), { units: ['dice'] }),
  product(['astrology dice', 'astrological dice', 'divination dice', 'astro dice', 'divination dice set', 'astrology dice set'], 3, 'divination', pluralNoun('Dados de Astrologia', 'm'), { units: ['dice'] }),
  product('book of shadows', 3, 'divination', noun('Livro das Sombras', 'm', 'Livros das Sombras')),
  product(['grimoire', 'spell book'], 3, 'divination', noun('Grimório', 'm')),
  product(['tea leaf reading cup', 'tasseography cup'], 3, 'divination', noun('Chávena de Leitura de Folhas de Chá', 'f')),
  // Card finishes and themes.
  qualifier(['gilded edge', 'gilded edges', 'gilt edge', 'gilt edges', 'gold edges', 'gold gilded edge', 'gold gilded edges'], 'feature', 'com Bordas Douradas'),
  qualifier(['gold foil', 'gold foiled', 'gold foil stamping', 'gold stamping'], 'feature', 'com Acabamento Dourado'),
  adjective(['holographic', 'holo', 'iridescent'], 'finish', 'Holográfico'),
  adjective('celestial', 'style', adj('Celestial')),
  adjective(['pastel', 'pastel color', 'pastel colour'], 'style', invariable('Pastel')),
  adjective(['botanical', 'botanic'], 'style', 'Botânico'),
  adjective(['12 sided', 'twelve sided', '12 side'], 'feature', invariable('de 12 Faces')),
  [['rider waite', 'rider waite smith', 'rws'], { kind: 'name', pt: 'Rider Waite' }],
  [['elder futhark', 'futhark'], { kind: 'name', pt: 'Elder Futhark' }],
  qualifier(['drawstring', 'draw string', 'drawstring closure'], 'feature', 'com Cordão'),
];
