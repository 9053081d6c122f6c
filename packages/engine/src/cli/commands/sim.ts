// `lojista sim [cj-sim options]`: run the CJ simulator standalone (the cj-sim command).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function simBinPath(): string {
  // The simulator's entry resolves to dist/index.js (or src/index.ts in development); bin sits beside it.
  const entry = fileURLToPath(import.meta.resolve('@lojista/cj-sim'));
  const js = entry.replace(/index\.(js|ts)$/, 'bin.js');
  return existsSync(js) ? js : entry.replace(/index\.(js|ts)$/, 'bin.ts');
}

export function runSimulator(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, simBinPath(), ...args], { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
