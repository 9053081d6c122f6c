// CJ descriptions are HTML written by suppliers: spec lines separated by <br>, images, sometimes
// scripts, styles and tracking pixels. This turns them into plain text lines and never lets markup
// through: everything that is not text is removed, and what remains is decoded once.
import { decodeEntities } from './tokenize.js';

/** Elements removed together with their content: never text a shopper should see. */
const DROP_WITH_CONTENT = ['script', 'style', 'noscript', 'iframe', 'object', 'embed', 'svg', 'canvas', 'template', 'video', 'audio', 'head', 'title', 'select', 'button', 'form'];

/** Elements that end a line. */
const LINE_BREAKING = /<\s*(br|\/p|p|\/div|div|\/li|li|\/tr|tr|\/h[1-6]|h[1-6]|\/ul|ul|\/ol|ol|\/table|table|hr|\/section|section|\/dt|\/dd)\b[^>]*>/gi;

/** Removes every `open … close` span; an unclosed one runs to the end. Linear, no regex backtracking. */
function removeBetween(text: string, open: string, close: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let at = 0;
  for (;;) {
    const start = lower.indexOf(open, at);
    if (start < 0) return out + text.slice(at);
    out += `${text.slice(at, start)} `;
    const end = lower.indexOf(close, start + open.length);
    if (end < 0) return out;
    at = end + close.length;
  }
}

/** Removes `<tag …>…</tag>` with its content, case-insensitively; `<tagname>` must end the name. */
function removeElement(text: string, tag: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let at = 0;
  for (;;) {
    let start = lower.indexOf(`<${tag}`, at);
    while (start >= 0 && /[a-z0-9-]/.test(lower.charAt(start + tag.length + 1))) start = lower.indexOf(`<${tag}`, start + 1);
    if (start < 0) return out + text.slice(at);
    out += `${text.slice(at, start)} `;
    const close = lower.indexOf(`</${tag}`, start);
    if (close < 0) return out;
    const gt = lower.indexOf('>', close);
    at = gt < 0 ? text.length : gt + 1;
  }
}

/** Plain text lines from supplier HTML, trimmed, blank lines removed, at most `maxLines`. */
export function htmlToLines(html: string, maxLines = 200): string[] {
  // Bounded input: a hostile or broken description must not cost more than a bounded scan.
  let text = html.length > 200_000 ? html.slice(0, 200_000) : html;
  text = removeBetween(text, '<!--', '-->');
  for (const tag of DROP_WITH_CONTENT) text = removeElement(text, tag);
  text = text.replace(LINE_BREAKING, '\n');
  text = text.replace(/<[^>]*>/g, ' ');
  // A "<" with no ">" is not a tag; drop it rather than let a later renderer guess.
  text = decodeEntities(text).replace(/[<>]/g, ' ');
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((line) => line.length > 0 && /[\p{L}\p{N}]/u.test(line))
    .slice(0, maxLines);
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Minimal HTML (one <p> per line, text escaped) for providers that keep markup (DeepL tag_handling). */
export function linesToHtml(lines: readonly string[]): string {
  return lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
}
