// The checks a restored copy must pass before it replaces a store's database: the rows of every
// table and the newest migration are those the manifest recorded when the backup was taken.
import type { BackupManifest } from './manifest.js';

export class RestoreCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreCheckError';
  }
}

export function compareWithManifest(manifest: BackupManifest, tables: Record<string, number>, migration: string | null): string[] {
  const problems: string[] = [];
  for (const [name, rows] of Object.entries(manifest.tables)) {
    if (!(name in tables)) problems.push(`table ${name} is missing`);
    else if (tables[name] !== rows) problems.push(`${name} holds ${tables[name]} rows, the backup recorded ${rows}`);
  }
  for (const name of Object.keys(tables)) if (!(name in manifest.tables)) problems.push(`table ${name} is not in the backup's manifest`);
  if (migration !== manifest.migration) problems.push(`migration ${migration ?? '(none)'} where the backup recorded ${manifest.migration}`);
  return problems;
}
