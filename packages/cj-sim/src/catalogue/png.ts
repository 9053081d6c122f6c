// Product images, drawn in code and encoded as PNG with zlib, so the simulator serves real images
// without the internet. Each product gets its own colour; image n varies the hue and the motif.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes an RGB image (3 bytes per pixel, row-major). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

/**
 * A product picture: a soft background, a gem-like motif (circle, diamond or hexagon by image
 * number) in the product's hue, and a highlight. 120×120 px, a few hundred bytes.
 */
export function productImage(hue: number, n: number, size = 120): Buffer {
  const h = (hue + (n - 1) * 23) % 360;
  const [br, bg, bb] = hslToRgb(h, 0.35, 0.92);
  const [fr, fg, fb] = hslToRgb(h, 0.6, 0.45);
  const [hr, hg, hb] = hslToRgb(h, 0.7, 0.75);
  const motif = n % 3;
  const rgb = new Uint8Array(size * size * 3);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - c;
      const dy = y - c;
      const r = size * 0.34;
      const inside =
        motif === 0 ? dx * dx + dy * dy < r * r : motif === 1 ? Math.abs(dx) + Math.abs(dy) < r * 1.25 : Math.max(Math.abs(dx) * 0.866 + Math.abs(dy) * 0.5, Math.abs(dy)) < r;
      const highlight = inside && (dx + r * 0.35) ** 2 + (dy + r * 0.35) ** 2 < (r * 0.3) ** 2;
      const i = (y * size + x) * 3;
      const [R, G, B] = highlight ? [hr, hg, hb] : inside ? [fr, fg, fb] : [br, bg, bb];
      rgb[i] = R;
      rgb[i + 1] = G;
      rgb[i + 2] = B;
    }
  }
  return encodePng(size, size, rgb);
}

/** A 3-stripe flag-like icon for comment flagIconUrl, coloured from the country code. */
export function flagImage(countryCode: string): Buffer {
  const w = 48;
  const h = 32;
  const seed = (countryCode.charCodeAt(0) * 31 + countryCode.charCodeAt(1)) % 360;
  const stripes = [hslToRgb(seed, 0.7, 0.45), hslToRgb((seed + 120) % 360, 0.1, 0.95), hslToRgb((seed + 240) % 360, 0.7, 0.45)];
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = stripes[Math.min(2, Math.floor((x * 3) / w))] ?? [0, 0, 0];
      const i = (y * w + x) * 3;
      rgb[i] = r;
      rgb[i + 1] = g;
      rgb[i + 2] = b;
    }
  }
  return encodePng(w, h, rgb);
}
