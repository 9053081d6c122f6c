// CJ webhooks end to end. POST /api/webhooks/cj on a real store: the `sign` header is verified,
// messages are stored once per messageId and processed by jobs, big CJ ids stay exact, late and
// out-of-order ORDER/LOGISTIC messages never move an order backwards, and the route answers within
// CJ's 3 s whatever the processing does — with hand-made messages signed as CJ signs them, and with
// the simulator's own deliveries after `lojista cj webhooks enable` registered the store. The
// command itself: CJ's refusals (real-CJ rules: no localhost, https only, must answer 200) come out
// with CJ's message and exit code 4; --help exits 0.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeWebhookSignature } from '@lojista/cj';
import type { RunningSimulator, WebhookEntry, WebhookProbeEntry } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjWebhooksDisable, cjWebhooksEnable, webhookUrl } from '../../src/cli/commands/cj-webhooks.js';
import type { CliEnv } from '../../src/cli/env.js';
import { CliError, EXIT } from '../../src/cli/exit-codes.js';
import { registerOrderWebhooks } from '../../src/orders/cj-order-webhooks.js';
import { getOrder, orderEvents } from '../../src/orders/order-repository.js';
import type { Order } from '../../src/orders/order.js';
import { simulatorApiKey } from '../../src/runtime/supplier-setup.js';
import { assertBuilt, BUILT_CLI } from '../support/built-cli.js';
import { silentLogger } from '../support/logger.js';
import { baseConfig, freePort, testSimulator, uniqueStoreId, type TestStore } from '../support/store-harness.js';
import {
  buyables,
  cjMessage,
  copyCatalogue,
  inboxCount,
  inboxDone,
  onEach,
  orderIn,
  paidOrder,
  postCj,
  request,
  scanCatalogue,
  simAccount,
  startOrderStore,
  timelineProblems,
  until,
  type Buyable,
  type OrderStore,
} from './helpers.js';
import { testDatabases, type DatabaseName } from '../support/databases.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const dbs = await testDatabases();
let sim: RunningSimulator;
/** Applies CJ's own URL rules (no allowLocalWebhooks), like the real API. */
let strict: RunningSimulator;
const stores: Partial<Record<DatabaseName, OrderStore>> = {};
let goods: Buyable[];
const dirs: string[] = [];
/** The real CLI runs in child processes from the start; the last test awaits them. */
let children: Promise<[CliRun, CliRun]>;

/** A config folder with one store (config + 0600 secrets) as `lojista init` leaves it. */
function configFolder(id: string, cj: { baseUrl?: string }, port: number, sharedDataDir?: string): CliEnv {
  const root = mkdtempSync(join(tmpdir(), 'lojista-cli-'));
  dirs.push(root);
  const configDir = join(root, 'stores');
  const dataDir = sharedDataDir ?? join(root, 'data');
  mkdirSync(configDir);
  if (!sharedDataDir) mkdirSync(dataDir);
  writeFileSync(join(configDir, `${id}.json`), JSON.stringify(baseConfig(port, { cj: { qps: 6, ...cj }, schedules: { scanOnFirstStart: false } })));
  const secrets = join(configDir, `${id}.secrets.json`);
  writeFileSync(secrets, JSON.stringify({ adminToken: randomBytes(24).toString('hex') }));
  chmodSync(secrets, 0o600);
  return { configDir, dataDir, log: silentLogger(), version: 'test' };
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (the built dist/) without blocking this process, which hosts the simulators. */
function runCli(args: string[]): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('LOJISTA_') && !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'DATABASE_URL' && k !== 'REDIS_URL') env[k] = v;
  }
  assertBuilt();
  return new Promise((resolve) => {
    execFile(process.execPath, [BUILT_CLI, ...args], { cwd: REPO, env, timeout: 90_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

async function cliError(p: Promise<unknown>): Promise<CliError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    return err as CliError;
  }
  throw new Error('expected the command to fail');
}

beforeAll(async () => {
  [sim, strict] = await Promise.all([testSimulator(), testSimulator({ catalogueSize: 50, allowLocalWebhooks: false })]);
  // The real CLI against CJ's rules, started now so its start-up overlaps the other tests.
  const refusedId = uniqueStoreId('w');
  strict.control.createAccount({ apiKey: simulatorApiKey(refusedId) });
  const refusedEnv = configFolder(refusedId, { baseUrl: strict.baseUrl }, await freePort());
  children = Promise.all([
    runCli(['--config-dir', refusedEnv.configDir, '--data-dir', refusedEnv.dataDir, 'cj', 'webhooks', 'enable', '--store', refusedId, '--url', 'http://127.0.0.1:4002']),
    runCli(['cj', 'webhooks', 'enable', '--help']),
  ]);
  const [sqlite, postgres] = await Promise.all([
    startOrderStore({ database: 'sqlite', sim }),
    dbs[1]!.available ? startOrderStore({ database: 'postgres', sim }) : undefined,
  ]);
  stores.sqlite = sqlite;
  if (postgres) stores.postgres = postgres;
  await scanCatalogue(sqlite);
  if (postgres) await copyCatalogue(sqlite, postgres);
  goods = await buyables(sqlite.runtime.ctx);
}, 120_000);

afterAll(async () => {
  await children?.catch(() => undefined);
  for (const s of Object.values(stores)) await s?.close();
  await sim?.close();
  await strict?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ACK = { code: 200, result: 'success', message: 'received' };

interface Fixture {
  store: TestStore;
  openId: string;
  first: Order;
  second: Order;
}

describe('CJ webhooks (SQLite and PostgreSQL side by side)', () => {
  const fx: Partial<Record<DatabaseName, Fixture>> = {};

  beforeAll(async () => {
    await onEach(stores, async (store, db) => {
      const [first, second] = await Promise.all([paidOrder(store, goods[0]!.variantId), paidOrder(store, goods[1]!.variantId)]);
      const openId = simAccount(sim, store).openId;
      expect(await store.runtime.ctx.cj.auth.openId()).toBe(openId);
      fx[db] = { store, openId, first, second };
    });
  });

  it("answers webhook/set's probe ({}) with 200 and refuses a bad or missing sign with 401, storing nothing", () =>
    onEach(fx, async ({ store, openId, first }) => {
      const ctx = store.runtime.ctx;
      const before = await inboxCount(ctx);
      const probe = await postCj(store, '{}');
      expect(probe.status).toBe(200);
      expect(probe.body).toEqual(ACK);

      const msg = cjMessage('ORDER', openId, { orderNumber: first.number, cjOrderId: first.cj.orderId!, orderStatus: 'DELIVERED' }, ['cjOrderId']);
      const cases: Array<[string, string, string | null, string]> = [
        ['signed with another openId', msg.body, '1234567890123456789', 'bad_signature'],
        ['body altered after signing', msg.body.replace('DELIVERED', 'SHIPPED'), 'sign-original', 'bad_signature'],
        ['no sign header', msg.body, null, 'missing_signature'],
      ];
      for (const [what, body, signWith, code] of cases) {
        const res =
          signWith === 'sign-original'
            ? await request(store, 'POST', '/api/webhooks/cj', { raw: body, headers: { sign: computeWebhookSignature(msg.body, openId) } })
            : await postCj(store, body, signWith);
        expect(res.status, what).toBe(401);
        expect((res.body as { error: { code: string } }).error.code, what).toBe(code);
      }
      const garbage = await request(store, 'POST', '/api/webhooks/cj', { raw: msg.body, headers: { sign: 'not base64 at all!' } });
      expect(garbage.status).toBe(401);
      await new Promise((r) => setTimeout(r, 100));
      expect(await inboxCount(ctx)).toBe(before);
      expect((await getOrder(ctx.db, first.id))!.status).toBe('paid');
    }));

  it('matches big-integer CJ order ids exactly: a neighbouring id that is the same float64 is not this order', () =>
    onEach(fx, async ({ store, openId, first }) => {
      const ctx = store.runtime.ctx;
      const id = first.cj.orderId!;
      expect(id).toMatch(/^\d{18,}$/);
      expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
      const neighbour = [BigInt(id) + 1n, BigInt(id) - 1n].map(String).find((n) => Number(n) === Number(id))!;
      expect(neighbour).toBeDefined();
      const stranger = cjMessage('LOGISTIC', openId, { orderId: neighbour, trackingNumber: 'LJX000000001PT', trackingStatus: 5 }, ['orderId']);
      expect((await postCj(store, stranger.body)).status).toBe(200);
      expect((await inboxDone(ctx, `cj:${stranger.messageId}`)).status).toBe('ignored');
      const untouched = (await getOrder(ctx.db, first.id))!;
      expect([untouched.status, untouched.tracking.number]).toEqual(['paid', null]);
      // The exact id is stored byte for byte in the inbox.
      const stored = await ctx.db.selectFrom('inbox').select('payload').where('id', '=', `cj:${stranger.messageId}`).executeTakeFirstOrThrow();
      expect(stored.payload).toContain(`"orderId":${neighbour}`);
    }));

  it('out of order: "signed for" (12) before SHIPPED, then late SHIPPED/UNSHIPPED/transit messages — ends delivered, never backwards', () =>
    onEach(fx, async ({ store, openId, first }) => {
      const ctx = store.runtime.ctx;
      const id = first.cj.orderId!;
      const send = async (type: 'ORDER' | 'LOGISTIC', params: Record<string, string | number | null>) => {
        const m = cjMessage(type, openId, params, type === 'ORDER' ? ['cjOrderId'] : ['orderId']);
        const res = await postCj(store, m.body);
        expect(res.status).toBe(200);
        return (await inboxDone(ctx, `cj:${m.messageId}`)).status;
      };
      expect(await send('LOGISTIC', { orderId: id, trackingNumber: 'LJ123456789PT', trackingUrl: 'https://t.17track.net/en#nums=LJ123456789PT', trackingStatus: 12 })).toBe('processed');
      let o = (await getOrder(ctx.db, first.id))!;
      expect(o.status).toBe('delivered');
      expect(o.tracking).toMatchObject({ number: 'LJ123456789PT', status: 12 });
      expect(o.shippedAt).not.toBeNull();
      expect(o.deliveredAt).not.toBeNull();

      await send('ORDER', { orderNumber: first.number, cjOrderId: id, orderStatus: 'SHIPPED', trackNumber: 'LJ123456789PT' });
      await send('LOGISTIC', { orderId: id, trackingNumber: 'LJ123456789PT', trackingStatus: 5 });
      await send('ORDER', { orderNumber: first.number, cjOrderId: id, orderStatus: 'UNSHIPPED' });
      await send('ORDER', { orderNumber: first.number, cjOrderId: id, orderStatus: 'UNPAID' });
      o = (await getOrder(ctx.db, first.id))!;
      expect(o.status).toBe('delivered');
      expect(o.tracking.status).toBe(12);

      const events = await orderEvents(ctx.db, first.id);
      expect(timelineProblems(events)).toEqual([]);
      const moves = events.filter((e) => e.from !== e.to).map((e) => `${e.from}→${e.to}:${e.actor}`);
      expect(moves).toEqual([
        'null→awaiting_payment:customer',
        'awaiting_payment→pending:payment',
        'pending→confirmed:fulfilment',
        'confirmed→paid:fulfilment',
        'paid→shipped:webhook',
        'shipped→delivered:webhook',
      ]);
    }));

  it('a duplicate messageId is acknowledged, stored once and processed once; DELIVERED before SHIPPED ends delivered', () =>
    onEach(fx, async ({ store, openId, second }) => {
      const ctx = store.runtime.ctx;
      const id = second.cj.orderId!;
      const delivered = cjMessage('ORDER', openId, { orderNumber: second.number, cjOrderId: id, orderStatus: 'DELIVERED', trackNumber: 'LJ987654321PT' }, ['cjOrderId']);
      const replies = await Promise.all([postCj(store, delivered.body), postCj(store, delivered.body)]);
      const again = await postCj(store, delivered.body);
      expect([...replies, again].map((r) => [r.status, r.body])).toEqual([
        [200, ACK],
        [200, ACK],
        [200, ACK],
      ]);
      expect(await inboxCount(ctx, `cj:${delivered.messageId}`)).toBe(1);
      await inboxDone(ctx, `cj:${delivered.messageId}`);
      const jobs = await ctx.db.selectFrom('jobs').select('id').where('dedupe_key', '=', `inbox:cj:${delivered.messageId}`).execute();
      expect(jobs).toHaveLength(1);
      expect((await getOrder(ctx.db, second.id))!.status).toBe('delivered');

      const shipped = cjMessage('ORDER', openId, { orderNumber: second.number, cjOrderId: id, orderStatus: 'SHIPPED', trackNumber: 'LJ987654321PT' }, ['cjOrderId']);
      expect((await postCj(store, shipped.body)).status).toBe(200);
      await inboxDone(ctx, `cj:${shipped.messageId}`);
      const o = (await getOrder(ctx.db, second.id))!;
      expect(o.status).toBe('delivered');
      const events = await orderEvents(ctx.db, second.id);
      expect(timelineProblems(events)).toEqual([]);
      expect(events.filter((e) => e.to === 'delivered' && e.from !== 'delivered')).toHaveLength(1);
      expect(events.filter((e) => e.to === 'shipped' && e.from !== 'shipped')).toHaveLength(1);
    }));
});

/** With PostgreSQL the two tests below run at once (different stores); without it, one after the other. */
const side = dbs[1]!.available ? it.concurrent : it;

describe("CJ webhooks: slow processing, and the simulator's own deliveries", () => {
  side('the receiver answers 200 well within 3 s while processing takes longer, and processes afterwards', async () => {
    // On PostgreSQL when there is one, so it runs next to the deliveries test on SQLite.
    const store = (stores.postgres ?? stores.sqlite)!;
    const ctx = store.runtime.ctx;
    const openId = simAccount(sim, store).openId;
    let finished = 0;
    store.runtime.dispatcher.on('cj', 'LOGISTIC', async () => {
      await new Promise((r) => setTimeout(r, 3_200));
      finished = Date.now();
      return 'processed';
    });
    try {
      const a = cjMessage('LOGISTIC', openId, { orderId: '210823100016290555', trackingNumber: 'LJSLOW1', trackingStatus: 5 }, ['orderId']);
      const b = cjMessage('LOGISTIC', openId, { orderId: '210823100016290556', trackingNumber: 'LJSLOW2', trackingStatus: 6 }, ['orderId']);
      const ra = await postCj(store, a.body);
      await until('the slow handler to start', async () => (await ctx.db.selectFrom('jobs').select('status').where('dedupe_key', '=', `inbox:cj:${a.messageId}`).executeTakeFirst())?.status === 'running');
      const rb = await postCj(store, b.body);
      const answered = Date.now();
      for (const r of [ra, rb]) {
        expect(r.status).toBe(200);
        expect(r.ms).toBeLessThan(1_500);
      }
      expect((await ctx.db.selectFrom('inbox').select('status').where('id', '=', `cj:${a.messageId}`).executeTakeFirstOrThrow()).status).toBe('received');
      const done = await inboxDone(ctx, `cj:${a.messageId}`);
      expect(done.status).toBe('processed');
      expect(finished - answered).toBeGreaterThan(1_000);
      expect((await inboxDone(ctx, `cj:${b.messageId}`)).status).toBe('processed');
    } finally {
      registerOrderWebhooks(store.runtime.dispatcher);
    }
  });

  side("`lojista cj webhooks enable` registers the store; the simulator's ORDER and LOGISTIC deliveries alone take a paid order to delivered", async () => {
    const store = stores.sqlite!;
    const ctx = store.runtime.ctx;
    // The command opens the running store's own database, as it does next to `lojista serve`.
    const env = configFolder(store.id, { baseUrl: sim.baseUrl }, await freePort(), store.dataDir);
    const probesFrom = sim.control.ledgerCursor();
    const report = await cjWebhooksEnable(env, { store: store.id, url: `${store.url}/` });
    const url = `${store.url}/api/webhooks/cj`;
    const enabled = { type: 'ENABLE', urls: [url] };
    expect(report).toMatchObject({ store: store.id, action: 'enable', url, topics: ['product', 'stock', 'order', 'logistics'] });
    expect(report.callback).toEqual({ product: enabled, stock: enabled, order: enabled, logistics: enabled });
    expect(report.note).toBeUndefined();
    // What CJ now holds for the store's account, read by the running store itself; CJ's probe was answered.
    expect((await ctx.cj.setting.get()).callback).toEqual(report.callback);
    const probes = sim.control.ledger({ kind: 'webhook-probe', since: probesFrom }) as WebhookProbeEntry[];
    expect(probes.map((p) => [p.url, p.status, p.ok])).toEqual([[url, 200, true]]);

    const cursor = sim.control.ledgerCursor();
    const order = await paidOrder(store, goods[2 % goods.length]!.variantId);
    await sim.control.advanceClock({ days: 4 });
    await sim.control.flushWebhooks();
    const shipped = await orderIn(ctx, order.id, ['shipped', 'delivered']);
    expect(shipped.tracking.number).toBe(sim.control.getOrder(order.number)!.trackNumber);
    await sim.control.advanceClock({ days: 60 });
    await sim.control.flushWebhooks();
    const delivered = await orderIn(ctx, order.id, ['delivered']);
    expect(delivered.tracking.status).toBe(12);

    const events = await orderEvents(ctx.db, order.id);
    expect(timelineProblems(events)).toEqual([]);
    expect(events.filter((e) => e.actor === 'webhook' && e.from !== e.to).map((e) => e.to)).toEqual(['shipped', 'delivered']);

    // Every delivery for this order was acknowledged with 200 and stored exactly once.
    const deliveries = sim.control
      .ledger({ kind: 'webhook', since: cursor })
      .filter((e): e is WebhookEntry => e.kind === 'webhook' && (e.body.includes(order.number) || e.body.includes(order.cj.orderId!)));
    expect(deliveries.map((d) => d.type)).toEqual(expect.arrayContaining(['ORDER', 'LOGISTIC']));
    expect(deliveries.every((d) => d.ok && d.status === 200)).toBe(true);
    for (const d of deliveries) expect(await inboxCount(ctx, `cj:${d.messageId}`)).toBe(1);
    await Promise.all(deliveries.map((d) => inboxDone(ctx, `cj:${d.messageId}`)));

    const off = await cjWebhooksDisable(env, { store: store.id });
    expect(off).toMatchObject({ action: 'disable', url: null });
    const cancelled = { type: 'CANCEL', urls: [] };
    expect((await ctx.cj.setting.get()).callback).toEqual({ product: cancelled, stock: cancelled, order: cancelled, logistics: cancelled });
  });
});

describe('lojista cj webhooks: refusals and usage', () => {
  it("CJ's refusals are exit code 4 with CJ's words: http:// (1607002), and a URL where nothing answers 200 (1607003)", async () => {
    const id = uniqueStoreId('w');
    strict.control.createAccount({ apiKey: simulatorApiKey(id) });
    const env = configFolder(id, { baseUrl: strict.baseUrl }, await freePort());
    const http = await cliError(cjWebhooksEnable(env, { store: id, url: 'http://shop.example.com' }));
    expect(http.exitCode).toBe(EXIT.supplier);
    expect(http.message).toContain('Please ensure URL starts with https://');
    expect(http.message).toContain('1607002');

    const store = stores.sqlite!;
    const silent = await cliError(
      cjWebhooksEnable(configFolder(store.id, { baseUrl: sim.baseUrl }, await freePort(), store.dataDir), { store: store.id, url: `http://127.0.0.1:${await freePort()}` }),
    );
    expect(silent.exitCode).toBe(EXIT.supplier);
    expect(silent.message).toMatch(/1607003.*must be running/);
  });

  it("on the CLI's own in-process simulator (no CJ key, no cj.baseUrl) local URLs are accepted, and the output says the setting is throwaway", async () => {
    const receiver: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":200}'));
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const id = uniqueStoreId('w');
      const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
      const report = await cjWebhooksEnable(configFolder(id, {}, await freePort()), { store: id, url: base });
      expect(report.callback).toMatchObject({ order: { type: 'ENABLE', urls: [`${base}/api/webhooks/cj`] }, logistics: { type: 'ENABLE', urls: [`${base}/api/webhooks/cj`] } });
      expect(report.supplier).toMatch(/SIMULATED/);
      expect(report.note).toMatch(/only while this command runs/);
    } finally {
      await new Promise((r) => receiver.close(r));
    }
  });

  it('refuses a --url that is not an address with the usage exit code, before calling CJ', () => {
    for (const bad of ['loja.example.pt', 'ftp://loja.example.pt', 'https://user:pw@loja.example.pt', 'https://loja.example.pt/?x=1']) {
      let error: unknown;
      try {
        webhookUrl(bad);
      } catch (err) {
        error = err;
      }
      expect(error, bad).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode, bad).toBe(EXIT.usage);
    }
    expect(webhookUrl('https://loja.example.pt')).toBe('https://loja.example.pt/api/webhooks/cj');
    expect(webhookUrl('https://loja.example.pt/shop/')).toBe('https://loja.example.pt/shop/api/webhooks/cj');
    expect(webhookUrl('https://loja.example.pt/api/webhooks/cj')).toBe('https://loja.example.pt/api/webhooks/cj');
  });

  it("the real CLI: localhost under CJ's rules exits 4 with CJ's message on stderr; --help exits 0", async () => {
    const [refused, help] = await children;
    expect(refused.code, refused.stderr).toBe(4);
    expect(refused.stderr).toContain('Please do not use domain names such as localhost, 127.0.0.1');
    expect(refused.stderr).toContain('1607001');
    expect(refused.stdout).toBe('');
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('--url <base>');
    expect(help.stdout).toContain('--store <id>');
  }, 90_000);
});
