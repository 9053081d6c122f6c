// The browsing pages' strings (shop, category, search, product), both languages side by side.
export interface CatalogMessages {
  shopTitle: string;
  shopDescription: (store: string) => string;
  categoryDescription: (category: string, store: string) => string;
  count: (n: number) => string;
  pageTitle: (title: string, page: number) => string;
  sort: { label: string; relevance: string; price_asc: string; price_desc: string; newest: string };
  filters: { title: string; category: string; allCategories: string; minPrice: string; maxPrice: string; apply: string; clear: string };
  empty: string;
  emptyFiltered: string;
  search: {
    title: string;
    resultsFor: (q: string) => string;
    noResults: (q: string) => string;
    tryCategories: string;
    prompt: string;
  };
  product: {
    breadcrumbs: string;
    gallery: string;
    imageOf: (title: string, n: number) => string;
    chooseVariant: string;
    variant: string;
    quantity: string;
    addToCart: string;
    inStock: string;
    lowStock: string;
    outOfStock: string;
    unavailableCombination: string;
    delivery: (from: string, to: string, country: string) => string;
    deliveryDays: (min: number, max: number) => string;
    description: string;
    specifications: string;
    related: string;
    priceLabel: string;
  };
  gone: { title: string; body: string; shop: string; search: string };
  home: { newest: string };
  social: Record<'instagram' | 'facebook' | 'tiktok' | 'pinterest' | 'youtube' | 'x', string>;
}

export const catalogPt: CatalogMessages = {
  shopTitle: 'Loja',
  shopDescription: (store) => `Todos os produtos da ${store}, com entrega acompanhada e pagamento seguro.`,
  categoryDescription: (category, store) => `${category}: a seleção da ${store}, com entrega acompanhada e pagamento seguro.`,
  count: (n) => (n === 1 ? '1 produto' : `${n} produtos`),
  pageTitle: (title, page) => (page > 1 ? `${title} — página ${page}` : title),
  sort: { label: 'Ordenar por', relevance: 'Relevância', price_asc: 'Preço: mais baixo', price_desc: 'Preço: mais alto', newest: 'Novidades' },
  filters: {
    title: 'Filtrar',
    category: 'Categoria',
    allCategories: 'Todas as categorias',
    minPrice: 'Preço mínimo (€)',
    maxPrice: 'Preço máximo (€)',
    apply: 'Aplicar',
    clear: 'Limpar filtros',
  },
  empty: 'Ainda não há produtos aqui. Volte em breve.',
  emptyFiltered: 'Nenhum produto corresponde a estes filtros.',
  search: {
    title: 'Pesquisa',
    resultsFor: (q) => `Resultados para «${q}»`,
    noResults: (q) => `Não encontrámos nada para «${q}».`,
    tryCategories: 'Experimente uma destas categorias:',
    prompt: 'Escreva o que procura.',
  },
  product: {
    breadcrumbs: 'Está aqui',
    gallery: 'Imagens do produto',
    imageOf: (title, n) => `${title}, imagem ${n}`,
    chooseVariant: 'Escolha a opção',
    variant: 'Opção',
    quantity: 'Quantidade',
    addToCart: 'Adicionar ao carrinho',
    inStock: 'Em stock',
    lowStock: 'Últimas unidades',
    outOfStock: 'Esgotado',
    unavailableCombination: 'Esta combinação não está disponível.',
    delivery: (from, to, country) => `Entrega estimada em ${country} entre ${from} e ${to}.`,
    deliveryDays: (min, max) => `${min}–${max} dias úteis`,
    description: 'Descrição',
    specifications: 'Características',
    related: 'Também pode gostar',
    priceLabel: 'Preço',
  },
  gone: {
    title: 'Este produto já não está disponível',
    body: 'Deixámos de vender este produto. Veja o resto da loja ou pesquise outro.',
    shop: 'Ver a loja',
    search: 'Pesquisar',
  },
  home: { newest: 'Novidades' },
  social: { instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok', pinterest: 'Pinterest', youtube: 'YouTube', x: 'X' },
};

export const catalogEn: CatalogMessages = {
  shopTitle: 'Shop',
  shopDescription: (store) => `Every product of ${store}, with tracked delivery and secure payment.`,
  categoryDescription: (category, store) => `${category}: ${store}'s selection, with tracked delivery and secure payment.`,
  count: (n) => (n === 1 ? '1 product' : `${n} products`),
  pageTitle: (title, page) => (page > 1 ? `${title} — page ${page}` : title),
  sort: { label: 'Sort by', relevance: 'Relevance', price_asc: 'Price: low to high', price_desc: 'Price: high to low', newest: 'Newest' },
  filters: {
    title: 'Filter',
    category: 'Category',
    allCategories: 'All categories',
    minPrice: 'Minimum price',
    maxPrice: 'Maximum price',
    apply: 'Apply',
    clear: 'Clear filters',
  },
  empty: 'No products here yet. Come back soon.',
  emptyFiltered: 'No product matches these filters.',
  search: {
    title: 'Search',
    resultsFor: (q) => `Results for “${q}”`,
    noResults: (q) => `We found nothing for “${q}”.`,
    tryCategories: 'Try one of these categories:',
    prompt: 'Type what you are looking for.',
  },
  product: {
    breadcrumbs: 'You are here',
    gallery: 'Product images',
    imageOf: (title, n) => `${title}, image ${n}`,
    chooseVariant: 'Choose an option',
    variant: 'Option',
    quantity: 'Quantity',
    addToCart: 'Add to cart',
    inStock: 'In stock',
    lowStock: 'Only a few left',
    outOfStock: 'Sold out',
    unavailableCombination: 'This combination is not available.',
    delivery: (from, to, country) => `Estimated delivery to ${country} between ${from} and ${to}.`,
    deliveryDays: (min, max) => `${min}–${max} working days`,
    description: 'Description',
    specifications: 'Specifications',
    related: 'You may also like',
    priceLabel: 'Price',
  },
  gone: {
    title: 'This product is no longer available',
    body: 'We no longer sell this product. Browse the rest of the shop or search for another.',
    shop: 'Browse the shop',
    search: 'Search',
  },
  home: { newest: 'New in' },
  social: { instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok', pinterest: 'Pinterest', youtube: 'YouTube', x: 'X' },
};
