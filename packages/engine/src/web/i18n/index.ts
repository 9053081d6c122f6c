// The languages the HTML faces speak, and the strings of each. A store's `locale` picks them:
// pt-PT (and any other pt) → Portuguese, anything else → English (and said once in the log).
import { catalogEn, catalogPt, type CatalogMessages } from './catalog.js';
import { adminEn, adminPt, type AdminMessages } from './admin.js';
import { buyEn, buyPt, type BuyMessages } from './buy.js';
import { commonEn, commonPt, type CommonMessages } from './common.js';
import { shopEn, shopPt, type ShopMessages } from './shop.js';

export type UiLanguage = 'pt-PT' | 'en';

export interface Messages {
  language: UiLanguage;
  /** The `lang` attribute of pages (the store's own locale, e.g. "pt-PT"). */
  htmlLang: string;
  common: CommonMessages;
  shop: ShopMessages;
  /** The browsing pages (shop, category, search, product). */
  catalog: CatalogMessages;
  /** Cart, checkout, order and tracking pages, newsletter. */
  buy: BuyMessages;
  admin: AdminMessages;
}

export function uiLanguage(locale: string): UiLanguage {
  return locale === 'pt' || locale.startsWith('pt-') ? 'pt-PT' : 'en';
}

export function messagesFor(locale: string): Messages {
  const language = uiLanguage(locale);
  const pt = language === 'pt-PT';
  return {
    language,
    htmlLang: locale,
    common: pt ? commonPt : commonEn,
    shop: pt ? shopPt : shopEn,
    catalog: pt ? catalogPt : catalogEn,
    buy: pt ? buyPt : buyEn,
    admin: pt ? adminPt : adminEn,
  };
}
