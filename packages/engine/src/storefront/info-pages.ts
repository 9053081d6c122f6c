// The information pages (terms, privacy, returns, shipping, contact): the store's own Markdown file
// when it has one, else the default text naming the store. Markdown is rendered with markdown-it
// with raw HTML switched off (a `<script>` in a file is shown as text) and its link check on (no
// `javascript:` links); the result is the only HTML a page takes from outside the templates.
//
// Files live in the store's folder next to its config: `stores/<id>/pages/<name>.md`, where <name> is
// the page's Portuguese or English name (termos|terms, privacidade|privacy, devolucoes|returns,
// envios|shipping, contacto|contact). They are read when the store starts. A first line `# Title`
// becomes the page title.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { StoreContext } from '../stores/context.js';
import type { UiLanguage } from '../web/i18n/index.js';
import { defaultInfoMarkdown, type InfoFacts } from './info-texts.js';
import { INFO_PAGES, type InfoPage, type ShopPaths } from './paths.js';

export const INFO_FILE_NAMES: Record<InfoPage, readonly string[]> = {
  terms: ['termos', 'terms'],
  privacy: ['privacidade', 'privacy'],
  returns: ['devolucoes', 'returns'],
  shipping: ['envios', 'shipping'],
  contact: ['contacto', 'contact'],
};

export interface InfoPageContent {
  /** The owner's own title (first `# ` line of their file), else null: the page's usual title. */
  title: string | null;
  html: string;
  /** The file it came from, or null for the built-in text. */
  source: string | null;
}

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

function ownFile(pagesDir: string | undefined, page: InfoPage): string | null {
  if (!pagesDir) return null;
  for (const name of INFO_FILE_NAMES[page]) {
    const file = join(pagesDir, `${name}.md`);
    if (existsSync(file)) return file;
  }
  return null;
}

function splitTitle(text: string): { title: string | null; body: string } {
  const match = /^\uFEFF?#[ \t]+(.+?)[ \t#]*\r?\n/.exec(text);
  return match ? { title: match[1]!.trim(), body: text.slice(match[0].length) } : { title: null, body: text };
}

export function infoFacts(ctx: StoreContext, paths: ShopPaths): InfoFacts {
  const names = new Intl.DisplayNames([ctx.config.locale], { type: 'region' });
  const { contact } = ctx.config;
  return {
    store: ctx.config.name,
    legalName: contact.legalName,
    email: contact.email,
    phone: contact.phone,
    address: contact.address,
    taxId: contact.taxId,
    shipsTo: ctx.config.checkout.shipsTo.map((c) => names.of(c) ?? c),
    maxDeliveryDays: ctx.config.checkout.maxDeliveryDays,
    payment: ctx.config.payments.provider,
    paths: { ...paths.patterns.info, track: paths.track },
  };
}

/** Every information page of a store, rendered once at start-up. */
export function loadInfoPages(ctx: StoreContext, paths: ShopPaths, language: UiLanguage, pagesDir: string | undefined): Record<InfoPage, InfoPageContent> {
  const facts = infoFacts(ctx, paths);
  const out = {} as Record<InfoPage, InfoPageContent>;
  for (const page of INFO_PAGES) {
    const file = ownFile(pagesDir, page);
    if (file) {
      const { title, body } = splitTitle(readFileSync(file, 'utf8'));
      out[page] = { title, html: renderMarkdown(body), source: file };
    } else {
      out[page] = { title: null, html: renderMarkdown(defaultInfoMarkdown(page, facts, language)), source: null };
    }
  }
  const own = INFO_PAGES.filter((p) => out[p].source !== null);
  if (own.length > 0) ctx.log.info({ pages: own }, 'information pages from the store folder');
  return out;
}
