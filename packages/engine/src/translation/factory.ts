// Builds the translator a store's settings describe: the chosen provider behind its own cache,
// and, for a remote provider with fallback 'offline', the cached offline translator behind it.
import { CachedTranslator, type CachedTranslatorOptions, type TranslationCache } from './cache.js';
import { FallbackTranslator, type FallbackOptions } from './fallback.js';
import type { GlossaryOverride } from './glossary/lexicon.js';
import { OfflineTranslator } from './offline.js';
import { DeepLTranslator } from './providers/deepl.js';
import { OpenAiTranslator } from './providers/openai.js';
import type { TranslationSettings } from './settings.js';
import type { Translator } from './types.js';

export interface TranslationSecrets {
  deeplApiKey?: string | undefined;
  openaiApiKey?: string | undefined;
}

export interface CreateTranslatorOptions extends CachedTranslatorOptions, FallbackOptions {
  /** For tests and proxies. */
  fetch?: typeof fetch;
}

export class TranslationConfigError extends Error {
  override readonly name = 'TranslationConfigError';
}

/** The store's translator. Throws TranslationConfigError when a remote provider has no key. */
export function createTranslator(
  settings: TranslationSettings,
  secrets: TranslationSecrets,
  cache: TranslationCache,
  opts: CreateTranslatorOptions = {},
): Translator {
  const glossary = settings.glossary as Record<string, GlossaryOverride>;
  const offline = new OfflineTranslator({ glossary });
  const cachedOffline = new CachedTranslator(offline, cache, opts);
  if (settings.provider === 'offline') return cachedOffline;

  let remote: Translator;
  if (settings.provider === 'deepl') {
    if (!secrets.deeplApiKey) {
      throw new TranslationConfigError('translation.provider is "deepl" but no DeepL API key was given (set it in the store secrets)');
    }
    remote = new DeepLTranslator({
      apiKey: secrets.deeplApiKey,
      baseUrl: settings.deepl.baseUrl,
      formality: settings.deepl.formality,
      timeoutMs: settings.timeoutMs,
      lexicon: offline.lexicon,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
  } else {
    if (!secrets.openaiApiKey) {
      throw new TranslationConfigError('translation.provider is "openai" but no OpenAI API key was given (set it in the store secrets)');
    }
    const terms = Object.fromEntries(Object.entries(glossary).map(([en, v]) => [en, typeof v === 'string' ? v : v.pt]));
    remote = new OpenAiTranslator({
      apiKey: secrets.openaiApiKey,
      baseUrl: settings.openai.baseUrl,
      model: settings.openai.model,
      timeoutMs: settings.timeoutMs,
      glossary: terms,
      lexicon: offline.lexicon,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
  }
  const cachedRemote = new CachedTranslator(remote, cache, opts);
  return settings.fallback === 'offline' ? new FallbackTranslator(cachedRemote, cachedOffline, opts) : cachedRemote;
}
