// The console's order pages (list, detail, confirmations), both languages side by side. Reached
// as `messages.admin.orders`.
import type { HoldReason, OrderStatus } from '../../orders/state-machine.js';

/** The timeline's actors with a fixed name (agents are named by their token: see `agent`). */
type NamedActor = 'customer' | 'payment' | 'fulfilment' | 'cj_sync' | 'webhook' | 'dispute' | 'admin' | 'system' | 'owner' | 'admin-token' | 'cli';

export type OrderActionName = 'retry' | 'acceptCost' | 'cancel' | 'markPaid' | 'refund' | 'dispute';

interface ActionText {
  /** The button on the order page. */
  label: string;
  /** The confirmation page's heading and what will happen. */
  title: string;
  explain: string;
  confirm: string;
  done: string;
  /** A second click found it already done. */
  already: string;
}

export interface AdminOrdersMessages {
  title: string;
  filters: {
    legend: string;
    status: string;
    anyStatus: string;
    hold: string;
    anyHold: string;
    from: string;
    to: string;
    q: string;
    qHint: string;
    apply: string;
    clear: string;
  };
  exportCsv: string;
  count: (n: number) => string;
  empty: string;
  columns: { number: string; date: string; customer: string; status: string; total: string };
  paging: { label: string; previous: string; next: string; page: (page: number, pages: number) => string };
  statuses: Record<OrderStatus, string>;
  holds: Record<HoldReason, string>;
  detail: {
    title: (n: string) => string;
    back: string;
    held: (reason: string) => string;
    lines: string;
    product: string;
    options: string;
    quantity: string;
    unitPrice: string;
    lineTotal: string;
    lineRefunded: string;
    customer: string;
    name: string;
    email: string;
    phone: string;
    address: string;
    amounts: string;
    price: string;
    items: string;
    shippingCharged: string;
    vat: string;
    cjCost: string;
    cjExpected: string;
    shippingQuote: string;
    margin: string;
    marginNote: string;
    refunded: string;
    cj: string;
    cjOrderId: string;
    cjStatus: string;
    payment: string;
    provider: string;
    reference: string;
    tracking: string;
    trackingLink: string;
    none: string;
    timeline: string;
    when: string;
    change: string;
    what: string;
    who: string;
    actions: string;
    noActions: string;
  };
  actors: Record<NamedActor, string>;
  agent: (name: string) => string;
  actions: Record<OrderActionName, ActionText>;
  refund: { lines: string; full: (amount: string) => string; lineOption: (title: string, amount: string) => string; reference: string; referenceHint: string; nothingLeft: string };
  markPaid: { reference: string; referenceHint: string; amount: (amount: string) => string };
  dispute: { kind: string; kinds: { damaged: string; wrong_item: string; not_received: string } };
  cancelConfirm: string;
  failed: (message: string) => string;
  errors: Record<string, string>;
}

export const adminOrdersPt: AdminOrdersMessages = {
  title: 'Encomendas',
  filters: {
    legend: 'Filtrar encomendas',
    status: 'Estado',
    anyStatus: 'Todos os estados',
    hold: 'Motivo de retenção',
    anyHold: 'Qualquer motivo',
    from: 'Desde',
    to: 'Até',
    q: 'Procurar',
    qHint: 'Número, email ou nome do cliente.',
    apply: 'Filtrar',
    clear: 'Limpar filtros',
  },
  exportCsv: 'Exportar CSV',
  count: (n) => (n === 1 ? '1 encomenda' : `${n} encomendas`),
  empty: 'Nenhuma encomenda corresponde aos filtros.',
  columns: { number: 'Número', date: 'Data', customer: 'Cliente', status: 'Estado', total: 'Total' },
  paging: { label: 'Páginas', previous: 'Anterior', next: 'Seguinte', page: (p, n) => `Página ${p} de ${n}` },
  statuses: {
    awaiting_payment: 'A aguardar pagamento',
    pending: 'Paga, a enviar à CJ',
    confirmed: 'Confirmada na CJ',
    paid: 'Paga à CJ',
    shipped: 'Enviada',
    delivered: 'Entregue',
    on_hold: 'Retida',
    cancelled: 'Cancelada',
    disputed: 'Em disputa',
    refunded: 'Reembolsada',
  },
  holds: {
    insufficient_balance: 'Saldo CJ insuficiente',
    out_of_stock: 'Sem stock na CJ',
    address_rejected: 'Morada recusada',
    supplier_error: 'Erro ou preço da CJ',
    manual: 'Retida à mão',
  },
  detail: {
    title: (n) => `Encomenda ${n}`,
    back: 'Todas as encomendas',
    held: (reason) => `Retida: ${reason}`,
    lines: 'Artigos',
    product: 'Produto',
    options: 'Opções',
    quantity: 'Qtd.',
    unitPrice: 'Preço unitário',
    lineTotal: 'Total',
    lineRefunded: 'reembolsado',
    customer: 'Cliente',
    name: 'Nome',
    email: 'Email',
    phone: 'Telefone',
    address: 'Morada de entrega',
    amounts: 'Valores',
    price: 'Pago pelo cliente',
    items: 'Artigos',
    shippingCharged: 'Envio cobrado',
    vat: 'IVA incluído',
    cjCost: 'Custo CJ cobrado',
    cjExpected: 'Custo CJ previsto (produtos)',
    shippingQuote: 'Envio CJ previsto',
    margin: 'Margem',
    marginNote: 'Sem IVA, menos o custo CJ convertido à taxa da loja.',
    refunded: 'Reembolsado',
    cj: 'CJ',
    cjOrderId: 'Encomenda CJ',
    cjStatus: 'Estado na CJ',
    payment: 'Pagamento',
    provider: 'Meio',
    reference: 'Referência',
    tracking: 'Seguimento',
    trackingLink: 'Seguir o envio',
    none: '—',
    timeline: 'Histórico',
    when: 'Quando',
    change: 'Estado',
    what: 'O que aconteceu',
    who: 'Quem',
    actions: 'Ações',
    noActions: 'Nenhuma ação disponível neste estado.',
  },
  actors: {
    customer: 'Cliente',
    payment: 'Pagamento',
    fulfilment: 'Envio à CJ',
    cj_sync: 'Sincronização CJ',
    webhook: 'Webhook CJ',
    dispute: 'Disputas',
    admin: 'Operador',
    system: 'Sistema',
    owner: 'Dono da loja (consola)',
    'admin-token': 'API (token de administração)',
    cli: 'Linha de comandos',
  },
  agent: (name) => `Agente ${name}`,
  actions: {
    retry: {
      label: 'Tentar de novo',
      title: 'Tentar de novo a encomenda retida',
      explain: 'A encomenda volta a ser enviada à CJ agora: criada, confirmada e paga com o saldo CJ. Carregue o saldo primeiro se foi esse o motivo.',
      confirm: 'Sim, tentar de novo',
      done: 'A encomenda foi retomada e vai para a CJ.',
      already: 'A encomenda já não está retida: foi retomada antes.',
    },
    acceptCost: {
      label: 'Aceitar o custo da CJ',
      title: 'Aceitar o custo mais alto da CJ',
      explain: 'A CJ cobra mais do que o previsto no checkout. Ao aceitar, a encomenda é paga à CJ pelo valor dela.',
      confirm: 'Sim, aceitar e pagar',
      done: 'Custo aceite: a encomenda vai ser paga à CJ.',
      already: 'A encomenda já não está retida: foi retomada antes.',
    },
    cancel: {
      label: 'Cancelar',
      title: 'Cancelar a encomenda',
      explain: 'A encomenda é apagada na CJ (ainda não foi paga lá) e cancelada aqui. Depois reembolse o cliente.',
      confirm: 'Sim, cancelar',
      done: 'Encomenda cancelada.',
      already: 'A encomenda já estava cancelada.',
    },
    markPaid: {
      label: 'Marcar transferência recebida',
      title: 'Registar a transferência bancária',
      explain: 'Confirme que o valor chegou à conta. A encomenda é enviada à CJ de imediato.',
      confirm: 'Sim, recebi a transferência',
      done: 'Transferência registada: a encomenda vai para a CJ.',
      already: 'Esta transferência já estava registada.',
    },
    refund: {
      label: 'Reembolsar',
      title: 'Reembolsar o cliente',
      explain: 'Escolha o que reembolsar. Um pagamento Stripe é devolvido pela Stripe; uma transferência é devolvida por si e aqui só fica registada.',
      confirm: 'Sim, reembolsar',
      done: 'Reembolso feito.',
      already: 'Este reembolso já tinha sido feito.',
    },
    dispute: {
      label: 'Abrir disputa na CJ',
      title: 'Abrir uma disputa na CJ',
      explain: 'A disputa é aberta na CJ pelo fluxo dela (artigos, confirmação, criação). Só há uma por encomenda e motivo.',
      confirm: 'Sim, abrir a disputa',
      done: 'Disputa aberta na CJ.',
      already: 'Já existe uma disputa com este motivo para a encomenda.',
    },
  },
  refund: {
    lines: 'O que reembolsar',
    full: (amount) => `Tudo o que falta reembolsar (${amount}, envio incluído)`,
    lineOption: (title, amount) => `${title} — ${amount}`,
    reference: 'Referência da transferência de devolução',
    referenceHint: 'Faça a transferência ao cliente e escreva aqui a referência.',
    nothingLeft: 'Já foi tudo reembolsado.',
  },
  markPaid: {
    reference: 'Referência da transferência',
    referenceHint: 'Como aparece no extrato bancário.',
    amount: (amount) => `Valor da encomenda: ${amount}`,
  },
  dispute: { kind: 'Motivo', kinds: { damaged: 'Produto danificado', wrong_item: 'Produto errado', not_received: 'Não recebido' } },
  cancelConfirm: 'Voltar sem fazer nada',
  failed: (message) => `A ação não foi feita: ${message}`,
  errors: {
    not_found: 'a encomenda não existe.',
    not_on_hold: 'a encomenda não está retida.',
    not_cancellable: 'a CJ já foi paga; abra uma disputa ou reembolse o cliente.',
    paid_at_cj: 'a CJ já tem a encomenda paga; não pode ser cancelada.',
    cj_refused: 'a CJ não confirmou o cancelamento; nada foi cancelado, tente de novo.',
    in_progress: 'um reembolso desta encomenda está a ser feito; recarregue daqui a pouco.',
    already_refunded: 'a encomenda já foi reembolsada.',
    not_refundable: 'cancele primeiro a encomenda (a CJ ainda não foi paga) e depois reembolse.',
    not_paid: 'não há pagamento registado para reembolsar.',
    stale: 'os reembolsos mudaram entretanto; veja a encomenda e decida de novo.',
    line_refunded: 'um dos artigos já foi reembolsado.',
    nothing_to_refund: 'já foi tudo reembolsado.',
    reference_required: 'escreva a referência da transferência de devolução.',
    refund_refused: 'a Stripe recusou o reembolso.',
    outcome_unknown: 'a Stripe não respondeu; tente de novo daqui a uns minutos (não reembolsa duas vezes).',
    not_at_cj: 'a encomenda ainda não está na CJ.',
    not_disputable: 'a disputa precisa de uma encomenda já paga à CJ.',
    no_cost_drift: 'a CJ não cobra mais do que o previsto; use "Tentar de novo".',
    not_manual: 'a encomenda não é paga por transferência.',
    payment_rejected: 'o valor não corresponde ao total da encomenda.',
    no_provider: 'a loja não tem a Stripe configurada para reembolsar.',
    pending: 'a CJ ainda não aceitou a disputa; o verificador de disputas tenta de novo.',
  },
};

export const adminOrdersEn: AdminOrdersMessages = {
  title: 'Orders',
  filters: {
    legend: 'Filter orders',
    status: 'State',
    anyStatus: 'All states',
    hold: 'Hold reason',
    anyHold: 'Any reason',
    from: 'From',
    to: 'To',
    q: 'Search',
    qHint: "Number, email or customer's name.",
    apply: 'Filter',
    clear: 'Clear filters',
  },
  exportCsv: 'Export CSV',
  count: (n) => (n === 1 ? '1 order' : `${n} orders`),
  empty: 'No order matches the filters.',
  columns: { number: 'Number', date: 'Date', customer: 'Customer', status: 'State', total: 'Total' },
  paging: { label: 'Pages', previous: 'Previous', next: 'Next', page: (p, n) => `Page ${p} of ${n}` },
  statuses: {
    awaiting_payment: 'Awaiting payment',
    pending: 'Paid, going to CJ',
    confirmed: 'Confirmed at CJ',
    paid: 'Paid at CJ',
    shipped: 'Shipped',
    delivered: 'Delivered',
    on_hold: 'On hold',
    cancelled: 'Cancelled',
    disputed: 'Disputed',
    refunded: 'Refunded',
  },
  holds: {
    insufficient_balance: 'CJ balance too low',
    out_of_stock: 'Out of stock at CJ',
    address_rejected: 'Address refused',
    supplier_error: 'CJ error or price',
    manual: 'Held by hand',
  },
  detail: {
    title: (n) => `Order ${n}`,
    back: 'All orders',
    held: (reason) => `On hold: ${reason}`,
    lines: 'Items',
    product: 'Product',
    options: 'Options',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    lineTotal: 'Total',
    lineRefunded: 'refunded',
    customer: 'Customer',
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    address: 'Shipping address',
    amounts: 'Amounts',
    price: 'Paid by the customer',
    items: 'Items',
    shippingCharged: 'Shipping charged',
    vat: 'VAT included',
    cjCost: 'CJ cost charged',
    cjExpected: 'Expected CJ cost (products)',
    shippingQuote: 'Expected CJ shipping',
    margin: 'Margin',
    marginNote: "Without VAT, minus CJ's cost at the store's rate.",
    refunded: 'Refunded',
    cj: 'CJ',
    cjOrderId: 'CJ order',
    cjStatus: 'CJ status',
    payment: 'Payment',
    provider: 'Method',
    reference: 'Reference',
    tracking: 'Tracking',
    trackingLink: 'Follow the parcel',
    none: '—',
    timeline: 'Timeline',
    when: 'When',
    change: 'State',
    what: 'What happened',
    who: 'Who',
    actions: 'Actions',
    noActions: 'No action is available in this state.',
  },
  actors: {
    customer: 'Customer',
    payment: 'Payment',
    fulfilment: 'Fulfilment',
    cj_sync: 'CJ sync',
    webhook: 'CJ webhook',
    dispute: 'Disputes',
    admin: 'Operator',
    system: 'System',
    owner: 'Store owner (console)',
    'admin-token': 'API (admin token)',
    cli: 'Command line',
  },
  agent: (name) => `Agent ${name}`,
  actions: {
    retry: {
      label: 'Retry',
      title: 'Retry the held order',
      explain: 'The order goes to CJ again now: created, confirmed and paid from the CJ balance. Top the balance up first if that was the reason.',
      confirm: 'Yes, retry',
      done: 'The order was resumed and is going to CJ.',
      already: 'The order is no longer on hold: it was resumed before.',
    },
    acceptCost: {
      label: "Accept CJ's cost",
      title: "Accept CJ's higher cost",
      explain: 'CJ charges more than checkout expected. Accepting pays CJ its amount for this order.',
      confirm: 'Yes, accept and pay',
      done: 'Cost accepted: the order will be paid at CJ.',
      already: 'The order is no longer on hold: it was resumed before.',
    },
    cancel: {
      label: 'Cancel',
      title: 'Cancel the order',
      explain: 'The order is deleted at CJ (not paid there yet) and cancelled here. Refund the customer afterwards.',
      confirm: 'Yes, cancel',
      done: 'Order cancelled.',
      already: 'The order was already cancelled.',
    },
    markPaid: {
      label: 'Mark transfer received',
      title: 'Record the bank transfer',
      explain: 'Confirm the money has arrived. The order goes to CJ at once.',
      confirm: 'Yes, I received it',
      done: 'Transfer recorded: the order is going to CJ.',
      already: 'This transfer was already recorded.',
    },
    refund: {
      label: 'Refund',
      title: 'Refund the customer',
      explain: 'Choose what to refund. A Stripe payment is given back through Stripe; a bank transfer you give back yourself, and it is recorded here.',
      confirm: 'Yes, refund',
      done: 'Refund made.',
      already: 'This refund had already been made.',
    },
    dispute: {
      label: 'Open a CJ dispute',
      title: 'Open a dispute at CJ',
      explain: "The dispute is opened through CJ's own flow (items, confirmation, creation). There is one per order and reason.",
      confirm: 'Yes, open the dispute',
      done: 'Dispute opened at CJ.',
      already: 'The order already has a dispute for this reason.',
    },
  },
  refund: {
    lines: 'What to refund',
    full: (amount) => `Everything not refunded yet (${amount}, shipping included)`,
    lineOption: (title, amount) => `${title} — ${amount}`,
    reference: 'Reference of the transfer back',
    referenceHint: 'Transfer the money to the customer, then type its reference here.',
    nothingLeft: 'Everything has been refunded.',
  },
  markPaid: {
    reference: 'Transfer reference',
    referenceHint: 'As it shows on the bank statement.',
    amount: (amount) => `Order total: ${amount}`,
  },
  dispute: { kind: 'Reason', kinds: { damaged: 'Damaged product', wrong_item: 'Wrong product', not_received: 'Not received' } },
  cancelConfirm: 'Go back without doing anything',
  failed: (message) => `Nothing was done: ${message}`,
  errors: {
    not_found: 'the order does not exist.',
    not_on_hold: 'the order is not on hold.',
    not_cancellable: 'CJ has been paid; open a dispute or refund the customer.',
    paid_at_cj: 'CJ already has the order paid; it cannot be cancelled.',
    cj_refused: 'CJ did not confirm the cancellation; nothing was cancelled, try again.',
    in_progress: 'a refund of this order is being made; reload in a moment.',
    already_refunded: 'the order is already refunded.',
    not_refundable: 'cancel the order first (CJ is not paid yet), then refund it.',
    not_paid: 'there is no recorded payment to refund.',
    stale: 'the refunds changed meanwhile; look at the order and decide again.',
    line_refunded: 'one of the items is already refunded.',
    nothing_to_refund: 'everything has been refunded.',
    reference_required: 'type the reference of the transfer back.',
    refund_refused: 'Stripe refused the refund.',
    outcome_unknown: 'Stripe did not answer; try again in a few minutes (it will not refund twice).',
    not_at_cj: 'the order is not at CJ yet.',
    not_disputable: 'a dispute needs an order already paid at CJ.',
    no_cost_drift: 'CJ does not charge more than expected; use "Retry".',
    not_manual: 'the order is not paid by bank transfer.',
    payment_rejected: 'the amount does not match the order total.',
    no_provider: 'the store has no Stripe set up to refund through.',
    pending: 'CJ has not taken the dispute yet; the dispute check tries again.',
  },
};
