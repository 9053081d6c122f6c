// Meditation: singing bowls and their accessories, malas, chimes, gongs.
// "Mala" is a suitcase in Portuguese, so mala beads are "Japamala".
import { noun, pluralNoun, product } from './build.js';
import type { GlossaryLine } from './types.js';

export const meditation: readonly GlossaryLine[] = [
  product(['singing bowl', 'sound bowl', 'meditation bowl', 'healing bowl'], 3, 'meditation', noun('Taça Sonora', 'f', 'Taças Sonoras')),
  product(['tibetan singing bowl', 'tibetan bowl', 'nepal singing bowl', 'himalayan singing bowl', 'tibetan sound bowl'], 3, 'meditation',
    noun('Taça Tibetana', 'f', 'Taças Tibetanas')),
  product(['crystal singing bowl', 'quartz singing bowl', 'frosted quartz crystal singing bowl', 'quartz crystal singing bowl'], 3,
    'meditation', noun('Taça Sonora de Cristal', 'f', 'Taças Sonoras de Cristal')),
  product(['mallet', 'striker', 'singing bowl mallet', 'singing bowl stick', 'wooden mallet', 'leather mallet', 'beater'], 3,
    'meditation', noun('Baqueta', 'f')),
  product(['cushion', 'pillow', 'singing bowl cushion', 'bowl cushion', 'ring cushion'], 3, 'meditation', noun('Almofada', 'f')),
  product(['meditation cushion', 'zafu', 'zafu cushion', 'meditation pillow', 'yoga cushion'], 3, 'meditation',
    noun('Almofada de Meditação', 'f')),
  product(['meditation bench', 'meditation stool'], 3, 'meditation', noun('Banco de Meditação', 'm')),
  product(['mala', 'mala beads', 'japa mala', 'japamala', 'mala bead', '108 mala beads'], 3, 'meditation', noun('Japamala', 'm')),
  product(['mala necklace', 'mala beads necklace', 'mala bead necklace', 'japa mala necklace'], 3, 'meditation',
    noun('Colar Japamala', 'm', 'Colares Japamala')),
  product(['mala bracelet', 'mala beads bracelet', 'wrist mala'], 3, 'meditation', noun('Pulseira Japamala', 'f', 'Pulseiras Japamala')),
  product(['prayer beads', 'prayer bead', 'buddhist prayer beads'], 3, 'meditation', pluralNoun('Contas de Oração', 'f')),
  product(['rosary', 'rosary beads'], 3, 'meditation', noun('Terço', 'm')),
  product(['wind chime', 'wind chimes', 'windchime', 'windchimes', 'wind bell'], 3, 'meditation', noun('Espanta-Espíritos', 'm', 'Espanta-Espíritos')),
  product(['meditation chime', 'energy chime', 'chime', 'chimes'], 3, 'meditation', noun('Sino de Meditação', 'm')),
  product(['tingsha', 'tingsha bells', 'tingsha cymbals', 'tibetan cymbals', 'cymbals', 'cymbal'], 3, 'meditation', pluralNoun('Címbalos Tingsha', 'm')),
  product(['gong', 'chau gong', 'wind gong'], 3, 'meditation', noun('Gongo', 'm')),
  product(['bell', 'tibetan bell', 'meditation bell', 'altar bell', 'hand bell'], 3, 'meditation', noun('Sino', 'm')),
  product(['vajra', 'dorje'], 3, 'meditation', noun('Vajra', 'm')),
  product(['tuning fork', 'tuning forks'], 3, 'meditation', noun('Diapasão', 'm')),
  product(['yoga mat'], 3, 'meditation', noun('Tapete de Ioga', 'm')),
  product(['yoga block', 'yoga brick'], 3, 'meditation', noun('Bloco de Ioga', 'm')),
  product(['prayer flag', 'prayer flags', 'tibetan prayer flags'], 3, 'meditation', pluralNoun('Bandeiras de Oração', 'f')),
  product(['prayer wheel'], 3, 'meditation', noun('Roda de Oração', 'f')),
  product(['eye mask', 'sleep mask', 'eye pillow'], 3, 'meditation', noun('Máscara de Olhos', 'f', 'Máscaras de Olhos')),
];
