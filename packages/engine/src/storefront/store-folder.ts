// A store's own folder, next to its config file: `stores/<id>/` beside `stores/<id>.yaml`. It holds
// what a store adds to the defaults without a config key, e.g. its information pages in `pages/`.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { LoadedStoreConfig } from '../stores/load-config.js';

/** `stores/<id>/pages`, or undefined for a store without a config file (the built-in demo). */
export function storePagesDir(loaded: Pick<LoadedStoreConfig, 'id' | 'file'>): string | undefined {
  if (!existsSync(loaded.file)) return undefined;
  const file = isAbsolute(loaded.file) ? loaded.file : resolve(loaded.file);
  return join(dirname(file), loaded.id, 'pages');
}
