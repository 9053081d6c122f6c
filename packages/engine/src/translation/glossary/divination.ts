// Tarot and divination tools.
import { noun, pluralNoun, product } from './build.js';
import type { GlossaryLine } from './types.js';

const cards = noun('Carta', 'f');

export const divination: readonly GlossaryLine[] = [
  product(['tarot deck', 'tarot cards', 'tarot card', 'tarot card deck', 'tarot', 'tarot set'], 3, 'divination', noun('Baralho de Tarot', 'm'), {
    counted: cards,
    motifConnector: 'de',
  }),
  product(['oracle cards', 'oracle card', 'oracle deck', 'oracle'], 3, 'divination', noun('Baralho Oráculo', 'm', 'Baralhos Oráculo'), {
    counted: cards,
    motifConnector: 'de',
  }),
  product(['lenormand', 'lenormand cards', 'lenormand deck'], 3, 'divination', noun('Baralho Lenormand', 'm', 'Baralhos Lenormand'), { counted: cards }),
  product(['card', 'cards', 'deck', 'card deck'], 1, 'divination', noun('Carta', 'f'), { honourPlural: true, counted: cards }),
  product(['tarot cloth', 'tarot tablecloth', 'tarot altar cloth'], 3, 'divination', noun('Toalha de Tarot', 'f')),
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
  product(['astrology dice', 'astrological dice', 'divination dice'], 3, 'divination', pluralNoun('Dados de Astrologia', 'm'), { units: ['dice'] }),
  product('book of shadows', 3, 'divination', noun('Livro das Sombras', 'm', 'Livros das Sombras')),
  product(['grimoire', 'spell book'], 3, 'divination', noun('Grimório', 'm')),
  product(['tea leaf reading cup', 'tasseography cup'], 3, 'divination', noun('Chávena de Leitura de Folhas de Chá', 'f')),
];
