// The translator contract every provider (offline, DeepL, OpenAI-compatible) fulfils, and the
// error they all throw, so callers and the cache never care which provider answered.

export type TextKind = 'title' | 'description';

export interface TranslationRequest {
  kind: TextKind;
  /** A title (plain text) or a description (CJ HTML or text). */
  text: string;
  from: 'en';
  /** BCP-47 target, e.g. 'pt-PT'. */
  to: string;
  /**
   * For descriptions: the product's English title. The offline translator composes the opening
   * sentence from it; it is part of the cache key when given.
   */
  titleEn?: string;
}

export interface TranslationResult {
  /** Titles: one line. Descriptions: plain text (never HTML), lines separated by "\n". */
  text: string;
  /** The provider that produced the text ('offline', 'deepl', 'openai'). */
  provider: string;
  /** True when the text came from the cache. */
  cached: boolean;
  /** Set when the configured provider failed and another one answered. */
  fallbackFrom?: { provider: string; code: TranslationErrorCode };
}

export interface TranslateOptions {
  signal?: AbortSignal;
}

export interface Translator {
  /** Provider name, stable: part of the cache key and of every result. */
  readonly name: string;
  /** Changes whenever the same input could translate differently (glossary, model, formality). */
  readonly version: string;
  translate(req: TranslationRequest, opts?: TranslateOptions): Promise<TranslationResult>;
}

export type TranslationErrorCode =
  /** The provider cannot translate into this locale (the offline glossary is pt-PT only). */
  | 'unsupported_locale'
  /** The API key was refused (401/403). */
  | 'auth'
  /** The account's quota is used up (DeepL 456). */
  | 'quota'
  /** Too many requests (429). */
  | 'rate_limited'
  /** The provider is down or failing (5xx). */
  | 'unavailable'
  /** The provider refused the request (other 4xx). */
  | 'rejected'
  /** No answer within the configured time. */
  | 'timeout'
  /** The request never reached the provider. */
  | 'network'
  /** The answer was not what the API documents. */
  | 'bad_response'
  /** The answer was empty. */
  | 'empty'
  /** The answer makes a health, luck or magic claim: never stored, never shown. */
  | 'claim_in_output'
  /** The caller cancelled. Never answered by a fallback. */
  | 'aborted';

export class TranslationError extends Error {
  override readonly name = 'TranslationError';
  constructor(
    readonly code: TranslationErrorCode,
    readonly provider: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** Worth trying again later (the same request may succeed). */
  get retryable(): boolean {
    return ['rate_limited', 'unavailable', 'timeout', 'network'].includes(this.code);
  }
}

/** The offline glossary speaks European Portuguese only. */
export function isPortuguese(locale: string): boolean {
  return /^pt(-PT)?$/i.test(locale);
}
