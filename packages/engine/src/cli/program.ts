// The `lojista` command line: every command, its options and its help, built without running anything
// (main.ts parses and runs it; tests walk its help in-process).
import { Command, InvalidArgumentError } from 'commander';
import { cliEnv, engineVersion, type GlobalOptions } from './env.js';

// Commands load only when run: `--help` and usage errors answer without loading the whole engine.
const commands = {
  admin: () => import('./commands/admin.js'),
  backup: () => import('./commands/backup.js'),
  restore: () => import('./commands/restore.js'),
  cj: () => import('./commands/cj.js'),
  cjWebhooks: () => import('./commands/cj-webhooks.js'),
  init: () => import('./commands/init.js'),
  mcp: () => import('./commands/mcp.js'),
  migrate: () => import('./commands/migrate.js'),
  scan: () => import('./commands/scan.js'),
  serve: () => import('./commands/serve.js'),
  sim: () => import('./commands/sim.js'),
  status: () => import('./commands/status.js'),
};

const positiveInt = (name: string) => (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1`);
  return Number(value);
};
const port = (value: string) => {
  const n = positiveInt('--port')(value);
  if (n > 65535) throw new InvalidArgumentError('--port must be at most 65535');
  return n;
};

export function buildProgram(): Command {
  const program = new Command()
    .name('lojista')
    .description('Run autonomous dropshipping stores on the CJ Dropshipping API.')
    .version(engineVersion())
    .option('--config-dir <dir>', 'folder of store configs (env LOJISTA_CONFIG_DIR)', undefined)
    .option('--data-dir <dir>', 'folder for SQLite databases (env LOJISTA_DATA_DIR)', undefined)
    .option('--log-level <level>', 'trace, debug, info, warn, error (env LOJISTA_LOG_LEVEL)')
    .addHelpText(
      'after',
      `
Environment: DATABASE_URL (PostgreSQL, a schema per store, instead of SQLite files), REDIS_URL (with
DATABASE_URL: jobs on BullMQ), LOJISTA_<STORE>_<SECRET> for secrets (CJ_API_KEY, ADMIN_TOKEN, …).

Exit codes: 0 ok · 1 failure · 2 invalid usage or configuration · 3 busy (a scan is already running,
or a restore into a store that is running)
· 4 CJ refused or unreachable.`,
    )
    .showHelpAfterError('(run lojista --help for usage)')
    .exitOverride();

  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

  program
    .command('serve')
    .description('serve every store in the config folder (or one with --store); the demo store when there are none')
    .option('--store <id>', 'serve only this store (one process per store, as before)')
    .option('--demo', 'serve the built-in demo store (simulated supplier)')
    .option('--port <n>', "the demo store's port (default 4002)", port)
    .action(async (opts: { store?: string; demo?: boolean; port?: number }) => {
      await (await commands.serve()).serve(cliEnv(globals(), opts.demo || !opts.store ? 'warn' : 'info', 'stdout'), opts);
    });

  program
    .command('demo')
    .description('serve the built-in demo store: esoteric niche, pt-PT, EUR, SQLite, in-process CJ simulator')
    .option('--port <n>', 'port (default 4002)', port)
    .action(async (opts: { port?: number }) => {
      await (await commands.serve()).serve(cliEnv(globals(), 'warn', 'stdout'), { demo: true, ...(opts.port ? { port: opts.port } : {}) });
    });

  program
    .command('init')
    .description('create a store config (asks in a terminal; or give every value as flags)')
    .option('--id <id>', 'store id, also the file name')
    .option('--name <name>', 'store name')
    .option('--port <n>', 'HTTP port of the store', port)
    .option('--keywords <list>', 'comma-separated English CJ search keywords')
    .option('--locale <locale>', 'store language (default pt-PT)')
    .option('--currency <code>', 'store currency (default EUR)')
    .option('--country <code>', 'main shipping country (default PT)')
    .option('--fx-rate <rate>', 'store currency per 1 USD (default 0.92)')
    .option('-y, --yes', 'do not ask; use defaults for what is not given')
    .action(async (opts) => {
      const { file, secretsFile } = await (await commands.init()).init(cliEnv(globals(), 'warn'), opts);
      console.log(`Created ${file} and ${secretsFile} (mode 600, with a new admin token).`);
      console.log('Next: add the CJ API key to the secrets file ("cjApiKey") or leave it out to use the simulator, then: lojista serve');
    });

  program
    .command('scan')
    .description('run one catalogue scan now, with live progress')
    .requiredOption('--store <id>', 'the store to scan for')
    .option('--budget <points>', 'CJ points this scan may spend (default: the store config)', positiveInt('--budget'))
    .action(async (opts: { store: string; budget?: number }) => {
      await (await commands.scan()).scan(cliEnv(globals(), 'warn'), opts);
    });

  program
    .command('status')
    .description('products, last scan and jobs of every store (or one)')
    .option('--store <id>', 'only this store')
    .action(async (opts: { store?: string }) => print(await (await commands.status()).status(cliEnv(globals(), 'warn'), opts)));

  program
    .command('migrate')
    .description('bring store databases to the latest schema (serve does it on start too)')
    .option('--store <id>', 'only this store')
    .action(async (opts: { store?: string }) => print(await (await commands.migrate()).migrate(cliEnv(globals(), 'warn'), opts)));

  program
    .command('backup')
    .description('an online backup of every store (or one) now, into its backup folder (backups.dir), keeping backups.keep')
    .option('--store <id>', 'only this store')
    .option('--list', 'list the complete backups instead, newest first')
    .action(async (opts: { store?: string; list?: boolean }) => {
      const cmd = await commands.backup();
      print(opts.list ? await cmd.listStoreBackups(cliEnv(globals(), 'warn'), opts) : await cmd.backup(cliEnv(globals(), 'warn'), opts));
    });

  program
    .command('restore')
    .description("put a backup back into a STOPPED store, checked before it replaces anything (without --yes: check only)")
    .requiredOption('--store <id>', 'the store')
    .option('--from <folder>', 'the backup folder (default: the newest backup of the store)')
    .option('--yes', "replace the store's data (the replaced data is kept aside)")
    .action(async (opts: { store: string; from?: string; yes?: boolean }) => print(await (await commands.restore()).restore(cliEnv(globals(), 'warn'), opts)));

  const cj = program.command('cj').description("check a store's CJ account");
  cj.command('ping')
    .description('authenticate and read the account settings')
    .requiredOption('--store <id>', 'the store')
    .action(async (opts: { store: string }) => print(await (await commands.cj()).cjPing(cliEnv(globals(), 'warn'), opts)));
  cj.command('balance')
    .description('the CJ balance that pays for orders')
    .requiredOption('--store <id>', 'the store')
    .action(async (opts: { store: string }) => print(await (await commands.cj()).cjBalance(cliEnv(globals(), 'warn'), opts)));
  const webhooks = cj.command('webhooks').description("point CJ's product, stock, order and logistics messages at the store (webhook/set)");
  webhooks
    .command('enable')
    .description("register <url>/api/webhooks/cj for every topic; the store must be running there (CJ checks that it answers 200)")
    .requiredOption('--store <id>', 'the store')
    .requiredOption('--url <base>', "the store's public https address, e.g. https://loja.example.pt")
    .action(async (opts: { store: string; url: string }) => print(await (await commands.cjWebhooks()).cjWebhooksEnable(cliEnv(globals(), 'warn'), opts)));
  webhooks
    .command('disable')
    .description('cancel every topic: CJ stops sending messages to the store')
    .requiredOption('--store <id>', 'the store')
    .action(async (opts: { store: string }) => print(await (await commands.cjWebhooks()).cjWebhooksDisable(cliEnv(globals(), 'warn'), opts)));

  const admin = program.command('admin').description("the owner's access to a store's admin console (/admin)");
  admin
    .command('set-password')
    .description('set the console password (asked twice on a terminal, or the first line of stdin); ends open sessions')
    .requiredOption('--store <id>', 'the store')
    .action(async (opts: { store: string }) => print(await (await commands.admin()).setPassword(cliEnv(globals(), 'warn'), opts)));
  const totp = admin.command('totp').description('the optional second factor: codes from an authenticator app');
  totp
    .command('enable')
    .description('make a TOTP secret, show it, and enable it once a code from the app matches (stdin works too)')
    .requiredOption('--store <id>', 'the store')
    .action(async (opts: { store: string }) => print(await (await commands.admin()).totpEnable(cliEnv(globals(), 'warn'), opts)));
  totp
    .command('disable')
    .description('log in with the password alone again')
    .requiredOption('--store <id>', 'the store')
    .action(async (opts: { store: string }) => print(await (await commands.admin()).totpDisable(cliEnv(globals(), 'warn'), opts)));
  admin
    .command('unlock')
    .description('lift login lockouts after repeated failed attempts')
    .requiredOption('--store <id>', 'the store')
    .action(async (opts: { store: string }) => print(await (await commands.admin()).unlock(cliEnv(globals(), 'warn'), opts)));
  admin
    .command('logout-all')
    .description('end every open console session of the store')
    .requiredOption('--store <id>', 'the store')
    .action(async (opts: { store: string }) => print(await (await commands.admin()).logoutAll(cliEnv(globals(), 'warn'), opts)));

  const scope = (value: string) => {
    if (value !== 'read' && value !== 'operate') throw new InvalidArgumentError('--scope must be read or operate');
    return value;
  };
  program
    .command('mcp')
    .description("the store's MCP server on stdio, for a desktop AI assistant (logs go to stderr)")
    .requiredOption('--store <id>', 'the store')
    .option('--scope <scope>', 'read (look only) or operate (may act)', scope, 'read')
    .option('--name <name>', 'the agent name recorded as the actor (agent:<name>)', 'local')
    .action(async (opts: { store: string; scope: 'read' | 'operate'; name: string }) => {
      await (await commands.mcp()).mcpStdio(cliEnv(globals(), 'warn'), opts);
    });
  const agentToken = program.command('agent-token').description("tokens for AI assistants at the store's /mcp");
  agentToken
    .command('create')
    .description('make a token (printed once; only its hash is stored)')
    .requiredOption('--store <id>', 'the store')
    .requiredOption('--name <name>', 'a name for the assistant, e.g. claude-desktop (actor agent:<name>)')
    .option('--scope <scope>', 'read (look only) or operate (may act)', scope, 'read')
    .action(async (opts: { store: string; name: string; scope: 'read' | 'operate' }) => print(await (await commands.mcp()).agentTokenCreate(cliEnv(globals(), 'warn'), opts)));
  agentToken
    .command('list')
    .description("the store's agent tokens (names, scopes, last use; never the tokens)")
    .requiredOption('--store <id>', 'the store')
    .action(async (opts: { store: string }) => print(await (await commands.mcp()).agentTokenList(cliEnv(globals(), 'warn'), opts)));
  agentToken
    .command('revoke')
    .description('refuse a token from now on')
    .requiredOption('--store <id>', 'the store')
    .requiredOption('--name <name>', 'the token name')
    .action(async (opts: { store: string; name: string }) => print(await (await commands.mcp()).agentTokenRevoke(cliEnv(globals(), 'warn'), opts)));

  program
    .command('sim')
    .description('run the CJ simulator standalone (options: lojista sim -- --help)')
    .allowUnknownOption()
    .helpOption(false)
    .argument('[args...]', 'cj-sim options, e.g. --port 8787 --qps 1 --seed 42')
    .action(async (args: string[]) => {
      process.exitCode = await (await commands.sim()).runSimulator(args);
    });
  return program;
}
