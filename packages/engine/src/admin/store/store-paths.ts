// Addresses of the console's "rest of the store" pages, in the store's language.
import type { AdminView } from '../admin-view.js';

export function storePaths(view: AdminView) {
  const s = view.paths.sections;
  const pt = view.messages.language === 'pt-PT';
  const w = pt
    ? { cancel: 'cancelar', csv: 'contactos.csv', ack: 'ver', retry: 'repetir', discard: 'descartar', run: 'correr', inbox: 'webhooks', webhooks: 'webhooks', tracking: 'rastreio' }
    : { cancel: 'cancel', csv: 'leads.csv', ack: 'seen', retry: 'retry', discard: 'discard', run: 'run', inbox: 'webhooks', webhooks: 'webhooks', tracking: 'tracking' };
  const dispute = (id: string) => `${s.disputes}/${encodeURIComponent(id)}`;
  const job = (id: string) => `${s.jobs}/${encodeURIComponent(id)}`;
  const alert = (id: string) => `${s.alerts}/${encodeURIComponent(id)}`;
  return {
    disputes: s.disputes,
    dispute,
    cancelDispute: (id: string) => `${dispute(id)}/${w.cancel}`,
    leads: s.leads,
    leadsCsv: `${s.leads}/${w.csv}`,
    alerts: s.alerts,
    acknowledge: (id: string) => `${alert(id)}/${w.ack}`,
    jobs: s.jobs,
    retryJob: (id: string) => `${job(id)}/${w.retry}`,
    discardJob: (id: string) => `${job(id)}/${w.discard}`,
    runNow: `${s.jobs}/${w.run}`,
    inbox: `${s.jobs}/${w.inbox}`,
    cj: s.cjAccount,
    cjWebhooks: `${s.cjAccount}/${w.webhooks}`,
    tracking: `${s.cjAccount}/${w.tracking}`,
    settings: s.settings,
    patterns: {
      dispute: `${s.disputes}/:id`,
      cancelDispute: `${s.disputes}/:id/${w.cancel}`,
      acknowledge: `${s.alerts}/:id/${w.ack}`,
      retryJob: `${s.jobs}/:id/${w.retry}`,
      discardJob: `${s.jobs}/:id/${w.discard}`,
    },
  };
}

export type StorePaths = ReturnType<typeof storePaths>;
