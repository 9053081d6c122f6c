// The engine as a separate process — `lojista serve` run from the TypeScript sources, exactly as an
// operator runs it — that the crash test can kill with SIGKILL and start again.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sleep } from './e2e-kit.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));

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
    const out = openSync(this.opts.logFile, 'a');
    const started = Date.now();
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', MAIN, 'serve', '--config-dir', this.opts.configDir, '--data-dir', this.opts.dataDir],
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
    const deadline = started + (this.opts.readyTimeoutMs ?? 90_000);
    let exitCode: number | null | undefined;
    void this.exited.then((c) => (exitCode = c));
    for (;;) {
      if (exitCode !== undefined) {
        this.child = null;
        throw new Error(`the engine exited with ${exitCode} before it was ready:\n${this.logTail()}`);
      }
      try {
        const res = await fetch(`${this.opts.url}/ready`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(`the engine was not ready within ${this.opts.readyTimeoutMs ?? 90_000} ms:\n${this.logTail()}`);
      }
      await sleep(50);
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
