// The console's "rest of the store" pages: disputes, leads, alerts, jobs (with "run now" and the CJ
// webhook inbox), the CJ account (with the tracking lookup) and settings. Both languages side by side.

export interface AdminStoreMessages {
  disputes: {
    title: string;
    status: string;
    statuses: Record<'opening' | 'open' | 'closed' | 'cancelled' | 'failed', string>;
    rules: Record<'not_shipped' | 'tracking_silent' | 'not_delivered' | 'damaged' | 'wrong_item' | 'not_received', string>;
    columns: { order: string; rule: string; status: string; cj: string; created: string };
    none: string;
    back: string;
    detailTitle: (id: string) => string;
    facts: { order: string; orderStatus: string; rule: string; status: string; cjId: string; cjStatus: string; message: string; created: string; updated: string };
    timeline: string;
    cancel: string;
    confirmCancel: (id: string) => string;
    cancelled: string;
    outcome: string;
  };
  leads: {
    title: string;
    total: (n: number) => string;
    columns: { name: string; email: string; source: string; consent: string; created: string };
    consentGiven: (date: string) => string;
    consentMissing: string;
    export: string;
    none: string;
  };
  alerts: {
    title: string;
    columns: { when: string; severity: string; kind: string; message: string; state: string };
    severities: Record<'info' | 'warning' | 'critical', string>;
    none: string;
    acknowledge: string;
    acknowledged: string;
    acknowledgedBy: (who: string, when: string) => string;
    unread: string;
    you: string;
    confirmAcknowledge: (subject: string) => string;
  };
  jobs: {
    title: string;
    tabs: Record<'queued' | 'running' | 'dead', (n: number) => string>;
    columns: { type: string; attempts: string; runAt: string; updated: string; error: string; actions: string };
    none: string;
    retry: string;
    discard: string;
    confirmRetry: (type: string) => string;
    confirmDiscard: (type: string) => string;
    retried: string;
    discarded: string;
    notDead: string;
    liveDuplicate: string;
    notFound: string;
    runNow: string;
    tasks: Record<'inventory' | 'orderReconcile' | 'disputes', string>;
    lastRun: string;
    nextRun: string;
    never: string;
    run: string;
    confirmRun: (task: string) => string;
    runQueued: (task: string) => string;
    runAlready: (task: string) => string;
    inboxLink: string;
  };
  inbox: {
    title: string;
    columns: { received: string; source: string; type: string; status: string; processed: string; error: string };
    statuses: Record<'received' | 'processed' | 'failed' | 'ignored', string>;
    none: string;
  };
  cj: {
    title: string;
    simulated: string;
    real: string;
    balance: string;
    frozen: string;
    qps: string;
    qpsConfigured: (n: number) => string;
    level: string;
    token: string;
    refreshToken: string;
    tokenUnknown: string;
    unavailable: (error: string) => string;
    webhooks: string;
    webhooksOn: string;
    webhooksOff: string;
    webhookUrl: string;
    webhookUrlHint: string;
    enable: string;
    disable: string;
    confirmEnable: (url: string) => string;
    confirmDisable: string;
    enabled: string;
    disabled: string;
    refused: (error: string) => string;
    badUrl: string;
    trackingLink: string;
  };
  tracking: {
    title: string;
    label: string;
    hint: string;
    submit: string;
    order: string;
    number: string;
    notFound: string;
    noTracking: string;
    cjAnswer: string;
    cjNothing: string;
    facts: { carrier: string; from: string; to: string; status: string; days: string; lastMile: string };
  };
  settings: {
    title: string;
    file: string;
    secretsFile: string;
    supplier: string;
    simulated: string;
    database: string;
    secrets: string;
    secretSet: (source: string) => string;
    secretUnset: string;
    config: string;
    masked: string;
    missing: string;
  };
}

export const adminStorePt: AdminStoreMessages = {
  disputes: {
    title: 'Disputas',
    status: 'Estado',
    statuses: { opening: 'A abrir', open: 'Aberta', closed: 'Fechada', cancelled: 'Cancelada', failed: 'Falhou' },
    rules: { not_shipped: 'Não enviada', tracking_silent: 'Rastreio parado', not_delivered: 'Não entregue', damaged: 'Chegou danificado', wrong_item: 'Artigo errado', not_received: 'Não recebida' },
    columns: { order: 'Encomenda', rule: 'Regra', status: 'Estado', cj: 'Estado na CJ', created: 'Aberta em' },
    none: 'Sem disputas.',
    back: 'Voltar às disputas',
    detailTitle: (id) => `Disputa ${id}`,
    facts: { order: 'Encomenda', orderStatus: 'Estado da encomenda', rule: 'Regra', status: 'Estado', cjId: 'ID na CJ', cjStatus: 'Estado na CJ', message: 'Mensagem enviada', created: 'Criada', updated: 'Atualizada' },
    timeline: 'Histórico',
    cancel: 'Cancelar disputa',
    confirmCancel: (id) => `Cancelar a disputa ${id} na CJ? Não pode ser reaberta para a mesma regra.`,
    cancelled: 'Disputa cancelada.',
    outcome: 'Decisão da CJ',
  },
  leads: {
    title: 'Contactos',
    total: (n) => (n === 1 ? '1 contacto' : `${n} contactos`),
    columns: { name: 'Nome', email: 'Email', source: 'Origem', consent: 'Consentimento', created: 'Data' },
    consentGiven: (date) => `Dado em ${date}`,
    consentMissing: 'Não dado',
    export: 'Exportar CSV',
    none: 'Ainda sem contactos.',
  },
  alerts: {
    title: 'Alertas',
    columns: { when: 'Quando', severity: 'Gravidade', kind: 'Tipo', message: 'Mensagem', state: 'Estado' },
    severities: { info: 'Informação', warning: 'Aviso', critical: 'Crítico' },
    none: 'Sem alertas.',
    acknowledge: 'Marcar como visto',
    acknowledged: 'Alerta marcado como visto.',
    acknowledgedBy: (who, when) => `Visto por ${who} em ${when}`,
    unread: 'Por ver',
    you: 'si',
    confirmAcknowledge: (subject) => `Marcar o alerta «${subject}» como visto?`,
  },
  jobs: {
    title: 'Tarefas',
    tabs: { queued: (n) => `Em fila (${n})`, running: (n) => `A correr (${n})`, dead: (n) => `Falhadas (${n})` },
    columns: { type: 'Tipo', attempts: 'Tentativas', runAt: 'Corre a', updated: 'Atualizada', error: 'Último erro', actions: 'Ações' },
    none: 'Nenhuma tarefa neste estado.',
    retry: 'Tentar de novo',
    discard: 'Descartar',
    confirmRetry: (type) => `Correr de novo a tarefa «${type}»?`,
    confirmDiscard: (type) => `Descartar a tarefa «${type}»? Não volta a correr.`,
    retried: 'Tarefa posta de novo na fila.',
    discarded: 'Tarefa descartada.',
    notDead: 'Esta tarefa já não está falhada: nada mudou.',
    liveDuplicate: 'Já há uma tarefa igual em fila ou a correr: nada mudou.',
    notFound: 'Tarefa não encontrada.',
    runNow: 'Correr agora',
    tasks: { inventory: 'Verificação de stock e preços', orderReconcile: 'Reconciliação de encomendas', disputes: 'Verificação de disputas' },
    lastRun: 'Última vez',
    nextRun: 'Próxima',
    never: 'nunca',
    run: 'Correr agora',
    confirmRun: (task) => `Correr agora: ${task}?`,
    runQueued: (task) => `${task}: na fila, corre dentro de momentos.`,
    runAlready: (task) => `${task}: já está na fila ou a correr.`,
    inboxLink: 'Webhooks recebidos da CJ',
  },
  inbox: {
    title: 'Webhooks recebidos',
    columns: { received: 'Recebido', source: 'Origem', type: 'Tipo', status: 'Resultado', processed: 'Processado', error: 'Erro' },
    statuses: { received: 'Por processar', processed: 'Processado', failed: 'Falhou', ignored: 'Ignorado' },
    none: 'Nenhum webhook recebido.',
  },
  cj: {
    title: 'Conta CJ',
    simulated: 'Simulador CJ — nada é realmente comprado nem pago.',
    real: 'CJ Dropshipping',
    balance: 'Saldo',
    frozen: 'Congelado',
    qps: 'Limite de pedidos por segundo',
    qpsConfigured: (n) => `${n} configurado na loja`,
    level: 'Nível da conta',
    token: 'Token de acesso expira',
    refreshToken: 'Token de renovação expira',
    tokenUnknown: 'ainda sem token',
    unavailable: (error) => `Indisponível: ${error}`,
    webhooks: 'Webhooks da CJ',
    webhooksOn: 'Ligados',
    webhooksOff: 'Desligados',
    webhookUrl: 'Endereço público da loja',
    webhookUrlHint: 'A CJ só aceita https e um endereço que responda; as mensagens chegam a /api/webhooks/cj.',
    enable: 'Ligar webhooks',
    disable: 'Desligar webhooks',
    confirmEnable: (url) => `Pedir à CJ que envie as mensagens para ${url}?`,
    confirmDisable: 'Pedir à CJ que deixe de enviar mensagens para esta loja?',
    enabled: 'Webhooks ligados na CJ.',
    disabled: 'Webhooks desligados na CJ.',
    refused: (error) => `A CJ recusou: ${error}`,
    badUrl: 'escreva um endereço como https://loja.example.pt',
    trackingLink: 'Consultar um rastreio',
  },
  tracking: {
    title: 'Consultar rastreio',
    label: 'Número da encomenda ou de rastreio',
    hint: 'Por exemplo LJ-1042 ou o número dado pela transportadora.',
    submit: 'Consultar na CJ',
    order: 'Encomenda',
    number: 'Número de rastreio',
    notFound: 'Nenhuma encomenda tem esse número; foi consultado como número de rastreio.',
    noTracking: 'Esta encomenda ainda não tem número de rastreio.',
    cjAnswer: 'O que a CJ diz',
    cjNothing: 'A CJ não tem informação para esse número.',
    facts: { carrier: 'Transportadora', from: 'De', to: 'Para', status: 'Estado', days: 'Dias em trânsito', lastMile: 'Última milha' },
  },
  settings: {
    title: 'Definições',
    file: 'Ficheiro de configuração',
    secretsFile: 'Ficheiro de segredos',
    supplier: 'Fornecedor',
    simulated: 'Simulador CJ',
    database: 'Base de dados',
    secrets: 'Segredos',
    secretSet: (source) => `definido (${source})`,
    secretUnset: 'não definido',
    config: 'Configuração em vigor',
    masked: 'Os segredos aparecem mascarados. Para mudar algo, edite o ficheiro e reinicie a loja.',
    missing: 'O resumo da configuração ainda não está disponível nesta versão.',
  },
};

export const adminStoreEn: AdminStoreMessages = {
  disputes: {
    title: 'Disputes',
    status: 'Status',
    statuses: { opening: 'Opening', open: 'Open', closed: 'Closed', cancelled: 'Cancelled', failed: 'Failed' },
    rules: { not_shipped: 'Not shipped', tracking_silent: 'Tracking silent', not_delivered: 'Not delivered', damaged: 'Arrived damaged', wrong_item: 'Wrong item', not_received: 'Not received' },
    columns: { order: 'Order', rule: 'Rule', status: 'Status', cj: 'CJ status', created: 'Opened' },
    none: 'No disputes.',
    back: 'Back to disputes',
    detailTitle: (id) => `Dispute ${id}`,
    facts: { order: 'Order', orderStatus: 'Order status', rule: 'Rule', status: 'Status', cjId: 'CJ id', cjStatus: 'CJ status', message: 'Message sent', created: 'Created', updated: 'Updated' },
    timeline: 'Timeline',
    cancel: 'Cancel dispute',
    confirmCancel: (id) => `Cancel dispute ${id} at CJ? It cannot be opened again for the same rule.`,
    cancelled: 'Dispute cancelled.',
    outcome: 'CJ’s decision',
  },
  leads: {
    title: 'Leads',
    total: (n) => (n === 1 ? '1 lead' : `${n} leads`),
    columns: { name: 'Name', email: 'Email', source: 'Source', consent: 'Consent', created: 'Date' },
    consentGiven: (date) => `Given on ${date}`,
    consentMissing: 'Not given',
    export: 'Export CSV',
    none: 'No leads yet.',
  },
  alerts: {
    title: 'Alerts',
    columns: { when: 'When', severity: 'Severity', kind: 'Kind', message: 'Message', state: 'State' },
    severities: { info: 'Info', warning: 'Warning', critical: 'Critical' },
    none: 'No alerts.',
    acknowledge: 'Mark as seen',
    acknowledged: 'Alert marked as seen.',
    acknowledgedBy: (who, when) => `Seen by ${who} on ${when}`,
    unread: 'Unread',
    you: 'you',
    confirmAcknowledge: (subject) => `Mark the alert “${subject}” as seen?`,
  },
  jobs: {
    title: 'Jobs',
    tabs: { queued: (n) => `Queued (${n})`, running: (n) => `Running (${n})`, dead: (n) => `Dead (${n})` },
    columns: { type: 'Type', attempts: 'Attempts', runAt: 'Runs at', updated: 'Updated', error: 'Last error', actions: 'Actions' },
    none: 'No jobs in this state.',
    retry: 'Retry',
    discard: 'Discard',
    confirmRetry: (type) => `Run the job “${type}” again?`,
    confirmDiscard: (type) => `Discard the job “${type}”? It will not run again.`,
    retried: 'Job queued again.',
    discarded: 'Job discarded.',
    notDead: 'This job is no longer dead: nothing changed.',
    liveDuplicate: 'The same job is already queued or running: nothing changed.',
    notFound: 'Job not found.',
    runNow: 'Run now',
    tasks: { inventory: 'Stock and price check', orderReconcile: 'Order reconciliation', disputes: 'Dispute check' },
    lastRun: 'Last run',
    nextRun: 'Next run',
    never: 'never',
    run: 'Run now',
    confirmRun: (task) => `Run now: ${task}?`,
    runQueued: (task) => `${task}: queued, it starts in a moment.`,
    runAlready: (task) => `${task}: already queued or running.`,
    inboxLink: 'Webhooks received from CJ',
  },
  inbox: {
    title: 'Webhooks received',
    columns: { received: 'Received', source: 'Source', type: 'Type', status: 'Outcome', processed: 'Processed', error: 'Error' },
    statuses: { received: 'Not processed yet', processed: 'Processed', failed: 'Failed', ignored: 'Ignored' },
    none: 'No webhooks received.',
  },
  cj: {
    title: 'CJ account',
    simulated: 'CJ simulator — nothing is really bought or paid.',
    real: 'CJ Dropshipping',
    balance: 'Balance',
    frozen: 'Frozen',
    qps: 'Requests per second',
    qpsConfigured: (n) => `${n} configured in the store`,
    level: 'Account level',
    token: 'Access token expires',
    refreshToken: 'Refresh token expires',
    tokenUnknown: 'no token yet',
    unavailable: (error) => `Unavailable: ${error}`,
    webhooks: 'CJ webhooks',
    webhooksOn: 'On',
    webhooksOff: 'Off',
    webhookUrl: 'The store’s public address',
    webhookUrlHint: 'CJ only takes https and an address that answers; messages arrive at /api/webhooks/cj.',
    enable: 'Turn webhooks on',
    disable: 'Turn webhooks off',
    confirmEnable: (url) => `Ask CJ to send its messages to ${url}?`,
    confirmDisable: 'Ask CJ to stop sending messages to this store?',
    enabled: 'Webhooks turned on at CJ.',
    disabled: 'Webhooks turned off at CJ.',
    refused: (error) => `CJ refused: ${error}`,
    badUrl: 'write an address such as https://shop.example.com',
    trackingLink: 'Look up a tracking number',
  },
  tracking: {
    title: 'Tracking lookup',
    label: 'Order number or tracking number',
    hint: 'For example LJ-1042, or the carrier’s tracking number.',
    submit: 'Ask CJ',
    order: 'Order',
    number: 'Tracking number',
    notFound: 'No order has that number; it was looked up as a tracking number.',
    noTracking: 'This order has no tracking number yet.',
    cjAnswer: 'What CJ says',
    cjNothing: 'CJ has no information for that number.',
    facts: { carrier: 'Carrier', from: 'From', to: 'To', status: 'Status', days: 'Days in transit', lastMile: 'Last mile' },
  },
  settings: {
    title: 'Settings',
    file: 'Config file',
    secretsFile: 'Secrets file',
    supplier: 'Supplier',
    simulated: 'CJ simulator',
    database: 'Database',
    secrets: 'Secrets',
    secretSet: (source) => `set (${source})`,
    secretUnset: 'not set',
    config: 'Configuration in force',
    masked: 'Secrets are masked. To change something, edit the file and restart the store.',
    missing: 'The configuration summary is not available in this version yet.',
  },
};
