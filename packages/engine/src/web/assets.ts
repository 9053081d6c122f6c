// Static assets of the HTML faces (stylesheets, small enhancement scripts, icons). Each is read
// once, named by a hash of its content (`shop.3f9a1c2b.css`), compressed once with brotli and gzip,
// and served from memory with a year-long immutable cache: a new release changes the name, so a
// browser never holds a stale file and never asks twice for a current one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** Where the asset sources live: `packages/engine/assets/` (the same path from `src/web` and `dist/web`). */
export const ASSETS_DIR = fileURLToPath(new URL('../../assets/', import.meta.url));

export const ASSET_PREFIX = '/assets/';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set(['.css', '.js', '.svg', '.txt', '.webmanifest']);

export interface Asset {
  /** The fingerprinted file name, e.g. `shop.3f9a1c2b.css`. */
  file: string;
  contentType: string;
  body: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  etag: string;
}

export function makeAsset(logicalName: string, content: Buffer | string): Asset {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const ext = extname(logicalName);
  const contentType = CONTENT_TYPES[ext];
  if (!contentType) throw new Error(`asset ${logicalName}: no content type known for "${ext}"`);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const compressible = COMPRESSIBLE.has(ext) && body.length > 256;
  return {
    file: `${basename(logicalName, ext)}.${hash}${ext}`,
    contentType,
    body,
    br: compressible ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }) : null,
    gzip: compressible ? gzipSync(body, { level: 9 }) : null,
    etag: `"${hash}"`,
  };
}

const fileCache = new Map<string, Asset>();

/** An asset from ASSETS_DIR, read and compressed once per process (stores share it). */
export function fileAsset(relativePath: string): Asset {
  let asset = fileCache.get(relativePath);
  if (!asset) {
    asset = makeAsset(basename(relativePath), readFileSync(new URL(relativePath, `file://${ASSETS_DIR}`)));
    fileCache.set(relativePath, asset);
  }
  return asset;
}

/**
 * One store's assets: the shared files plus what only this store has (its theme from branding, its
 * own stylesheet). Look-ups by logical name give the URL to put in a page; look-ups by file name
 * serve the request.
 */
export class AssetRegistry {
  private readonly byName = new Map<string, Asset>();
  private readonly byFile = new Map<string, Asset>();

  add(logicalName: string, asset: Asset): this {
    const previous = this.byName.get(logicalName);
    if (previous) this.byFile.delete(previous.file);
    this.byName.set(logicalName, asset);
    this.byFile.set(asset.file, asset);
    return this;
  }

  /** The URL of an asset by its logical name (`shop.css`); throws for an unknown one (a typo in a page). */
  url(logicalName: string): string {
    const asset = this.byName.get(logicalName);
    if (!asset) throw new Error(`unknown asset "${logicalName}"`);
    return `${ASSET_PREFIX}${asset.file}`;
  }

  has(logicalName: string): boolean {
    return this.byName.has(logicalName);
  }

  byFileName(file: string): Asset | undefined {
    return this.byFile.get(file);
  }
}
