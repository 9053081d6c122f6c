// Runs the real `lojista` CLI (the built dist/, from the repository root) as a child
// process, with its own config and data folders, and keeps track of the children to kill.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt, BUILT_CLI } from '../support/built-cli.js';

export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with stdout once it matches, rejects if the process exits first or time runs out. */
  waitForStdout(pattern: RegExp, timeoutMs: number): Promise<string>;
  exited: Promise<CliResult>;
}

/** The environment of the parent without anything that would change which database or config the CLI uses. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('LOJISTA_') || k === 'DATABASE_URL' || k === 'REDIS_URL' || k.startsWith('VITEST') || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/**
 * At most two CLI processes at a time across every test of the file: each start loads the whole
 * engine, and more at once only makes every one of them slower on two cores.
 */
const MAX_RUNNING = 2;
let slotsInUse = 0;
const waiting: Array<() => void> = [];
async function acquireSlot(): Promise<() => void> {
  if (slotsInUse >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  slotsInUse++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slotsInUse--;
    waiting.shift()?.();
  };
}

export class Cli {
  private readonly running = new Set<ChildProcess>();
  readonly configDir: string;
  readonly dataDir: string;

  constructor() {
    const root = mkdtempSync(join(tmpdir(), 'lojista-cli-'));
    this.configDir = join(root, 'stores');
    this.dataDir = join(root, 'data');
  }

  /** `input`: written to the command's stdin, which is then closed (otherwise stdin is empty). */
  async start(args: string[], opts: { env?: NodeJS.ProcessEnv; globals?: boolean; input?: string } = {}): Promise<CliRun> {
    assertBuilt();
    const release = await acquireSlot();
    const globals = opts.globals === false ? [] : ['--config-dir', this.configDir, '--data-dir', this.dataDir];
    const child = spawn(process.execPath, [BUILT_CLI, ...globals, ...args], {
      cwd: REPO,
      env: cleanEnv(opts.env ?? {}),
      stdio: [opts.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    this.running.add(child);
    let out = '';
    let err = '';
    const watchers = new Set<() => void>();
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      for (const w of watchers) w();
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    const exited = new Promise<CliResult>((resolve) => {
      child.on('close', (code, signal) => {
        release();
        this.running.delete(child);
        for (const w of watchers) w();
        resolve({ code, signal, stdout: out, stderr: err });
      });
    });
    return {
      child,
      stdout: () => out,
      stderr: () => err,
      exited,
      waitForStdout: (pattern, timeoutMs) =>
        new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => {
            watchers.delete(check);
            reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
          }, timeoutMs);
          const check = () => {
            if (pattern.test(out)) {
              clearTimeout(timer);
              watchers.delete(check);
              resolve(out);
            } else if (child.exitCode !== null || child.signalCode !== null) {
              clearTimeout(timer);
              watchers.delete(check);
              reject(new Error(`the CLI exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
            }
          };
          watchers.add(check);
          check();
        }),
    };
  }

  /** Runs to completion (killed after `timeoutMs` from its start). */
  async run(args: string[], opts: { env?: NodeJS.ProcessEnv; globals?: boolean; timeoutMs?: number; input?: string } = {}): Promise<CliResult> {
    const run = await this.start(args, opts);
    const timer = setTimeout(() => run.child.kill('SIGKILL'), opts.timeoutMs ?? 240_000);
    try {
      return await run.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Kills whatever is still running (afterEach). */
  killAll(): void {
    for (const child of this.running) child.kill('SIGKILL');
    this.running.clear();
  }
}

/** The JSON document a command printed on stdout (the whole of stdout). */
export function stdoutJson<T>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}
