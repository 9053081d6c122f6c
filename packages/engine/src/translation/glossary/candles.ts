// Candles and aromatherapy. pt-PT: "cónica" (pt-BR cônica), "Humidificador" (umidificador),
// "Ultrassónico" is in descriptors.
import { noun, pluralNoun, product } from './build.js';
import type { GlossaryLine } from './types.js';

export const candles: readonly GlossaryLine[] = [
  product(['candle', 'candles', 'wax candle'], 3, 'candles', noun('Vela', 'f'), { honourPlural: true, stoneConnector: 'com', units: ['candle'] }),
  product(['scented candle', 'scented candles', 'aromatherapy candle', 'aroma candle', 'fragrance candle', 'fragranced candle'], 3,
    'candles', noun('Vela Aromática', 'f', 'Velas Aromáticas'), { honourPlural: true, stoneConnector: 'com', units: ['candle'] }),
  product(['taper candle', 'taper candles', 'taper', 'tapers', 'dinner candle'], 3, 'candles', noun('Vela Cónica', 'f', 'Velas Cónicas'), {
    honourPlural: true,
    units: ['candle'],
  }),
  product(['pillar candle', 'pillar candles', 'pillar'], 3, 'candles', noun('Vela Cilíndrica', 'f', 'Velas Cilíndricas'), {
    honourPlural: true,
    units: ['candle'],
  }),
  product(['tealight', 'tealights', 'tea light', 'tea lights', 'tealight candle', 'tea light candle'], 3, 'candles', noun('Vela de Réchaud', 'f'), {
    honourPlural: true,
    units: ['candle'],
  }),
  product(['chime candle', 'chime candles', 'spell candle', 'spell candles', 'ritual candle', 'ritual candles', 'mini taper'], 3, 'candles',
    noun('Vela Ritual', 'f', 'Velas Rituais'), { honourPlural: true, units: ['candle'] }),
  product(['candle holder', 'candlestick', 'candle stand', 'candlestick holder', 'candelabra', 'taper candle holder'], 3, 'candles',
    noun('Castiçal', 'm', 'Castiçais')),
  product(['tealight holder', 'tea light holder', 'votive holder', 'candle lantern', 'candle cup'], 3, 'candles', noun('Porta-Velas', 'm', 'Porta-Velas')),
  product(['essential oil', 'essential oils', 'pure essential oil', 'aromatherapy oil'], 3, 'candles',
    noun('Óleo Essencial', 'm', 'Óleos Essenciais'), { honourPlural: true, units: ['bottle'] }),
  product(['massage oil', 'body oil'], 3, 'candles', noun('Óleo de Massagem', 'm', 'Óleos de Massagem')),
  product(['roller bottle', 'roll on bottle', 'roll on'], 3, 'candles', noun('Frasco Roll-On', 'm', 'Frascos Roll-On'), { honourPlural: true }),
  product(['diffuser', 'aroma diffuser', 'essential oil diffuser', 'aromatherapy diffuser', 'oil diffuser', 'scent diffuser'], 3, 'candles',
    noun('Difusor de Aromas', 'm', 'Difusores de Aromas')),
  product(['reed diffuser', 'reed diffuser set'], 3, 'candles', noun('Difusor de Varetas', 'm', 'Difusores de Varetas')),
  product(['humidifier', 'air humidifier', 'mist humidifier'], 3, 'candles', noun('Humidificador', 'm', 'Humidificadores')),
  product(['oil burner', 'oil warmer', 'aroma burner', 'essential oil burner', 'aroma lamp', 'fragrance burner'], 3, 'candles',
    noun('Queimador de Óleos', 'm', 'Queimadores de Óleos')),
  product(['wax melt', 'wax melts', 'wax cubes', 'scented wax', 'wax tart', 'wax tarts'], 3, 'candles', pluralNoun('Ceras Aromáticas', 'f')),
  product(['wax warmer', 'wax burner', 'wax melt warmer', 'wax melt burner'], 3, 'candles', noun('Queimador de Cera', 'm', 'Queimadores de Cera')),
  product(['soap', 'handmade soap', 'soap bar'], 3, 'candles', noun('Sabonete', 'm'), { honourPlural: true }),
  product(['bath salt', 'bath salts'], 3, 'candles', pluralNoun('Sais de Banho', 'm')),
  product(['bath bomb', 'bath bombs'], 3, 'candles', noun('Bomba de Banho', 'f', 'Bombas de Banho'), { honourPlural: true }),
];
