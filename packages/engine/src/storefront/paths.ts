// The storefront's addresses, in the store's language: Portuguese paths for a pt store (/loja,
// /produto/<slug>, /carrinho…), English ones for any other. Routes are registered from `patterns`
// and links are built with `paths`, so a link can never point at a path the store does not serve.
import { uiLanguage } from '../web/i18n/index.js';

export const INFO_PAGES = ['terms', 'privacy', 'returns', 'shipping', 'contact'] as const;
export type InfoPage = (typeof INFO_PAGES)[number];

export interface ShopPatterns {
  home: string;
  shop: string;
  category: string;
  product: string;
  search: string;
  cart: string;
  cartAdd: string;
  cartUpdate: string;
  checkout: string;
  order: string;
  track: string;
  newsletter: string;
  info: Record<InfoPage, string>;
}

const pt: ShopPatterns = {
  home: '/',
  shop: '/loja',
  category: '/categoria/:slug',
  product: '/produto/:slug',
  search: '/pesquisa',
  cart: '/carrinho',
  cartAdd: '/carrinho/adicionar',
  cartUpdate: '/carrinho/atualizar',
  checkout: '/finalizar-compra',
  order: '/encomenda/:number',
  track: '/seguir-encomenda',
  newsletter: '/newsletter',
  info: { terms: '/termos-e-condicoes', privacy: '/privacidade', returns: '/devolucoes', shipping: '/envios', contact: '/contacto' },
};

const en: ShopPatterns = {
  home: '/',
  shop: '/shop',
  category: '/category/:slug',
  product: '/product/:slug',
  search: '/search',
  cart: '/cart',
  cartAdd: '/cart/add',
  cartUpdate: '/cart/update',
  checkout: '/checkout',
  order: '/order/:number',
  track: '/track-order',
  newsletter: '/newsletter',
  info: { terms: '/terms', privacy: '/privacy', returns: '/returns', shipping: '/shipping', contact: '/contact' },
};

export function patternsFor(locale: string): ShopPatterns {
  return uiLanguage(locale) === 'pt-PT' ? pt : en;
}

/** Builds the store's links. Path segments are percent-encoded, so a slug is always one segment. */
export class ShopPaths {
  constructor(readonly patterns: ShopPatterns) {}

  private fill(pattern: string, name: string, value: string): string {
    return pattern.replace(`:${name}`, encodeURIComponent(value));
  }

  get home() {
    return this.patterns.home;
  }
  get shop() {
    return this.patterns.shop;
  }
  get cart() {
    return this.patterns.cart;
  }
  get checkout() {
    return this.patterns.checkout;
  }
  get track() {
    return this.patterns.track;
  }
  category(slug: string) {
    return this.fill(this.patterns.category, 'slug', slug);
  }
  product(slug: string) {
    return this.fill(this.patterns.product, 'slug', slug);
  }
  order(number: string) {
    return this.fill(this.patterns.order, 'number', number);
  }
  search(query?: string) {
    return query ? `${this.patterns.search}?q=${encodeURIComponent(query)}` : this.patterns.search;
  }
  info(page: InfoPage) {
    return this.patterns.info[page];
  }
}

/** "Meditação & Yoga" → "meditacao-yoga": the category's segment in /categoria/<slug>. */
export function categorySlug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'categoria'
  );
}

export function pathsFor(locale: string): ShopPaths {
  return new ShopPaths(patternsFor(locale));
}
