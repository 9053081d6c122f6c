// DeepL and OpenAI-compatible providers against a local fake server: request shape, auth header,
// error mapping, timeout, cancel, and the output checks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeepLTranslator, deeplTarget, OpenAiTranslator, TranslationError, type TranslationErrorCode } from '../../src/translation/index.js';
import { startFakeServer, type FakeServer } from './fake-server.js';

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

const title = (text: string) => ({ kind: 'title' as const, text, from: 'en' as const, to: 'pt-PT' });

async function errorCode(p: Promise<unknown>): Promise<TranslationErrorCode | 'no error'> {
  try {
    await p;
    return 'no error';
  } catch (err) {
    expect(err).toBeInstanceOf(TranslationError);
    return (err as TranslationError).code;
  }
}

describe('DeepL provider', () => {
  const deepl = (extra: Partial<ConstructorParameters<typeof DeepLTranslator>[0]> = {}) =>
    new DeepLTranslator({ apiKey: 'test-key:fx', baseUrl: server.baseUrl, timeoutMs: 2000, ...extra });

  it('posts a cleaned title to /v2/translate with the DeepL-Auth-Key header and PT-PT', async () => {
    server.reply = () => ({ json: { translations: [{ detected_source_language: 'EN', text: 'Drusa de Ametista Natural' }] } });
    const result = await deepl().translate(title('Hot Sale Natural Amethyst Crystal Cluster Healing Stone Wholesale'));
    expect(result).toEqual({ text: 'Drusa de Ametista Natural', provider: 'deepl', cached: false });
    const [req] = server.requests;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/v2/translate');
    expect(req?.headers.authorization).toBe('DeepL-Auth-Key test-key:fx');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.body).toEqual({ text: ['Natural Amethyst Crystal Cluster'], source_lang: 'EN', target_lang: 'PT-PT' });
  });

  it('sends descriptions as minimal HTML with tag_handling=html and returns plain text', async () => {
    server.reply = () => ({ json: { translations: [{ text: '<p>Material: Cristal natural</p><p>Tamanho: 5-6 cm</p>' }] } });
    const html = '<img src="x.jpg"><script>x()</script><p>Material: Natural Crystal<br>Size: 5-6cm<br>Brings good luck and healing energy</p>';
    const result = await deepl({ formality: 'prefer_less' }).translate({ kind: 'description', text: html, from: 'en', to: 'pt-PT' });
    expect(result.text).toBe('Material: Cristal natural\nTamanho: 5-6 cm');
    expect(server.requests[0]?.body).toEqual({
      text: ['<p>Material: Natural Crystal</p><p>Size: 5-6cm</p>'],
      source_lang: 'EN',
      target_lang: 'PT-PT',
      tag_handling: 'html',
      formality: 'prefer_less',
    });
  });

  it.each([
    [403, 'auth'],
    [456, 'quota'],
    [429, 'rate_limited'],
    [503, 'unavailable'],
    [400, 'rejected'],
  ] as const)('maps HTTP %i to %s', async (status, code) => {
    server.reply = () => ({ status, json: { message: 'nope' } });
    expect(await errorCode(deepl().translate(title('Amethyst Bracelet')))).toBe(code);
  });

  it('never puts the key in an error message', async () => {
    server.reply = () => ({ status: 403, json: { message: 'Wrong key' } });
    const err = await deepl()
      .translate(title('Amethyst Bracelet'))
      .catch((e: unknown) => e as TranslationError);
    expect(String((err as Error).message)).not.toContain('test-key');
    expect((err as TranslationError).retryable).toBe(false);
  });

  it('reports answers that are not what the API documents', async () => {
    server.reply = () => ({ raw: 'not json' });
    expect(await errorCode(deepl().translate(title('Amethyst Bracelet')))).toBe('bad_response');
    server.reply = () => ({ json: { translations: [] } });
    expect(await errorCode(deepl().translate(title('Amethyst Bracelet')))).toBe('bad_response');
    server.reply = () => ({ json: { translations: [{ text: '  ' }] } });
    expect(await errorCode(deepl().translate(title('Amethyst Bracelet')))).toBe('empty');
  });

  it('refuses an answer that makes a claim', async () => {
    server.reply = () => ({ json: { translations: [{ text: 'Pulseira de Ametista que Atrai Sorte' }] } });
    expect(await errorCode(deepl().translate(title('Amethyst Bracelet')))).toBe('claim_in_output');
  });

  it('times out', async () => {
    server.reply = () => ({ delayMs: 1500, json: { translations: [{ text: 'tarde' }] } });
    const started = Date.now();
    expect(await errorCode(deepl({ timeoutMs: 100 }).translate(title('Amethyst Bracelet')))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('stops when the caller cancels, and says so', async () => {
    server.reply = () => ({ delayMs: 1500, json: { translations: [{ text: 'tarde' }] } });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 50);
    expect(await errorCode(deepl().translate(title('Amethyst Bracelet'), { signal: ctl.signal }))).toBe('aborted');
  });

  it('maps locales to DeepL target codes', () => {
    expect(['pt-PT', 'pt', 'pt-BR', 'en-GB', 'en-US', 'es-ES', 'de'].map(deeplTarget)).toEqual(['PT-PT', 'PT-PT', 'PT-BR', 'EN-GB', 'EN-US', 'ES', 'DE']);
  });
});

describe('OpenAI-compatible provider', () => {
  const openai = (extra: Partial<ConstructorParameters<typeof OpenAiTranslator>[0]> = {}) =>
    new OpenAiTranslator({ apiKey: 'sk-test', baseUrl: `${server.baseUrl}/v1`, model: 'test-model', timeoutMs: 2000, ...extra });

  it('posts to /v1/chat/completions with a Bearer key, temperature 0 and a strict system prompt', async () => {
    server.reply = () => ({ json: { choices: [{ index: 0, message: { role: 'assistant', content: '"Pulseira de Ametista Natural"' } }] } });
    const result = await openai({ glossary: { moldavite: 'Moldavite' } }).translate(title('Natural Amethyst Bracelet Healing Reiki'));
    expect(result).toEqual({ text: 'Pulseira de Ametista Natural', provider: 'openai', cached: false });
    const req = server.requests[0];
    expect(req?.url).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe('Bearer sk-test');
    const body = req?.body as { model: string; temperature: number; messages: Array<{ role: string; content: string }> };
    expect(body.model).toBe('test-model');
    expect(body.temperature).toBe(0);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1]?.content).toBe('Natural Amethyst Bracelet');
    const system = body.messages[0]?.content ?? '';
    expect(system).toContain('European Portuguese (pt-PT)');
    expect(system).toContain('Output only the translation');
    expect(system).toContain('Keep every product attribute');
    expect(system).toMatch(/Never state or imply health, healing/);
    expect(system).toContain('"moldavite" → "Moldavite"');
  });

  it('sends description lines as text and keeps the lines', async () => {
    server.reply = () => ({ json: { choices: [{ message: { content: 'Material: Pedra de lava\nCor: Preto' } }] } });
    const result = await openai().translate({ kind: 'description', text: 'Material: Lava Stone<br>Color: Black<br>Heals anxiety', from: 'en', to: 'pt-PT' });
    expect(result.text).toBe('Material: Pedra de lava\nCor: Preto');
    const body = server.requests[0]?.body as { messages: Array<{ content: string }> };
    expect(body.messages[1]?.content).toBe('Material: Lava Stone\nColor: Black');
  });

  it('maps errors and refuses claims and empty answers', async () => {
    server.reply = () => ({ status: 401, json: { error: { message: 'bad key' } } });
    expect(await errorCode(openai().translate(title('Amethyst Bracelet')))).toBe('auth');
    server.reply = () => ({ json: { choices: [{ message: { content: 'Pulseira de Ametista Curativa' } }] } });
    expect(await errorCode(openai().translate(title('Amethyst Bracelet')))).toBe('claim_in_output');
    server.reply = () => ({ json: { choices: [] } });
    expect(await errorCode(openai().translate(title('Amethyst Bracelet')))).toBe('bad_response');
  });

  it('times out', async () => {
    server.reply = () => ({ delayMs: 1500, json: {} });
    expect(await errorCode(openai({ timeoutMs: 100 }).translate(title('Amethyst Bracelet')))).toBe('timeout');
  });

  it('reports an unreachable endpoint as a network error', async () => {
    const dead = new OpenAiTranslator({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9/v1', timeoutMs: 2000 });
    expect(await errorCode(dead.translate(title('Amethyst Bracelet')))).toBe('network');
  });
});
