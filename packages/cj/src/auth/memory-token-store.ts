import type { CjTokenRecord, TokenStore } from './token-store.js';

/** Keeps tokens in this process only (lost on restart: prefer FileTokenStore in production). */
export class MemoryTokenStore implements TokenStore {
  private readonly records = new Map<string, CjTokenRecord>();

  load(accountId: string): Promise<CjTokenRecord | undefined> {
    const r = this.records.get(accountId);
    // Copies, so a caller mutating its record cannot change what is stored.
    return Promise.resolve(r === undefined ? undefined : structuredClone(r));
  }

  save(accountId: string, record: CjTokenRecord): Promise<void> {
    this.records.set(accountId, structuredClone(record));
    return Promise.resolve();
  }
}

let shared: MemoryTokenStore | undefined;

/**
 * The default store: one per process, so several clients of one account in a process share a
 * token, a single in-flight authentication and the getAccessToken cooldown.
 */
export function processMemoryTokenStore(): MemoryTokenStore {
  shared ??= new MemoryTokenStore();
  return shared;
}
