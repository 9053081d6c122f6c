#!/usr/bin/env -S node --max-semi-space-size=2
// The `lojista` command. npm links a workspace's bins while it installs, before `prepare` has built
// dist/, and silently skips a bin whose file does not exist yet ("could not determine executable to
// run" afterwards). So the bin is this committed file, which loads the built CLI when it runs.
//
// The shebang carries the engine's one V8 setting (env -S passes it to node; `npx lojista` and
// `./lojista.js` run it): a young generation of at most 2 × 2 MiB semi-spaces instead of V8's
// 2 × 16 MiB, which a busy minute grows to and an idle process then keeps resident (−27 MiB RSS
// for 3 stores; BENCHMARKS.md, issue 11). Launchers that run `node <file>` themselves (npm start,
// PM2, systemd) pass the same flag on their own command line.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('lojista is not built yet: run "npm run build" in the lojista folder (npm ci builds it too).');
  process.exit(1);
}
await import(entry.href);
