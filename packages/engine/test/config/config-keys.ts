// The keys a store config can have, read from the zod schema itself, and the keys stores/example.yaml
// documents (set, or shown commented out). Paths are dotted; `[]` stands for "each element of a
// list" and `*` for "any key of a map" (e.g. disputes.countryOverrides.*.notDeliveredDays).
import { parse } from 'yaml';
import type { z } from 'zod';

type Schema = z.core.$ZodType;
type Def = { type: string } & Record<string, unknown>;
const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Looks through wrappers (default, optional, pipe…) to the schema that holds the shape. */
function unwrap(s: Schema): Schema {
  for (;;) {
    const def = defOf(s);
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) s = def.innerType as Schema;
    else if (def.type === 'pipe') s = (defOf(def.in as Schema).type === 'transform' ? def.out : def.in) as Schema;
    else if (def.type === 'lazy') s = (def.getter as () => Schema)();
    else return s;
  }
}

/** Every key path of the schema, leaves and sections alike. */
export function schemaKeyPaths(schema: Schema, prefix = ''): Set<string> {
  const out = new Set<string>();
  const s = unwrap(schema);
  const def = defOf(s);
  const join = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (def.type === 'object') {
    for (const [key, child] of Object.entries(def.shape as Record<string, Schema>)) {
      out.add(join(key));
      for (const p of schemaKeyPaths(child, join(key))) out.add(p);
    }
  } else if (def.type === 'array') {
    for (const p of schemaKeyPaths(def.element as Schema, `${prefix}[]`)) out.add(p);
  } else if (def.type === 'record') {
    out.add(join('*'));
    for (const p of schemaKeyPaths(def.valueType as Schema, join('*'))) out.add(p);
  } else if (def.type === 'union') {
    for (const option of def.options as Schema[]) for (const p of schemaKeyPaths(option, prefix)) out.add(p);
  }
  return out;
}

/** Map keys the schema has at each level (records), so an example's `BR:` reads as `*`. */
function isRecordAt(schema: Schema, path: string[]): boolean {
  let s: Schema | undefined = schema;
  for (const part of path) {
    if (!s) return false;
    const def = defOf(unwrap(s));
    if (part === '[]') s = def.type === 'array' ? (def.element as Schema) : undefined;
    else if (def.type === 'object') s = (def.shape as Record<string, Schema>)[part];
    else if (def.type === 'record') s = def.valueType as Schema;
    else if (def.type === 'union') s = (def.options as Schema[]).find((o) => defOf(unwrap(o)).type === 'object' && part in (defOf(unwrap(o)).shape as object));
    else s = undefined;
  }
  if (!s) return false;
  const def = defOf(unwrap(s));
  return def.type === 'record' || (def.type === 'union' && (def.options as Schema[]).some((o) => defOf(unwrap(o)).type === 'record'));
}

/**
 * The example with its commented-out keys switched on: a comment line whose text is a YAML key
 * (`# baseUrl: …`, `#   chatId: …`, `# - type: telegram`) loses its `# `, so it parses in place.
 * Prose comments stay comments.
 */
export function uncommentKeys(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*)# ?(\s*(?:- )?[A-Za-z_][\w]*:(?:\s|$).*)$/.exec(line);
      return m ? `${m[1]}${m[2]}` : line;
    })
    .join('\n');
}

/** Every key path the example documents, `*` where the schema has a map. */
export function exampleKeyPaths(text: string, schema: Schema): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, [...path, '[]']);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = isRecordAt(schema, path);
    for (const [key, child] of Object.entries(value)) {
      const next = [...path, record ? '*' : key];
      out.add(next.join('.').replace(/\.\[\]/g, '[]'));
      walk(child, next);
    }
  };
  walk(parse(uncommentKeys(text)), []);
  return out;
}
