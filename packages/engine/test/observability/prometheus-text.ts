// A small reader of the Prometheus text format, enough for tests: families (from # TYPE) and samples.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  /** Family name → type (counter, gauge, histogram, summary). */
  families: Map<string, string>;
  samples: Sample[];
}

export function parseExposition(text: string): Exposition {
  const families = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) {
      families.set(type[1]!, type[2]!);
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return { families, samples };
}

/** The samples of one family (a histogram's _bucket, _sum and _count included). */
export function familySamples(exp: Exposition, family: string): Sample[] {
  const type = exp.families.get(family);
  const names = type === 'histogram' ? [`${family}_bucket`, `${family}_sum`, `${family}_count`] : type === 'summary' ? [family, `${family}_sum`, `${family}_count`] : [family];
  return exp.samples.filter((s) => names.includes(s.name));
}

/** Sum of one family's samples whose labels include `where`. */
export function total(exp: Exposition, name: string, where: Record<string, string> = {}): number {
  return exp.samples.filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v)).reduce((a, s) => a + s.value, 0);
}
