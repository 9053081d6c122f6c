// Addresses of product images as the store serves them: /img/<product id>/<key>/<width>.<format>.
// The key is a hash of the supplier's URL, so neither a page nor the public JSON ever names the
// supplier's image host, a request can only reach a URL the catalogue stored for that product (the
// allowlist), and a new image gets a new address (served with a year-long cache).
import { createHash } from 'node:crypto';

export const IMAGE_PREFIX = '/img';

/** Widths the store renders (a closed list: a visitor cannot make it encode arbitrary sizes). */
export const IMAGE_WIDTHS = [160, 320, 480, 640, 960, 1280] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

export const IMAGE_FORMATS = ['avif', 'webp', 'jpg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const IMAGE_CONTENT_TYPES: Record<ImageFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' };

/** The default rendition in the public JSON (any width/format of the list can replace it). */
export const DEFAULT_PUBLIC_IMAGE = { width: 640, format: 'webp' } as const;

/** 16 hex characters of SHA-256 of the supplier URL. */
export function imageKey(sourceUrl: string): string {
  return createHash('sha256').update(sourceUrl).digest('hex').slice(0, 16);
}

export function imagePath(productId: string, key: string, width: ImageWidth, format: ImageFormat): string {
  return `${IMAGE_PREFIX}/${encodeURIComponent(productId)}/${key}/${width}.${format}`;
}

/** The store's address of a stored supplier image, as the public JSON shows it. */
export function publicImagePath(productId: string, sourceUrl: string): string {
  return imagePath(productId, imageKey(sourceUrl), DEFAULT_PUBLIC_IMAGE.width, DEFAULT_PUBLIC_IMAGE.format);
}

/** The key back out of a path made by publicImagePath (null for anything else). */
export function keyOfImagePath(path: string): string | null {
  return /^\/img\/[^/]+\/([0-9a-f]{16})\//.exec(path)?.[1] ?? null;
}

/** "…/320.webp 320w, …/640.webp 640w". */
export function imageSrcSet(productId: string, key: string, format: ImageFormat, widths: readonly ImageWidth[]): string {
  return widths.map((w) => `${imagePath(productId, key, w, format)} ${w}w`).join(', ');
}
