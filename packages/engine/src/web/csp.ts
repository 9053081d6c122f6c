// The Content-Security-Policy of every HTML page. Pages carry no inline script or style at all
// (scripts and styles are fingerprinted files from this origin), so the policy needs no nonce and a
// rendered page can be cached and served to many visitors. Images come from this origin only: the
// store serves product images itself, which also keeps the supplier's image host out of pages.
export interface PagePolicyOptions {
  /** Origins a form may be submitted or redirected to besides this one (e.g. Stripe Checkout). */
  formActions?: readonly string[];
  /** True when the page was requested over TLS (directly or through a trusted proxy). */
  secure?: boolean;
}

// The two policies nearly every page gets (no extra form origins), built once rather than per response.
const plainPolicies = new Map<boolean, string>();

export function pagePolicy(opts: PagePolicyOptions = {}): string {
  const plain = !opts.formActions || opts.formActions.length === 0;
  const secure = opts.secure === true;
  if (plain && plainPolicies.has(secure)) return plainPolicies.get(secure)!;
  const policy = buildPolicy(opts);
  if (plain) plainPolicies.set(secure, policy);
  return policy;
}

function buildPolicy(opts: PagePolicyOptions): string {
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    // Chromium applies form-action to the redirects that follow a form post too (checkout → Stripe).
    `form-action 'self'${(opts.formActions ?? []).map((o) => ` ${o}`).join('')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ];
  // Only behind TLS: on plain http (a local demo) it would send every asset to an https:// that
  // does not answer.
  if (opts.secure) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}
