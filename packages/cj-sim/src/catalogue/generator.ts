// Builds the catalogue deterministically from the seed. Each product draws from its own random
// stream (seed, "product", index), so product 17 is the same whatever the catalogue size.
import { DAY } from '../clock.js';
import { rngFor, type Rng } from '../rng.js';
import { categoryByPath } from './categories.js';
import { CN_WORDS, NICHES, type NicheDef, type TypeDef } from './niches.js';
import { tokens } from './text.js';
import type { AreaStock, Product, Variant } from './types.js';
import { AREAS } from './warehouses.js';

export interface Catalogue {
  seed: number;
  products: Product[];
  byPid: Map<string, Product>;
  byVid: Map<string, Variant>;
  byVariantSku: Map<string, Variant>;
  bySpu: Map<string, Product>;
}

/** Hues (0–359) for colour and stone words, so a purple amethyst gets purple images. */
const HUES: Record<string, number> = {
  Purple: 280, Amethyst: 280, Pink: 330, 'Rose Quartz': 335, 'Rose Gold': 15, Red: 0, Carnelian: 12, Orange: 25, Brown: 28, 'Tiger Eye': 35,
  Yellow: 52, Citrine: 48, Gold: 45, Champagne: 40, Khaki: 50, Beige: 42, Green: 130, Jade: 140, 'Green Aventurine': 135, Malachite: 150,
  Amazonite: 170, Blue: 215, 'Lapis Lazuli': 225, Sodalite: 230, Navy: 230, Labradorite: 200, Fluorite: 265, Moonstone: 210,
  Black: 250, 'Black Obsidian': 250, 'Black Tourmaline': 250, Silver: 210, White: 200, Selenite: 200, 'Clear Quartz': 195, Clear: 195, Grey: 220,
};

const SUPPLIERS = ['Yiwu Zenlight Crafts Co., Ltd.', 'Donghai Crystal Source Factory', 'Guangzhou Mystic Moon Trading', 'Shenzhen Hexa Electronics', 'Xiamen Aroma Home Co.', 'Hangzhou Lotus Incense Works', 'Ningbo Petpal Supplies', 'Dongguan FitCore Sports', 'Quanzhou Zen Stone Carving'];

const NOTES: Record<string, string> = {
  crystals: 'Natural stones are unique: colour, size and shape vary slightly from the pictures.',
  tarot: 'The guidebook is printed in English.',
  incense: 'Never leave burning incense unattended. Use on a heat-resistant surface.',
  meditation: 'Handmade item: small marks from the making process are normal.',
  'spiritual-jewellery': 'Keep away from water, perfume and chemicals to preserve the finish.',
  candles: 'Never leave a burning candle unattended. Keep away from children and pets.',
  'esoteric-decor': 'Due to monitor and light differences the actual colour may differ slightly from the pictures.',
};

const HS_CODES: Record<string, [string, string, string]> = {
  crystals: ['7103101000', '水晶摆件', 'crystal ornament'], tarot: ['4911991000', '卡片', 'cards'], incense: ['3307410000', '香', 'incense'],
  meditation: ['8306100000', '铜钵', 'bowl'], 'spiritual-jewellery': ['7117190000', '饰品', 'jewelry'], candles: ['3406000000', '蜡烛', 'candle'],
  'esoteric-decor': ['6304930000', '装饰品', 'decoration'], kitchen: ['8215990000', '厨具', 'kitchen utensil'], pets: ['4201000000', '宠物用品', 'pet supplies'],
  phone: ['8517799000', '手机配件', 'phone accessory'], fitness: ['9506911900', '健身器材', 'fitness equipment'], beauty: ['9603290000', '美容工具', 'beauty tool'],
  toys: ['9503008900', '玩具', 'toy'],
};

function hueOf(word: string | undefined, rng: Rng): number {
  if (word !== undefined && HUES[word] !== undefined) return HUES[word];
  return rng.int(0, 359);
}

/** A CJ-looking price: ends in .19/.29/.49/.69/.79/.89/.99. */
function retailCents(rng: Rng, min: number, max: number): number {
  const base = rng.int(min, max);
  return Math.max(99, Math.floor(base / 100) * 100 + rng.pick([19, 29, 49, 69, 79, 89, 99]));
}

function buildName(rng: Rng, niche: NicheDef, type: TypeDef): { name: string; subject: string | undefined } {
  const parts: string[] = [];
  if (type.counts && rng.chance(0.4)) parts.push(rng.pick(type.counts));
  const subject = type.subjects ? rng.pick(type.subjects) : undefined;
  if (type.pre && rng.chance(0.85)) {
    const pre = rng.pick(type.pre);
    if (pre !== subject) parts.push(pre);
  }
  if (subject) parts.push(subject);
  parts.push(type.noun);
  parts.push(...rng.sample([...type.tail, ...niche.tail], rng.int(2, 4)));
  if (type.audience && rng.chance(0.6)) parts.push(rng.pick(type.audience));
  return { name: parts.join(' '), subject };
}

function skuLetters(rng: Rng): string {
  const A = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return `${A[rng.int(0, A.length - 1)]}${A[rng.int(0, A.length - 1)]}`;
}

/** Area presence per product: China always; the overseas warehouses for a share of products. */
const AREA_SHARE: Record<string, number> = { CN: 1, US: 0.45, DE: 0.2, GB: 0.12, FR: 0.08, TH: 0.08, AU: 0.06 };

function buildStock(rng: Rng, countries: string[], outOfStock: boolean): AreaStock[] {
  const variantEmpty = !outOfStock && rng.chance(0.06);
  return countries.map((cc) => {
    const area = AREAS.find((a) => a.countryCode === cc);
    if (!area) throw new Error(`no warehouse area ${cc}`);
    return {
      countryCode: cc,
      subs: area.subs.map((sub, i) => {
        let cj = 0;
        let factory = 0;
        if (!outOfStock && !variantEmpty) {
          if (cc === 'CN') {
            factory = i === 0 ? (rng.chance(0.85) ? rng.int(200, 20000) : 0) : rng.chance(0.4) ? rng.int(50, 5000) : 0;
            cj = rng.chance(0.5) ? rng.int(1, 800) : 0;
          } else {
            cj = i === 0 ? (rng.chance(0.9) ? rng.int(1, 500) : 0) : rng.chance(0.5) ? rng.int(1, 200) : 0;
          }
        }
        return { stockId: sub.stockId, storageId: sub.storageId, cj, factory };
      }),
    };
  });
}

function describe(product: Omit<Product, 'descriptionHtml' | 'tokens' | 'tokenSet'>, type: TypeDef, colors: string[], sizes: string[], subject: string | undefined): string {
  const lines = [`Material: ${product.material.en}`];
  if (subject) lines.push(`Style: ${subject}`);
  if (colors.length > 0) lines.push(`Color: ${colors.join(', ')}`);
  if (sizes.length > 0) lines.push(`${type.sizeLabel ?? 'Size'}: ${sizes.join(', ')}`);
  lines.push(`Weight: ${product.weightG}g`);
  const note = NOTES[product.niche] ?? 'Due to monitor and light differences the actual colour may differ slightly from the pictures. Please allow 1-3cm deviation due to manual measurement.';
  return (
    `<p><strong>Product information:</strong></p><p>${lines.join('<br/>')}</p>` +
    `<p><strong>Packing list:</strong></p><p>${type.packing}</p>` +
    `<p><strong>Note:</strong></p><p>${note}</p>` +
    Array.from({ length: Math.min(product.imageCount, 3) }, (_, i) => `<p><img src="{{BASE}}/images/${product.pid}/${i + 1}.png" /></p>`).join('')
  );
}

function generateProduct(seed: number, index: number, usedNames: Set<string>, now: number): Product {
  const rng = rngFor(seed, 'product', index);
  const niche = rng.weighted(NICHES, (n) => n.weight);
  const type = rng.pick(niche.types);

  let built = buildName(rng, niche, type);
  for (let attempt = 0; attempt < 8 && usedNames.has(built.name); attempt++) built = buildName(rng, niche, type);
  if (usedNames.has(built.name)) built = { ...built, name: `${built.name} Style ${skuLetters(rng)}${rng.int(1, 99)}` };
  usedNames.add(built.name);
  const { name, subject } = built;

  const pid = rng.uuid();
  const digits = String((index * 37 + (seed % 1000) * 13 + 10007) % 100000).padStart(5, '0');
  const sku = `CJ${niche.skuCode}${skuLetters(rng)}${digits}`;

  // Variant axes: colours and/or sizes, at most 12 combinations.
  let colors = type.colors ? rng.sample(type.colors, rng.int(1, Math.min(type.colors.length, type.sizes ? 4 : 8))) : [];
  let sizes = type.sizes ? rng.sample(type.sizes, rng.int(1, Math.min(type.sizes.length, type.colors ? 3 : 6))) : [];
  if (type.sizes) sizes = type.sizes.filter((s) => sizes.includes(s)); // keep the natural size order
  if (colors.length === 0 && sizes.length === 0 && rng.chance(0.3)) colors = ['A', 'B', 'C', 'D'].slice(0, rng.int(2, 4));
  const combos: string[][] = [];
  for (const c of colors.length > 0 ? colors : [undefined]) {
    for (const s of sizes.length > 0 ? sizes : [undefined]) {
      const values = [c, s].filter((v): v is string => v !== undefined);
      combos.push(values.length > 0 ? values : ['Default']);
    }
  }
  if (combos.length > 12) combos.length = 12;
  colors = colors.filter((c) => combos.some((v) => v[0] === c));

  const jsonKeys = rng.chance(0.15);
  const basePrice = retailCents(rng, type.price[0], type.price[1]);
  const samePrice = rng.chance(0.4);
  const sizeStep = Math.max(30, Math.round((basePrice * rng.int(10, 30)) / 100 / 10) * 10);
  const colorSurcharge = !samePrice && rng.chance(0.2) ? rng.pick([50, 100, 150]) : 0;
  const baseWeight = rng.int(type.weight[0], type.weight[1]);
  const weightStep = Math.max(2, Math.round(baseWeight * 0.25));
  const edge = rng.int(type.dims[0], type.dims[1]);
  const createAt = Math.floor(Date.UTC(2019, 0, 1) + rng.next() * (now - 2 * DAY - Date.UTC(2019, 0, 1)));
  const imageCount = rng.int(3, 6);
  const outOfStock = rng.chance(0.05);
  const delisted = rng.chance(0.03);
  const countries = Object.keys(AREA_SHARE).filter((cc) => cc === 'CN' || rng.chance(AREA_SHARE[cc] ?? 0));
  const hue = hueOf(subject ?? colors[0], rng);
  const shortName = name.split(' ').slice(0, 6).join(' ');

  const variants: Variant[] = combos.map((values, i) => {
    const sizeIndex = sizes.length > 0 ? Math.max(0, sizes.indexOf(values[values.length - 1] ?? '')) : 0;
    const colorIndex = colors.length > 0 ? Math.max(0, colors.indexOf(values[0] ?? '')) : 0;
    const priceCents = samePrice ? basePrice : basePrice + sizeIndex * sizeStep + (colorIndex % 2 === 1 ? colorSurcharge : 0);
    const weightG = baseWeight + sizeIndex * weightStep;
    const scale = 1 + sizeIndex * 0.2;
    const lengthMm = Math.round(edge * scale);
    const widthMm = Math.max(5, Math.round(edge * scale * (0.4 + rng.next() * 0.5)));
    const heightMm = Math.max(3, Math.round(widthMm * (0.2 + rng.next() * 0.7)));
    return {
      vid: rng.uuid(),
      pid,
      nameEn: values[0] === 'Default' ? shortName : `${shortName} ${values.join(' ')}`,
      sku: `${sku}-${values.join('-')}`,
      key: jsonKeys ? JSON.stringify(values) : values.join('-'),
      values,
      weightG,
      lengthMm,
      widthMm,
      heightMm,
      priceCents,
      suggestCents: Math.round((priceCents * rng.int(250, 350)) / 100),
      createTime: createAt + rng.int(1, 600) * 60_000 + i * 1000,
      image: 1 + (colorIndex % imageCount),
      status: delisted ? 0 : 1,
      stock: buildStock(rng, countries, outOfStock),
    };
  });

  const weightG = Math.min(...variants.map((v) => v.weightG));
  const supplier = rng.chance(0.3);
  const hs = HS_CODES[niche.key] ?? ['9999999999', '杂货', 'goods'];
  const category = categoryByPath(type.cat);
  const cnSubject = subject !== undefined ? CN_WORDS[subject] ?? '' : '';
  const nameCn = [...new Set([`${cnSubject}${type.cn}`, `${rng.pick(niche.cn)}${type.cn}`, rng.pick(niche.cn)])];
  const axes = [colors.length > 0 ? (colors[0]?.length === 1 ? 'Style' : 'Color') : undefined, sizes.length > 0 ? type.sizeLabel ?? 'Size' : undefined].filter((a): a is string => a !== undefined);
  const packing = rng.chance(0.7) ? { en: '["","plastic_bag"]', cn: '["","塑料袋"]', key: '["PLASTIC_BAG"]' } : { en: '["","box"]', cn: '["","盒子"]', key: '["BOX"]' };

  const base: Omit<Product, 'descriptionHtml' | 'tokens' | 'tokenSet'> = {
    pid,
    sku,
    nameEn: name,
    nameCn,
    niche: niche.key,
    esoteric: niche.esoteric,
    typeNoun: type.noun,
    categoryId: category.id,
    material: { en: type.material.en, cn: type.material.cn, key: type.material.key },
    packing,
    productKeyEn: axes.length > 0 ? axes.join('-') : 'Style',
    productKeyCn: axes.map((a) => (a === 'Color' ? '颜色' : a === 'Style' ? '款式' : '尺寸')).join('-') || '款式',
    prop: type.prop ?? 'COMMON',
    weightG,
    packWeightG: weightG + rng.int(10, 60),
    imageCount,
    hue,
    listedNum: Math.floor(rng.next() ** 3 * 5000),
    createAt,
    supplierName: supplier ? rng.pick(SUPPLIERS) : '',
    supplierId: supplier ? rng.hex(32) : '',
    productType: supplier ? 'SUPPLIER_PRODUCT' : 'ORDINARY_PRODUCT',
    addMarkStatus: rng.chance(0.15) ? 1 : 0,
    entryCode: hs[0],
    entryNameCn: hs[1],
    entryNameEn: hs[2],
    deliveryCycle: rng.pick(['1-3', '3-5', '3-5', '5-7']),
    status: delisted ? 2 : 3,
    variants,
  };
  const toks = tokens(name);
  return { ...base, descriptionHtml: describe(base, type, colors, sizes, subject), tokens: toks, tokenSet: new Set(toks) };
}

export function generateCatalogue(seed: number, size: number, now: number): Catalogue {
  const usedNames = new Set<string>();
  const products: Product[] = [];
  for (let i = 0; i < size; i++) products.push(generateProduct(seed, i, usedNames, now));
  const byPid = new Map<string, Product>();
  const byVid = new Map<string, Variant>();
  const byVariantSku = new Map<string, Variant>();
  const bySpu = new Map<string, Product>();
  for (const p of products) {
    byPid.set(p.pid, p);
    bySpu.set(p.sku.toUpperCase(), p);
    for (const v of p.variants) {
      byVid.set(v.vid, v);
      byVariantSku.set(v.sku.toUpperCase(), v);
    }
  }
  return { seed, products, byPid, byVid, byVariantSku, bySpu };
}

/** Units available in one area: CJ stock plus factory stock, as totalInventoryNum counts them. */
export function areaTotals(stock: AreaStock): { total: number; cj: number; factory: number } {
  let cj = 0;
  let factory = 0;
  for (const s of stock.subs) {
    cj += s.cj;
    factory += s.factory;
  }
  return { total: cj + factory, cj, factory };
}

export function variantTotal(variant: Variant): number {
  return variant.stock.reduce((sum, a) => sum + areaTotals(a).total, 0);
}

export function productTotal(product: Product): number {
  return product.variants.reduce((sum, v) => sum + variantTotal(v), 0);
}
