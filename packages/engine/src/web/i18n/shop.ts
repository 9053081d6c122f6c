// The storefront's strings, both languages side by side (see common.ts).
import type { InfoPage } from '../../storefront/paths.js';

export interface ShopMessages {
  nav: { label: string; home: string; shop: string; categories: string; cart: string; cartUnits: (n: number) => string; track: string };
  search: { label: string; placeholder: string; submit: string };
  footer: { info: string; followUs: string; rights: (year: number, store: string) => string };
  infoTitles: Record<InfoPage, string>;
  home: { featured: string; categories: string; seeAll: string; empty: string };
  trust: { delivery: (min: number, max: number, country: string) => string; returns: string; securePayment: string };
  product: { from: (price: string) => string; outOfStock: string };
}

export const shopPt: ShopMessages = {
  nav: {
    label: 'Navegação principal',
    home: 'Início',
    shop: 'Loja',
    categories: 'Categorias',
    cart: 'Carrinho',
    cartUnits: (n) => (n === 1 ? 'artigo' : 'artigos'),
    track: 'Seguir encomenda',
  },
  search: { label: 'Pesquisar produtos', placeholder: 'Pesquisar…', submit: 'Pesquisar' },
  footer: { info: 'Informações', followUs: 'Siga-nos', rights: (year, store) => `© ${year} ${store}. Todos os direitos reservados.` },
  infoTitles: { terms: 'Termos e condições', privacy: 'Política de privacidade', returns: 'Devoluções e reembolsos', shipping: 'Envios', contact: 'Contacto' },
  home: { featured: 'Em destaque', categories: 'Categorias', seeAll: 'Ver toda a loja', empty: 'A loja está a ser preparada. Volte dentro de momentos.' },
  trust: {
    delivery: (min, max, country) => `Entrega em ${min}–${max} dias úteis para ${country}`,
    returns: 'Devolução gratuita em 14 dias',
    securePayment: 'Pagamento seguro',
  },
  product: { from: (price) => `Desde ${price}`, outOfStock: 'Esgotado' },
};

export const shopEn: ShopMessages = {
  nav: {
    label: 'Main navigation',
    home: 'Home',
    shop: 'Shop',
    categories: 'Categories',
    cart: 'Cart',
    cartUnits: (n) => (n === 1 ? 'item' : 'items'),
    track: 'Track your order',
  },
  search: { label: 'Search products', placeholder: 'Search…', submit: 'Search' },
  footer: { info: 'Information', followUs: 'Follow us', rights: (year, store) => `© ${year} ${store}. All rights reserved.` },
  infoTitles: { terms: 'Terms and conditions', privacy: 'Privacy policy', returns: 'Returns and refunds', shipping: 'Shipping', contact: 'Contact' },
  home: { featured: 'Featured', categories: 'Categories', seeAll: 'See the whole shop', empty: 'The shop is being set up. Come back in a moment.' },
  trust: {
    delivery: (min, max, country) => `Delivered in ${min}–${max} working days to ${country}`,
    returns: 'Free returns within 14 days',
    securePayment: 'Secure payment',
  },
  product: { from: (price) => `From ${price}`, outOfStock: 'Sold out' },
};
