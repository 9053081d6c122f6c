// Gate 4 — Translate: the title and description in the store's language, through the store's
// translator (offline by default, remote providers behind a cache). A text that cannot be
// translated rejects the product rather than listing it half in English.
import { parseTitle, type TitleParts } from '../../translation/parse-title.js';
import { TranslationError, type Translator } from '../../translation/types.js';
import type { CandidateDetail, Rejection } from '../candidate.js';

export type TranslateOutcome =
  | { ok: true; title: string; description: string; titleParts: TitleParts; provider: string }
  | { ok: false; rejection: Rejection };

export async function translateProduct(
  translator: Translator,
  detail: CandidateDetail,
  locale: string,
  signal?: AbortSignal,
): Promise<TranslateOutcome> {
  try {
    const title = await translator.translate({ kind: 'title', text: detail.nameEn, from: 'en', to: locale }, { signal });
    const description = await translator.translate(
      { kind: 'description', text: detail.descriptionHtml, from: 'en', to: locale, titleEn: detail.nameEn },
      { signal },
    );
    return {
      ok: true,
      title: title.text,
      description: description.text,
      titleParts: parseTitle(detail.nameEn),
      provider: title.provider,
    };
  } catch (err) {
    if (signal?.aborted) throw err;
    const code = err instanceof TranslationError ? err.code : 'failed';
    return {
      ok: false,
      rejection: { gate: 'translate', code: `translation_${code}`, reason: `could not translate "${detail.nameEn}": ${(err as Error).message}` },
    };
  }
}
