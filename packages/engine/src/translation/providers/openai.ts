// Any OpenAI-compatible chat completions endpoint (OpenAI, Azure-style proxies, Ollama, vLLM…):
// POST {baseUrl}/chat/completions with a Bearer key. baseUrl includes the version segment, as in
// the OpenAI SDKs: "https://api.openai.com/v1", "http://127.0.0.1:11434/v1".
// Temperature 0 and a strict system prompt: translate only, European Portuguese, keep every
// attribute, add nothing, no claims. The answer is still checked (output.ts) before it is used.
import type { Lexicon } from '../glossary/lexicon.js';
import { defaultLexicon } from '../glossary/lexicon.js';
import { cleanDescriptionSource, cleanTitleSource } from '../source.js';
import { TranslationError, type TextKind, type TranslateOptions, type TranslationRequest, type TranslationResult, type Translator } from '../types.js';
import { acceptOutput } from './output.js';
import { postJson } from './http.js';

export interface OpenAiOptions {
  apiKey: string;
  baseUrl?: string;
  model?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The owner's terms (English → Portuguese), given to the model as required vocabulary. */
  glossary?: Readonly<Record<string, string>>;
  lexicon?: Lexicon;
}

/** Bump when the prompt changes: cached translations made with the old prompt are not reused. */
export const OPENAI_PROMPT_VERSION = 1;

function languageName(locale: string): string {
  if (/^pt(-PT)?$/i.test(locale)) return 'European Portuguese (pt-PT)';
  if (/^pt-BR$/i.test(locale)) return 'Brazilian Portuguese (pt-BR)';
  try {
    return `${new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale} (${locale})`;
  } catch {
    return locale;
  }
}

export function systemPrompt(kind: TextKind, locale: string, glossary: Readonly<Record<string, string>> = {}): string {
  const lang = languageName(locale);
  const rules = [
    `You translate e-commerce product ${kind === 'title' ? 'titles' : 'descriptions'} from English into ${lang}.`,
    'Output only the translation: no quotes, no notes, no explanations, no Markdown.',
    /^pt(-PT)?$/i.test(locale)
      ? 'Write European Portuguese spelling and vocabulary, never Brazilian: telemóvel, ecrã, castanho, pendente, porta-chaves, autocolante.'
      : '',
    'Keep every product attribute exactly: material, stone, colour, size, count, dimensions, shape, model numbers, brand and proper names.',
    'Do not add anything that is not in the source.',
    'Never state or imply health, healing, medical, luck, wealth, protection or magical effects. If the source claims any, leave that part out.',
    kind === 'title'
      ? 'A title is one line: a natural product name in Title Case, without marketing words such as "Hot Sale", "New", "Wholesale", "Free Shipping".'
      : 'Keep one output line per input line. Keep "Label: value" lines as "Label: value" with the label translated.',
  ].filter(Boolean);
  const terms = Object.entries(glossary);
  if (terms.length > 0) rules.push(`Use these translations: ${terms.map(([en, pt]) => `"${en}" → "${pt}"`).join('; ')}.`);
  return rules.join('\n');
}

interface ChatResponse {
  choices?: Array<{ message?: { content?: unknown } }>;
}

export class OpenAiTranslator implements Translator {
  readonly name = 'openai';
  readonly version: string;
  private readonly baseUrl: string;
  private readonly model: string;

  constructor(private readonly opts: OpenAiOptions) {
    if (!opts.apiKey) throw new Error('the OpenAI-compatible translator needs an API key');
    this.baseUrl = (opts.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
    this.model = opts.model ?? 'gpt-4o-mini';
    const terms = JSON.stringify(Object.entries(opts.glossary ?? {}).sort());
    this.version = `${this.model};prompt=${OPENAI_PROMPT_VERSION};terms=${terms.length}:${hashish(terms)}`;
  }

  async translate(req: TranslationRequest, opts: TranslateOptions = {}): Promise<TranslationResult> {
    const lexicon = this.opts.lexicon ?? defaultLexicon();
    const source = req.kind === 'title' ? cleanTitleSource(req.text, lexicon) : cleanDescriptionSource(req.text).join('\n');
    if (!source) throw new TranslationError('empty', this.name, `nothing left to translate in this ${req.kind}`);
    const body = {
      model: this.model,
      temperature: 0,
      messages: [
        { role: 'system', content: systemPrompt(req.kind, req.to, this.opts.glossary) },
        { role: 'user', content: source },
      ],
    };
    const json = (await postJson(`${this.baseUrl}/chat/completions`, { authorization: `Bearer ${this.opts.apiKey}` }, body, {
      provider: this.name,
      timeoutMs: this.opts.timeoutMs ?? 30_000,
      signal: opts.signal,
      fetch: this.opts.fetch,
    })) as ChatResponse;
    const content = json?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new TranslationError('bad_response', this.name, 'the model answered without choices[0].message.content');
    return { text: acceptOutput(this.name, req.kind, content), provider: this.name, cached: false };
  }
}

/** A short, stable digest for the version string (not security-relevant). */
function hashish(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
