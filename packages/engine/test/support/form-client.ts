// A cookie-keeping HTTP client for HTML forms, for tests that check what a browser would be sent
// without starting one: it keeps the cookies a store sets, never follows redirects by itself (the
// test asserts on them), and reads the CSRF token out of a page's form.
import { CSRF_FIELD } from '../../src/web/csrf.js';

export interface PageReply {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export class FormClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<PageReply> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const res = await fetch(`${this.base}${path}`, { method, headers, redirect: 'manual', ...(init.body !== undefined ? { body: init.body } : {}) });
    this.keep(res.headers);
    return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get('location') };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<PageReply> {
    return this.request('GET', path, { headers });
  }

  /** Posts a form as a browser does (application/x-www-form-urlencoded). */
  postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<PageReply> {
    return this.request('POST', path, {
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  /** GETs a page and posts its form back with the page's CSRF token added to `fields`. */
  async submit(formPage: string, action: string, fields: Record<string, string>): Promise<PageReply> {
    const page = await this.get(formPage);
    return this.postForm(action, { [CSRF_FIELD]: csrfTokenOf(page.text), ...fields });
  }
}

/** The CSRF token of the first form in a page. */
export function csrfTokenOf(html: string): string {
  const match = new RegExp(`name="${CSRF_FIELD}" value="([^"]+)"`).exec(html);
  if (!match) throw new Error('the page has no CSRF field');
  return match[1]!;
}
