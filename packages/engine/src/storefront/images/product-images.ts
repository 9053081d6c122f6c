// Product images through the store: the supplier's image is fetched once (only a URL the catalogue
// stored for that product, at most MAX_SOURCE_BYTES, within FETCH_TIMEOUT_MS), then resized to a
// square of one of the store's widths and encoded as AVIF, WebP or JPEG with sharp, and kept on disk
// in the store's data folder. Every later request is a file read. Encoding is one at a time (the
// machines are small) and a second request for an image being made waits for the first.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type SharpModule from 'sharp';
import { getProduct } from '../../catalog/catalog-repository.js';
import type { StoreContext } from '../../stores/context.js';
import { imageKey, type ImageFormat, type ImageWidth } from '../../catalog/image-urls.js';

export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 10_000;
/** Decompression bombs: a small file that claims a huge canvas is refused before decoding. */
const MAX_INPUT_PIXELS = 40_000_000;

export type ImageResult = { ok: true; body: Buffer } | { ok: false; reason: 'unknown' | 'unavailable' };

class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

async function writeAtomically(file: string, body: Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, body);
  await rename(tmp, file);
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The source image's bytes, refused past `max` bytes or when the answer is not an image. */
export async function fetchSourceImage(url: string, opts: { timeoutMs?: number; maxBytes?: number } = {}): Promise<Buffer> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`not an http(s) image URL`);
  const maxBytes = opts.maxBytes ?? MAX_SOURCE_BYTES;
  const res = await fetch(parsed, { signal: AbortSignal.timeout(opts.timeoutMs ?? FETCH_TIMEOUT_MS), redirect: 'follow' });
  if (!res.ok || !res.body) throw new Error(`image answered ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('image/')) throw new Error(`image answered with content-type "${type}"`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new Error(`image is ${declared} bytes (limit ${maxBytes})`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error(`image is over ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

// sharp (libvips) is loaded on the first image a visitor asks for, not at start: ~14 MiB resident that
// a store nobody browses yet, or a process serving the API only, never needs.
let sharpModule: Promise<typeof SharpModule> | undefined;
const loadSharp = () => (sharpModule ??= import('sharp').then((m) => m.default));

export async function encodeSquare(source: Buffer, width: ImageWidth, format: ImageFormat): Promise<Buffer> {
  const sharp = await loadSharp();
  const pipeline = sharp(source, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize(width, width, { fit: 'contain', background: '#ffffff', withoutEnlargement: false })
    .flatten({ background: '#ffffff' });
  if (format === 'avif') return pipeline.avif({ quality: 55, effort: 2 }).toBuffer();
  if (format === 'webp') return pipeline.webp({ quality: 78, effort: 4 }).toBuffer();
  return pipeline.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}

export class ProductImages {
  private readonly encoder = new Serial();
  private readonly inFlight = new Map<string, Promise<ImageResult>>();

  constructor(
    private readonly ctx: StoreContext,
    /** `<data dir>/<store>/images`. */
    readonly cacheDir: string,
    private readonly fetchSource: (url: string) => Promise<Buffer> = (url) => fetchSourceImage(url),
  ) {}

  /** The encoded image, or why not: `unknown` (no such image of that product), `unavailable` (the supplier's image failed). */
  async get(productId: string, key: string, width: ImageWidth, format: ImageFormat): Promise<ImageResult> {
    // Kept per product, so a cached file is only ever served under the product that stores its URL.
    const file = join(this.cacheDir, productId, key, `${width}.${format}`);
    const cached = await readIfExists(file);
    if (cached) return { ok: true, body: cached };
    const flight = `${productId}/${key}/${width}.${format}`;
    let pending = this.inFlight.get(flight);
    if (!pending) {
      pending = this.make(productId, key, width, format, file).finally(() => this.inFlight.delete(flight));
      this.inFlight.set(flight, pending);
    }
    return pending;
  }

  private async make(productId: string, key: string, width: ImageWidth, format: ImageFormat, file: string): Promise<ImageResult> {
    const product = await getProduct(this.ctx.db, productId);
    if (!product || product.id !== productId) return { ok: false, reason: 'unknown' };
    // The allowlist: only an image URL this product has in the catalogue.
    const url = [...product.images, ...product.variants.flatMap((v) => (v.image ? [v.image] : []))].find((u) => imageKey(u) === key);
    if (!url) return { ok: false, reason: 'unknown' };
    const dir = join(this.cacheDir, productId, key);
    await mkdir(dir, { recursive: true });
    try {
      const sourceFile = join(dir, 'source');
      let source = await readIfExists(sourceFile);
      if (!source) {
        source = await this.fetchSource(url);
        await writeAtomically(sourceFile, source);
      }
      const src = source;
      const body = await this.encoder.run(() => encodeSquare(src, width, format));
      await writeAtomically(file, body);
      return { ok: true, body };
    } catch (err) {
      // The supplier's host is logged for the operator, never sent to the visitor.
      this.ctx.log.warn({ productId, image: key, err: (err as Error).message }, 'product image unavailable');
      return { ok: false, reason: 'unavailable' };
    }
  }
}

let placeholders: Map<string, Promise<Buffer>> | undefined;

/** A plain light square, shown (uncached) while a supplier's image cannot be had. */
export function placeholderImage(width: ImageWidth, format: ImageFormat): Promise<Buffer> {
  placeholders ??= new Map();
  const id = `${width}.${format}`;
  let made = placeholders.get(id);
  if (!made) {
    made = loadSharp().then((sharp) => {
      const base = sharp({ create: { width, height: width, channels: 3, background: '#f6f4f9' } });
      return format === 'avif' ? base.avif().toBuffer() : format === 'webp' ? base.webp().toBuffer() : base.jpeg().toBuffer();
    });
    placeholders.set(id, made);
  }
  return made;
}
