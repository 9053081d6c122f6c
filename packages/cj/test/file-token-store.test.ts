import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileTokenStore, MemoryTokenStore } from '../src/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cj-tokens-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const RECORD = {
  openId: '1234567890123456789',
  accessToken: 'a',
  accessTokenExpiresAt: 1_800_000_000_000,
  refreshToken: 'r',
  refreshTokenExpiresAt: 1_900_000_000_000,
  lastGetAccessTokenAt: 1_700_000_000_000,
  refreshAttempts: [1_700_000_000_001],
};

describe('FileTokenStore', () => {
  it('round-trips a record in one 0600 file per account, leaving no temp files', async () => {
    const store = new FileTokenStore(join(dir, 'nested', 'tokens'));
    expect(await store.load('acct-1')).toBeUndefined();
    await store.save('acct-1', RECORD);
    await store.save('acct-2', { ...RECORD, accessToken: 'b' });
    expect(await store.load('acct-1')).toEqual(RECORD);
    expect((await new FileTokenStore(join(dir, 'nested', 'tokens')).load('acct-2'))?.accessToken).toBe('b');
    const files = await readdir(join(dir, 'nested', 'tokens'));
    expect(files.sort()).toEqual(['acct-1.json', 'acct-2.json']);
    expect((await stat(store.fileFor('acct-1'))).mode & 0o777).toBe(0o600);
  });

  it('keeps account ids from escaping the directory', () => {
    const store = new FileTokenStore(dir);
    expect(store.fileFor('../../etc/passwd')).toBe(join(dir, '.._.._etc_passwd.json'));
  });

  it('concurrent saves never leave a torn file', async () => {
    const store = new FileTokenStore(join(dir, 'race'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save('acct', { ...RECORD, accessToken: `t${i}` })));
    const rec = await store.load('acct');
    expect(rec?.accessToken).toBe('t19');
    expect(await readdir(join(dir, 'race'))).toEqual(['acct.json']);
  });

  it('names the file and the fix when it is corrupt', async () => {
    const store = new FileTokenStore(join(dir, 'bad'));
    await store.save('acct', RECORD);
    await writeFile(store.fileFor('acct'), '{"accessToken": ');
    await expect(store.load('acct')).rejects.toThrow(/acct\.json.*delete it/);
    await writeFile(store.fileFor('acct'), '{"accessTokenExpiresAt": "soon"}');
    await expect(store.load('acct')).rejects.toThrow(/accessTokenExpiresAt/);
  });
});

describe('MemoryTokenStore', () => {
  it('stores copies', async () => {
    const store = new MemoryTokenStore();
    const rec = { ...RECORD, refreshAttempts: [1] };
    await store.save('a', rec);
    rec.refreshAttempts.push(2);
    const loaded = await store.load('a');
    expect(loaded?.refreshAttempts).toEqual([1]);
    loaded!.accessToken = 'changed';
    expect((await store.load('a'))?.accessToken).toBe('a');
  });
});

describe('FileTokenStore ordering', () => {
  it('the last save called is the one that stays', async () => {
    const store = new FileTokenStore(join(dir, 'order'));
    const saves = Array.from({ length: 10 }, (_, i) => store.save('acct', { ...RECORD, accessToken: `t${i}` }));
    await Promise.all(saves);
    expect((await store.load('acct'))?.accessToken).toBe('t9');
  });
});
