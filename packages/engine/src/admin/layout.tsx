// The console's frame: a loud banner when the supplier is simulated, the store and its sections,
// logout, and the page. Every page is for the owner only: never indexed, never cached.
import type { ComponentChildren } from 'preact';
import { CsrfField } from '../web/csrf.js';
import { Document } from '../web/document.js';
import type { Flash } from '../web/flash.js';
import type { AdminView } from './admin-view.js';
import type { AdminSection } from './paths.js';

/** The sections the console has pages for, in the order of the navigation. */
export const NAV_SECTIONS: AdminSection[] = ['overview', 'orders', 'catalogue', 'disputes', 'leads', 'alerts', 'jobs', 'cjAccount', 'settings'];

export interface AdminPageProps {
  view: AdminView;
  title: string;
  current?: AdminSection;
  csrf: string;
  flash?: Flash | null;
  children: ComponentChildren;
}

export function AdminLayout({ view, title, current, csrf, flash, children }: AdminPageProps) {
  const { messages, paths, ctx } = view;
  const m = messages.admin;
  return (
    <Document
      messages={messages}
      head={{ title: `${title} — ${m.console} ${ctx.config.name}`, robots: 'noindex, nofollow' }}
      stylesheets={view.stylesheets}
      scripts={view.scripts}
      icon={view.icon}
      bodyClass="admin"
    >
      <header class="topbar">
        {ctx.supplier.simulated && (
          <p class="sim-banner" role="note">
            {m.simulated}
          </p>
        )}
        <div class="inner">
          <a class="store" href={paths.sections.overview}>
            {ctx.config.name} · {m.console}
          </a>
          <nav aria-label={m.nav.label}>
            <ul>
              {NAV_SECTIONS.map((section) => (
                <li key={section}>
                  <a href={paths.sections[section]} aria-current={current === section ? 'page' : undefined}>
                    {m.nav.sections[section]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <form method="post" action={paths.logout}>
            <CsrfField token={csrf} />
            <button type="submit">{m.nav.logout}</button>
          </form>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {flash && (
          <p class={`notice notice-${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
            {flash.message}
          </p>
        )}
        {children}
      </main>
    </Document>
  );
}

/** A page outside the session (login, errors before login): no navigation. */
export function AdminBareLayout({ view, title, children }: { view: AdminView; title: string; children: ComponentChildren }) {
  const { messages, ctx } = view;
  return (
    <Document
      messages={messages}
      head={{ title: `${title} — ${messages.admin.console} ${ctx.config.name}`, robots: 'noindex, nofollow' }}
      stylesheets={view.stylesheets}
      icon={view.icon}
      bodyClass="admin"
    >
      {ctx.supplier.simulated && (
        <header>
          <p class="sim-banner" role="note">
            {messages.admin.simulated}
          </p>
        </header>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </Document>
  );
}
