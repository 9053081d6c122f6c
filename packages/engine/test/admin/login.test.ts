// The console's access on real stores (SQLite and PostgreSQL): no session → the login form; a wrong
// password is refused; the right one opens the console and logout closes it; repeated failures lock
// the address and alert the owner; sessions expire when idle; TOTP codes are required and never
// accepted twice; a form without a valid CSRF token is refused; the JSON API's bearer token does not
// open the console; a session of store A does not open store B.
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOwnerPassword, setOwnerTotp } from '../../src/admin/auth/credentials.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/admin/auth/password-hash.js';
import { currentTotp, newTotpSecret } from '../../src/admin/auth/totp.js';
import { ManualClock } from '../../src/clock.js';
import { cookieName } from '../../src/web/cookies.js';
import { testDatabases } from '../support/databases.js';
import { csrfTokenOf, FormClient } from '../support/form-client.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';

const PASSWORD = 'correct horse battery';

describe('password hashes', () => {
  it('verify the right password only, and carry their parameters', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'plain')).toBe(false);
    expect(await hashPassword(PASSWORD)).not.toBe(hash); // salted
  });

  it('refuse short passwords with a reason', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem(PASSWORD)).toBeNull();
  });
});

const databases = await testDatabases();

describe.each(databases)('console access on $name', ({ name, available }) => {
  describe.skipIf(!available)(`(${name})`, () => {
    let sim: RunningSimulator;
    let a: TestStore;
    let b: TestStore;
    const clock = new ManualClock(Date.now());

    beforeAll(async () => {
      sim = await testSimulator();
      // The login budget (10 a minute by default) is raised: these tests post far more than a person would.
      const http = { port: 0, rateLimits: { login: { max: 1_000 } } };
      a = await startTestStore({ database: name, sim, clock, config: { http, admin: { lockAfterFailures: 3, sessionIdle: '30m' } } });
      b = await startTestStore({ database: name, sim });
      await setOwnerPassword(a.runtime.ctx.db, clock, await hashPassword(PASSWORD));
      await setOwnerPassword(b.runtime.ctx.db, b.runtime.ctx.clock, await hashPassword(PASSWORD));
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await sim?.close();
    });

    const logIn = async (client: FormClient, password: string, extra: Record<string, string> = {}) =>
      client.submit('/admin/entrar', '/admin/entrar', { password, ...extra });

    it('sends a visitor without a session to the login form, and back after logging in', async () => {
      const client = new FormClient(a.url);
      const page = await client.get('/admin');
      expect(page.status).toBe(303);
      expect(page.location).toBe('/admin/entrar?next=%2Fadmin');
      const form = await client.get(page.location!);
      expect(form.status).toBe(200);
      expect(form.headers.get('cache-control')).toBe('no-store');
      expect(form.text).toContain('type="password"');
      const login = await client.postForm('/admin/entrar', { _csrf: csrfTokenOf(form.text), password: PASSWORD, next: '/admin' });
      expect(login.status).toBe(303);
      expect(login.location).toBe('/admin');
      const session = login.headers.getSetCookie().find((c) => c.startsWith(`${cookieName(a.id, 'admin')}=`));
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Strict/);
      const overview = await client.get('/admin');
      expect(overview.status).toBe(200);
      expect(overview.text).toContain('Visão geral');
    });

    it('refuses a wrong password, and never redirects off the console after login', async () => {
      const client = new FormClient(a.url);
      const wrong = await logIn(client, 'not the password at all');
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('Palavra-passe ou código incorretos.');
      expect((await client.get('/admin')).status).toBe(303);
      const off = await logIn(client, PASSWORD, { next: 'https://evil.example/' });
      expect(off.location).toBe('/admin');
      const protocolRelative = await logIn(new FormClient(a.url), PASSWORD, { next: '//evil.example/admin' });
      expect(protocolRelative.location).toBe('/admin');
    });

    it('logs out, and the old cookie no longer opens the console', async () => {
      const client = new FormClient(a.url);
      await logIn(client, PASSWORD);
      const stolen = new Map(client.cookies);
      const overview = await client.get('/admin');
      const out = await client.postForm('/admin/sair', { _csrf: csrfTokenOf(overview.text) });
      expect(out.status).toBe(303);
      expect(out.location).toBe('/admin/entrar');
      expect((await client.get('/admin/entrar')).text).toContain('Sessão terminada.');
      const replay = new FormClient(a.url);
      for (const [k, v] of stolen) replay.cookies.set(k, v);
      expect((await replay.get('/admin')).status).toBe(303);
    });

    it('ends a session left idle longer than admin.sessionIdle', async () => {
      const client = new FormClient(a.url);
      await logIn(client, PASSWORD);
      expect((await client.get('/admin')).status).toBe(200);
      clock.advance(29 * 60_000);
      expect((await client.get('/admin')).status).toBe(200);
      clock.advance(31 * 60_000);
      expect((await client.get('/admin')).status).toBe(303);
    });

    it('refuses a post without a valid CSRF token, and the bearer token does not open the console', async () => {
      const client = new FormClient(a.url);
      await client.get('/admin/entrar');
      expect((await client.postForm('/admin/entrar', { password: PASSWORD })).status).toBe(403);
      expect((await client.postForm('/admin/entrar', { _csrf: 'forged-token', password: PASSWORD })).status).toBe(403);
      const bearer = await new FormClient(a.url).get('/admin', { authorization: `Bearer ${a.adminToken}` });
      expect(bearer.status).toBe(303);
    });

    it("does not let store A's session open store B", async () => {
      const client = new FormClient(a.url);
      await logIn(client, PASSWORD);
      const value = client.cookies.get(cookieName(a.id, 'admin'))!;
      const onB = new FormClient(b.url);
      onB.cookies.set(cookieName(b.id, 'admin'), value);
      onB.cookies.set(cookieName(a.id, 'admin'), value);
      expect((await onB.get('/admin')).status).toBe(303);
    });

    it('locks an address after repeated failures, refuses even the right password then, and alerts the owner', async () => {
      const client = new FormClient(a.url);
      for (let i = 0; i < 2; i++) expect((await logIn(client, `wrong-${i}-password`)).status).toBe(401);
      const third = await logIn(client, 'wrong-2-password');
      expect(third.status).toBe(429);
      expect(third.text).toContain('bloqueada até');
      expect((await logIn(client, PASSWORD)).status).toBe(429);
      const alerts = await a.runtime.ctx.db.selectFrom('alerts').selectAll().where('kind', '=', 'admin_login_locked').execute();
      expect(alerts).toHaveLength(1);
      clock.advance(16 * 60_000);
      expect((await logIn(client, PASSWORD)).status).toBe(303);
    });

    it('requires the TOTP code when enabled, and never accepts one code twice', async () => {
      const secret = newTotpSecret();
      await setOwnerTotp(a.runtime.ctx.db, clock, secret);
      try {
        const client = new FormClient(a.url);
        const form = await client.get('/admin/entrar');
        expect(form.text).toContain('autocomplete="one-time-code"');
        expect((await logIn(client, PASSWORD, { code: '000000' })).status).toBe(401);
        const code = await currentTotp(secret, clock.now());
        expect((await logIn(client, PASSWORD, { code })).status).toBe(303);
        expect((await logIn(new FormClient(a.url), PASSWORD, { code })).status).toBe(401);
      } finally {
        await setOwnerTotp(a.runtime.ctx.db, clock, null);
      }
    });
  });
});
