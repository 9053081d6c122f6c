// A small catalogue for the browsing suites, stored through the real repository: a product with two
// option axes (one combination out of stock, one that does not exist), a hostile title, products
// that mention a word only in their description, and enough candles to need two pages. Images are
// the simulator's real PNGs over http on localhost, as a real store's would be its supplier's.
import type { RunningSimulator } from '@lojista/cj-sim';
import type { Kysely } from 'kysely';
import { saveProduct } from '../../src/catalog/catalog-repository.js';
import type { StoredProduct } from '../../src/catalog/product.js';
import type { Database } from '../../src/db/schema.js';
import { product, variant } from '../storage/fixtures.js';

export const HOSTILE_TITLE = '<script>alert("x")</script><b>Negrito</b> Incenso';
export const HOSTILE_DESCRIPTION = '<img src=x onerror=alert(1)> Texto "citado" & <i>itálico</i>';
export const CANDLES = 26;

export interface BrowseCatalogue {
  pendulum: StoredProduct;
  hostile: StoredProduct;
  candleMention: StoredProduct;
  tarot: StoredProduct;
  /** Text that must never appear in a page or the public JSON. */
  supplierMarks: string[];
}

export async function simImageUrls(sim: RunningSimulator, count: number): Promise<string[]> {
  const res = await fetch(`${sim.url}/_sim/products?limit=1`);
  const body = (await res.json()) as { data?: Array<{ pid: string; imageCount: number }> } | Array<{ pid: string; imageCount: number }>;
  const list = Array.isArray(body) ? body : (body.data ?? []);
  const first = list[0];
  if (!first) throw new Error('the simulator listed no product');
  return Array.from({ length: Math.min(count, first.imageCount) }, (_, i) => `${sim.url}/images/${first.pid}/${i + 1}.png`);
}

export async function seedBrowseCatalogue(db: Kysely<Database>, sim: RunningSimulator): Promise<BrowseCatalogue> {
  const images = await simImageUrls(sim, 3);
  const axes = (cor: string, tamanho: string) => [
    { name: 'Cor', value: cor },
    { name: 'Tamanho', value: tamanho },
  ];
  const pendulum = product(1, {
    slug: 'pendulo-de-ametista',
    title: 'Pêndulo de Ametista',
    description: 'Pêndulo de ametista natural para radiestesia.\n\nMaterial: Ametista natural\nComprimento: 18 cm\nPeso: 20 g',
    category: 'Cristais',
    tags: ['pêndulo', 'ametista'],
    images,
    score: 95,
    seoTitle: 'Pêndulo de Ametista natural | Loja Teste',
    seoDescription: 'Pêndulo de ametista natural, 18 cm, para radiestesia.',
    priceMinor: 1_499,
    variants: [
      variant('p001-rp', { id: 'var-roxo-p', options: axes('Roxo', 'P'), priceMinor: 1_499, stock: 40, position: 0 }),
      variant('p001-rg', { id: 'var-roxo-g', options: axes('Roxo', 'G'), priceMinor: 1_599, stock: 0, position: 1 }),
      variant('p001-vp', { id: 'var-verde-p', options: axes('Verde', 'P'), priceMinor: 1_699, stock: 3, position: 2 }),
    ],
  });
  const hostile = product(2, { slug: 'incenso-hostil', title: HOSTILE_TITLE, description: HOSTILE_DESCRIPTION, category: 'Incenso', tags: ['incenso'], images: [images[0]!], score: 90 });
  const candleMention = product(3, {
    slug: 'vela-de-lavanda',
    title: 'Vela de Lavanda',
    description: 'Vela aromática, ideal ao lado de um pendulo no altar.',
    category: 'Velas',
    tags: ['vela'],
    images: [images[1] ?? images[0]!],
    score: 99,
  });
  const tarot = product(4, { slug: 'baralho-de-tarot', title: 'Baralho de Tarot Rider', category: 'Tarot', tags: ['tarot'], images: [images[2] ?? images[0]!], score: 80 });
  for (const p of [pendulum, hostile, candleMention, tarot]) await saveProduct(db, p);
  for (let i = 0; i < CANDLES - 1; i++) {
    const n = 10 + i;
    await saveProduct(db, product(n, { title: `Vela Perfumada ${n}`, category: 'Velas', tags: ['vela'], images: [images[0]!], score: 40 - (i % 20), priceMinor: 900 + n * 10 }));
  }
  const simHost = new URL(sim.url).host;
  return {
    pendulum,
    hostile,
    candleMention,
    tarot,
    supplierMarks: ['PID-', 'SKU-', 'p001-rp', 'p001-vp', 'CJPacket', 'cjdropshipping', simHost, '/images/', '3.20', '55.5', 'costUsd', 'margin'],
  };
}
