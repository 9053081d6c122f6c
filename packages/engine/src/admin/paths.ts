// The console's addresses under /admin, in the store's language (Portuguese for a pt store).
import { uiLanguage } from '../web/i18n/index.js';

export const ADMIN_PREFIX = '/admin';

export const ADMIN_SECTIONS = ['overview', 'orders', 'catalogue', 'disputes', 'leads', 'alerts', 'jobs', 'cjAccount', 'settings'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export interface AdminPaths {
  login: string;
  logout: string;
  sections: Record<AdminSection, string>;
}

const pt: AdminPaths = {
  login: '/admin/entrar',
  logout: '/admin/sair',
  sections: {
    overview: '/admin',
    orders: '/admin/encomendas',
    catalogue: '/admin/catalogo',
    disputes: '/admin/disputas',
    leads: '/admin/contactos',
    alerts: '/admin/alertas',
    jobs: '/admin/tarefas',
    cjAccount: '/admin/conta-cj',
    settings: '/admin/definicoes',
  },
};

const en: AdminPaths = {
  login: '/admin/login',
  logout: '/admin/logout',
  sections: {
    overview: '/admin',
    orders: '/admin/orders',
    catalogue: '/admin/catalogue',
    disputes: '/admin/disputes',
    leads: '/admin/leads',
    alerts: '/admin/alerts',
    jobs: '/admin/jobs',
    cjAccount: '/admin/cj-account',
    settings: '/admin/settings',
  },
};

export function adminPathsFor(locale: string): AdminPaths {
  return uiLanguage(locale) === 'pt-PT' ? pt : en;
}

/** A `next` target after login: only a path inside the console, never another site. */
export function safeNext(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 300) return null;
  if (!next.startsWith(`${ADMIN_PREFIX}/`) && next !== ADMIN_PREFIX) return null;
  if (next.startsWith('//') || next.includes('\\') || [...next].some((c) => c.charCodeAt(0) < 0x20)) return null;
  return next;
}
