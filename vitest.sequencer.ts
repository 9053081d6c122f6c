// Starts the known-long suites first. Vitest orders files by the durations it cached on an earlier
// run, and a clean checkout (CI) has none, so a 5-minute file could start last and run alone at the
// end; started first, it overlaps the rest of the suite. Files not listed keep vitest's own order.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Path endings, longest first (durations of a CI run on 2 cores: 300 s, 77 s, 66 s, 62 s, …). */
const LONG_FIRST = [
  'test/e2e/crash-safety.test.ts',
  'test/scan/scan-pipeline.test.ts',
  'test/admin/store-console.test.ts',
  'test/cli/clean-install.test.ts',
  'test/admin/catalogue-console.test.ts',
  'test/cli/cli.test.ts',
  'test/storefront/browse-browser.test.ts',
  'test/storefront/journey-browser.test.ts',
  'test/e2e/backup-drill.test.ts',
  'test/admin/orders-console.test.ts',
  'test/cli/admin-cli.test.ts',
];

const rank = (spec: TestSpecification): number => {
  const path = spec.moduleId.replaceAll('\\', '/');
  const i = LONG_FIRST.findIndex((end) => path.endsWith(end));
  return i < 0 ? LONG_FIRST.length : i;
};

export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    // Array.prototype.sort is stable: unlisted files keep the base order among themselves.
    return ordered.sort((a, b) => rank(a) - rank(b));
  }
}
