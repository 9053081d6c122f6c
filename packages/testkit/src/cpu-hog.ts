// A CPU-hogging neighbour for timing tests: child processes that spin until killed, so the process
// under test competes for the cores the way it does on a loaded server (issue 10 §7: a shared
// 2-core machine at load 10). Each child is killed by its own pid when the hog is stopped, and
// exits on its own if the parent dies (it watches its stdin).
import { spawn, type ChildProcess } from 'node:child_process';

const SPIN = `process.stdin.on('end', () => process.exit(0)); process.stdin.resume();
setImmediate(function spin() { const end = Date.now() + 50; while (Date.now() < end) {} setImmediate(spin); });`;

export interface CpuHog {
  readonly pids: number[];
  stop(): Promise<void>;
}

/** Starts `count` busy-looping node processes (default: 2, one per core here). */
export async function startCpuHog(count = 2): Promise<CpuHog> {
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, ['-e', SPIN], { stdio: ['pipe', 'ignore', 'inherit'] });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
  }
  return {
    pids: children.map((c) => c.pid!),
    async stop() {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve();
              c.once('exit', () => resolve());
              c.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}
