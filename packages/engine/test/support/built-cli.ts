// The built `lojista` and `cj-sim` commands (dist/), which the tests that run them as child processes
// start, as an operator does. vitest.global-setup.ts runs `tsc -b` before any test, so dist/ is never
// older than the sources; through tsx instead, each start cost about twice the CPU, which a busy
// 2-core machine turns into tens of seconds per command.
import { fileURLToPath } from 'node:url';

export const BUILT_CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
export const BUILT_SIM = fileURLToPath(new URL('../../../cj-sim/dist/bin.js', import.meta.url));

/** Throws tsc's output when the global setup could not build dist/ (only the tests that need it fail). */
export function assertBuilt(): void {
  const error = process.env.LOJISTA_DIST_BUILD_ERROR;
  if (error) throw new Error(`dist/ could not be built (tsc -b tsconfig.build.json):\n${error}`);
}
