#!/usr/bin/env node
// The `cj-sim` command. npm links a workspace's bins while it installs, before `prepare` has built
// dist/, and silently skips a bin whose file does not exist yet ("could not determine executable to
// run" afterwards). So the bin is this committed file, which loads the built simulator when it runs.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('cj-sim is not built yet: run "npm run build" in the lojista folder (npm ci builds it too).');
  process.exit(1);
}
await import(entry.href);
