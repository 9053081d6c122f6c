// The storefront's frame: header (store name or logo, navigation, search, cart), the page's main
// content, and the footer (information pages, social links, legal line).
import type { ComponentChildren } from 'preact';
import { Document, type PageHead } from '../web/document.js';
import type { Flash } from '../web/flash.js';
import { NewsletterTeaser } from './newsletter-teaser.js';
import { INFO_PAGES } from './paths.js';
import type { ShopView } from './shop-view.js';

export interface Visitor {
  /** Units in the visitor's cart (0 when there is none). */
  cartCount: number;
  flash?: Flash | null;
}

export interface ShopLayoutProps {
  view: ShopView;
  head: PageHead;
  visitor: Visitor;
  /** Which navigation entry is the current page. */
  current?: 'home' | 'shop' | 'cart' | 'track';
  /** Page-specific deferred scripts (enhancements only), after the store's own. */
  scripts?: string[];
  children: ComponentChildren;
}

/** The store's social profiles (branding.social), in the footer. */
function SocialLinks({ view }: { view: ShopView }) {
  const social = view.ctx.config.branding.social;
  const links = (Object.keys(social) as Array<keyof typeof social>).filter((k) => social[k]);
  if (links.length === 0) return null;
  return (
    <nav aria-label={view.messages.shop.footer.followUs}>
      <h2>{view.messages.shop.footer.followUs}</h2>
      <ul>
        {links.map((k) => (
          <li key={k}>
            <a href={social[k]} rel="me noopener">
              {view.messages.catalog.social[k]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ShopLayout({ view, head, visitor, current, scripts, children }: ShopLayoutProps) {
  const { messages, paths, ctx } = view;
  const m = messages.shop;
  const branding = ctx.config.branding;
  const here = (name: ShopLayoutProps['current']) => (current === name ? ('page' as const) : undefined);
  return (
    <Document messages={messages} head={head} stylesheets={view.stylesheets} scripts={scripts ? [...view.scripts, ...scripts] : view.scripts} icon={view.icon} bodyClass="shop">
      <header class="site-header">
        <div class="wrap">
          <a class="brand" href={paths.home}>
            {view.logo ? <img src={view.logo.src} width={view.logo.width} height={view.logo.height} alt={ctx.config.name} /> : ctx.config.name}
          </a>
          <nav class="main-nav" aria-label={m.nav.label}>
            <ul>
              <li>
                <a href={paths.home} aria-current={here('home')}>
                  {m.nav.home}
                </a>
              </li>
              <li>
                <a href={paths.shop} aria-current={here('shop')}>
                  {m.nav.shop}
                </a>
              </li>
              <li>
                <a href={paths.track} aria-current={here('track')}>
                  {m.nav.track}
                </a>
              </li>
            </ul>
          </nav>
          <form class="search-form" role="search" method="get" action={paths.search()}>
            <label class="visually-hidden" for="site-search">
              {m.search.label}
            </label>
            <input id="site-search" type="search" name="q" placeholder={m.search.placeholder} maxLength={100} />
            <button class="btn" type="submit">
              {m.search.submit}
            </button>
          </form>
          {/* The link's name is its visible text ("Carrinho 2") plus the unit for screen readers. */}
          <a class="cart-link" href={paths.cart} aria-current={here('cart')} data-count={visitor.cartCount}>
            {m.nav.cart}
            {visitor.cartCount > 0 && (
              <>
                {' '}
                <span class="cart-count">{visitor.cartCount}</span>
                <span class="visually-hidden"> {m.nav.cartUnits(visitor.cartCount)}</span>
              </>
            )}
          </a>
        </div>
      </header>
      <main id="main" class="wrap" tabIndex={-1}>
        {visitor.flash && (
          <p class={`notice notice-${visitor.flash.kind}`} role={visitor.flash.kind === 'error' ? 'alert' : 'status'}>
            {visitor.flash.message}
          </p>
        )}
        {children}
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <div>
            <p>
              <strong>{ctx.config.name}</strong>
              {branding.tagline && ` — ${branding.tagline}`}
            </p>
            {branding.footerText && <p>{branding.footerText}</p>}
            <p class="legal">{m.footer.rights(new Date(ctx.clock.now()).getUTCFullYear(), ctx.config.name)}</p>
          </div>
          <SocialLinks view={view} />
          <nav aria-label={m.footer.info}>
            <h2>{m.footer.info}</h2>
            <ul>
              {INFO_PAGES.map((page) => (
                <li key={page}>
                  <a href={paths.info(page)}>{m.infoTitles[page]}</a>
                </li>
              ))}
            </ul>
          </nav>
          <NewsletterTeaser view={view} />
        </div>
      </footer>
    </Document>
  );
}
