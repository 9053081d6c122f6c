import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../../src/alerts/alert-store.js';
import { databaseKinds } from '../support/databases.js';
import { T0, alertHarness } from './setup.js';

const kinds = await databaseKinds();
const MINUTE = 60_000;

describe.each(kinds)('alert service on $name', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it.skipIf(!kind.available)('stores the alert and logs it with alert.kind at the level of its severity', async () => {
    const h = await alertHarness(kind, cleanups);
    const outcome = await h.alerts.raise({
      kind: 'insufficient_balance',
      subject: 'LJ-1001',
      message: 'CJ balance is short of the order amount',
      data: { balance: '12.00', needed: '30.50', big: 9007199254740993n },
    });
    expect(outcome).toMatchObject({ status: 'sent', delivery: { log: 'sent' } });

    const [row] = await h.rows();
    expect(row).toMatchObject({
      kind: 'insufficient_balance',
      severity: 'critical',
      subject: 'LJ-1001',
      dedupe_key: 'insufficient_balance:LJ-1001',
      created_at: new Date(T0).toISOString(),
    });
    expect(JSON.parse(row!.data)).toEqual({ balance: '12.00', needed: '30.50', big: '9007199254740993' });
    expect(JSON.parse(row!.delivery)).toEqual({ log: 'sent' });

    const [line] = h.alertLines();
    expect(line).toMatchObject({ level: 50, store: 'astralmia', msg: 'CJ balance is short of the order amount' });
    expect(line!.alert).toMatchObject({ kind: 'insufficient_balance', severity: 'critical', subject: 'LJ-1001' });

    await h.alerts.raise({ kind: 'low_stock', subject: 'pid-1', message: 'only 3 left' });
    await h.alerts.raise({ kind: 'order_on_hold', subject: 'LJ-1002', message: 'held', severity: 'critical' });
    expect(h.alertLines().map((l) => [l.level, (l.alert as { kind: string }).kind])).toEqual([
      [50, 'insufficient_balance'],
      [30, 'low_stock'],
      [50, 'order_on_hold'],
    ]);
    expect(await h.counted('insufficient_balance', 'sent')).toBe(1);
  });

  it.skipIf(!kind.available)('records kind + subject once within the dedupe window, and again after it', async () => {
    const h = await alertHarness(kind, cleanups, { settings: { dedupeWindow: '10m' } });
    const first = await h.alerts.raise({ kind: 'order_on_hold', subject: 'LJ-1', message: 'out of stock' });
    expect(first.status).toBe('sent');
    const firstId = (first as { id: string }).id;

    h.clock.advance(5 * MINUTE);
    // A reworded message and another severity are still the same alert.
    const again = await h.alerts.raise({ kind: 'order_on_hold', subject: ' LJ-1 ', message: 'still out of stock', severity: 'critical' });
    expect(again).toEqual({ status: 'duplicate', id: firstId });
    // Another subject, or another kind on the same subject, is a different alert.
    expect((await h.alerts.raise({ kind: 'order_on_hold', subject: 'LJ-2', message: 'x' })).status).toBe('sent');
    expect((await h.alerts.raise({ kind: 'dispute_opened', subject: 'LJ-1', message: 'x' })).status).toBe('sent');

    h.clock.advance(5 * MINUTE - 1);
    expect((await h.alerts.raise({ kind: 'order_on_hold', subject: 'LJ-1', message: 'x' })).status).toBe('duplicate');
    h.clock.advance(1); // exactly one window after the first record
    const later = await h.alerts.raise({ kind: 'order_on_hold', subject: 'LJ-1', message: 'still held' });
    expect(later.status).toBe('sent');
    expect((later as { id: string }).id).not.toBe(firstId);

    const rows = await h.rows();
    expect(rows.map((r) => [r.kind, r.subject])).toEqual([
      ['order_on_hold', 'LJ-1'],
      ['order_on_hold', 'LJ-2'],
      ['dispute_opened', 'LJ-1'],
      ['order_on_hold', 'LJ-1'],
    ]);
    expect(h.alertLines()).toHaveLength(4);
    expect(await h.counted('order_on_hold', 'duplicate')).toBe(2);
  });

  it.skipIf(!kind.available)('alerts raised at the same moment are decided one at a time', async () => {
    const h = await alertHarness(kind, cleanups, { settings: { maxPerHour: 2 } });
    const same = await Promise.all(
      [...Array(5)].map(() => h.alerts.raise({ kind: 'circuit_open', subject: 'cj', message: 'open' })),
    );
    expect(same.map((o) => o.status).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'sent']);
    const distinct = await Promise.all(
      ['a', 'b', 'c'].map((subject) => h.alerts.raise({ kind: 'low_stock', subject, message: subject })),
    );
    expect(distinct.map((o) => o.status)).toEqual(['sent', 'suppressed', 'suppressed']);
    expect(await h.rows()).toHaveLength(4);
  });

  it.skipIf(!kind.available)('sends at most maxPerHour per rolling hour, stores the rest as suppressed, then summarises', async () => {
    const h = await alertHarness(kind, cleanups, { settings: { maxPerHour: 3 }, logLevel: 'info' });
    const raise = (k: 'low_stock' | 'price_change' | 'order_on_hold', subject: string) =>
      h.alerts.raise({ kind: k, subject, message: `${k} ${subject}` });

    const statuses: string[] = [];
    for (const [k, subject] of [
      ['low_stock', 'a'],
      ['low_stock', 'b'],
      ['low_stock', 'c'],
      ['price_change', 'd'],
      ['low_stock', 'e'],
    ] as const) {
      statuses.push((await raise(k, subject)).status);
      h.clock.advance(MINUTE);
    }
    expect(statuses).toEqual(['sent', 'sent', 'sent', 'suppressed', 'suppressed']);
    expect(h.alertLines().map((l) => l.msg)).toEqual(['low_stock a', 'low_stock b', 'low_stock c']);
    const stored = await h.rows();
    expect(stored).toHaveLength(5);
    expect(stored.map((r) => JSON.parse(r.delivery))).toEqual([
      { log: 'sent' },
      { log: 'sent' },
      { log: 'sent' },
      { log: 'suppressed' },
      { log: 'suppressed' },
    ]);
    // No room yet: nothing to send.
    expect(await h.alerts.summarizeSuppressed()).toBeUndefined();

    // One hour after "a", its slot frees. The summary goes first and takes it, so "f" waits.
    h.clock.advance(60 * MINUTE - 5 * MINUTE);
    expect((await raise('order_on_hold', 'f')).status).toBe('suppressed');
    const summary = h.alertLines().at(-1)!;
    expect(summary.alert).toMatchObject({
      kind: 'alerts_suppressed',
      severity: 'warning',
      data: { suppressed: 2, byKind: { low_stock: 1, price_change: 1 }, maxPerHour: 3 },
    });
    expect(summary.msg).toContain('2 alerts were not sent because of the limit of 3 per hour');

    // Two minutes later "b" and "c" have left the hour: a scheduled call summarises "f" alone…
    h.clock.advance(2 * MINUTE);
    const second = await h.alerts.summarizeSuppressed();
    expect(second?.status).toBe('sent');
    expect(h.alertLines().at(-1)!.alert).toMatchObject({ kind: 'alerts_suppressed', data: { suppressed: 1, byKind: { order_on_hold: 1 } } });
    expect(await h.alerts.summarizeSuppressed()).toBeUndefined();
    // …and the last free slot goes to the next alert.
    expect((await raise('low_stock', 'g')).status).toBe('sent');
    expect((await raise('low_stock', 'h')).status).toBe('suppressed');

    expect(await h.counted('low_stock', 'suppressed')).toBe(2);
    expect(await h.counted('alerts_suppressed', 'sent')).toBe(2);
    const page = await listAlerts(h.store.db, { limit: 50, offset: 0, kind: 'alerts_suppressed' });
    expect(page.total).toBe(2);
  });

  it.skipIf(!kind.available)('lists alerts newest first, with paging and a kind filter', async () => {
    const h = await alertHarness(kind, cleanups);
    // Several in one millisecond: the time-ordered ids keep their order.
    await h.alerts.raise({ kind: 'low_stock', subject: 'p1', message: '1' });
    await h.alerts.raise({ kind: 'price_change', subject: 'p1', message: '2' });
    await h.alerts.raise({ kind: 'low_stock', subject: 'p2', message: '3' });
    h.clock.advance(1_000);
    await h.alerts.raise({ kind: 'job_dead', subject: 'job-9', message: '4', data: { attempts: 5 } });
    h.clock.advance(1_000);
    await h.alerts.raise({ kind: 'low_stock', subject: 'p3', message: '5' });

    const all = await listAlerts(h.store.db, { limit: 50, offset: 0 });
    expect(all.total).toBe(5);
    expect(all.items.map((a) => a.message)).toEqual(['5', '4', '3', '2', '1']);
    expect(all.items[1]).toEqual({
      id: expect.any(String),
      kind: 'job_dead',
      severity: 'critical',
      subject: 'job-9',
      message: '4',
      data: { attempts: 5 },
      createdAt: new Date(T0 + 1_000).toISOString(),
      delivery: { log: 'sent' },
      acknowledgedAt: null,
      acknowledgedBy: null,
    });

    const page = await listAlerts(h.store.db, { limit: 2, offset: 1 });
    expect(page.items.map((a) => a.message)).toEqual(['4', '3']);
    const lowStock = await listAlerts(h.store.db, { limit: 2, offset: 0, kind: 'low_stock' });
    expect(lowStock.total).toBe(3);
    expect(lowStock.items.map((a) => a.message)).toEqual(['5', '3']);
  });

  it.skipIf(!kind.available)('a storage failure is returned and logged, never thrown', async () => {
    const h = await alertHarness(kind, cleanups);
    await h.store.db.schema.dropTable('alerts').execute();
    const outcome = await h.alerts.raise({ kind: 'circuit_open', subject: 'cj', message: 'CJ circuit opened' });
    expect(outcome.status).toBe('error');
    const line = h.lines().find((l) => l.level === 50);
    expect(line).toMatchObject({ alert: { kind: 'circuit_open', subject: 'cj' } });
    expect(line!.msg).toContain('CJ circuit opened');
    expect(await h.counted('circuit_open', 'error')).toBe(1);
    // The service keeps working for the next caller.
    expect((await h.alerts.raise({ kind: 'circuit_open', subject: 'cj', message: 'again' })).status).toBe('error');
  });

  it.skipIf(!kind.available)('notify inside a transaction does not block it; flush waits for delivery', async () => {
    const h = await alertHarness(kind, cleanups);
    await h.store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('leads')
        .values({ id: 'l1', name: 'Ana', email: 'ana@example.pt', source: 'test', consent: 1, created_at: new Date(T0).toISOString() })
        .execute();
      h.alerts.notify({ kind: 'order_on_hold', subject: 'LJ-7', message: 'held inside a transaction' });
    });
    await h.alerts.flush();
    expect((await h.rows()).map((r) => [r.subject, JSON.parse(r.delivery)])).toEqual([['LJ-7', { log: 'sent' }]]);
  });
});
