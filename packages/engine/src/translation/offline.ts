// The built-in translator: no network, no key, deterministic. Titles are parsed and re-composed
// (parse-title.ts, compose-title.ts); descriptions are re-composed from their spec lines
// (describe.ts). It speaks pt-PT only.
import { composeTitle } from './compose-title.js';
import { composeDescription } from './describe.js';
import { buildLexicon, defaultLexicon, type GlossaryOverride, type Lexicon } from './glossary/lexicon.js';
import { parseTitle, type TitleParts } from './parse-title.js';
import { isPortuguese, TranslationError, type TranslateOptions, type TranslationRequest, type TranslationResult, type Translator } from './types.js';

/** Bump when parsing or composing changes what an existing input translates to: the cache forgets. */
export const OFFLINE_ENGINE_VERSION = 2;

export class OfflineTranslator implements Translator {
  readonly name = 'offline';
  readonly version: string;
  readonly lexicon: Lexicon;

  constructor(opts: { glossary?: Readonly<Record<string, GlossaryOverride>> } = {}) {
    const overrides = opts.glossary ?? {};
    this.lexicon = Object.keys(overrides).length > 0 ? buildLexicon(overrides) : defaultLexicon();
    this.version = `${OFFLINE_ENGINE_VERSION}+${this.lexicon.fingerprint}`;
  }

  /** The parsed title, for callers that must tell two products with the same title apart. */
  parse(titleEn: string): TitleParts {
    return parseTitle(titleEn, this.lexicon);
  }

  translateTitle(titleEn: string): string {
    return composeTitle(this.parse(titleEn));
  }

  translateDescription(html: string, titleEn?: string): string {
    return composeDescription(titleEn === undefined ? { html } : { html, titleEn }, this.lexicon);
  }

  async translate(req: TranslationRequest, opts: TranslateOptions = {}): Promise<TranslationResult> {
    if (opts.signal?.aborted) throw new TranslationError('aborted', this.name, 'translation cancelled');
    if (!isPortuguese(req.to)) {
      throw new TranslationError('unsupported_locale', this.name, `the offline translator speaks pt-PT only, not ${req.to}`);
    }
    const text = req.kind === 'title' ? this.translateTitle(req.text) : this.translateDescription(req.text, req.titleEn);
    // A title of pure filler ("Hot Sale New 2024") names no product: the translate gate rejects it.
    // An empty description is a valid answer (the supplier gave nothing translatable).
    if (req.kind === 'title' && !text) throw new TranslationError('empty', this.name, `nothing in the title "${req.text.slice(0, 80)}" names a product`);
    return { text, provider: this.name, cached: false };
  }
}
