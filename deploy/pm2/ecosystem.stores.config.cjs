// One PM2 process per store — the layout the old system used — each with its own log files, all in
// one PM2 namespace per deployment. The store list is read from the config folder when PM2 loads
// this file, so a new store is one `pm2 start` (or `pm2 reload`) away.
//
//   pm2 start deploy/pm2/ecosystem.stores.config.cjs      # every store in stores/
//   pm2 restart lojista                                  # the whole namespace
//   pm2 logs lojista-astralmia                           # one store
//
// Environment when loading: LOJISTA_CONFIG_DIR (default stores), LOJISTA_DATA_DIR (default data),
// LOJISTA_LOG_DIR (default logs), LOJISTA_PM2_NAMESPACE (default lojista: two deployments on one
// machine use two namespaces), LOJISTA_OPERATOR_PORT_BASE (optional: store n of the sorted list gets
// the operator listener on base + n, with LOJISTA_OPERATOR_TOKEN, for Prometheus).
/* eslint-disable @typescript-eslint/no-require-imports -- PM2 loads ecosystem files as CommonJS */
const { readdirSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..', '..');
const configDir = resolve(root, process.env.LOJISTA_CONFIG_DIR || 'stores');
const dataDir = resolve(root, process.env.LOJISTA_DATA_DIR || 'data');
const logDir = resolve(root, process.env.LOJISTA_LOG_DIR || 'logs');
const namespace = process.env.LOJISTA_PM2_NAMESPACE || 'lojista';
const operatorBase = Number(process.env.LOJISTA_OPERATOR_PORT_BASE || 0);

/** Store ids as the engine finds them: <id>.yaml/.yml/.json, never example.yaml or secrets files. */
function storeIds(dir) {
  const ids = new Set();
  for (const file of readdirSync(dir)) {
    const m = /^([a-z][a-z0-9-]{0,30})\.(ya?ml|json)$/.exec(file);
    if (m && m[1] !== 'example' && !file.endsWith('.secrets.json')) ids.add(m[1]);
  }
  return [...ids].sort();
}

const apps = storeIds(configDir).map((id, n) => ({
  name: `${namespace}-${id}`,
  namespace,
  script: join(root, 'packages/engine/bin/lojista.js'),
  // PM2 runs the script with node, not through its shebang: the bin's node flags are repeated here
  // (young generation capped at 2 × 2 MiB, one V8 worker thread; BENCHMARKS.md, issue 11).
  node_args: ['--max-semi-space-size=2', '--v8-pool-size=1'],
  args: ['serve', '--store', id, '--config-dir', configDir, '--data-dir', dataDir],
  cwd: root,
  exec_mode: 'fork',
  instances: 1,
  // Each store's own files; pino's JSON lines already carry `store` and the time.
  out_file: join(logDir, `${id}.out.log`),
  error_file: join(logDir, `${id}.err.log`),
  merge_logs: true,
  // SIGTERM: the engine stops accepting, finishes requests and jobs within its deadline, exits 0.
  kill_timeout: 15000,
  autorestart: true,
  restart_delay: 5000,
  max_restarts: 50,
  max_memory_restart: '512M',
  env: {
    NODE_ENV: 'production',
    LOJISTA_LOG_LEVEL: 'info',
    LOJISTA_SHUTDOWN_DEADLINE_MS: '10000',
    ...(operatorBase ? { LOJISTA_OPERATOR_PORT: String(operatorBase + n) } : {}),
  },
}));

if (apps.length === 0) throw new Error(`no store configs in ${configDir}: create one with "npx lojista init"`);

module.exports = { apps };
