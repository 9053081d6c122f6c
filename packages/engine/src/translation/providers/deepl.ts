// DeepL REST API v2 (POST /v2/translate, JSON body, "Authorization: DeepL-Auth-Key …").
// Free keys use https://api-free.deepl.com, paid keys https://api.deepl.com; tests point the base
// URL at a local fake. Descriptions are sent as minimal HTML with tag_handling=html so DeepL keeps
// the line structure; the answer is turned back into plain text.
import { linesToHtml } from '../html.js';
import type { Lexicon } from '../glossary/lexicon.js';
import { defaultLexicon } from '../glossary/lexicon.js';
import { cleanDescriptionSource, cleanTitleSource } from '../source.js';
import { TranslationError, type TranslateOptions, type TranslationRequest, type TranslationResult, type Translator } from '../types.js';
import { acceptOutput } from './output.js';
import { postJson } from './http.js';

export type DeepLFormality = 'default' | 'more' | 'less' | 'prefer_more' | 'prefer_less';

export interface DeepLOptions {
  apiKey: string;
  baseUrl?: string;
  formality?: DeepLFormality;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Used to clean claims and filler out of titles before sending. */
  lexicon?: Lexicon;
}

/** DeepL's target code: regional variants where DeepL has them (PT-PT, PT-BR, EN-GB), else the language. */
export function deeplTarget(locale: string): string {
  const [lang = '', region = ''] = locale.split('-');
  const l = lang.toUpperCase();
  if (l === 'PT') return region.toUpperCase() === 'BR' ? 'PT-BR' : 'PT-PT';
  if (l === 'EN') return region.toUpperCase() === 'US' ? 'EN-US' : 'EN-GB';
  return l;
}

interface DeepLResponse {
  translations?: Array<{ text?: unknown }>;
}

export class DeepLTranslator implements Translator {
  readonly name = 'deepl';
  readonly version: string;
  private readonly baseUrl: string;

  constructor(private readonly opts: DeepLOptions) {
    if (!opts.apiKey) throw new Error('the DeepL translator needs an API key');
    this.baseUrl = (opts.baseUrl ?? 'https://api-free.deepl.com').replace(/\/+$/, '');
    this.version = `v2;formality=${opts.formality ?? 'default'}`;
  }

  async translate(req: TranslationRequest, opts: TranslateOptions = {}): Promise<TranslationResult> {
    const lexicon = this.opts.lexicon ?? defaultLexicon();
    const isTitle = req.kind === 'title';
    const source = isTitle ? cleanTitleSource(req.text, lexicon) : linesToHtml(cleanDescriptionSource(req.text));
    if (!source) throw new TranslationError('empty', this.name, `nothing left to translate in this ${req.kind}`);
    const body: Record<string, unknown> = {
      text: [source],
      source_lang: 'EN',
      target_lang: deeplTarget(req.to),
    };
    if (!isTitle) body.tag_handling = 'html';
    if (this.opts.formality && this.opts.formality !== 'default') body.formality = this.opts.formality;
    const json = (await postJson(`${this.baseUrl}/v2/translate`, { authorization: `DeepL-Auth-Key ${this.opts.apiKey}` }, body, {
      provider: this.name,
      timeoutMs: this.opts.timeoutMs ?? 15_000,
      signal: opts.signal,
      fetch: this.opts.fetch,
    })) as DeepLResponse;
    const text = json?.translations?.[0]?.text;
    if (typeof text !== 'string') throw new TranslationError('bad_response', this.name, 'DeepL answered without translations[0].text');
    return { text: acceptOutput(this.name, req.kind, text), provider: this.name, cached: false };
  }
}
