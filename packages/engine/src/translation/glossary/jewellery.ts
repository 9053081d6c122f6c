// Spiritual jewellery. pt-PT vocabulary: "Pendente" (pt-BR pingente), "Porta-Chaves" (chaveiro),
// "Pregadeira" (broche), "Argolas" for hoop earrings.
import { noun, pluralNoun, product } from './build.js';
import type { GlossaryLine } from './types.js';

export const jewellery: readonly GlossaryLine[] = [
  product(['necklace', 'necklaces', 'collar necklace', 'statement necklace', 'long necklace'], 3, 'jewellery', noun('Colar', 'm', 'Colares'), {
    absorbs: ['chain'],
  }),
  product(['pendant necklace', 'necklace pendant', 'pendant necklaces', 'necklace with pendant', 'charm necklace'], 3, 'jewellery',
    noun('Colar', 'm', 'Colares', { tail: 'com Pendente' }), { motifConnector: 'de', absorbs: ['chain', 'cord'] }),
  product(['pendant', 'pendants', 'charm pendant'], 3, 'jewellery', noun('Pendente', 'm'), { motifConnector: 'de' }),
  product(['choker', 'choker necklace'], 3, 'jewellery', noun('Gargantilha', 'f'), { absorbs: ['chain'] }),
  product(['chain', 'necklace chain', 'chain necklace'], 2, 'jewellery', noun('Corrente', 'f'), { asModifier: 'com Corrente' }),
  product(['cord', 'rope', 'leather cord', 'wax rope', 'string'], 1, 'jewellery', noun('Cordão', 'm', 'Cordões')),
  product(['bracelet', 'bracelets', 'beaded bracelet', 'bead bracelet', 'stretch bracelet', 'wristband', 'wrist band'], 3, 'jewellery',
    noun('Pulseira', 'f')),
  product(['bangle', 'cuff', 'cuff bracelet', 'bangle bracelet'], 3, 'jewellery', noun('Bracelete', 'm')),
  product(['anklet', 'ankle bracelet', 'ankle chain'], 3, 'jewellery', noun('Pulseira de Tornozelo', 'f')),
  product(['ring', 'rings', 'finger ring', 'band ring'], 3, 'jewellery', noun('Anel', 'm', 'Anéis')),
  product(['open ring', 'adjustable ring', 'opening ring'], 3, 'jewellery', noun('Anel Ajustável', 'm', 'Anéis Ajustáveis')),
  product(['earring', 'earrings', 'ear ring', 'ear rings'], 3, 'jewellery', pluralNoun('Brincos', 'm')),
  product(['stud earrings', 'stud earring', 'ear studs', 'studs'], 3, 'jewellery', pluralNoun('Brincos de Pressão', 'm')),
  product(['hoop earrings', 'hoop earring', 'hoops'], 3, 'jewellery', pluralNoun('Argolas', 'f')),
  product(['drop earrings', 'dangle earrings', 'drop earring', 'dangle earring'], 3, 'jewellery', pluralNoun('Brincos Pendentes', 'm')),
  product(['clip earrings', 'ear clip', 'ear cuff'], 3, 'jewellery', pluralNoun('Brincos de Mola', 'm')),
  product(['keychain', 'key chain', 'keyring', 'key ring', 'key holder', 'bag charm'], 3, 'jewellery', noun('Porta-Chaves', 'm', 'Porta-Chaves')),
  product(['brooch', 'lapel pin', 'brooch pin'], 3, 'jewellery', noun('Pregadeira', 'f')),
  product(['charm', 'charms'], 2, 'jewellery', noun('Berloque', 'm'), { honourPlural: true }),
  product('amulet', 2, 'jewellery', noun('Amuleto', 'm')),
  product('talisman', 2, 'jewellery', noun('Talismã', 'm')),
  product(['hair clip', 'hair pin', 'hairpin', 'hair claw'], 3, 'jewellery', noun('Gancho de Cabelo', 'm')),
  product(['body chain', 'waist chain', 'belly chain'], 3, 'jewellery', noun('Corrente de Corpo', 'f')),
  product(['nose ring', 'nose stud'], 3, 'jewellery', noun('Piercing de Nariz', 'm')),
  product(['jewelry set', 'jewellery set'], 3, 'jewellery', noun('Conjunto de Joias', 'm', 'Conjuntos de Joias')),
  product(['locket', 'locket pendant'], 3, 'jewellery', noun('Medalhão', 'm')),
  product(['jewelry', 'jewellery', 'jewel', 'jewels', 'jewelry accessories'], 0, 'jewellery', noun('Joia', 'f')),
];
