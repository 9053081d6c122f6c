#!/usr/bin/env -S node --max-semi-space-size=2 --v8-pool-size=1
// The `lojista` command. npm links a workspace's bins while it installs, before `prepare` has built
// dist/, and silently skips a bin whose file does not exist yet ("could not determine executable to
// run" afterwards). So the bin is this committed file, which loads the built CLI when it runs.
//
// The shebang carries the engine's node flags (env -S passes them to node; `npx lojista` and
// `./lojista.js` run it): a young generation of at most 2 × 2 MiB semi-spaces instead of V8's
// 2 × 16 MiB, which a busy minute grows to and an idle process then keeps resident (−27 MiB RSS
// for 3 stores), and one V8 worker thread instead of 4 (each keeps a malloc arena and a stack
// resident: −6 MiB; a small server has 1–2 cores anyway). BENCHMARKS.md, issue 11. Launchers that
// run `node <file>` themselves (npm start, PM2, systemd) pass the same flags on their own command line.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('lojista is not built yet: run "npm run build" in the lojista folder (npm ci builds it too).');
  process.exit(1);
}
await import(entry.href);
