// The three-level category tree of product/getCategory. It is built from the category paths the
// niches use, plus a few unused branches so the tree looks like CJ's (which has far more leaves
// than any one store sells in). Ids are UUID-like and independent of the seed, as real ids are.
import { rngFor } from '../rng.js';
import { NICHES } from './niches.js';

export interface CategoryNode {
  id: string;
  name: string;
}

export interface Category {
  /** Third-level id: the `categoryId` of products. */
  id: string;
  name: string;
  second: CategoryNode;
  first: CategoryNode;
  /** "First / Second / Third", as product/query and product/list print categoryName. */
  path: string;
}

const EXTRA_PATHS = [
  "Women's Clothing/Tops & Sets/Hoodies & Sweatshirts",
  "Women's Clothing/Dresses/Casual Dresses",
  "Men's Clothing/T-Shirts/Graphic Tees",
  'Computer & Office/Office Electronics/Office & School Supplies',
  'Home, Garden & Furniture/Home Storage/Home Office Storage',
];

function categoryId(path: string): string {
  return rngFor(0x5eed, 'category', path).uuid();
}

function buildTree(): { categories: Category[]; byId: Map<string, Category>; byPath: Map<string, Category>; nodeIds: Map<string, string> } {
  const paths: string[] = [];
  for (const niche of NICHES) for (const type of niche.types) if (!paths.includes(type.cat)) paths.push(type.cat);
  for (const p of EXTRA_PATHS) if (!paths.includes(p)) paths.push(p);
  const categories: Category[] = [];
  const nodeIds = new Map<string, string>();
  for (const path of paths) {
    const [first, second, third] = path.split('/');
    if (!first || !second || !third) throw new Error(`category path must have three levels: ${path}`);
    const firstId = categoryId(first);
    const secondId = categoryId(`${first}/${second}`);
    nodeIds.set(first, firstId);
    nodeIds.set(`${first}/${second}`, secondId);
    categories.push({ id: categoryId(path), name: third, first: { id: firstId, name: first }, second: { id: secondId, name: second }, path: `${first} / ${second} / ${third}` });
  }
  categories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    categories,
    byId: new Map(categories.map((c) => [c.id, c])),
    byPath: new Map(categories.map((c) => [c.path.replace(/ \/ /g, '/'), c])),
    nodeIds,
  };
}

const TREE = buildTree();

export const CATEGORIES: readonly Category[] = TREE.categories;
export const CATEGORY_BY_ID: ReadonlyMap<string, Category> = TREE.byId;

export function categoryByPath(path: string): Category {
  const c = TREE.byPath.get(path);
  if (!c) throw new Error(`unknown category path ${path}`);
  return c;
}

/** The getCategory payload: [{categoryFirstName, categoryFirstList:[{categorySecondName, categorySecondList:[{categoryId, categoryName}]}]}]. */
export function categoryTreePayload(): unknown[] {
  const firsts = new Map<string, Map<string, Array<{ categoryId: string; categoryName: string }>>>();
  for (const c of CATEGORIES) {
    const seconds = firsts.get(c.first.name) ?? new Map<string, Array<{ categoryId: string; categoryName: string }>>();
    firsts.set(c.first.name, seconds);
    const leaves = seconds.get(c.second.name) ?? [];
    seconds.set(c.second.name, leaves);
    leaves.push({ categoryId: c.id, categoryName: c.name });
  }
  return [...firsts].map(([firstName, seconds]) => ({
    categoryFirstName: firstName,
    categoryFirstList: [...seconds].map(([secondName, leaves]) => ({ categorySecondName: secondName, categorySecondList: leaves })),
  }));
}
