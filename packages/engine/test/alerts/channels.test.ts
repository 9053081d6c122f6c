// Delivery through Telegram and webhooks against local fake servers. Storage is the same on both
// databases (see alert-service.test.ts), so these run on SQLite only.
import { afterEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { closedPortUrl, startReceiver, type FakeReceiver } from './fake-receiver.js';
import { T0, alertHarness } from './setup.js';

const sqlite = (await databaseKinds()).find((k) => k.name === 'sqlite')!;
const TOKEN = '7712345678:AAH-secret-bot-token_xyz';

describe('alert channels', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  async function receiver(): Promise<FakeReceiver> {
    const r = await startReceiver();
    cleanups.push(() => r.close());
    return r;
  }

  it('posts to Telegram sendMessage with the token in the path, the chat id and a readable text', async () => {
    const telegram = await receiver();
    const h = await alertHarness(sqlite, cleanups, {
      token: TOKEN,
      settings: { channels: [{ type: 'log' }, { type: 'telegram', chatId: '-100200300', apiBase: `${telegram.url}/` }] },
    });
    const outcome = await h.alerts.raise({
      kind: 'order_on_hold',
      subject: 'LJ-1042',
      message: 'CJ balance too low to pay the order',
      data: { needed: '31.20 USD' },
    });
    expect(outcome).toMatchObject({ status: 'sent', delivery: { log: 'sent', telegram: 'sent' } });

    expect(telegram.received).toHaveLength(1);
    const [req] = telegram.received;
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe(`/bot${TOKEN}/sendMessage`);
    expect(req!.headers['content-type']).toBe('application/json');
    const body = req!.body as { chat_id: string; text: string; disable_web_page_preview: boolean; parse_mode?: string };
    expect(body.chat_id).toBe('-100200300');
    expect(body.disable_web_page_preview).toBe(true);
    expect(body.parse_mode).toBeUndefined();
    expect(body.text).toContain('Astral Mia');
    expect(body.text).toContain('order_on_hold — LJ-1042');
    expect(body.text).toContain('CJ balance too low to pay the order');
    expect(body.text).toContain('needed: 31.20 USD');
    expect(body.text).toContain('WARNING');

    const [row] = await h.rows();
    expect(JSON.parse(row!.delivery)).toEqual({ log: 'sent', telegram: 'sent' });
  });

  it('posts the alert as JSON to each webhook', async () => {
    const hookA = await receiver();
    const hookB = await receiver();
    const h = await alertHarness(sqlite, cleanups, {
      settings: { channels: [{ type: 'webhook', url: `${hookA.url}/alerts?key=abc` }, { type: 'webhook', url: hookB.url }] },
    });
    const outcome = await h.alerts.raise({
      kind: 'price_change',
      subject: '1424608189734850560',
      message: 'cost up 22%',
      data: { oldCost: '4.10', newCost: '5.00', vid: 1424608189734850561n },
    });
    expect(outcome).toMatchObject({ status: 'sent', delivery: { webhook: 'sent', 'webhook#2': 'sent' } });

    expect(hookA.received).toHaveLength(1);
    expect(hookA.received[0]!.path).toBe('/alerts?key=abc');
    expect(hookA.received[0]!.headers['content-type']).toBe('application/json');
    expect(hookA.received[0]!.body).toEqual({
      id: (outcome as { id: string }).id,
      store: 'astralmia',
      storeName: 'Astral Mia',
      kind: 'price_change',
      severity: 'warning',
      subject: '1424608189734850560',
      message: 'cost up 22%',
      data: { oldCost: '4.10', newCost: '5.00', vid: '1424608189734850561' },
      at: new Date(T0).toISOString(),
    });
    expect(hookB.received[0]!.body).toEqual(hookA.received[0]!.body);
  });

  it('records a failing channel (HTTP 500, Telegram ok:false) without throwing, and still delivers the others', async () => {
    const telegram = await receiver();
    const hook = await receiver();
    telegram.answer(() => ({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } }));
    hook.answer(() => ({ status: 500, body: { error: 'database is down' } }));
    const h = await alertHarness(sqlite, cleanups, {
      token: TOKEN,
      settings: {
        channels: [{ type: 'log' }, { type: 'telegram', chatId: '1', apiBase: telegram.url }, { type: 'webhook', url: hook.url }],
      },
    });
    const outcome = await h.alerts.raise({ kind: 'dispute_opened', subject: 'LJ-9', message: 'dispute filed' });
    expect(outcome).toMatchObject({
      status: 'failed',
      delivery: {
        log: 'sent',
        telegram: 'failed: Telegram answered HTTP 400: Bad Request: chat not found',
        webhook: 'failed: webhook answered HTTP 500: {"error":"database is down"}',
      },
    });
    const [row] = await h.rows();
    expect(JSON.parse(row!.delivery)).toEqual((outcome as { delivery: unknown }).delivery);
    const warnings = h.lines().filter((l) => l.msg === 'alert not delivered');
    expect(warnings.map((l) => [l.level, l.channel, (l.alert as { kind: string }).kind])).toEqual([
      [40, 'telegram', 'dispute_opened'],
      [40, 'webhook', 'dispute_opened'],
    ]);
    expect(await h.counted('dispute_opened', 'failed')).toBe(1);

    // A 200 whose body says ok:false is a failure too.
    telegram.answer(() => ({ status: 200, body: { ok: false, description: 'Forbidden: bot was blocked by the user' } }));
    const next = await h.alerts.raise({ kind: 'dispute_opened', subject: 'LJ-10', message: 'dispute filed' });
    expect(next).toMatchObject({ delivery: { telegram: 'failed: Telegram answered HTTP 200: Forbidden: bot was blocked by the user' } });
  });

  it('gives up on a channel that does not answer within the time limit', async () => {
    const hook = await receiver();
    hook.answer(() => 'hang');
    const h = await alertHarness(sqlite, cleanups, {
      timeoutMs: 150,
      settings: { channels: [{ type: 'log' }, { type: 'webhook', url: hook.url }] },
    });
    const started = Date.now();
    const outcome = await h.alerts.raise({ kind: 'job_dead', subject: 'job-1', message: 'dead' });
    const took = Date.now() - started;
    expect(outcome).toMatchObject({ status: 'failed', delivery: { log: 'sent', webhook: 'failed: timed out after 150 ms' } });
    expect(hook.received).toHaveLength(1);
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(2_000);
  });

  it('records an unreachable endpoint and a missing bot token as failures', async () => {
    const nowhere = await closedPortUrl();
    const h = await alertHarness(sqlite, cleanups, {
      settings: { channels: [{ type: 'telegram', chatId: '1', apiBase: nowhere }, { type: 'webhook', url: nowhere }] },
    });
    const outcome = await h.alerts.raise({ kind: 'cj_auth_failure', subject: 'cj', message: 'token refused' });
    expect(outcome).toMatchObject({
      status: 'failed',
      delivery: {
        telegram: 'failed: no Telegram bot token: set the secret telegramBotToken (LOJISTA_ASTRALMIA_TELEGRAM_BOT_TOKEN)',
        webhook: 'failed: network error ECONNREFUSED',
      },
    });
  });

  it('never writes the bot token to the log or the alerts table, whatever goes wrong', async () => {
    const telegram = await receiver();
    const nowhere = await closedPortUrl();
    // A hostile or buggy answer that echoes the token back.
    telegram.answer((req) =>
      req.body && (req.body as { text: string }).text.includes('echo')
        ? { status: 401, body: { ok: false, description: `Unauthorized: token ${TOKEN} is invalid` } }
        : { status: 200, body: { ok: true } },
    );
    const h = await alertHarness(sqlite, cleanups, {
      token: TOKEN,
      timeoutMs: 150,
      settings: {
        channels: [
          { type: 'log' },
          { type: 'telegram', chatId: '1', apiBase: telegram.url },
          { type: 'telegram', chatId: '2', apiBase: nowhere },
        ],
      },
    });
    await h.alerts.raise({ kind: 'low_stock', subject: 'p1', message: 'fine' });
    const echoed = await h.alerts.raise({ kind: 'low_stock', subject: 'p2', message: 'echo' });
    expect(echoed).toMatchObject({
      delivery: { telegram: 'failed: Telegram answered HTTP 401: Unauthorized: token [redacted] is invalid' },
    });
    telegram.answer(() => 'hang');
    await h.alerts.raise({ kind: 'low_stock', subject: 'p3', message: 'slow' });

    expect(telegram.received.map((r) => r.path)).toEqual(Array(3).fill(`/bot${TOKEN}/sendMessage`));
    const logText = JSON.stringify(h.lines());
    expect(h.lines().length).toBeGreaterThan(3);
    expect(logText).not.toContain(TOKEN);
    expect(logText).not.toContain('AAH-secret');
    const tableText = JSON.stringify(await h.rows());
    expect(tableText).not.toContain(TOKEN);
    expect(tableText).toContain('[redacted]');
  });
});
