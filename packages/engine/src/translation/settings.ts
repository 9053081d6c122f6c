// The store config's `translation` section. Keys are secrets and never live here: the DeepL and
// OpenAI keys come from the store's secrets and are passed to createTranslator.
import { z } from 'zod';
import { buildLexicon, GlossaryError, type GlossaryOverride } from './glossary/lexicon.js';
import { isPortuguese } from './types.js';

const glossaryOverrideSchema = z.union([
  z.string().trim().min(1),
  z
    .object({
      pt: z.string().trim().min(1),
      kind: z.enum(['product', 'stone', 'scent', 'material', 'colour', 'motif', 'style', 'name', 'drop']).optional(),
      gender: z.enum(['m', 'f']).optional(),
      plural: z.string().trim().min(1).optional(),
    })
    .strict(),
]);

export const translationSettingsSchema = z
  .object({
    /** Who translates: the built-in glossary (no key, no cost), DeepL, or an OpenAI-compatible model. */
    provider: z.enum(['offline', 'deepl', 'openai']).default('offline'),
    /** Target locale (BCP-47). The offline translator speaks pt-PT only. */
    locale: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale such as "pt-PT"')
      .default('pt-PT'),
    /** How long one remote call may take. */
    timeoutMs: z.number().int().min(500).max(120_000).default(15_000),
    /** When the remote provider fails: answer offline, or leave the product for the next scan. */
    fallback: z.enum(['offline', 'none']).default('offline'),
    deepl: z
      .object({
        /** https://api-free.deepl.com for free keys, https://api.deepl.com for paid ones. */
        baseUrl: z.url().default('https://api-free.deepl.com'),
        formality: z.enum(['default', 'more', 'less', 'prefer_more', 'prefer_less']).default('default'),
      })
      .strict()
      .prefault({}),
    openai: z
      .object({
        /** Includes the version segment, as in the OpenAI SDKs. */
        baseUrl: z.url().default('https://api.openai.com/v1'),
        model: z.string().trim().min(1).default('gpt-4o-mini'),
      })
      .strict()
      .prefault({}),
    /**
     * The owner's words: English phrase → Portuguese ("moldavite": "Moldavite", or
     * { pt: "Moldavite", kind: "stone", gender: "f" }). They win over the built-in glossary.
     */
    glossary: z.record(z.string().trim().min(1), glossaryOverrideSchema).default({}),
  })
  .strict()
  .superRefine((s, ctx) => {
    const offlineUsed = s.provider === 'offline' || s.fallback === 'offline';
    if (offlineUsed && !isPortuguese(s.locale)) {
      ctx.addIssue({
        code: 'custom',
        path: ['locale'],
        message: `the offline translator speaks pt-PT only; for "${s.locale}" use provider "deepl" or "openai" with fallback "none"`,
      });
    }
    try {
      buildLexicon(s.glossary as Record<string, GlossaryOverride>);
    } catch (err) {
      if (!(err instanceof GlossaryError)) throw err;
      ctx.addIssue({ code: 'custom', path: ['glossary'], message: err.message });
    }
  });

export type TranslationSettingsInput = z.input<typeof translationSettingsSchema>;
export type TranslationSettings = z.output<typeof translationSettingsSchema>;
