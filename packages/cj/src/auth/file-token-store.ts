import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type CjTokenRecord, type TokenStore, tokenRecordSchema } from './token-store.js';

/**
 * One JSON file per account (`<dir>/<accountId>.json`, mode 0600), written atomically:
 * temp file → fsync → rename → fsync the directory. A crash leaves the old file or the new one,
 * never a torn one — unlike the system lojista replaces, which rewrote JSON files in place.
 */
export class FileTokenStore implements TokenStore {
  /** Saves of one file run one after another, so an older record can never overwrite a newer one. */
  private readonly writes = new Map<string, Promise<void>>();

  constructor(private readonly dir: string) {}

  fileFor(accountId: string): string {
    return join(this.dir, `${accountId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
  }

  async load(accountId: string): Promise<CjTokenRecord | undefined> {
    const file = this.fileFor(accountId);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`CJ token file ${file} is not valid JSON; delete it to start over (the next getAccessToken then obeys CJ's 5-minute limit)`);
    }
    const parsed = tokenRecordSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`CJ token file ${file} has an unexpected shape (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}); delete it to start over`);
    }
    return parsed.data;
  }

  save(accountId: string, record: CjTokenRecord): Promise<void> {
    const file = this.fileFor(accountId);
    const snapshot = structuredClone(record);
    const previous = this.writes.get(file) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.write(file, snapshot));
    this.writes.set(file, next);
    void next.finally(() => {
      if (this.writes.get(file) === next) this.writes.delete(file);
    }).catch(() => undefined);
    return next;
  }

  private async write(file: string, record: CjTokenRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      const fh = await open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(`${JSON.stringify(record, null, 2)}\n`, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      await chmod(tmp, 0o600); // open()'s mode is filtered by the umask; tokens are secrets
      await rename(tmp, file);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
    // Make the rename itself durable.
    const dh = await open(this.dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  }
}
