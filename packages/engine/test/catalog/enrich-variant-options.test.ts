// CJ option values → named, translated variant options.
import { describe, expect, it } from 'vitest';
import { classifyOptionValue, normaliseVariantOptions } from '../../src/catalog/variant-options.js';
import { parseTitle } from '../../src/translation/index.js';

const v = (vid: string, ...optionValues: string[]) => ({ vid, optionValues });

describe('normaliseVariantOptions', () => {
  it('names colour and letter-size columns and translates the values', () => {
    const out = normaliseVariantOptions([v('1', 'Purple', 'S'), v('2', 'Purple', 'M'), v('3', 'Black', 'XL'), v('4', 'Dark Blue', '2XL')]);
    expect(out.names).toEqual(['Cor', 'Tamanho']);
    expect(out.variants.map((x) => x.options.map((o) => o.value))).toEqual([
      ['Roxo', 'S'],
      ['Roxo', 'M'],
      ['Preto', 'XL'],
      ['Azul-escuro', 'XXL'],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('calls a necklace length "Comprimento" and a statue size "Tamanho"', () => {
    const variants = [v('1', 'Gold Color', '45cm'), v('2', 'Silver Color', '50cm'), v('3', 'Rose Gold', '18 inch')];
    const necklace = normaliseVariantOptions(variants, { titleParts: parseTitle('Evil Eye Pendant Necklace') });
    expect(necklace.names).toEqual(['Cor', 'Comprimento']);
    expect(necklace.variants.map((x) => x.options.map((o) => o.value))).toEqual([
      ['Dourado', '45 cm'],
      ['Prateado', '50 cm'],
      ['Ouro Rosa', '46 cm'],
    ]);
    const statue = normaliseVariantOptions([v('1', '10cm'), v('2', '15cm')], { titleParts: parseTitle('Buddha Statue') });
    expect(statue.names).toEqual(['Tamanho']);
  });

  it('reads counts, stones, scents, materials and bead sizes', () => {
    expect(normaliseVariantOptions([v('1', '7pcs'), v('2', '1pc'), v('3', 'Set of 3')]).variants.map((x) => x.options)).toEqual([
      [{ name: 'Quantidade', value: '7 unidades' }],
      [{ name: 'Quantidade', value: '1 unidade' }],
      [{ name: 'Quantidade', value: '3 unidades' }],
    ]);
    const stones = normaliseVariantOptions([v('1', 'Amethyst'), v('2', 'Rose Quartz'), v('3', 'Green Aventurine')]);
    expect(stones.names).toEqual(['Pedra']);
    expect(stones.variants.map((x) => x.options[0]?.value)).toEqual(['Ametista', 'Quartzo Rosa', 'Aventurina Verde']);
    expect(normaliseVariantOptions([v('1', 'Lavender'), v('2', 'Vanilla')]).variants.map((x) => x.options[0])).toEqual([
      { name: 'Aroma', value: 'Lavanda' },
      { name: 'Aroma', value: 'Baunilha' },
    ]);
    expect(normaliseVariantOptions([v('1', '925 Silver'), v('2', 'Stainless Steel')]).variants.map((x) => x.options[0])).toEqual([
      { name: 'Material', value: 'Prata 925' },
      { name: 'Material', value: 'Aço Inoxidável' },
    ]);
    expect(normaliseVariantOptions([v('1', '4mm'), v('2', '6mm'), v('3', '8mm')], { titleParts: parseTitle('Amethyst Beads') }).variants.map((x) => x.options[0]?.value)).toEqual(['4 mm', '6 mm', '8 mm']);
  });

  it('gives every variant the same option names, filling a missing value', () => {
    const out = normaliseVariantOptions([v('1', 'Purple', 'S'), v('2', 'XS')]);
    expect(out.names).toEqual(['Cor', 'Tamanho']);
    expect(out.variants.every((x) => x.options.map((o) => o.name).join() === out.names.join())).toBe(true);
    expect(out.variants[1]?.options).toEqual([
      { name: 'Cor', value: 'Padrão' },
      { name: 'Tamanho', value: 'XS' },
    ]);
    expect(out.warnings).toEqual(['variant 2 has 1 option values where others have 2']);
  });

  it('keeps two colour columns apart and reports variants that became identical', () => {
    const out = normaliseVariantOptions([v('1', 'Gold', 'Blue'), v('2', 'Gold Color', 'Blue')]);
    expect(out.names).toEqual(['Cor', 'Cor 2']);
    expect(out.warnings).toEqual(['variants 1 and 2 have the same options (Dourado, Azul)']);
  });

  it('handles a product without options', () => {
    expect(normaliseVariantOptions([v('1')])).toEqual({ names: [], variants: [{ vid: '1', options: [] }], warnings: [] });
  });
});

describe('classifyOptionValue', () => {
  it.each([
    ['Free Size', 'Tamanho', 'Tamanho Único'],
    ['US 7', 'Tamanho', '7'],
    ['8', 'Tamanho', '8'],
    ['Random Color', 'Cor', 'Sortido'],
    ['Style A', 'Estilo', 'Modelo A'],
    ['Multicolor', 'Cor', 'Multicolor'],
    ['Heart', 'Forma', 'Coração'],
    ['Tree Of Life', 'Estilo', 'Árvore da Vida'],
    ['Gold Plated', 'Material', 'Banhado a Ouro'],
    ['100g', 'Peso', '100 g'],
    ['Zorblax', 'Estilo', 'Zorblax'],
  ])('%s → %s: %s', (raw, kind, value) => {
    expect(classifyOptionValue(raw)).toEqual({ kind, value });
  });
});
