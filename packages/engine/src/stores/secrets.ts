// Secrets never live in a store's config file. They come from environment variables
// (LOJISTA_<STORE>_<KEY>, e.g. LOJISTA_ASTRALMIA_CJ_API_KEY) or from stores/<id>.secrets.json, which
// must not be readable by group or others (mode 0600). The environment wins over the file.
import { readFile, stat } from 'node:fs/promises';
import { inspect } from 'node:util';
import { ConfigError } from './config-error.js';

export const SECRET_KEYS = [
  'cjApiKey',
  'adminToken',
  'stripeSecretKey',
  'stripeWebhookSecret',
  'telegramBotToken',
  'deeplApiKey',
  'openaiApiKey',
] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/** Minimum length of an admin token: long enough that guessing it is hopeless. */
export const MIN_ADMIN_TOKEN_LENGTH = 24;

/** Holds a store's secrets; prints as [redacted] in logs, JSON and console output. */
export class StoreSecrets {
  readonly #values: Partial<Record<SecretKey, string>>;

  constructor(values: Partial<Record<SecretKey, string>>) {
    this.#values = { ...values };
  }

  get(key: SecretKey): string | undefined {
    return this.#values[key];
  }

  has(key: SecretKey): boolean {
    return this.#values[key] !== undefined;
  }

  /** Every secret value, so log redaction can scrub them from free text too. */
  values(): string[] {
    return Object.values(this.#values).filter((v): v is string => typeof v === 'string' && v.length > 0);
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(Object.keys(this.#values).map((k) => [k, '[redacted]']));
  }

  [inspect.custom](): string {
    return `StoreSecrets { ${Object.keys(this.#values).join(', ')} (redacted) }`;
  }
}

export function envVarName(storeId: string, key: SecretKey): string {
  const store = storeId.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  const snake = key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  return `LOJISTA_${store}_${snake}`;
}

export async function loadSecrets(
  storeId: string,
  secretsFile: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StoreSecrets> {
  const values: Partial<Record<SecretKey, string>> = {};
  const fromFile = await readSecretsFile(secretsFile);
  for (const key of SECRET_KEYS) {
    const value = env[envVarName(storeId, key)] ?? fromFile[key];
    if (value !== undefined && value !== '') values[key] = value;
  }
  const admin = values.adminToken;
  if (admin !== undefined && admin.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(secretsFile, [
      {
        path: 'adminToken',
        message: `the admin token must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (generate one with: openssl rand -hex 24)`,
      },
    ]);
  }
  return new StoreSecrets(values);
}

async function readSecretsFile(file: string): Promise<Partial<Record<SecretKey, string>>> {
  let mode: number;
  try {
    mode = (await stat(file)).mode;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(file, [
      {
        path: '(file mode)',
        message: `is readable by others (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${file}`,
      },
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(file, [{ path: '(file)', message: `is not valid JSON: ${(err as Error).message}` }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(file, [{ path: '(file)', message: 'must be a JSON object of secret names to strings' }]);
  }
  const out: Partial<Record<SecretKey, string>> = {};
  const issues: Array<{ path: string; message: string }> = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (!(SECRET_KEYS as readonly string[]).includes(key)) {
      issues.push({ path: key, message: `is not a known secret; expected one of ${SECRET_KEYS.join(', ')}` });
    } else if (typeof value !== 'string') {
      issues.push({ path: key, message: 'must be a string' });
    } else {
      out[key as SecretKey] = value;
    }
  }
  if (issues.length > 0) throw new ConfigError(file, issues);
  return out;
}
