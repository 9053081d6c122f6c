// stores/example.yaml claims to document every key of a store config. This compares the keys of the
// real schema (walked, including the sections each area adds) with the keys the example sets or
// shows commented out, so a new setting without documentation — or documentation of a key that does
// not exist — fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLE_VALUES } from '../../src/cli/store-template.js';
import { parseStoreConfig } from '../../src/stores/load-config.js';
import { storeConfigSchema } from '../../src/stores/store-config.js';
import { REPO } from '../cli/cli-process.js';
import { exampleKeyPaths, schemaKeyPaths, uncommentKeys } from './config-keys.js';

const EXAMPLE = readFileSync(join(REPO, 'stores', 'example.yaml'), 'utf8');

describe('stores/example.yaml documents every config key', () => {
  const schemaKeys = schemaKeyPaths(storeConfigSchema);
  const exampleKeys = exampleKeyPaths(EXAMPLE, storeConfigSchema);

  it('the schema walk sees nested sections, lists, maps and unions', () => {
    for (const key of ['http.port', 'http.rateLimits.checkout.max', 'alerts.channels[].chatId', 'disputes.countryOverrides.*.notDeliveredDays', 'payments.stripe.apiBase', 'pricing.rounding.bands[].upTo'])
      expect(schemaKeys).toContain(key);
  });

  it('every key of the schema is in the example', () => {
    expect([...schemaKeys].filter((k) => !exampleKeys.has(k)).sort()).toEqual([]);
  });

  it('every key of the example is in the schema', () => {
    expect([...exampleKeys].filter((k) => !schemaKeys.has(k)).sort()).toEqual([]);
  });

  it('the commented-out keys, switched on, still form one valid YAML document', () => {
    expect(() => exampleKeyPaths(EXAMPLE, storeConfigSchema)).not.toThrow();
    expect(uncommentKeys('  # baseUrl: http://x   # note\n# Prose stays: as is\n    #   chatId: "1"')).toBe('  baseUrl: http://x   # note\n# Prose stays: as is\n      chatId: "1"');
  });
});

describe('stores/example.yaml shows the defaults', () => {
  it('loads to exactly what a minimal config with the same required values loads to', () => {
    const v = EXAMPLE_VALUES;
    const minimal = parseStoreConfig('(minimal)', {
      name: v.name,
      http: { port: v.port },
      niche: { keywords: v.keywords },
      pricing: { fx: { rate: v.fxRate, date: v.fxDate } },
    });
    // branding.tagline is shown as "" for the owner to fill in; its default is none.
    const example = parseStoreConfig('(example)', parse(EXAMPLE));
    expect(example.branding).toEqual({ ...minimal.branding, tagline: '' });
    expect({ ...example, branding: minimal.branding }).toEqual(minimal);
  });
});
