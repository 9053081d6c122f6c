// What every storefront page of one store needs to render, built once when the store starts: its
// strings, its paths, its assets and the settings pages read. Per-request data (the visitor's cart,
// the CSRF token) is passed to pages separately.
import type { StoreContext } from '../stores/context.js';
import { fileAsset, makeAsset, type AssetRegistry } from '../web/assets.js';
import { messagesFor, type Messages } from '../web/i18n/index.js';
import { pathsFor, type ShopPaths } from './paths.js';
import { iconSvg, themeCss } from './theme.js';

export interface ShopView {
  ctx: StoreContext;
  messages: Messages;
  paths: ShopPaths;
  assets: AssetRegistry;
  stylesheets: string[];
  scripts: string[];
  icon: string;
  /** The main country's name in the store's language ("Portugal"). */
  mainCountryName: string;
}

/** The storefront's stylesheet sources, concatenated into one file (one request per page). */
export const SHOP_CSS_SOURCES = ['shop/base.css'];

export function buildShopView(ctx: StoreContext, assets: AssetRegistry): ShopView {
  const css = SHOP_CSS_SOURCES.map((file) => fileAsset(file).body.toString('utf8')).join('\n');
  assets.add('shop.css', makeAsset('shop.css', css));
  assets.add('theme.css', makeAsset('theme.css', themeCss(ctx.config.branding.accentColor)));
  assets.add('icon.svg', makeAsset('icon.svg', iconSvg(ctx.config.branding.accentColor)));
  const names = new Intl.DisplayNames([ctx.config.locale], { type: 'region' });
  return {
    ctx,
    messages: messagesFor(ctx.config.locale),
    paths: pathsFor(ctx.config.locale),
    assets,
    stylesheets: [assets.url('shop.css'), assets.url('theme.css')],
    scripts: [],
    icon: assets.url('icon.svg'),
    mainCountryName: names.of(ctx.config.mainCountry) ?? ctx.config.mainCountry,
  };
}
