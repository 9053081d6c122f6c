// The console's first screen (figures, chart, needs attention, the store's state), both languages
// side by side. Reached as `messages.admin.overview`.

export interface AdminOverviewMessages {
  title: string;
  supplier: { simulated: (url: string) => string; real: string };
  figures: {
    heading: string;
    caption: string;
    metric: string;
    today: string;
    days7: string;
    days30: string;
    orders: string;
    revenue: string;
    cjCost: string;
    shipping: string;
    margin: string;
    estimated: (n: number) => string;
  };
  chart: {
    heading: string;
    title: string;
    desc: (days: number, orders: number, revenue: string, best: string) => string;
    revenue: string;
    orders: string;
    table: string;
    date: string;
  };
  attention: {
    heading: string;
    empty: string;
    held: (number: string, reason: string) => string;
    retry: string;
    open: string;
    deadJob: (type: string) => string;
    seeJobs: string;
    dispute: (number: string, rule: string) => string;
    seeDisputes: string;
    balance: (balance: string, needed: string, orders: number) => string;
    seeCj: string;
    seeHeld: string;
    marginHidden: (title: string) => string;
    seeCatalogue: string;
    alerts: (n: number) => string;
    seeAlerts: string;
    more: (n: number) => string;
  };
  byState: { heading: string; none: string };
  catalogue: { heading: string; active: string; hidden: string; retired: string; hiddenBy: (reason: string) => string };
  schedules: { heading: string; job: string; last: string; next: string; never: string; scan: string; inventory: string; reconcile: string; disputes: string; lastScan: (status: string) => string };
  cj: {
    heading: string;
    calls: string;
    rateLimited: string;
    points: (budget: string) => string;
    token: string;
    balance: string;
    unpaidNeed: string;
    unknown: string;
    sinceStart: string;
  };
  webhooks: { heading: string; state: string; enabled: string; disabled: string; unknown: string; changed: string; lastReceived: string };
}

export const adminOverviewPt: AdminOverviewMessages = {
  title: 'Visão geral',
  supplier: {
    simulated: (url) => `Esta loja usa o simulador CJ (${url}): nenhuma encomenda é realmente comprada, paga ou enviada.`,
    real: 'Fornecedor: API real da CJ.',
  },
  figures: {
    heading: 'Números',
    caption: 'Encomendas pagas, receita, custos e margem por período',
    metric: 'Indicador',
    today: 'Hoje',
    days7: '7 dias',
    days30: '30 dias',
    orders: 'Encomendas pagas',
    revenue: 'Receita (IVA incluído)',
    cjCost: 'Custo CJ',
    shipping: 'Envio cobrado',
    margin: 'Margem (sem IVA)',
    estimated: (n) => `${n} ${n === 1 ? 'encomenda ainda com custo CJ estimado' : 'encomendas ainda com custo CJ estimado'} (a CJ ainda não cobrou).`,
  },
  chart: {
    heading: 'Últimos 30 dias',
    title: 'Receita e encomendas por dia, últimos 30 dias',
    desc: (days, orders, revenue, best) => `${days} dias: ${orders} encomendas pagas, ${revenue} de receita. Melhor dia: ${best}.`,
    revenue: 'Receita',
    orders: 'Encomendas',
    table: 'Ver os números do gráfico',
    date: 'Dia',
  },
  attention: {
    heading: 'Precisa de atenção',
    empty: 'Nada precisa de si agora. Tudo a andar.',
    held: (number, reason) => `Encomenda ${number} retida: ${reason}`,
    retry: 'Tentar de novo',
    open: 'Abrir',
    deadJob: (type) => `Tarefa falhada: ${type}`,
    seeJobs: 'Ver tarefas',
    dispute: (number, rule) => `Disputa aberta na encomenda ${number} (${rule})`,
    seeDisputes: 'Ver disputas',
    balance: (balance, needed, orders) => `Saldo CJ de ${balance} não chega: as ${orders} encomendas por pagar à CJ precisam de ${needed}.`,
    seeCj: 'Conta CJ',
    seeHeld: 'Encomendas retidas',
    marginHidden: (title) => `Produto escondido pela margem mínima: ${title}`,
    seeCatalogue: 'Ver catálogo',
    alerts: (n) => (n === 1 ? '1 alerta por ler' : `${n} alertas por ler`),
    seeAlerts: 'Ver alertas',
    more: (n) => `e mais ${n}`,
  },
  byState: { heading: 'Encomendas por estado', none: 'Ainda não há encomendas.' },
  catalogue: { heading: 'Catálogo', active: 'À venda', hidden: 'Escondidos', retired: 'Retirados', hiddenBy: (reason) => `Escondidos (${reason})` },
  schedules: {
    heading: 'Tarefas periódicas',
    job: 'Tarefa',
    last: 'Última vez',
    next: 'Próxima',
    never: 'nunca',
    scan: 'Pesquisa de catálogo',
    inventory: 'Sincronização de stock',
    reconcile: 'Reconciliação de encomendas',
    disputes: 'Verificação de disputas',
    lastScan: (status) => `Última pesquisa: ${status}`,
  },
  cj: {
    heading: 'CJ',
    calls: 'Chamadas à API',
    rateLimited: 'Recusadas por limite (429)',
    points: (budget) => `Pontos gastos (orçamento por pesquisa: ${budget})`,
    token: 'O token de acesso expira',
    balance: 'Último saldo conhecido',
    unpaidNeed: 'Necessário para encomendas por pagar',
    unknown: 'desconhecido',
    sinceStart: 'Contagens desde o arranque do processo.',
  },
  webhooks: {
    heading: 'Webhooks CJ',
    state: 'Estado',
    enabled: 'Ligados',
    disabled: 'Desligados',
    unknown: 'Nunca configurados pelo lojista',
    changed: 'Alterado em',
    lastReceived: 'Última mensagem recebida',
  },
};

export const adminOverviewEn: AdminOverviewMessages = {
  title: 'Overview',
  supplier: {
    simulated: (url) => `This store runs on the CJ simulator (${url}): no order is really bought, paid or shipped.`,
    real: 'Supplier: the real CJ API.',
  },
  figures: {
    heading: 'Figures',
    caption: 'Paid orders, revenue, costs and margin by period',
    metric: 'Figure',
    today: 'Today',
    days7: '7 days',
    days30: '30 days',
    orders: 'Paid orders',
    revenue: 'Revenue (VAT included)',
    cjCost: 'CJ cost',
    shipping: 'Shipping charged',
    margin: 'Margin (without VAT)',
    estimated: (n) => `${n} ${n === 1 ? 'order still has an estimated CJ cost' : 'orders still have an estimated CJ cost'} (CJ has not charged yet).`,
  },
  chart: {
    heading: 'Last 30 days',
    title: 'Revenue and orders per day, last 30 days',
    desc: (days, orders, revenue, best) => `${days} days: ${orders} paid orders, ${revenue} revenue. Best day: ${best}.`,
    revenue: 'Revenue',
    orders: 'Orders',
    table: "See the chart's figures",
    date: 'Day',
  },
  attention: {
    heading: 'Needs attention',
    empty: 'Nothing needs you right now. All running.',
    held: (number, reason) => `Order ${number} on hold: ${reason}`,
    retry: 'Retry',
    open: 'Open',
    deadJob: (type) => `Failed job: ${type}`,
    seeJobs: 'See jobs',
    dispute: (number, rule) => `Open dispute on order ${number} (${rule})`,
    seeDisputes: 'See disputes',
    balance: (balance, needed, orders) => `CJ balance of ${balance} is not enough: the ${orders} orders not yet paid at CJ need ${needed}.`,
    seeCj: 'CJ account',
    seeHeld: 'Held orders',
    marginHidden: (title) => `Product hidden by the margin floor: ${title}`,
    seeCatalogue: 'See catalogue',
    alerts: (n) => (n === 1 ? '1 unread alert' : `${n} unread alerts`),
    seeAlerts: 'See alerts',
    more: (n) => `and ${n} more`,
  },
  byState: { heading: 'Orders by state', none: 'No orders yet.' },
  catalogue: { heading: 'Catalogue', active: 'On sale', hidden: 'Hidden', retired: 'Retired', hiddenBy: (reason) => `Hidden (${reason})` },
  schedules: {
    heading: 'Scheduled jobs',
    job: 'Job',
    last: 'Last run',
    next: 'Next run',
    never: 'never',
    scan: 'Catalogue scan',
    inventory: 'Inventory sync',
    reconcile: 'Order reconciliation',
    disputes: 'Dispute check',
    lastScan: (status) => `Last scan: ${status}`,
  },
  cj: {
    heading: 'CJ',
    calls: 'API calls',
    rateLimited: 'Refused for rate (429)',
    points: (budget) => `Points spent (budget per scan: ${budget})`,
    token: 'Access token expires',
    balance: 'Last known balance',
    unpaidNeed: 'Needed for orders not paid at CJ',
    unknown: 'unknown',
    sinceStart: 'Counts since the process started.',
  },
  webhooks: {
    heading: 'CJ webhooks',
    state: 'State',
    enabled: 'Enabled',
    disabled: 'Disabled',
    unknown: 'Never set up through lojista',
    changed: 'Changed',
    lastReceived: 'Last message received',
  },
};
