// Portuguese inflection: the forms the composer relies on for agreement.
import { describe, expect, it } from 'vitest';
import { adj, agree, invariable, noun, pluralWord, shade } from '../../src/translation/glossary/inflect.js';

describe('pluralWord', () => {
  it.each([
    ['Pulseira', 'Pulseiras'],
    ['Colar', 'Colares'],
    ['Anel', 'Anéis'],
    ['Castiçal', 'Castiçais'],
    ['Ajustável', 'Ajustáveis'],
    ['Coração', 'Corações'],
    ['Jasmim', 'Jasmins'],
    ['Azul', 'Azuis'],
    ['Nepalês', 'Nepaleses'],
    ['Lápis', 'Lápis'],
    ['Ónix', 'Ónix'],
  ])('%s → %s', (sg, pl) => expect(pluralWord(sg)).toBe(pl));
});

describe('adjective agreement', () => {
  it('inflects regular adjectives for gender and number', () => {
    const preto = adj('Preto');
    expect([agree(preto, 'f', false), agree(preto, 'm', true), agree(preto, 'f', true)]).toEqual(['Preta', 'Pretos', 'Pretas']);
    expect(agree(adj('Aromático'), 'f', true)).toBe('Aromáticas');
    expect(agree(adj('Boémio'), 'f', false)).toBe('Boémia');
    expect(agree(adj('Nepalês'), 'f', true)).toBe('Nepalesas');
    expect(agree(adj('Pagão'), 'f', false)).toBe('Pagã');
  });

  it('keeps gender-invariable adjectives and only pluralises them', () => {
    expect(agree(adj('Verde'), 'f', true)).toBe('Verdes');
    expect(agree(adj('Azul'), 'f', true)).toBe('Azuis');
    expect(agree(adj('Natural'), 'f', true)).toBe('Naturais');
  });

  it('never inflects nouns used as colours', () => {
    expect(agree(invariable('Rosa'), 'm', true)).toBe('Rosa');
    expect(agree(invariable('Laranja'), 'f', true)).toBe('Laranja');
  });

  it('inflects only the last element of a shaded colour (azul-escuras)', () => {
    expect(agree(shade(adj('Azul'), 'dark'), 'f', true)).toBe('Azul-escuras');
    expect(agree(shade(adj('Vermelho'), 'light'), 'f', false)).toBe('Vermelho-clara');
  });

  it('pluralises the first word of an "X de Y" noun', () => {
    expect(noun('Pedra da Lua', 'f').pl).toBe('Pedras da Lua');
    expect(noun('Queimador de Cera', 'm').pl).toBe('Queimadores de Cera');
  });
});
