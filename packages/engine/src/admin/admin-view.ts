// What every console page of one store needs, built once when the store starts.
import type { StoreContext } from '../stores/context.js';
import { fileAsset, makeAsset, type AssetRegistry } from '../web/assets.js';
import { iconSvg } from '../storefront/theme.js';
import { messagesFor, type Messages } from '../web/i18n/index.js';
import { adminPathsFor, type AdminPaths } from './paths.js';

export interface AdminView {
  ctx: StoreContext;
  messages: Messages;
  paths: AdminPaths;
  assets: AssetRegistry;
  stylesheets: string[];
  scripts: string[];
  icon: string;
}

export function buildAdminView(ctx: StoreContext, assets: AssetRegistry): AdminView {
  assets.add('admin.css', fileAsset('admin/admin.css'));
  // The store's own tab icon (the storefront registers the same one).
  if (!assets.has('icon.svg')) assets.add('icon.svg', makeAsset('icon.svg', iconSvg(ctx.config.branding.accentColor)));
  return {
    ctx,
    messages: messagesFor(ctx.config.locale),
    paths: adminPathsFor(ctx.config.locale),
    assets,
    stylesheets: [assets.url('admin.css')],
    scripts: [],
    icon: assets.url('icon.svg'),
  };
}
