// Per-store services backed by the store's database, on SQLite and PostgreSQL: the persisted CJ
// token, the translation cache and the leads.
import { describe, expect, it } from 'vitest';
import type { CjTokenRecord } from '@lojista/cj';
import { ManualClock } from '../../src/clock.js';
import { addLead, listLeads } from '../../src/leads/leads-service.js';
import { DbTokenStore } from '../../src/supplier/db-token-store.js';
import { DbTranslationCache } from '../../src/translation/db-cache.js';
import { databaseKinds, freshDatabase, skipUnavailable } from '../support/databases.js';
import { contextFor } from './fixtures.js';

const kinds = await databaseKinds();

describe.each(kinds)('database-backed services on $name', (kind) => {
  if (skipUnavailable(kind)) return;
  const a = freshDatabase(kind);
  const b = freshDatabase(kind);

  it('persists the CJ token per account, survives a new store instance, and ignores a damaged record', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 30, 9));
    const record: CjTokenRecord = {
      openId: '1234567890123456789',
      accessToken: 'a'.repeat(32),
      accessTokenExpiresAt: Date.UTC(2026, 11, 15),
      refreshToken: 'r'.repeat(32),
      refreshTokenExpiresAt: Date.UTC(2027, 4, 30),
      lastGetAccessTokenAt: Date.UTC(2026, 10, 30, 9),
      refreshAttempts: [Date.UTC(2026, 10, 30, 8, 59)],
    };
    const tokens = new DbTokenStore(a.db, clock);
    expect(await tokens.load('acct-1')).toBeUndefined();
    await tokens.save('acct-1', record);
    // A restart: another instance over the same database reads it back exactly.
    expect(await new DbTokenStore(a.db, clock).load('acct-1')).toEqual(record);
    clock.advance(60_000);
    await tokens.save('acct-1', { ...record, accessToken: 'b'.repeat(32) });
    expect((await tokens.load('acct-1'))?.accessToken).toBe('b'.repeat(32));
    const rows = await a.db.selectFrom('cj_tokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.updated_at).toBe(new Date(Date.UTC(2026, 10, 30, 9, 1)).toISOString());
    // Another account, and another store's database, are separate.
    expect(await tokens.load('acct-2')).toBeUndefined();
    expect(await new DbTokenStore(b.db, clock).load('acct-1')).toBeUndefined();
    // A record that no longer matches the schema is treated as absent (the client re-authenticates).
    await a.db.updateTable('cj_tokens').set({ data: JSON.stringify({ accessToken: 42 }) }).where('account_id', '=', 'acct-1').execute();
    expect(await tokens.load('acct-1')).toBeUndefined();
    // So is a truncated one.
    await a.db.updateTable('cj_tokens').set({ data: '{"accessToken":"ab' }).where('account_id', '=', 'acct-1').execute();
    expect(await tokens.load('acct-1')).toBeUndefined();
  });

  it('caches translations by key, once per text, per store', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 30, 9));
    const cache = new DbTranslationCache(a.db, clock);
    const meta = { provider: 'offline', locale: 'pt-PT', kind: 'title' as const };
    expect(await cache.get('k1')).toBeUndefined();
    await cache.set('k1', 'Pulseira de Ametista', meta);
    expect(await cache.get('k1')).toBe('Pulseira de Ametista');
    await cache.set('k1', 'Pulseira de Ametista Natural', meta);
    expect(await cache.get('k1')).toBe('Pulseira de Ametista Natural');
    await cache.set('k2', 'Vela de soja com aroma a lavanda e notas de baunilha — «especial»', { ...meta, kind: 'description' });
    expect(await cache.get('k2')).toBe('Vela de soja com aroma a lavanda e notas de baunilha — «especial»');
    const rows = await a.db.selectFrom('translations').selectAll().orderBy('key').execute();
    expect(rows.map((r) => [r.key, r.provider, r.locale, r.kind, r.created_at])).toEqual([
      ['k1', 'offline', 'pt-PT', 'title', '2026-11-30T09:00:00.000Z'],
      ['k2', 'offline', 'pt-PT', 'description', '2026-11-30T09:00:00.000Z'],
    ]);
    expect(await new DbTranslationCache(b.db, clock).get('k1')).toBeUndefined();
  });

  it('stores a lead once per email and source, with its consent and date, newest first', async () => {
    const ctx = contextFor(a.db);
    const clock = ctx.clock as ManualClock;
    const first = await addLead(ctx, { name: ' Ana Sousa ', email: ' Ana.Sousa@Example.PT ', source: 'newsletter', consent: true });
    expect(first.created).toBe(true);
    expect(first.lead).toMatchObject({ name: 'Ana Sousa', email: 'ana.sousa@example.pt', source: 'newsletter', consent: true });
    clock.advance(1_000);
    const again = await addLead(ctx, { name: 'Ana', email: 'ANA.SOUSA@example.pt', source: 'newsletter', consent: true });
    expect(again).toEqual({ created: false, lead: first.lead });
    clock.advance(1_000);
    const other = await addLead(ctx, { name: 'Ana Sousa', email: 'ana.sousa@example.pt', source: 'contact', consent: false });
    expect(other.created).toBe(true);
    expect(other.lead.consent).toBe(false);
    clock.advance(1_000);
    // Two identical submissions at once: one row.
    const racing = await Promise.all([
      addLead(ctx, { name: 'Rui', email: 'rui@example.pt', source: 'footer', consent: true }),
      addLead(ctx, { name: 'Rui', email: 'rui@example.pt', source: 'footer', consent: true }),
    ]);
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    expect(racing[0]!.lead.id).toBe(racing[1]!.lead.id);

    const all = await listLeads(ctx, { limit: 10, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.items.map((l) => [l.email, l.source])).toEqual([
      ['rui@example.pt', 'footer'],
      ['ana.sousa@example.pt', 'contact'],
      ['ana.sousa@example.pt', 'newsletter'],
    ]);
    expect(all.items[2]!.createdAt).toBe(new Date(Date.UTC(2026, 10, 1)).toISOString());
    expect(await listLeads(ctx, { limit: 1, offset: 1 })).toEqual({ total: 3, items: [all.items[1]] });
    expect((await listLeads(contextFor(b.db), { limit: 10, offset: 0 })).total).toBe(0);
  });
});
