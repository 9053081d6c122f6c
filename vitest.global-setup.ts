// Builds dist/ once before the tests (`tsc -b`, a second or two when it is up to date). The tests
// import the TypeScript sources, but the ones that run `lojista serve` as a child process (crash
// safety, SIGTERM) run the built engine, as an operator does: starting from the sources through a
// loader costs twice the CPU, and a restart on a busy 2-core machine is what those tests wait on.
// A build that fails does not stop the other tests; those child-process tests report it instead.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const tsc = fileURLToPath(new URL('./node_modules/typescript/bin/tsc', import.meta.url));
  const root = fileURLToPath(new URL('.', import.meta.url));
  const run = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (run.status === 0) {
    delete process.env.LOJISTA_DIST_BUILD_ERROR;
  } else {
    process.env.LOJISTA_DIST_BUILD_ERROR = `${run.stdout}${run.stderr}`.slice(0, 4_000) || `tsc exited with ${run.status}`;
  }
}
