// The product's images: the main one first, then the gallery, then variant images; http(s) only,
// each once, at most `max`. CJ sometimes writes protocol-relative URLs ("//cbu01…"): they become https.

export const DEFAULT_MAX_IMAGES = 10;

function usable(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  const absolute = text.startsWith('//') ? `https:${text}` : text;
  let url: URL;
  try {
    url = new URL(absolute);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!url.hostname) return undefined;
  return url.href;
}

export function imageList(
  detail: { image?: string | undefined; images: readonly string[]; variants?: ReadonlyArray<{ image?: string | undefined }> },
  max = DEFAULT_MAX_IMAGES,
): string[] {
  const ordered = [detail.image, ...detail.images, ...(detail.variants ?? []).map((v) => v.image)];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of ordered) {
    const url = usable(raw);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push(url);
    if (out.length >= max) break;
  }
  return out;
}
