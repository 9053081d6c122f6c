// URL slugs: lower-case ASCII, accents folded ("Colar de Ametista Árvore" → "colar-de-ametista-arvore"),
// hyphens, at most 80 characters cut at a word. The same title always gives the same slug; a slug
// already used by another product gets a short suffix derived from the CJ product id, so it too is
// stable across scans.
import { createHash } from 'node:crypto';

export const DEFAULT_SLUG_MAX = 80;

/** Letters NFD does not decompose into ASCII. */
const FOLD: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** Cuts at the last hyphen within `max`; a single over-long word is cut hard. */
function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max + 1);
  const at = head.lastIndexOf('-');
  return (at > 0 ? head.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

export function slugify(text: string, max = DEFAULT_SLUG_MAX): string {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđłþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cut(folded, max) || 'produto';
}

/** Six stable characters from the CJ product id: its last alphanumerics, or a digest of it. */
export function slugSuffix(pid: string): string {
  const alnum = pid.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (alnum.length >= 6) return alnum.slice(-6);
  return createHash('sha256').update(pid).digest('hex').slice(0, 6);
}

/**
 * A slug no other product uses: the title's slug, else with the pid suffix, else with a counter.
 * `isSlugTaken` must answer false for a slug this same product already owns, so a re-scan keeps it.
 * Undefined when every candidate is taken (the gate rejects the product).
 */
export async function uniqueSlug(
  title: string,
  pid: string,
  isSlugTaken: (slug: string) => Promise<boolean>,
  max = DEFAULT_SLUG_MAX,
): Promise<string | undefined> {
  const base = slugify(title, max);
  const suffix = slugSuffix(pid);
  const candidates = [base, `${cut(base, max - suffix.length - 1)}-${suffix}`];
  for (let n = 2; n <= 9; n++) candidates.push(`${cut(base, max - suffix.length - 3)}-${suffix}-${n}`);
  for (const slug of candidates) if (!(await isSlugTaken(slug))) return slug;
  return undefined;
}
