// A customer without a browser: fetch with a cookie jar, forms posted as a browser posts them
// (urlencoded, no redirect following, so each 303 and its Location can be checked), and the helpers
// to read what a page offers (the CSRF token, a form's hidden fields).
export interface ShopResponse {
  status: number;
  location: string | null;
  headers: Headers;
  html: string;
}

export class ShopClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((p) => p.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const expired = attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: 'GET' | 'POST', path: string, form?: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<ShopResponse> {
    const body = form ? new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))) : undefined;
    const res = await fetch(`${this.base}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookies.size > 0 ? { cookie: this.cookieHeader() } : {}),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      ...(body ? { body: body.toString() } : {}),
    });
    this.keep(res.headers);
    return { status: res.status, location: res.headers.get('location'), headers: res.headers, html: await res.text() };
  }

  get(path: string): Promise<ShopResponse> {
    return this.request('GET', path);
  }

  post(path: string, form: Record<string, string | string[]>): Promise<ShopResponse> {
    return this.request('POST', path, form);
  }

  /** GETs `path` and returns a CSRF token from one of its forms. */
  async csrf(path: string): Promise<string> {
    const page = await this.get(path);
    return csrfIn(page.html, path);
  }
}

export function csrfIn(html: string, where = 'the page'): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no CSRF token in ${where}`);
  return token;
}

export function hiddenField(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`no field ${name} in the page`);
  return value;
}

/** The value of each radio button named `name`, in page order. */
export function radioValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<input[^>]*type="radio"[^>]*name="${name}"[^>]*value="([^"]*)"`, 'g'))].map((m) => m[1]!);
}

/** HTML-decoded text of a page (tags removed), for "does the page say …" checks. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

/** The order's status as the order page states it (`<p class="order-status" data-status="…">`). */
export function orderStatusIn(html: string): string | undefined {
  return /class="order-status" data-status="([a-z_]+)"/.exec(html)?.[1];
}
