// The cj-sim CLI as a real process: prints the base URL and demo key, serves, shuts down cleanly on
// SIGTERM, and rejects bad flags with exit code 2.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, out: () => out, err: () => err };
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('cj-sim CLI', () => {
  it('serves (base URL, demo key, examples printed; exit 0 on SIGTERM) and rejects bad flags with exit 2', async () => {
    // All processes at once: each pays the TypeScript loader's start-up cost.
    const server = run(['--port', '0', '--catalogue-size', '30', '--clock', 'manual', '--seed', '7', '--qps', '2']);
    const [bad, unknown, clock, help] = [run(['--qps', 'fast']), run(['--colour']), run(['--clock', 'sundial']), run(['--help'])];
    try {
      await waitFor(() => server.out().includes('curl'), 25_000);
      const baseUrl = /base URL: (\S+)/.exec(server.out())?.[1];
      const key = /demo API key : (\S+)/.exec(server.out())?.[1];
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api2\.0\/v1$/);
      expect(key).toMatch(/^CJ1000001@api@[0-9a-f]{32}$/);
      const res = await fetch(`${baseUrl}/authentication/getAccessToken`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey: key }) });
      expect(((await res.json()) as { code: number }).code).toBe(200);
      const info = await (await fetch(baseUrl!.replace('/api2.0/v1', '/_sim'))).json();
      expect(info).toMatchObject({ seed: 7, clock: 'manual', products: 30, defaultQps: 2 });
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exit).toBe(0);
    expect(server.out()).toContain('shutting down');
    expect(await Promise.all([bad.exit, unknown.exit, clock.exit, help.exit])).toEqual([2, 2, 2, 0]);
    expect(bad.err()).toContain('--qps must be a whole number');
    expect(unknown.err()).toContain("unknown option '--colour'");
    expect(clock.err()).toContain('sundial');
    expect(help.out()).toContain('--allow-local-webhooks');
    expect(help.out()).toContain('--token-cooldown');
  }, 40_000);
});
