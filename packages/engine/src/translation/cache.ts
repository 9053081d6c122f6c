// A text is translated once per provider, version, locale and kind: every provider sits behind
// this cache, so a rescan of the catalogue costs no DeepL characters and no model tokens.
// The storage is pluggable (memory here; the engine's storage layer provides a database one).
import { createHash } from 'node:crypto';
import type { TranslateOptions, TranslationRequest, TranslationResult, Translator } from './types.js';

export interface TranslationCacheMeta {
  provider: string;
  locale: string;
  kind: string;
}

export interface TranslationCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, meta: TranslationCacheMeta): Promise<void>;
}

/** sha256 over provider, version, locale, kind and text (and the title context of a description). */
export function translationCacheKey(provider: string, version: string, req: TranslationRequest): string {
  const h = createHash('sha256');
  // NUL separators: no field can run into the next one and make two inputs collide.
  for (const part of [provider, version, req.to, req.kind, req.text, req.titleEn ?? '']) h.update(part).update('\u0000');
  return h.digest('hex');
}

/** In-process cache, least recently used entries evicted first. */
export class MemoryTranslationCache implements TranslationCache {
  private readonly map = new Map<string, string>();

  constructor(private readonly maxEntries = 10_000) {}

  async get(key: string): Promise<string | undefined> {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  async set(key: string, value: string, _meta: TranslationCacheMeta): Promise<void> {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }
}

export interface CachedTranslatorOptions {
  /** Told about cache failures; a broken cache slows translation down but never stops it. */
  onCacheError?: (err: unknown, op: 'get' | 'set') => void;
}

/** Wraps one provider with a cache. Concurrent requests for the same text share one call. */
export class CachedTranslator implements Translator {
  readonly name: string;
  readonly version: string;
  private readonly inFlight = new Map<string, Promise<TranslationResult>>();

  constructor(
    private readonly inner: Translator,
    private readonly cache: TranslationCache,
    private readonly opts: CachedTranslatorOptions = {},
  ) {
    this.name = inner.name;
    this.version = inner.version;
  }

  async translate(req: TranslationRequest, opts: TranslateOptions = {}): Promise<TranslationResult> {
    const key = translationCacheKey(this.inner.name, this.inner.version, req);
    let hit: string | undefined;
    try {
      hit = await this.cache.get(key);
    } catch (err) {
      this.opts.onCacheError?.(err, 'get');
    }
    if (hit !== undefined) return { text: hit, provider: this.inner.name, cached: true };

    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const work = this.translateAndStore(key, req, opts).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async translateAndStore(key: string, req: TranslationRequest, opts: TranslateOptions): Promise<TranslationResult> {
    const result = await this.inner.translate(req, opts);
    // Only this provider's own answers are stored under its key, never a fallback's.
    if (result.provider === this.inner.name && !result.fallbackFrom) {
      try {
        await this.cache.set(key, result.text, { provider: this.inner.name, locale: req.to, kind: req.kind });
      } catch (err) {
        this.opts.onCacheError?.(err, 'set');
      }
    }
    return result;
  }
}
