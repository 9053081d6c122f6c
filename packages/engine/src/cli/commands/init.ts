// `lojista init`: writes stores/<id>.yaml (commented) and <id>.secrets.json (mode 0600, with a fresh
// admin token), from flags or by asking. Refuses to overwrite an existing store.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { isoDateOf } from '../../pricing/iso-date.js';
import { loadStoreConfigFile } from '../../stores/load-config.js';
import { STORE_ID_PATTERN } from '../../stores/store-config.js';
import type { CliEnv } from '../env.js';
import { CliError, EXIT } from '../exit-codes.js';
import { storeConfigYaml, type TemplateValues } from '../store-template.js';

export interface InitFlags {
  id?: string;
  name?: string;
  port?: number;
  keywords?: string;
  locale?: string;
  currency?: string;
  country?: string;
  fxRate?: string;
  yes?: boolean;
}

export async function init(env: CliEnv, flags: InitFlags): Promise<{ file: string; secretsFile: string }> {
  const interactive = !flags.yes && process.stdin.isTTY === true;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  const ask = async (question: string, given: string | undefined, fallback?: string): Promise<string> => {
    if (given !== undefined) return given;
    if (!rl) {
      if (fallback !== undefined) return fallback;
      throw new CliError(`missing --${question.split(' ')[0]!.toLowerCase()} (or run in a terminal to be asked)`, EXIT.usage);
    }
    const answer = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
    return answer || fallback || '';
  };
  try {
    const id = await ask('Id (lower-case, e.g. astralmia)', flags.id);
    if (!STORE_ID_PATTERN.test(id)) throw new CliError(`store id "${id}" must be lower-case letters, digits and "-", starting with a letter`, EXIT.usage);
    const file = join(env.configDir, `${id}.yaml`);
    const secretsFile = join(env.configDir, `${id}.secrets.json`);
    if (existsSync(file)) throw new CliError(`${file} already exists; edit it instead`, EXIT.usage);
    const values: TemplateValues = {
      name: await ask('Name', flags.name, id.toUpperCase()),
      port: Number(await ask('Port', flags.port?.toString(), '4002')),
      locale: await ask('Locale', flags.locale, 'pt-PT'),
      currency: await ask('Currency', flags.currency, 'EUR'),
      country: await ask('Main country', flags.country, 'PT'),
      keywords: (await ask('Keywords (comma-separated, English)', flags.keywords, 'amethyst, tarot cards, incense'))
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
      fxRate: await ask('USD→currency rate', flags.fxRate, '0.92'),
      fxDate: isoDateOf(Date.now()),
    };
    mkdirSync(env.configDir, { recursive: true });
    writeFileSync(file, storeConfigYaml(values));
    try {
      await loadStoreConfigFile(file);
    } catch (err) {
      // Never leave a file that would stop the engine from starting.
      const { rmSync } = await import('node:fs');
      rmSync(file);
      throw new CliError((err as Error).message, EXIT.usage);
    }
    if (!existsSync(secretsFile)) {
      writeFileSync(secretsFile, `${JSON.stringify({ adminToken: randomBytes(24).toString('hex') }, null, 2)}\n`, { mode: 0o600 });
      chmodSync(secretsFile, 0o600);
    }
    return { file, secretsFile };
  } finally {
    rl?.close();
  }
}
