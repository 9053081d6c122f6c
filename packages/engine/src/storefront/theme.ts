// The store's colours as a small stylesheet, generated from `branding.accentColor` (served at the end of shop.css).
// An owner can pick any colour: text on it is black or white, whichever reads better, and links use
// the accent darkened until it reads on white (WCAG AA, 4.5:1), so no choice breaks accessibility.

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** The accent, darkened in small steps until it reaches `ratio` against white. */
function readableOnWhite(rgb: Rgb, ratio: number): Rgb {
  let current = rgb;
  for (let i = 0; i < 40 && contrast(current, WHITE) < ratio; i++) {
    current = current.map((c) => Math.floor(c * 0.92)) as Rgb;
  }
  return current;
}

export const DEFAULT_ACCENT = '#5b3f99';

export function themeCss(accentHex: string = DEFAULT_ACCENT): string {
  const accent = parseHex(accentHex);
  const onAccent = contrast(accent, WHITE) >= contrast(accent, BLACK) ? '#ffffff' : '#000000';
  const link = toHex(readableOnWhite(accent, 4.5));
  return `:root{--accent:${toHex(accent)};--accent-contrast:${onAccent};--link:${link}}a{color:var(--link)}\n`;
}

/** The browser-tab icon: a rounded square in the accent colour (no text: nothing to escape or translate). */
export function iconSvg(accentHex: string = DEFAULT_ACCENT): string {
  const accent = toHex(parseHex(accentHex));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${accent}"/><circle cx="32" cy="32" r="13" fill="none" stroke="#fff" stroke-width="5"/></svg>`;
}
