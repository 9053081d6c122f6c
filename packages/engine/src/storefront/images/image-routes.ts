// GET /img/<product id>/<key>/<width>.<format>: a product image as the store serves it (see
// product-images.ts). Made once, then a year in the browser's cache; no rate limit, like assets
// (a grid page loads a dozen), since every variant is made at most once and the list of widths,
// formats and stored images is closed.
import { z } from 'zod';
import type { StoreApp } from '../../http/app-types.js';
import { IMAGE_CONTENT_TYPES, IMAGE_FORMATS, IMAGE_PREFIX, IMAGE_WIDTHS, type ImageFormat, type ImageWidth } from '../../catalog/image-urls.js';
import { placeholderImage, type ProductImages } from './product-images.js';

const YEAR = 'public, max-age=31536000, immutable';

const params = z.object({
  product: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  key: z.string().regex(/^[0-9a-f]{16}$/),
  file: z.string().regex(/^\d{2,4}\.(avif|webp|jpg)$/),
});

export function imageRoutes(images: ProductImages) {
  return (app: StoreApp) => {
    app.get(
      `${IMAGE_PREFIX}/:product/:key/:file`,
      { compress: false, config: { rateLimit: false }, schema: { hide: true } },
      async (request, reply) => {
        const parsed = params.safeParse(request.params);
        const [w, ext] = parsed.success ? parsed.data.file.split('.') : [];
        const width = Number(w) as ImageWidth;
        const format = ext as ImageFormat;
        if (!parsed.success || !IMAGE_WIDTHS.includes(width) || !IMAGE_FORMATS.includes(format)) {
          return reply.status(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('not found');
        }
        const etag = `"${parsed.data.key}-${width}-${format}"`;
        if (request.headers['if-none-match'] === etag) return reply.status(304).header('etag', etag).header('cache-control', YEAR).send();
        const result = await images.get(parsed.data.product, parsed.data.key, width, format);
        reply.type(IMAGE_CONTENT_TYPES[format]);
        if (result.ok) return reply.header('cache-control', YEAR).header('etag', etag).send(result.body);
        if (result.reason === 'unknown') {
          return reply.status(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('not found');
        }
        // The supplier's image failed: a neutral square now, the real one on a later visit.
        return reply.header('cache-control', 'no-store').send(await placeholderImage(width, format));
      },
    );
  };
}
