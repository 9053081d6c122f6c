// The storefront's public address, for everything that must be absolute and may be cached or
// shared: canonical links, sitemap.xml, robots.txt, Open Graph and JSON-LD. It comes from the
// config (http.publicUrl, else payments.storefrontUrl, else the listener's own address), never from
// the request's Host header, which anyone can set and a cache would then repeat to everyone.
import type { StoreConfig } from '../stores/store-config.js';

export function publicBaseUrl(config: Pick<StoreConfig, 'http' | 'payments'>): string {
  const configured = config.http.publicUrl ?? config.payments.storefrontUrl;
  if (configured) return configured.replace(/\/+$/, '');
  const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? '127.0.0.1' : config.http.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.http.port}`;
}
