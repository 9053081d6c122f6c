// The console's catalogue pages and the parts every console page shares (confirmations, paging),
// both languages side by side (see common.ts).

export interface AdminKitMessages {
  confirm: { title: string; question: string; yes: string; no: string };
  pager: { label: string; previous: string; next: string; page: (n: number, of: number) => string };
  filters: { apply: string; clear: string; any: string };
  empty: string;
  yes: string;
  no: string;
  none: string;
  refresh: string;
  badInput: (field: string, fix: string) => string;
}

export interface AdminCatalogueMessages {
  title: string;
  search: string;
  status: string;
  category: string;
  hiddenReason: string;
  statuses: { active: string; hidden: string; retired: string };
  total: (n: number) => string;
  columns: { product: string; status: string; category: string; price: string; margin: string; stock: string; updated: string };
  scansLink: string;
  rejectedLink: string;
  addLink: string;
  product: {
    back: string;
    cjId: string;
    storefront: string;
    price: string;
    computed: string;
    override: string;
    margin: string;
    landed: string;
    cost: string;
    shipping: string;
    delivery: (min: number, max: number) => string;
    lastSync: string;
    never: string;
    edited: string;
    variants: string;
    variantColumns: { sku: string; options: string; cost: string; price: string; stock: string; onSale: string };
    stockByCountry: string;
    history: string;
    historyChart: (from: string, to: string, count: number) => string;
    historyColumns: { when: string; price: string; cost: string; reason: string };
    historyEmpty: string;
    edit: string;
    fields: { title: string; description: string; category: string; tags: string; tagsHint: string; override: string; overrideHint: string };
    save: string;
    saved: string;
    noChange: string;
    hide: string;
    show: string;
    hidden: string;
    shown: string;
    confirmHide: (title: string) => string;
    confirmShow: (title: string) => string;
    confirmSave: (title: string) => string;
    badPrice: string;
    actions: string;
    actionLine: (when: string, actor: string, action: string) => string;
  };
  scans: {
    title: string;
    start: string;
    confirmStart: string;
    queued: string;
    alreadyRunning: string;
    alreadyQueued: string;
    running: string;
    live: string;
    none: string;
    columns: { started: string; trigger: string; status: string; calls: string; points: string; note: string };
    statuses: { running: string; finished: string; failed: string };
    gates: string;
    gateColumns: { gate: string; counts: string };
    gateNames: { search: string; analyse: string; details: string; translate: string; price: string; enrich: string; store: string };
    countNames: Record<string, string>;
    rejectedByReason: string;
    errors: string;
  };
  rejected: { title: string; columns: { pid: string; gate: string; reason: string; times: string; when: string }; none: string };
  add: {
    title: string;
    intro: string;
    label: string;
    hint: string;
    submit: string;
    confirm: (ref: string) => string;
    added: string;
    updated: string;
    alreadyListed: string;
    rejected: (gate: string, reason: string) => string;
    passed: (gates: string) => string;
    open: string;
    unavailable: string;
  };
}

export const adminKitPt: AdminKitMessages = {
  confirm: { title: 'Confirmar', question: 'Tem a certeza?', yes: 'Confirmar', no: 'Voltar' },
  pager: { label: 'Páginas', previous: 'Anterior', next: 'Seguinte', page: (n, of) => `Página ${n} de ${of}` },
  filters: { apply: 'Filtrar', clear: 'Limpar filtros', any: 'Todos' },
  empty: 'Nada a mostrar.',
  yes: 'Sim',
  no: 'Não',
  none: '—',
  refresh: 'Atualizar',
  badInput: (field, fix) => `${field}: ${fix}`,
};

export const adminKitEn: AdminKitMessages = {
  confirm: { title: 'Confirm', question: 'Are you sure?', yes: 'Confirm', no: 'Go back' },
  pager: { label: 'Pages', previous: 'Previous', next: 'Next', page: (n, of) => `Page ${n} of ${of}` },
  filters: { apply: 'Filter', clear: 'Clear filters', any: 'All' },
  empty: 'Nothing to show.',
  yes: 'Yes',
  no: 'No',
  none: '—',
  refresh: 'Refresh',
  badInput: (field, fix) => `${field}: ${fix}`,
};

const countNamesPt: Record<string, string> = {
  pages: 'páginas', found: 'encontrados', new: 'novos', alreadyListed: 'já listados', skippedRejected: 'já rejeitados',
  cheapRejected: 'rejeitados (rápido)', passed: 'aprovados', rejected: 'rejeitados', fetched: 'lidos', gone: 'desaparecidos',
  errors: 'erros', ok: 'ok', added: 'adicionados', updated: 'atualizados', duplicates: 'duplicados', retired: 'retirados',
};
const countNamesEn: Record<string, string> = {
  pages: 'pages', found: 'found', new: 'new', alreadyListed: 'already listed', skippedRejected: 'already rejected',
  cheapRejected: 'rejected (quick)', passed: 'passed', rejected: 'rejected', fetched: 'fetched', gone: 'gone',
  errors: 'errors', ok: 'ok', added: 'added', updated: 'updated', duplicates: 'duplicates', retired: 'retired',
};

export const adminCataloguePt: AdminCatalogueMessages = {
  title: 'Catálogo',
  search: 'Pesquisar',
  status: 'Estado',
  category: 'Categoria',
  hiddenReason: 'Motivo de ocultação',
  statuses: { active: 'À venda', hidden: 'Oculto', retired: 'Retirado' },
  total: (n) => (n === 1 ? '1 produto' : `${n} produtos`),
  columns: { product: 'Produto', status: 'Estado', category: 'Categoria', price: 'Preço', margin: 'Margem', stock: 'Stock', updated: 'Atualizado' },
  scansLink: 'Análises do catálogo',
  rejectedLink: 'Candidatos rejeitados',
  addLink: 'Adicionar produto da CJ',
  product: {
    back: 'Voltar ao catálogo',
    cjId: 'ID CJ',
    storefront: 'Ver na loja',
    price: 'Preço à venda',
    computed: 'Preço calculado',
    override: 'Preço fixado',
    margin: 'Margem',
    landed: 'Custo total',
    cost: 'Custo CJ',
    shipping: 'Envio',
    delivery: (min, max) => `${min}–${max} dias`,
    lastSync: 'Última sincronização',
    never: 'nunca',
    edited: 'editado por si — as análises mantêm-no',
    variants: 'Variantes',
    variantColumns: { sku: 'SKU', options: 'Opções', cost: 'Custo CJ', price: 'Preço', stock: 'Stock', onSale: 'À venda' },
    stockByCountry: 'Stock por país',
    history: 'Histórico de preços',
    historyChart: (from, to, count) => `Gráfico do preço à venda: ${count} registos, de ${from} a ${to}`,
    historyColumns: { when: 'Quando', price: 'Preço', cost: 'Custo CJ', reason: 'Motivo' },
    historyEmpty: 'Ainda sem histórico de preços.',
    edit: 'Editar',
    fields: {
      title: 'Título',
      description: 'Descrição',
      category: 'Categoria',
      tags: 'Etiquetas',
      tagsHint: 'Separadas por vírgulas, até 20.',
      override: 'Preço fixado (IVA incluído)',
      overrideHint: 'Por exemplo 24,90. Vazio para usar o preço calculado. Nunca abaixo da margem mínima.',
    },
    save: 'Guardar',
    saved: 'Produto guardado.',
    noChange: 'Nada mudou.',
    hide: 'Ocultar',
    show: 'Pôr à venda',
    hidden: 'Produto ocultado.',
    shown: 'Produto posto à venda.',
    confirmHide: (title) => `Ocultar «${title}» da loja?`,
    confirmShow: (title) => `Pôr «${title}» à venda?`,
    confirmSave: (title) => `Guardar as alterações a «${title}»?`,
    badPrice: 'escreva um valor como 24,90',
    actions: 'Ações registadas',
    actionLine: (when, actor, action) => `${when} — ${actor}: ${action}`,
  },
  scans: {
    title: 'Análises do catálogo',
    start: 'Iniciar análise agora',
    confirmStart: 'Iniciar uma análise do catálogo na CJ agora? Gasta pontos e chamadas da conta CJ.',
    queued: 'Análise pedida: começa dentro de momentos.',
    alreadyRunning: 'Já há uma análise a decorrer.',
    alreadyQueued: 'Já há uma análise pedida que ainda não começou.',
    running: 'A decorrer',
    live: 'Esta página atualiza-se sozinha enquanto a análise decorre.',
    none: 'Ainda não houve análises.',
    columns: { started: 'Início', trigger: 'Origem', status: 'Estado', calls: 'Chamadas CJ', points: 'Pontos', note: 'Nota' },
    statuses: { running: 'A decorrer', finished: 'Terminada', failed: 'Falhou' },
    gates: 'Contagens por etapa',
    gateColumns: { gate: 'Etapa', counts: 'Contagens' },
    gateNames: { search: 'Pesquisa', analyse: 'Análise', details: 'Detalhes', translate: 'Tradução', price: 'Preço', enrich: 'Enriquecimento', store: 'Catálogo' },
    countNames: countNamesPt,
    rejectedByReason: 'Rejeições por motivo',
    errors: 'Erros',
  },
  rejected: {
    title: 'Candidatos rejeitados',
    columns: { pid: 'ID CJ', gate: 'Etapa', reason: 'Motivo', times: 'Vezes', when: 'Última vez' },
    none: 'Nenhum candidato rejeitado.',
  },
  add: {
    title: 'Adicionar produto da CJ',
    intro: 'O produto passa pelas mesmas etapas de uma análise: detalhes, verificações, tradução, preço, enriquecimento e catálogo.',
    label: 'ID ou endereço do produto na CJ',
    hint: 'Por exemplo 1614171948392570880 ou https://cjdropshipping.com/product/…-p-1614171948392570880.html',
    submit: 'Adicionar',
    confirm: (ref) => `Pedir à CJ o produto ${ref} e passá-lo pelas etapas da análise?`,
    added: 'Produto adicionado ao catálogo.',
    updated: 'Produto atualizado no catálogo.',
    alreadyListed: 'Este produto já está no catálogo.',
    rejected: (gate, reason) => `Recusado na etapa «${gate}»: ${reason}`,
    passed: (gates) => `Etapas passadas: ${gates}`,
    open: 'Abrir o produto',
    unavailable: 'Adicionar produtos não está disponível nesta loja.',
  },
};

export const adminCatalogueEn: AdminCatalogueMessages = {
  title: 'Catalogue',
  search: 'Search',
  status: 'Status',
  category: 'Category',
  hiddenReason: 'Hidden reason',
  statuses: { active: 'For sale', hidden: 'Hidden', retired: 'Retired' },
  total: (n) => (n === 1 ? '1 product' : `${n} products`),
  columns: { product: 'Product', status: 'Status', category: 'Category', price: 'Price', margin: 'Margin', stock: 'Stock', updated: 'Updated' },
  scansLink: 'Catalogue scans',
  rejectedLink: 'Rejected candidates',
  addLink: 'Add a product from CJ',
  product: {
    back: 'Back to the catalogue',
    cjId: 'CJ id',
    storefront: 'See in the shop',
    price: 'Selling price',
    computed: 'Computed price',
    override: 'Price override',
    margin: 'Margin',
    landed: 'Landed cost',
    cost: 'CJ cost',
    shipping: 'Shipping',
    delivery: (min, max) => `${min}–${max} days`,
    lastSync: 'Last sync',
    never: 'never',
    edited: 'edited by you — scans keep it',
    variants: 'Variants',
    variantColumns: { sku: 'SKU', options: 'Options', cost: 'CJ cost', price: 'Price', stock: 'Stock', onSale: 'On sale' },
    stockByCountry: 'Stock by country',
    history: 'Price history',
    historyChart: (from, to, count) => `Chart of the selling price: ${count} records, from ${from} to ${to}`,
    historyColumns: { when: 'When', price: 'Price', cost: 'CJ cost', reason: 'Reason' },
    historyEmpty: 'No price history yet.',
    edit: 'Edit',
    fields: {
      title: 'Title',
      description: 'Description',
      category: 'Category',
      tags: 'Tags',
      tagsHint: 'Separated by commas, up to 20.',
      override: 'Price override (VAT included)',
      overrideHint: 'For example 24.90. Empty to use the computed price. Never below the margin floor.',
    },
    save: 'Save',
    saved: 'Product saved.',
    noChange: 'Nothing changed.',
    hide: 'Hide',
    show: 'Put on sale',
    hidden: 'Product hidden.',
    shown: 'Product on sale.',
    confirmHide: (title) => `Hide “${title}” from the shop?`,
    confirmShow: (title) => `Put “${title}” on sale?`,
    confirmSave: (title) => `Save the changes to “${title}”?`,
    badPrice: 'write an amount such as 24.90',
    actions: 'Recorded actions',
    actionLine: (when, actor, action) => `${when} — ${actor}: ${action}`,
  },
  scans: {
    title: 'Catalogue scans',
    start: 'Start a scan now',
    confirmStart: 'Start a catalogue scan at CJ now? It spends the CJ account’s points and calls.',
    queued: 'Scan requested: it starts in a moment.',
    alreadyRunning: 'A scan is already running.',
    alreadyQueued: 'A scan requested earlier has not started yet.',
    running: 'Running',
    live: 'This page updates itself while the scan runs.',
    none: 'No scans yet.',
    columns: { started: 'Started', trigger: 'Trigger', status: 'Status', calls: 'CJ calls', points: 'Points', note: 'Note' },
    statuses: { running: 'Running', finished: 'Finished', failed: 'Failed' },
    gates: 'Counts per gate',
    gateColumns: { gate: 'Gate', counts: 'Counts' },
    gateNames: { search: 'Search', analyse: 'Analyse', details: 'Details', translate: 'Translate', price: 'Price', enrich: 'Enrich', store: 'Store' },
    countNames: countNamesEn,
    rejectedByReason: 'Rejections by reason',
    errors: 'Errors',
  },
  rejected: {
    title: 'Rejected candidates',
    columns: { pid: 'CJ id', gate: 'Gate', reason: 'Reason', times: 'Times', when: 'Last time' },
    none: 'No rejected candidates.',
  },
  add: {
    title: 'Add a product from CJ',
    intro: 'The product goes through the same gates as a scan: details, checks, translation, price, enrichment and catalogue.',
    label: 'CJ product id or address',
    hint: 'For example 1614171948392570880 or https://cjdropshipping.com/product/…-p-1614171948392570880.html',
    submit: 'Add',
    confirm: (ref) => `Ask CJ for product ${ref} and pass it through the scan's gates?`,
    added: 'Product added to the catalogue.',
    updated: 'Product updated in the catalogue.',
    alreadyListed: 'This product is already in the catalogue.',
    rejected: (gate, reason) => `Turned down at the “${gate}” gate: ${reason}`,
    passed: (gates) => `Gates passed: ${gates}`,
    open: 'Open the product',
    unavailable: 'Adding products is not available in this store.',
  },
};
