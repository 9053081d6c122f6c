import { describe, expect, it } from 'vitest';
import { createTimeOrderedIdGenerator } from '../../src/time-ordered-id.js';
import { dedupeKey } from '../../src/alerts/alert-kinds.js';
import { MAX_TEXT, alertText } from '../../src/alerts/channels/alert-text.js';
import type { OutgoingAlert } from '../../src/alerts/channels/channel.js';
import { toJsonText } from '../../src/alerts/json-text.js';

describe('alert ids', () => {
  it('sort in creation order, even within one millisecond and past 4096 in it', () => {
    const next = createTimeOrderedIdGenerator();
    const ids = [...Array(5000)].map(() => next(1_000_000));
    ids.push(next(999_999)); // a clock stepping back does not break the order
    ids.push(next(2_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('alert data', () => {
  it('serialises bigints, errors and cycles instead of throwing', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(JSON.parse(toJsonText({ id: 2n ** 64n, err: new Error('boom'), cyclic }))).toEqual({
      id: '18446744073709551616',
      err: { name: 'Error', message: 'boom' },
      cyclic: { a: 1, self: '[circular]' },
    });
    expect(toJsonText(undefined)).toBe('{}');
  });

  it('keys de-duplication on kind and trimmed subject', () => {
    expect(dedupeKey('low_stock', ' 123 ')).toBe('low_stock:123');
    expect(dedupeKey('low_stock', '123')).not.toBe(dedupeKey('delisted', '123'));
  });
});

describe('alert text', () => {
  const alert: OutgoingAlert = {
    id: 'x',
    store: { id: 'astralmia', name: 'Astral Mia' },
    kind: 'low_stock',
    severity: 'info',
    subject: 'pid_1',
    message: 'only 3 left',
    data: { units: 3, vid: 'v_1' },
    at: '2026-11-24T12:00:00.000Z',
  };

  it('is plain text with store, kind, subject, message and data', () => {
    expect(alertText(alert)).toBe(
      'ℹ️ INFO · Astral Mia\nlow_stock — pid_1\nonly 3 left\n\nunits: 3\nvid: v_1\n\nastralmia · 2026-11-24T12:00:00.000Z',
    );
  });

  it('stays within Telegram’s message size', () => {
    const text = alertText({ ...alert, message: 'x'.repeat(10_000) });
    expect(text.length).toBe(MAX_TEXT + 1);
    expect(text.endsWith('…')).toBe(true);
  });
});
