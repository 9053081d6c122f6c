// Responses computed from the catalogue (rendered pages, public JSON), kept in memory and dropped as a
// whole when the catalogue version changes (catalog-version.ts). One rule for every such cache: an
// unknown version keeps nothing, and a value computed while the version moved is not kept.
import type { CatalogChangeSignal } from './catalog-version.js';

export class VersionedCache<T> {
  private version: string | null = null;
  private readonly entries = new Map<string, T>();

  constructor(
    private readonly signal: CatalogChangeSignal,
    private readonly keep: (value: T) => boolean,
    private readonly maxEntries = 500,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.signal.version();
    if (version === null) return compute();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = await compute();
    if (this.version === version && this.keep(value)) {
      // Oldest out first: a crawler walking every page must not grow the cache without bound.
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    return value;
  }

  /** The kept value for this key when the catalogue version is known fresh without waiting (signal.current()); else undefined. */
  peek(key: string): T | undefined {
    const version = this.signal.current?.();
    if (version === undefined || version !== this.version) return undefined;
    return this.entries.get(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
