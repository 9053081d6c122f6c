// A product image as the store serves it: AVIF for browsers that take it, WebP otherwise, several
// widths (srcset) and a square width/height so the page never shifts while it loads. Images below
// the fold load lazily; the page's main image loads eagerly at high priority (and is preloaded).
import { imagePath, imageSrcSet, type ImageWidth } from '../catalog/image-urls.js';

export interface ProductImageProps {
  productId: string;
  /** The image's key (a hash of the supplier URL, which never reaches a page): see image-urls.ts. */
  imageKey: string;
  alt: string;
  /** The `sizes` attribute: how wide the image is shown. */
  sizes: string;
  widths: readonly ImageWidth[];
  /** Above the fold: loaded at once, high priority. */
  eager?: boolean;
  class?: string;
}

export function ProductImage({ productId, imageKey: source, alt, sizes, widths, eager, class: className }: ProductImageProps) {
  const largest = widths[widths.length - 1]!;
  const fallback = widths.find((w) => w >= 480) ?? largest;
  return (
    <picture class={className}>
      <source type="image/avif" srcset={imageSrcSet(productId, source, 'avif', widths)} sizes={sizes} />
      <img
        src={imagePath(productId, source, fallback, 'webp')}
        srcset={imageSrcSet(productId, source, 'webp', widths)}
        sizes={sizes}
        width={largest}
        height={largest}
        alt={alt}
        loading={eager ? 'eager' : 'lazy'}
        decoding={eager ? 'sync' : 'async'}
        fetchpriority={eager ? 'high' : undefined}
      />
    </picture>
  );
}

/** The preload of a page's main image (the same candidates the <picture> will pick from). */
export function mainImagePreload(productId: string, source: string, widths: readonly ImageWidth[], sizes: string) {
  const largest = widths[widths.length - 1]!;
  return {
    href: imagePath(productId, source, largest, 'avif'),
    as: 'image' as const,
    type: 'image/avif',
    imageSrcSet: imageSrcSet(productId, source, 'avif', widths),
    imageSizes: sizes,
    fetchPriority: 'high' as const,
  };
}
