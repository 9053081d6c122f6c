import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { FailureSummaryReporter } from './vitest.failure-summary.js';
import { LongFirstSequencer } from './vitest.sequencer.js';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests always run against the TypeScript sources of the workspace packages, never a stale dist/.
export default defineConfig({
  // Pages are Preact components (tsconfig.base.json says the same to tsc and tsx).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: [
      { find: /^@lojista\/cj$/, replacement: src('./packages/cj/src/index.ts') },
      { find: /^@lojista\/cj-sim$/, replacement: src('./packages/cj-sim/src/index.ts') },
      { find: /^@lojista\/engine$/, replacement: src('./packages/engine/src/index.ts') },
      { find: /^@lojista\/testkit$/, replacement: src('./packages/testkit/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/test/**/*.test.tsx'],
    pool: 'forks',
    // Most suites wait (on CJ's QPS budget, moved clocks, child engines), not compute, and vitest's
    // default on 2 cores is a single worker (about 700 s here); three take about 300–400 s.
    // `--maxWorkers N` on the command line overrides this.
    maxWorkers: 3,
    sequence: { sequencer: LongFirstSequencer },
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The summary of failures comes last, where a log read from its tail still shows it.
    reporters: ['default', new FailureSummaryReporter()],
  },
});
