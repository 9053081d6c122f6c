// GET /assets/<fingerprinted name>: served from memory, pre-compressed, cached for a year. Assets
// spend no rate-limit budget: one page view loads several, and they cost nothing to serve.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoreApp } from '../http/app-types.js';
import { ASSET_PREFIX, type Asset, type AssetRegistry } from './assets.js';

const YEAR = 'public, max-age=31536000, immutable';

function pickEncoding(request: FastifyRequest, asset: Asset): 'br' | 'gzip' | null {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (asset.br && /\bbr\b/.test(accepted)) return 'br';
  if (asset.gzip && /\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

export function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset) {
  reply.header('cache-control', YEAR).header('etag', asset.etag).header('vary', 'accept-encoding').type(asset.contentType);
  if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
  const encoding = pickEncoding(request, asset);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.body);
}

export function assetRoutes(registry: AssetRegistry) {
  return (app: StoreApp) => {
    app.get<{ Params: { file: string } }>(
      `${ASSET_PREFIX}:file`,
      { compress: false, config: { rateLimit: false }, schema: { hide: true } },
      async (request, reply) => {
        const asset = registry.byFileName(request.params.file);
        if (!asset) {
          // An old fingerprint after a release: a plain 404, never a page, and never cached for long.
          reply.header('cache-control', 'no-store');
          return reply.status(404).type('text/plain; charset=utf-8').send('not found');
        }
        return sendAsset(request, reply, asset);
      },
    );
  };
}
