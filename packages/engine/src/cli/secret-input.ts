// Reads a secret the operator types (echo off) or pipes in: `--password-stdin` style, so scripts
// never put a password on the command line, where `ps` and the shell history would show it.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** The first line of standard input (piped), without its line break. */
export async function readLineFromStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line.replace(/\r$/, '');
  }
  return '';
}

/** Asks on the terminal without echoing what is typed. */
export async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, (answer) => resolve(answer));
      muted = true;
    });
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** A secret from the terminal (asked twice when `confirm`) or, when stdin is not a terminal, its first line. */
export async function readSecret(prompt: string, opts: { confirm?: string } = {}): Promise<{ value: string; mismatch: boolean }> {
  if (!process.stdin.isTTY) return { value: await readLineFromStdin(), mismatch: false };
  const value = await askHidden(prompt);
  if (!opts.confirm) return { value, mismatch: false };
  const again = await askHidden(opts.confirm);
  return { value, mismatch: again !== value };
}
