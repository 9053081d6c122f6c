// The engine as a separate process — `lojista serve` run from the built dist/, exactly as an
// operator runs it — that the crash test can kill with SIGKILL and start again.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertBuilt, BUILT_CLI } from '../../support/built-cli.js';
import { sleep } from './e2e-kit.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

export interface EngineProcessOptions {
  configDir: string;
  dataDir: string;
  /** The store's listener, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Both of the child's output streams are appended here (kept for a failure's post-mortem). */
  logFile: string;
  /** DATABASE_URL, REDIS_URL, LOJISTA_LOG_LEVEL… (added to this process's environment). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/**
 * How long a start may take before the test gives up. A start takes 2–5 s on a quiet machine and
 * 10–30 s on a 2-core machine loaded by the rest of the suite; LOJISTA_ENGINE_READY_TIMEOUT_MS
 * overrides it for slower machines.
 */
export const READY_TIMEOUT_MS = Number(process.env.LOJISTA_ENGINE_READY_TIMEOUT_MS ?? 180_000);

export class EngineProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> | null = null;
  /** How many processes were started, and how long each took to be ready (ms). */
  readonly startups: number[] = [];

  constructor(private readonly opts: EngineProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Spawns `lojista serve` and resolves once GET /ready answers 200. */
  async start(): Promise<void> {
    if (this.child) throw new Error('the engine is already running');
    assertBuilt();
    const out = openSync(this.opts.logFile, 'a');
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [BUILT_CLI, 'serve', '--config-dir', this.opts.configDir, '--data-dir', this.opts.dataDir],
      { cwd: REPO_ROOT, env: { ...process.env, LOJISTA_LOG_LEVEL: 'warn', ...this.opts.env }, stdio: ['ignore', out, out] },
    );
    closeSync(out);
    this.child = child;
    // Should this process end first (a timed-out test, a crash), the engine must not outlive it.
    const orphanGuard = () => child.kill('SIGKILL');
    process.once('exit', orphanGuard);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        process.removeListener('exit', orphanGuard);
        resolve(code);
      }),
    );
    const timeoutMs = this.opts.readyTimeoutMs ?? READY_TIMEOUT_MS;
    const deadline = started + timeoutMs;
    let exitCode: number | null | undefined;
    void this.exited.then((c) => (exitCode = c));
    // What /ready said last, and this process's longest stall between two probes: on a starved
    // machine either side can be the slow one, and the failure must say which.
    let lastAnswer: string;
    let probes = 0;
    let longestGapMs = 0;
    let previous = Date.now();
    for (;;) {
      if (exitCode !== undefined) {
        this.child = null;
        throw new Error(`the engine exited with ${exitCode} before it was ready:\n${this.logTail()}`);
      }
      try {
        probes++;
        const res = await fetch(`${this.opts.url}/ready`, { signal: AbortSignal.timeout(5_000) });
        if (res.status === 200) break;
        lastAnswer = `${res.status} ${(await res.text()).slice(0, 200)}`;
      } catch (err) {
        lastAnswer = `${(err as Error).message}${(err as Error).cause ? ` (${((err as Error).cause as Error).message})` : ''}`;
      }
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(
          `the engine was not ready within ${timeoutMs} ms (${probes} probes of /ready, the last: ${lastAnswer}; ` +
            `this process's longest gap between probes: ${longestGapMs} ms):\n${this.logTail()}`,
        );
      }
      await sleep(100);
      longestGapMs = Math.max(longestGapMs, Date.now() - previous);
      previous = Date.now();
    }
    this.startups.push(Date.now() - started);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed — the process is simply gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }

  /** SIGTERM, the orderly way out; SIGKILL if it takes longer than `deadlineMs`. */
  async stop(deadlineMs = 15_000): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    child.kill('SIGTERM');
    const code = await Promise.race([this.exited!, sleep(deadlineMs).then(() => 'late' as const)]);
    if (code === 'late') {
      await this.kill();
      return null;
    }
    this.child = null;
    return code;
  }

  logTail(lines = 40): string {
    try {
      return readFileSync(this.opts.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
