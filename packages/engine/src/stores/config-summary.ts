// The store's effective configuration (the file's values with every default applied), for the
// owner's settings page and the MCP "configuration" resource: where it came from, and every
// secret masked. Secrets never live in the config itself, but a key that looks secret or a URL
// carrying credentials or a query is masked too, so a careless value never leaks through here.
import { dirname, join } from 'node:path';
import type { StoreContext } from './context.js';
import { envVarName, SECRET_KEYS, type SecretKey } from './secrets.js';

export const MASK = '******';

export interface SecretSummary {
  key: SecretKey;
  set: boolean;
  /** "environment (LOJISTA_X_CJ_API_KEY)", "<id>.secrets.json" or null when not set. */
  source: string | null;
}

export interface ConfigSummary {
  storeId: string;
  /** The config file it was loaded from ("(demo)" / "(test store …)" for built-in ones). */
  file: string;
  secretsFile: string | null;
  supplier: { simulated: boolean; baseUrl: string };
  database: 'sqlite' | 'postgres';
  /** The effective configuration, masked. */
  config: Record<string, unknown>;
  secrets: SecretSummary[];
}

const SECRET_LIKE = /(token|secret|password|passwd|apikey|api_key|private|credential)/i;

/** Masks secret-looking keys and the credentials or query of URL values, at any depth. */
export function maskConfig(value: unknown, key = ''): unknown {
  if (key && SECRET_LIKE.test(key) && typeof value === 'string' && value !== '') return MASK;
  if (typeof value === 'string') return maskUrl(value);
  if (Array.isArray(value)) return value.map((v) => maskConfig(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskConfig(v, k)]));
  }
  return value;
}

function maskUrl(text: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  try {
    const url = new URL(text);
    if (url.username || url.password) {
      url.username = url.username ? MASK : '';
      url.password = url.password ? MASK : '';
    }
    if (url.search) url.search = `?${MASK}`;
    return url.toString();
  } catch {
    return text;
  }
}

export function configSummary(ctx: StoreContext, file: string, env: NodeJS.ProcessEnv = process.env): ConfigSummary {
  const builtIn = file.startsWith('(');
  const secretsFile = builtIn ? null : join(dirname(file), `${ctx.id}.secrets.json`);
  const secrets = SECRET_KEYS.map((key): SecretSummary => {
    if (!ctx.secrets.has(key)) return { key, set: false, source: null };
    const envName = envVarName(ctx.id, key);
    const source = env[envName] ? `environment (${envName})` : secretsFile ? `${ctx.id}.secrets.json` : 'built-in';
    return { key, set: true, source };
  });
  return {
    storeId: ctx.id,
    file,
    secretsFile,
    supplier: { simulated: ctx.supplier.simulated, baseUrl: maskUrl(ctx.supplier.baseUrl) },
    database: ctx.dialect,
    config: maskConfig(ctx.config) as Record<string, unknown>,
    secrets,
  };
}
