// What every storefront page of one store needs to render, built once when the store starts: its
// strings, its paths, its assets and the settings pages read. Per-request data (the visitor's cart,
// the CSRF token) is passed to pages separately.
import type { StoreContext } from '../stores/context.js';
import { fileAsset, makeAsset, type AssetRegistry } from '../web/assets.js';
import { messagesFor, type Messages } from '../web/i18n/index.js';
import { pathsFor, type ShopPaths } from './paths.js';
import { publicBaseUrl } from './public-url.js';
import { storeLogo, storeStylesheet, type StoreFilesOptions } from './store-files.js';
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
  /** The storefront's public address, no trailing slash (public-url.ts). */
  publicUrl: string;
  /** An absolute URL of one of the store's paths. */
  absolute(path: string): string;
  /** The owner's logo, served as an asset (branding.logo). */
  logo: { src: string; width: number; height: number } | null;
}

/** The storefront's stylesheet sources, concatenated (with the store's theme) into one file: one request per page. */
export const SHOP_CSS_SOURCES = ['shop/base.css', 'shop/catalog.css', 'shop/checkout.css'];

export function buildShopView(ctx: StoreContext, assets: AssetRegistry, files: StoreFilesOptions = { configDir: null, configFile: ctx.id }): ShopView {
  // The store's colours (theme.ts) go in the same file, after the base: every stylesheet blocks the
  // first paint, and one request fewer showed in Lighthouse's first contentful paint on mobile.
  const css = [...SHOP_CSS_SOURCES.map((file) => fileAsset(file).body.toString('utf8')), themeCss(ctx.config.branding.accentColor)].join('\n');
  assets.add('shop.css', makeAsset('shop.css', css));
  assets.add('variant-picker.js', fileAsset('shop/variant-picker.js'));
  assets.add('icon.svg', makeAsset('icon.svg', iconSvg(ctx.config.branding.accentColor)));
  const stylesheets = [assets.url('shop.css')];
  // The owner's stylesheet comes last, so it overrides the base theme without forking it.
  const own = storeStylesheet(ctx.id, ctx.config.branding.stylesheet, files);
  if (own !== null) {
    assets.add('store.css', makeAsset('store.css', own));
    stylesheets.push(assets.url('store.css'));
  }
  const logo = storeLogo(ctx.config.branding.logo, files);
  if (logo) assets.add(`logo${logo.ext}`, makeAsset(`logo${logo.ext}`, logo.body));
  const publicUrl = publicBaseUrl(ctx.config);
  const names = new Intl.DisplayNames([ctx.config.locale], { type: 'region' });
  return {
    ctx,
    messages: messagesFor(ctx.config.locale),
    paths: pathsFor(ctx.config.locale),
    assets,
    stylesheets,
    scripts: [],
    icon: assets.url('icon.svg'),
    mainCountryName: names.of(ctx.config.mainCountry) ?? ctx.config.mainCountry,
    publicUrl,
    absolute: (path) => `${publicUrl}${path}`,
    logo: logo ? { src: assets.url(`logo${logo.ext}`), width: logo.width, height: logo.height } : null,
  };
}
