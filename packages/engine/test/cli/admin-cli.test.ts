// `lojista admin …` as an owner runs it: the password comes from stdin (never the command line), a
// weak one is refused, the stored one opens the console of the served store; TOTP needs a matching
// code; lockouts can be lifted.
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/store-harness.js';
import { FormClient } from '../support/form-client.js';
import { Cli, stdoutJson, type CliResult } from './cli-process.js';

const show = (r: CliResult) => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
const cli = new Cli();
afterAll(() => cli.killAll());

describe('lojista admin', () => {
  it('sets the console password from stdin and the served store accepts it', { timeout: 600_000 }, async () => {
    const port = await freePort();
    const init = await cli.run(['init', '--id', 'loja-admin', '--name', 'Loja Admin', '--port', String(port), '--keywords', 'selenite', '--yes']);
    expect(init.code, show(init)).toBe(0);

    const weak = await cli.run(['admin', 'set-password', '--store', 'loja-admin'], { input: 'short\n' });
    expect(weak.code, show(weak)).toBe(2);
    expect(weak.stderr).toContain('the password must be at least 12 characters long; nothing was changed');

    const password = 'uma palavra-passe comprida';
    const [set, totp, unlock] = await Promise.all([
      cli.run(['admin', 'set-password', '--store', 'loja-admin'], { input: `${password}\n` }),
      // Needs the password first; whichever runs first, a wrong code never enables TOTP.
      cli.run(['admin', 'totp', 'enable', '--store', 'loja-admin'], { input: '123456\n' }),
      cli.run(['admin', 'unlock', '--store', 'loja-admin']),
    ]);
    expect(set!.code, show(set!)).toBe(0);
    expect(stdoutJson(set!)).toEqual({ store: 'loja-admin', sessionsEnded: 0 });
    expect(set!.stdout + set!.stderr).not.toContain(password);
    expect(totp!.code, show(totp!)).toBe(2);
    expect(unlock!.code, show(unlock!)).toBe(0);

    const serve = await cli.start(['serve', '--store', 'loja-admin'], { env: { LOJISTA_SHUTDOWN_DEADLINE_MS: '3000' } });
    await serve.waitForStdout(/listening on/, 120_000);
    const client = new FormClient(`http://127.0.0.1:${port}`);
    expect((await client.submit('/admin/entrar', '/admin/entrar', { password: 'the wrong password' })).status).toBe(401);
    const ok = await client.submit('/admin/entrar', '/admin/entrar', { password });
    expect(ok.status).toBe(303);
    expect((await client.get('/admin')).status).toBe(200);
    serve.child.kill('SIGTERM');
    expect((await serve.exited).code).toBe(0);
  });
});
