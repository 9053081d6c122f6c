// The console's login form: password, and the authenticator code when the owner enabled TOTP.
import { CsrfField } from '../../web/csrf.js';
import type { Flash } from '../../web/flash.js';
import type { AdminView } from '../admin-view.js';
import { AdminBareLayout } from '../layout.js';

export interface LoginPageProps {
  view: AdminView;
  csrf: string;
  needsCode: boolean;
  next: string | null;
  error?: string | undefined;
  flash?: Flash | null;
}

export function LoginPage({ view, csrf, needsCode, next, error, flash }: LoginPageProps) {
  const m = view.messages.admin.login;
  return (
    <AdminBareLayout view={view} title={m.title}>
      <div class="login panel">
        <h1>{m.title}</h1>
        {flash && (
          <p class={`notice notice-${flash.kind}`} role="status">
            {flash.message}
          </p>
        )}
        {error && (
          <p class="notice notice-error" role="alert" id="login-error">
            {error}
          </p>
        )}
        <form method="post" action={view.paths.login}>
          <CsrfField token={csrf} />
          {next && <input type="hidden" name="next" value={next} />}
          <div class="field">
            <label for="password">{m.password}</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              maxLength={1024}
              aria-describedby={error ? 'login-error' : undefined}
            />
          </div>
          {needsCode && (
            <div class="field">
              <label for="code">{m.code}</label>
              <input id="code" name="code" type="text" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required aria-describedby="code-hint" />
              <p class="hint" id="code-hint">
                {m.codeHint}
              </p>
            </div>
          )}
          <button class="btn" type="submit">
            {m.submit}
          </button>
        </form>
      </div>
    </AdminBareLayout>
  );
}
