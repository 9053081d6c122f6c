// The store a fresh clone runs with no configuration: ASTRALMIA's esoteric niche in Portuguese and
// euros, on SQLite, against the in-process CJ simulator. Its admin token is generated once and kept
// (mode 0600) under the data folder so it stays the same between runs.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import { isoDateOf } from '../pricing/iso-date.js';
import { parseStoreConfig, type LoadedStoreConfig } from '../stores/load-config.js';
import { StoreSecrets } from '../stores/secrets.js';
import type { StoreConfigInput } from '../stores/store-config.js';

export const DEMO_STORE_ID = 'astralmia';
export const DEMO_PORT = 4002;

export const DEMO_KEYWORDS = [
  'amethyst',
  'rose quartz',
  'crystal cluster',
  'tiger eye bracelet',
  'chakra bracelet',
  'tarot cards',
  'oracle cards',
  'pendulum',
  'incense',
  'backflow incense burner',
  'palo santo',
  'singing bowl',
  'mala beads',
  'meditation cushion',
  'evil eye necklace',
  'moon pendant',
  'tree of life',
  'scented candle',
  'essential oil diffuser',
  'buddha statue',
  'dreamcatcher',
  'selenite',
];

export function demoConfigInput(clock: Clock, port = DEMO_PORT): StoreConfigInput {
  return {
    name: 'ASTRALMIA (demo)',
    locale: 'pt-PT',
    currency: 'EUR',
    mainCountry: 'PT',
    http: { port },
    // The simulator accepts the top CJ level; a real Free account is qps 1.
    cj: { qps: 6 },
    niche: { keywords: DEMO_KEYWORDS },
    quality: {
      // The simulator serves its own images over plain http on localhost.
      relevanceKeywords: [
        'crystal', 'quartz', 'amethyst', 'gemstone', 'stone', 'agate', 'selenite', 'obsidian', 'tourmaline', 'citrine',
        'tarot', 'oracle', 'pendulum', 'rune', 'runes', 'divination', 'incense', 'burner', 'sage', 'palo santo', 'resin',
        'singing bowl', 'meditation', 'mala', 'chakra', 'buddha', 'evil eye', 'hamsa', 'tree of life', 'lotus', 'moon',
        'candle', 'candles', 'essential oil', 'diffuser', 'aromatherapy', 'dreamcatcher', 'altar', 'zodiac', 'tiger eye',
      ],
    },
    pricing: { fx: { rate: '0.92', date: isoDateOf(clock.now()), source: 'demo rate' } },
    catalog: { maxProducts: 200, pageSize: 40, pagesPerKeyword: 1, pointsBudgetPerScan: 8_000 },
    branding: { tagline: 'Cristais, tarot e rituais — loja de demonstração', accentColor: '#6b4fa0' },
    // Named on the demo's information pages (a reserved domain: nothing is ever sent there).
    contact: { email: 'ola@astralmia.example' },
  };
}

export interface DemoStore {
  loaded: LoadedStoreConfig;
  secrets: StoreSecrets;
  adminToken: string;
  /** The console password, made at random on the first run (there is no default password). */
  consolePassword: string;
}

export function demoStore(clock: Clock, dataDir: string, port = DEMO_PORT): DemoStore {
  const file = `(built-in demo store "${DEMO_STORE_ID}")`;
  const config = parseStoreConfig(file, demoConfigInput(clock, port));
  const dir = join(dataDir, DEMO_STORE_ID);
  const adminToken = keptSecret(dir, 'demo-admin-token', () => randomBytes(24).toString('hex'));
  const consolePassword = keptSecret(dir, 'demo-console-password', () => randomBytes(12).toString('base64url'));
  return { loaded: { id: DEMO_STORE_ID, file, config }, secrets: new StoreSecrets({ adminToken }), adminToken, consolePassword };
}

/** A secret made once and kept (mode 0600) under the demo's data folder, so it stays the same between runs. */
function keptSecret(dir: string, name: string, make: () => string): string {
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return value;
}
