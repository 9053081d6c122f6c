// The cache in front of every provider, the fallback to offline, and the factory that wires them
// from a store's settings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CachedTranslator,
  createTranslator,
  FallbackTranslator,
  MemoryTranslationCache,
  OfflineTranslator,
  TranslationConfigError,
  TranslationError,
  translationCacheKey,
  translationSettingsSchema,
  type TranslationCache,
  type TranslationRequest,
  type TranslationResult,
  type Translator,
} from '../../src/translation/index.js';
import { startFakeServer, type FakeServer } from './fake-server.js';

const req = (over: Partial<TranslationRequest> = {}): TranslationRequest => ({ kind: 'title', text: 'Amethyst Bracelet', from: 'en', to: 'pt-PT', ...over });

/** A provider that counts its calls and answers "<text> #n". */
class CountingTranslator implements Translator {
  readonly name = 'counting';
  readonly version = '1';
  calls = 0;
  async translate(r: TranslationRequest): Promise<TranslationResult> {
    this.calls += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { text: `${r.text} #${this.calls}`, provider: this.name, cached: false };
  }
}

describe('CachedTranslator', () => {
  it('translates a text once: the second call is a cache hit', async () => {
    const inner = new CountingTranslator();
    const cached = new CachedTranslator(inner, new MemoryTranslationCache());
    const first = await cached.translate(req());
    const second = await cached.translate(req());
    expect(first).toEqual({ text: 'Amethyst Bracelet #1', provider: 'counting', cached: false });
    expect(second).toEqual({ text: 'Amethyst Bracelet #1', provider: 'counting', cached: true });
    expect(inner.calls).toBe(1);
  });

  it('misses for another locale, kind, text or title context', async () => {
    const inner = new CountingTranslator();
    const cached = new CachedTranslator(inner, new MemoryTranslationCache());
    await cached.translate(req());
    await cached.translate(req({ to: 'pt-BR' }));
    await cached.translate(req({ kind: 'description' }));
    await cached.translate(req({ text: 'Amethyst Ring' }));
    await cached.translate(req({ kind: 'description', titleEn: 'Other' }));
    expect(inner.calls).toBe(5);
  });

  it('shares one call between concurrent requests for the same text', async () => {
    const inner = new CountingTranslator();
    const cached = new CachedTranslator(inner, new MemoryTranslationCache());
    const results = await Promise.all([cached.translate(req()), cached.translate(req()), cached.translate(req())]);
    expect(inner.calls).toBe(1);
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
  });

  it('keeps translating when the cache fails, and reports it', async () => {
    const broken: TranslationCache = {
      get: () => Promise.reject(new Error('db down')),
      set: () => Promise.reject(new Error('db down')),
    };
    const errors: string[] = [];
    const cached = new CachedTranslator(new CountingTranslator(), broken, { onCacheError: (_e, op) => errors.push(op) });
    expect((await cached.translate(req())).text).toBe('Amethyst Bracelet #1');
    expect(errors).toEqual(['get', 'set']);
  });

  it('stores with the provider, locale and kind as metadata', async () => {
    const seen: unknown[] = [];
    const cache: TranslationCache = { get: async () => undefined, set: async (_k, _v, meta) => void seen.push(meta) };
    await new CachedTranslator(new CountingTranslator(), cache).translate(req({ kind: 'description' }));
    expect(seen).toEqual([{ provider: 'counting', locale: 'pt-PT', kind: 'description' }]);
  });

  it('keys by sha256 over provider, version, locale, kind and text', () => {
    const key = translationCacheKey('offline', '1', req());
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(translationCacheKey('offline', '2', req())).not.toBe(key);
    expect(translationCacheKey('deepl', '1', req())).not.toBe(key);
    // Field boundaries are part of the key: moving text between fields changes it.
    expect(translationCacheKey('a', 'b', req({ to: 'c' }))).not.toBe(translationCacheKey('ab', '', req({ to: 'c' })));
  });
});

describe('MemoryTranslationCache', () => {
  it('evicts the least recently used entry', async () => {
    const cache = new MemoryTranslationCache(2);
    const meta = { provider: 'p', locale: 'pt-PT', kind: 'title' };
    await cache.set('a', '1', meta);
    await cache.set('b', '2', meta);
    await cache.get('a');
    await cache.set('c', '3', meta);
    expect([await cache.get('a'), await cache.get('b'), await cache.get('c')]).toEqual(['1', undefined, '3']);
    expect(cache.size).toBe(2);
  });
});

describe('FallbackTranslator', () => {
  const failing = (code: TranslationError['code']): Translator => ({
    name: 'remote',
    version: '1',
    translate: async () => {
      throw new TranslationError(code, 'remote', `failed: ${code}`);
    },
  });

  it('answers offline when the remote provider fails, and says why', async () => {
    const t = new FallbackTranslator(failing('quota'), new OfflineTranslator());
    const result = await t.translate(req({ text: 'Natural Amethyst Bracelet' }));
    expect(result).toEqual({ text: 'Pulseira de Ametista Natural', provider: 'offline', cached: false, fallbackFrom: { provider: 'remote', code: 'quota' } });
  });

  it('does not cover up a cancel', async () => {
    const t = new FallbackTranslator(failing('aborted'), new OfflineTranslator());
    await expect(t.translate(req())).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('createTranslator', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('builds the cached offline translator by default', async () => {
    const cache = new MemoryTranslationCache();
    const t = createTranslator(translationSettingsSchema.parse({}), {}, cache);
    expect(t.name).toBe('offline');
    expect((await t.translate(req({ text: 'Black Obsidian Bracelet' }))).text).toBe('Pulseira de Obsidiana Negra');
    expect((await t.translate(req({ text: 'Black Obsidian Bracelet' }))).cached).toBe(true);
    expect(cache.size).toBe(1);
  });

  it('puts DeepL behind its cache: one HTTP call for two identical requests', async () => {
    server.reply = () => ({ json: { translations: [{ text: 'Pulseira de Obsidiana Negra' }] } });
    const settings = translationSettingsSchema.parse({ provider: 'deepl', deepl: { baseUrl: server.baseUrl } });
    const t = createTranslator(settings, { deeplApiKey: 'k' }, new MemoryTranslationCache());
    const a = await t.translate(req({ text: 'Black Obsidian Bracelet' }));
    const b = await t.translate(req({ text: 'Black Obsidian Bracelet' }));
    expect([a.provider, a.cached, b.provider, b.cached]).toEqual(['deepl', false, 'deepl', true]);
    expect(server.requests).toHaveLength(1);
  });

  it('falls back to offline on failure, without caching the fallback under DeepL', async () => {
    server.reply = () => ({ status: 503, json: {} });
    const settings = translationSettingsSchema.parse({ provider: 'deepl', deepl: { baseUrl: server.baseUrl }, fallback: 'offline' });
    const fellBack: string[] = [];
    const t = createTranslator(settings, { deeplApiKey: 'k' }, new MemoryTranslationCache(), { onFallback: (e) => fellBack.push(e.code) });
    const first = await t.translate(req({ text: 'Black Obsidian Bracelet' }));
    expect(first).toMatchObject({ text: 'Pulseira de Obsidiana Negra', provider: 'offline', fallbackFrom: { provider: 'deepl', code: 'unavailable' } });
    server.reply = () => ({ json: { translations: [{ text: 'Pulseira em Obsidiana Negra' }] } });
    const second = await t.translate(req({ text: 'Black Obsidian Bracelet' }));
    expect(second).toMatchObject({ text: 'Pulseira em Obsidiana Negra', provider: 'deepl', cached: false });
    expect(fellBack).toEqual(['unavailable']);
  });

  it('fails with fallback "none"', async () => {
    server.reply = () => ({ status: 456, json: {} });
    const settings = translationSettingsSchema.parse({ provider: 'deepl', deepl: { baseUrl: server.baseUrl }, fallback: 'none' });
    const t = createTranslator(settings, { deeplApiKey: 'k' }, new MemoryTranslationCache());
    await expect(t.translate(req())).rejects.toMatchObject({ name: 'TranslationError', code: 'quota' });
  });

  it('times out a slow provider at the configured timeout and falls back', async () => {
    server.reply = () => ({ delayMs: 1500, json: {} });
    const settings = translationSettingsSchema.parse({ provider: 'openai', openai: { baseUrl: `${server.baseUrl}/v1` }, timeoutMs: 500 });
    const t = createTranslator(settings, { openaiApiKey: 'k' }, new MemoryTranslationCache());
    const result = await t.translate(req({ text: 'Black Obsidian Bracelet' }));
    expect(result.fallbackFrom).toEqual({ provider: 'openai', code: 'timeout' });
  });

  it('refuses a remote provider without its key', () => {
    expect(() => createTranslator(translationSettingsSchema.parse({ provider: 'deepl' }), {}, new MemoryTranslationCache())).toThrow(TranslationConfigError);
    expect(() => createTranslator(translationSettingsSchema.parse({ provider: 'openai' }), { deeplApiKey: 'k' }, new MemoryTranslationCache())).toThrow(/OpenAI API key/);
  });
});
