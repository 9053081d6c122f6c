// Prints, as the very last lines of a run, one line per failed test (file, name, first line of its
// error) and per unhandled error. CI logs are often read from their tail only, and vitest's own
// failure details come before the unhandled errors and the summary, where a long log cuts them off.
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

const firstLine = (e: SerializedError | undefined): string => (e?.message ?? String(e ?? '')).split('\n')[0]!.slice(0, 300);

export class FailureSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const lines: string[] = [];
    for (const mod of testModules) {
      const file = mod.relativeModuleId;
      for (const e of mod.errors()) lines.push(`${file} (file): ${firstLine(e)}`);
      // A failed beforeAll is the suite's error; its tests are then skipped, not failed.
      for (const suite of mod.children.allSuites()) for (const e of suite.errors()) lines.push(`${file} > ${suite.fullName} (suite): ${firstLine(e)}`);
      for (const test of mod.children.allTests('failed')) {
        const errors = test.result().errors ?? [];
        lines.push(`${file} > ${test.fullName}: ${firstLine(errors[0])}`);
      }
    }
    for (const e of unhandledErrors) lines.push(`unhandled: ${firstLine(e)}`);
    if (lines.length === 0) return;
    process.stdout.write(`\nFailures (${lines.length}), in short:\n${lines.map((l) => `  - ${l}`).join('\n')}\n`);
  }
}
