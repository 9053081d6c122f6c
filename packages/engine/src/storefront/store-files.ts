// The files an owner may put next to a store's config: its own stylesheet (`branding.stylesheet`,
// by default `<store id>.css` when it exists) and its logo (`branding.logo`). Read once when the store
// starts and served as fingerprinted assets; a configured file that is missing or unreadable refuses
// to start, naming the key.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ConfigError } from '../stores/config-error.js';

export interface StoreFilesOptions {
  /** The folder of the store's config file; null for a store without one (the built-in demo). */
  configDir: string | null;
  /** For error messages: the config file. */
  configFile: string;
}

export interface StoreLogo {
  body: Buffer;
  ext: '.svg' | '.png';
  width: number;
  height: number;
}

function resolve(dir: string | null, file: string): string {
  return isAbsolute(file) || dir === null ? file : join(dir, file);
}

function readConfigured(opts: StoreFilesOptions, key: string, file: string): Buffer {
  const path = resolve(opts.configDir, file);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigError(opts.configFile, [{ path: key, message: `cannot read "${path}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }]);
  }
}

/** The store's own CSS, or null. */
export function storeStylesheet(storeId: string, configured: string | undefined, opts: StoreFilesOptions): string | null {
  if (configured) return readConfigured(opts, 'branding.stylesheet', configured).toString('utf8');
  if (opts.configDir === null) return null;
  const fallback = join(opts.configDir, `${storeId}.css`);
  return existsSync(fallback) ? readFileSync(fallback, 'utf8') : null;
}

/** Intrinsic size of a PNG (IHDR) or an SVG (width/height, else viewBox), so the <img> reserves its space. */
export function logoSize(body: Buffer, ext: '.svg' | '.png'): { width: number; height: number } | null {
  if (ext === '.png') {
    if (body.length < 24 || body.toString('ascii', 12, 16) !== 'IHDR') return null;
    return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
  }
  const head = /<svg\b[^>]*>/i.exec(body.toString('utf8'))?.[0] ?? '';
  const attr = (name: string) => Number.parseFloat(new RegExp(`\\s${name}="([\\d.]+)(px)?"`).exec(head)?.[1] ?? '');
  const [w, h] = [attr('width'), attr('height')];
  if (w > 0 && h > 0) return { width: Math.round(w), height: Math.round(h) };
  const box = /\sviewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(head);
  if (box) return { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) };
  return null;
}

export function storeLogo(configured: string | undefined, opts: StoreFilesOptions): StoreLogo | null {
  if (!configured) return null;
  const body = readConfigured(opts, 'branding.logo', configured);
  const ext = configured.toLowerCase().endsWith('.png') ? '.png' : '.svg';
  const size = logoSize(body, ext);
  if (!size) {
    throw new ConfigError(opts.configFile, [{ path: 'branding.logo', message: `"${configured}" has no readable size (an SVG needs width/height or a viewBox)` }]);
  }
  return { body, ext, ...size };
}
