// The translation section of a store config, and the admin-edit merge rule.
import { describe, expect, it } from 'vitest';
import { mergeTexts, translationSettingsSchema } from '../../src/translation/index.js';

describe('translationSettingsSchema', () => {
  it('has working defaults', () => {
    expect(translationSettingsSchema.parse({})).toEqual({
      provider: 'offline',
      locale: 'pt-PT',
      timeoutMs: 15_000,
      fallback: 'offline',
      deepl: { baseUrl: 'https://api-free.deepl.com', formality: 'default' },
      openai: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
      glossary: {},
    });
  });

  it('names the key and the fix when the offline translator cannot serve the locale', () => {
    const r = translationSettingsSchema.safeParse({ locale: 'en-GB' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['locale']);
    expect(r.error?.issues[0]?.message).toMatch(/pt-PT only.*fallback "none"/);
    expect(translationSettingsSchema.safeParse({ locale: 'en-GB', provider: 'deepl', fallback: 'none' }).success).toBe(true);
  });

  it('rejects unknown keys, secrets included', () => {
    expect(translationSettingsSchema.safeParse({ deepl: { apiKey: 'x' } }).success).toBe(false);
    expect(translationSettingsSchema.safeParse({ providr: 'deepl' }).success).toBe(false);
  });

  it('accepts glossary overrides and refuses one that would restore a claim', () => {
    expect(translationSettingsSchema.parse({ glossary: { moldavite: { pt: 'Moldavite', kind: 'stone', gender: 'f' }, 'palo santo': 'Pau Santo' } }).glossary).toHaveProperty('moldavite');
    const r = translationSettingsSchema.safeParse({ glossary: { lucky: 'da Sorte' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['glossary']);
  });
});

describe('mergeTexts', () => {
  const stored = { title: 'Título do dono', description: 'Descrição antiga', titleEditedByAdmin: true, descriptionEditedByAdmin: false };

  it('keeps an admin-edited field and takes the new text for the others', () => {
    expect(mergeTexts(stored, { title: 'Novo título', description: 'Nova descrição' })).toEqual({
      title: 'Título do dono',
      description: 'Nova descrição',
      titleEditedByAdmin: true,
      descriptionEditedByAdmin: false,
      changed: { title: false, description: true },
    });
  });

  it('keeps both when both were edited', () => {
    const both = { ...stored, descriptionEditedByAdmin: true };
    expect(mergeTexts(both, { title: 'x', description: 'y' })).toMatchObject({ title: 'Título do dono', description: 'Descrição antiga', changed: { title: false, description: false } });
  });

  it('takes everything for a new product', () => {
    expect(mergeTexts(undefined, { title: 'a', description: 'b' })).toMatchObject({ title: 'a', description: 'b', titleEditedByAdmin: false, changed: { title: true, description: true } });
  });
});
