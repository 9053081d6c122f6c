// Product reviews for productComments. Generated on demand from (seed, pid), so they cost nothing
// until asked for and never change between calls. commentId is a 19-digit number — CJ sends it
// as a bare JSON number, beyond 2^53 (cj-api.md §9.9).
import { DAY } from '../clock.js';
import { rngFor } from '../rng.js';
import type { Product } from './types.js';

export interface Comment {
  commentId: string;
  pid: string;
  comment: string;
  commentDate: number;
  commentUser: string;
  score: number;
  images: number[];
  countryCode: string;
}

const POSITIVE = [
  'Beautiful {noun}, exactly as described. Arrived well packed.',
  'Love it! The {noun} is even prettier in person.',
  'Great quality for the price, shipping took about two weeks.',
  'Excelente estado, llegó en una semana, cumple con lo descrito.',
  'Très joli, conforme à la description. Je recommande.',
  'Sehr schön und gut verpackt. Gerne wieder.',
  'Produto lindo, chegou antes do prazo. Recomendo!',
  'Second time ordering, still happy. Nice gift idea.',
  'Perfect for my altar, the colours are lovely.',
];
const NEUTRAL = [
  'Smaller than I expected but nice.',
  'OK for the price. Delivery was slow.',
  'Colour slightly different from the photos.',
  'Bien, pero tardó bastante en llegar.',
];
const NEGATIVE = [
  'Arrived damaged, the seller sent a replacement.',
  'Not as pictured, disappointed.',
  'Took more than a month to arrive.',
];
const COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'FR', 'ES', 'MX', 'BR', 'CA', 'AU', 'IT', 'NL'];
const NAMES = ['Fabio', 'Anna', 'Maria', 'John', 'Lucas', 'Emma', 'Sofia', 'Kevin', 'Laura', 'Pierre', 'Hanna', 'Olivia', 'Carlos', 'Mia'];

function mask(name: string): string {
  return `${name[0]}***${name[name.length - 1]}`;
}

export function commentsFor(seed: number, product: Product, now: number): Comment[] {
  const rng = rngFor(seed, 'comments', product.pid);
  const count = Math.floor(rng.next() ** 2 * 40);
  const noun = product.typeNoun.toLowerCase();
  const out: Comment[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    const score = roll < 0.62 ? 5 : roll < 0.82 ? 4 : roll < 0.9 ? 3 : roll < 0.95 ? 2 : 1;
    const pool = score >= 4 ? POSITIVE : score === 3 ? NEUTRAL : NEGATIVE;
    let commentId = `1${rng.pick(['5', '6', '7'])}${rng.digits(17, true)}`;
    while (used.has(commentId)) commentId = `1${rng.pick(['5', '6', '7'])}${rng.digits(17, true)}`;
    used.add(commentId);
    out.push({
      commentId,
      pid: product.pid,
      comment: rng.pick(pool).replace('{noun}', noun),
      commentDate: Math.floor((now - rng.int(2, 700) * DAY) / DAY) * DAY - 8 * 3_600_000,
      commentUser: mask(rng.pick(NAMES)),
      score,
      images: rng.chance(0.3) ? rng.sample([1, 2, 3].filter((n) => n <= product.imageCount), rng.int(1, 2)) : [],
      countryCode: rng.pick(COUNTRIES),
    });
  }
  return out.sort((a, b) => b.commentDate - a.commentDate || (a.commentId < b.commentId ? -1 : 1));
}
