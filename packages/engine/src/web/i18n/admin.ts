// The admin console's strings, both languages side by side (see common.ts).
import type { AdminSection } from '../../admin/paths.js';
import { adminOrdersEn, adminOrdersPt, type AdminOrdersMessages } from './admin-orders.js';
import { adminOverviewEn, adminOverviewPt, type AdminOverviewMessages } from './admin-overview.js';
import { adminStoreEn, adminStorePt, type AdminStoreMessages } from './admin-store.js';
import { adminCatalogueEn, adminCataloguePt, adminKitEn, adminKitPt, type AdminCatalogueMessages, type AdminKitMessages } from './admin-catalogue.js';

export interface AdminMessages {
  console: string;
  nav: { label: string; sections: Record<AdminSection, string>; logout: string };
  simulated: string;
  login: {
    title: string;
    password: string;
    code: string;
    codeHint: string;
    submit: string;
    invalid: string;
    locked: (until: string) => string;
    noPassword: (command: string) => string;
    loggedOut: string;
    expired: string;
  };
  overview: AdminOverviewMessages;
  orders: AdminOrdersMessages;
  /** Confirmations, paging and filters shared by the console's pages (admin-catalogue.ts). */
  kit: AdminKitMessages;
  catalogue: AdminCatalogueMessages;
  /** Disputes, leads, alerts, jobs, CJ account, settings (admin-store.ts). */
  store: AdminStoreMessages;
}

export const adminPt: AdminMessages = {
  console: 'Consola',
  nav: {
    label: 'Secções da consola',
    sections: {
      overview: 'Visão geral',
      orders: 'Encomendas',
      catalogue: 'Catálogo',
      disputes: 'Disputas',
      leads: 'Contactos',
      alerts: 'Alertas',
      jobs: 'Tarefas',
      cjAccount: 'Conta CJ',
      settings: 'Definições',
    },
    logout: 'Terminar sessão',
  },
  simulated: 'Loja em modo simulado: as encomendas vão para o simulador CJ — nada é realmente comprado, pago ou enviado.',
  login: {
    title: 'Entrar na consola',
    password: 'Palavra-passe',
    code: 'Código de autenticação',
    codeHint: 'Os 6 dígitos da aplicação de autenticação.',
    submit: 'Entrar',
    invalid: 'Palavra-passe ou código incorretos.',
    locked: (until) => `Demasiadas tentativas falhadas. A entrada está bloqueada até ${until}.`,
    noPassword: (command) => `Ainda não há palavra-passe para esta loja. Defina-a no servidor com: ${command}`,
    loggedOut: 'Sessão terminada.',
    expired: 'A sessão expirou. Entre de novo.',
  },
  overview: adminOverviewPt,
  orders: adminOrdersPt,
  kit: adminKitPt,
  catalogue: adminCataloguePt,
  store: adminStorePt,
};

export const adminEn: AdminMessages = {
  console: 'Console',
  nav: {
    label: 'Console sections',
    sections: {
      overview: 'Overview',
      orders: 'Orders',
      catalogue: 'Catalogue',
      disputes: 'Disputes',
      leads: 'Leads',
      alerts: 'Alerts',
      jobs: 'Jobs',
      cjAccount: 'CJ account',
      settings: 'Settings',
    },
    logout: 'Log out',
  },
  simulated: 'Simulated store: orders go to the CJ simulator — nothing is really bought, paid or shipped.',
  login: {
    title: 'Log in to the console',
    password: 'Password',
    code: 'Authentication code',
    codeHint: 'The 6 digits from your authenticator app.',
    submit: 'Log in',
    invalid: 'Wrong password or code.',
    locked: (until) => `Too many failed attempts. Logging in is locked until ${until}.`,
    noPassword: (command) => `This store has no password yet. Set it on the server with: ${command}`,
    loggedOut: 'You are logged out.',
    expired: 'Your session has expired. Log in again.',
  },
  overview: adminOverviewEn,
  orders: adminOrdersEn,
  kit: adminKitEn,
  catalogue: adminCatalogueEn,
  store: adminStoreEn,
};
