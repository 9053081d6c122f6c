// Gate 6 — Enrich: everything the store needs to list a translated product, computed from its
// translated texts, its CJ details and the store's settings: a unique slug, SEO title and meta
// description, a store category, tags, the image list and normalised variant options.
// Pure apart from the injected slug lookup; a product that cannot be sold comes back as a Rejection.
import type { CandidateDetail, Rejection } from '../candidate.js';
import { normaliseVariantOptions, type NormalisedVariants } from '../variant-options.js';
import { defaultLexicon, type Lexicon } from '../../translation/glossary/lexicon.js';
import { parseTitle, type TitleParts } from '../../translation/parse-title.js';
import { mapCategory, type CategoryMatch } from './enrich-category.js';
import { imageList } from './enrich-images.js';
import { metaDescription, seoTitle } from './enrich-seo.js';
import type { EnrichSettings } from './enrich-settings.js';
import { uniqueSlug } from './enrich-slug.js';
import { tagsFor } from './enrich-tags.js';

export interface EnrichInput {
  detail: CandidateDetail;
  /** The store-language title (translated, or the admin's edit). */
  title: string;
  /** The store-language description, plain text (the translate gate's output format). */
  description: string;
  /** The parsed English title, when the translate gate already has it. */
  titleParts?: TitleParts;
}

export interface EnrichContext extends EnrichSettings {
  /** Appended to SEO titles ("… | ASTRALMIA"). */
  storeName: string;
  /** The owner's glossary, so tags and options use the same words as titles. */
  lexicon?: Lexicon;
}

export interface EnrichDeps {
  /** True when another product already uses the slug (false for this product's own slug). */
  isSlugTaken(slug: string): Promise<boolean>;
}

export interface EnrichedProduct {
  pid: string;
  slug: string;
  title: string;
  description: string;
  seoTitle: string;
  metaDescription: string;
  category: string;
  /** Which rule chose the category, for the audit trail and the admin. */
  categoryMatch: CategoryMatch;
  tags: string[];
  /** Main image first. */
  images: string[];
  options: NormalisedVariants;
}

export type EnrichOutcome = { ok: true; product: EnrichedProduct } | { ok: false; rejection: Rejection };

function reject(code: string, reason: string): EnrichOutcome {
  return { ok: false, rejection: { gate: 'enrich', code, reason } };
}

export async function enrich(input: EnrichInput, settings: EnrichContext, deps: EnrichDeps): Promise<EnrichOutcome> {
  const { detail } = input;
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (!title) return reject('empty_title', `product ${detail.pid} has no title in the store language`);

  const images = imageList(detail, settings.maxImages);
  if (images.length === 0) {
    const given = [detail.image, ...detail.images].filter(Boolean).length;
    return reject('no_image', `product ${detail.pid} has no usable http(s) image (${given} image URL(s) given, none usable)`);
  }

  const slug = await uniqueSlug(title, detail.pid, deps.isSlugTaken, settings.slugMaxLength);
  if (!slug) return reject('slug_unavailable', `every slug tried for "${title}" (product ${detail.pid}) is taken`);

  const lexicon = settings.lexicon ?? defaultLexicon();
  const parts = input.titleParts ?? parseTitle(detail.nameEn, lexicon);
  const categoryMatch = mapCategory({ titleEn: detail.nameEn, cjCategoryName: detail.categoryName }, settings.categoryMap);

  return {
    ok: true,
    product: {
      pid: detail.pid,
      slug,
      title,
      description: input.description,
      seoTitle: seoTitle(title, settings.storeName, settings.seo.titleMax, settings.seo.appendStoreName),
      metaDescription: metaDescription(input.description, title, settings.seo.metaMax),
      category: categoryMatch.category,
      categoryMatch,
      tags: tagsFor(parts, settings.maxTags),
      images,
      options: normaliseVariantOptions(detail.variants, { titleParts: parts, lexicon }),
    },
  };
}
