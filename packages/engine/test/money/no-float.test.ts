// A guard on the source itself: the money and pricing code must never reach for float helpers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const dirs = ['money', 'pricing'];

describe('money code has no float paths', () => {
  for (const dir of dirs) {
    for (const file of readdirSync(join(src, dir)).filter((f) => f.endsWith('.ts'))) {
      it(`${dir}/${file}`, () => {
        const code = readFileSync(join(src, dir, file), 'utf8')
          .split('\n')
          .filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*'))
          .join('\n');
        expect(code).not.toMatch(/parseFloat|\.toNumber\(|Number\.parseFloat|\bMath\.(round|floor|ceil)\(\s*\w+\s*\*/);
      });
    }
  }
});
