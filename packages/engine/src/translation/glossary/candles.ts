// Candles and aromatherapy. pt-PT: "cónica" (pt-BR cônica), "Humidificador" (umidificador),
// "Ultrassónico" is in descriptors.
import { adj, adjective, invariable, motif, noun, pluralNoun, product, qualifier } from './build.js';
import type { GlossaryLine } from './types.js';

/** The candles a holder holds (their keys). */
const candleKeys = ['candle', 'scented candle', 'taper candle', 'pillar candle', 'tealight', 'chime candle'];

export const candles: readonly GlossaryLine[] = [
  product(['candle', 'candles', 'wax candle'], 3, 'candles', noun('Vela', 'f'), { honourPlural: true, stoneConnector: 'com', units: ['candle'], waxy: true }),
  product(['scented candle', 'scented candles', 'aromatherapy candle', 'aroma candle', 'fragrance candle', 'fragranced candle'], 3,
    'candles', noun('Vela Aromática', 'f', 'Velas Aromáticas'), { honourPlural: true, stoneConnector: 'com', units: ['candle'], waxy: true }),
  product(['taper candle', 'taper candles', 'taper', 'tapers', 'dinner candle'], 3, 'candles', noun('Vela Cónica', 'f', 'Velas Cónicas'), {
    honourPlural: true,
    units: ['candle'],
    waxy: true,
  }),
  product(['pillar candle', 'pillar candles', 'pillar'], 3, 'candles', noun('Vela Cilíndrica', 'f', 'Velas Cilíndricas'), {
    honourPlural: true,
    units: ['candle'],
    waxy: true,
  }),
  product(['tealight', 'tealights', 'tea light', 'tea lights', 'tealight candle', 'tea light candle'], 3, 'candles', noun('Vela de Réchaud', 'f'), {
    honourPlural: true,
    units: ['candle'],
    waxy: true,
  }),
  product(['spell candle', 'spell candles', 'ritual candle', 'ritual candles'], 3, 'candles', noun('Vela Ritual', 'f', 'Velas Rituais'), {
    honourPlural: true,
    units: ['candle'],
    waxy: true,
  }),
  // Chime candles are the small tapers sold for spells: "Mini Velas Rituais", whatever CJ calls them.
  product(['chime candle', 'chime candles', 'mini taper', 'mini tapers', 'chime spell candle', 'chime spell candles', 'mini spell candle',
    'mini spell candles'], 3, 'candles', noun('Mini Vela Ritual', 'f', 'Mini Velas Rituais'), { honourPlural: true, units: ['candle'], waxy: true }),
  // A holder named with the candle it holds is the holder: "Castiçal para Velas de Réchaud".
  product(['candle holder', 'candlestick', 'candle stand', 'candlestick holder', 'candelabra', 'taper candle holder'], 3, 'candles',
    noun('Castiçal', 'm', 'Castiçais'), { holds: candleKeys }),
  product(['tealight holder', 'tea light holder', 'votive holder', 'candle lantern', 'candle cup'], 3, 'candles', noun('Porta-Velas', 'm', 'Porta-Velas'), {
    holds: candleKeys,
  }),
  product(['essential oil', 'essential oils', 'pure essential oil', 'aromatherapy oil'], 3, 'candles',
    noun('Óleo Essencial', 'm', 'Óleos Essenciais'), { honourPlural: true, units: ['bottle'] }),
  product(['essential oil set', 'essential oils set', 'essential oil gift set', 'aromatherapy oil set'], 3, 'candles',
    pluralNoun('Conjunto de Óleos Essenciais', 'm'), { setOf: noun('Óleo Essencial', 'm', 'Óleos Essenciais'), units: ['bottle'] }),
  product(['massage oil', 'body oil'], 3, 'candles', noun('Óleo de Massagem', 'm', 'Óleos de Massagem')),
  product(['roller bottle', 'roll on bottle', 'roll on'], 3, 'candles', noun('Frasco Roll-On', 'm', 'Frascos Roll-On'), { honourPlural: true }),
  product(['diffuser', 'aroma diffuser', 'essential oil diffuser', 'aromatherapy diffuser', 'oil diffuser', 'scent diffuser'], 3, 'candles',
    noun('Difusor de Aromas', 'm', 'Difusores de Aromas')),
  product(['reed diffuser', 'reed diffuser set'], 3, 'candles', noun('Difusor de Varetas', 'm', 'Difusores de Varetas')),
  product(['humidifier', 'air humidifier', 'mist humidifier'], 3, 'candles', noun('Humidificador', 'm', 'Humidificadores')),
  product(['oil burner', 'oil warmer', 'aroma burner', 'essential oil burner', 'aroma lamp', 'fragrance burner'], 3, 'candles',
    noun('Queimador de Óleos', 'm', 'Queimadores de Óleos')),
  product(['wax melt', 'wax melts', 'wax cubes', 'scented wax', 'wax tart', 'wax tarts'], 3, 'candles', pluralNoun('Ceras Aromáticas', 'f'), {
    units: ['cube'],
    waxy: true,
  }),
  product(['wax warmer', 'wax burner', 'wax melt warmer', 'wax melt burner'], 3, 'candles', noun('Queimador de Cera', 'm', 'Queimadores de Cera')),
  product(['soap', 'handmade soap', 'soap bar'], 3, 'candles', noun('Sabonete', 'm'), { honourPlural: true }),
  product(['bath salt', 'bath salts'], 3, 'candles', pluralNoun('Sais de Banho', 'm')),
  product(['bath bomb', 'bath bombs'], 3, 'candles', noun('Bomba de Banho', 'f', 'Bombas de Banho'), { honourPlural: true }),
  product(['air freshener', 'room freshener'], 2, 'candles', noun('Ambientador', 'm', 'Ambientadores')),
  product(['glass jar', 'glass bottle'], 1, 'everyday', noun('Frasco de Vidro', 'm', 'Frascos de Vidro'), { asModifier: 'em Frasco de Vidro' }),

  // How candles are made and diffusers work.
  adjective(['hand poured', 'handpoured'], 'finish', adj('Feito à Mão', { fs: 'Feita à Mão', mp: 'Feitos à Mão', fp: 'Feitas à Mão' })),
  adjective(['highly scented', 'strongly scented', 'heavily scented'], 'feature', 'Aromático'),
  adjective(['alcohol free', 'non alcoholic'], 'feature', invariable('sem Álcool')),
  adjective(['cool mist', 'cold mist'], 'feature', invariable('de Névoa Fria')),
  qualifier(['cotton wick', 'cotton wicks'], 'feature', 'com Pavio de Algodão'),
  qualifier(['wooden wick', 'wood wick', 'crackling wick'], 'feature', 'com Pavio de Madeira'),
  qualifier(['flame', 'flame effect', 'fire flame', 'simulated flame'], 'feature', 'com Efeito Chama'),
  qualifier(['7 color', '7 colors', '7 colour', '7 colours', 'seven color', 'seven colors', '7 color light', '7 colors light'], 'feature', 'com 7 Cores'),
  qualifier(['16 color', '16 colors', '16 colour', '16 colours'], 'feature', 'com 16 Cores'),
  qualifier(['remote', 'remote control', 'with remote'], 'feature', 'com Comando'),
  qualifier(['auto off', 'auto shut off', 'automatic shut off', 'auto shutoff', 'waterless auto off'], 'feature', 'com Desligamento Automático'),
  motif(['volcano'], 'Vulcão'),
  motif(['jellyfish'], 'Alforreca'),
];
