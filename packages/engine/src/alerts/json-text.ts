// Alert data comes from business code in the middle of a failure: it may hold a bigint, an Error or a
// cycle. Serialising it must never throw, or raising the alert would break the caller's flow.

export function toJsonText(value: Record<string, unknown> | undefined): string {
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(value ?? {}, (_key, v: unknown) => {
      if (typeof v === 'bigint') return v.toString();
      if (v instanceof Error) return { name: v.name, message: v.message };
      if (v !== null && typeof v === 'object') {
        if (seen.has(v)) return '[circular]';
        seen.add(v);
      }
      return v;
    });
    return text ?? '{}';
  } catch {
    return '{"unserializable":true}';
  }
}

/** Reads back a JSON object column; anything else becomes {} rather than an exception. */
export function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
