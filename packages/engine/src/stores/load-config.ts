// Reads and validates store config files. A store is one file in the config folder:
// stores/<id>.yaml (or .yml / .json); the id is the file name.
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { STORE_ID_PATTERN, storeConfigSchema, type StoreConfig } from './store-config.js';

export interface LoadedStoreConfig {
  id: string;
  file: string;
  config: StoreConfig;
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Every store config in `dir` (or only `only`), validated; ports must not clash. */
export async function loadStoreConfigs(dir: string, only?: string): Promise<LoadedStoreConfig[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ConfigError(dir, [{ path: '(folder)', message: 'does not exist; create a store with: lojista init' }]);
    }
    throw err;
  }
  const files = names
    .filter((n) => EXTENSIONS.has(extname(n)) && !n.includes('.secrets.') && !n.startsWith('example.'))
    .sort();
  const loaded: LoadedStoreConfig[] = [];
  for (const name of files) {
    const id = basename(name, extname(name));
    if (only !== undefined && id !== only) continue;
    loaded.push(await loadStoreConfigFile(join(dir, name)));
  }
  if (only !== undefined && loaded.length === 0) {
    throw new ConfigError(dir, [{ path: only, message: `no store config named ${only}.yaml or ${only}.json here` }]);
  }
  const seen = new Map<number, string>();
  for (const store of loaded) {
    const other = seen.get(store.config.http.port);
    if (other !== undefined) {
      throw new ConfigError(store.file, [
        { path: 'http.port', message: `${store.config.http.port} is already used by store "${other}"; each store needs its own port` },
      ]);
    }
    seen.set(store.config.http.port, store.id);
  }
  return loaded;
}

export async function loadStoreConfigFile(file: string): Promise<LoadedStoreConfig> {
  const id = basename(file, extname(file));
  if (!STORE_ID_PATTERN.test(id)) {
    throw new ConfigError(file, [
      { path: '(file name)', message: `"${id}" is not a valid store id: lower-case letters, digits and "-", starting with a letter` },
    ]);
  }
  const text = await readFile(file, 'utf8');
  let raw: unknown;
  try {
    raw = extname(file) === '.json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (err) {
    throw new ConfigError(file, [{ path: '(file)', message: `cannot be parsed: ${(err as Error).message}` }]);
  }
  return { id, file, config: parseStoreConfig(file, raw ?? {}) };
}

export function parseStoreConfig(file: string, raw: unknown): StoreConfig {
  // reportInput: zod 4 leaves `input` out of issues by default, and describeIssues needs it to tell
  // a missing key from a value of the wrong type.
  const result = storeConfigSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new ConfigError(file, describeIssues(result.error));
  return result.data;
}

export function describeIssues(error: z.ZodError): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(top level)';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({
          path: path === '(top level)' ? key : `${path}.${key}`,
          message: 'is not a known setting (check the spelling; the commented example is stores/example.yaml)',
        });
      }
    } else if (issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined) {
      issues.push({ path, message: `is required (expected ${issue.expected})` });
    } else {
      issues.push({ path, message: issue.message.replace(/^Invalid input: /, '') });
    }
  }
  return issues;
}
