// Scale runtime under PM2: two engine instances on PostgreSQL (a schema per store) and Redis (BullMQ
// jobs, the shared CJ QPS budget), behind nginx (deploy/nginx/lojista.conf). Instance n listens on
// each store's port + LOJISTA_PORT_OFFSET. `pm2 start deploy/pm2/ecosystem.scale.config.cjs`
const shared = {
  namespace: 'lojista-scale',
  script: 'packages/engine/dist/cli/main.js',
  // V8's young generation capped at 2 × 2 MiB and one V8 worker thread (as bin/lojista.js's shebang): an idle engine keeps
  // what a busy minute grew it to otherwise (BENCHMARKS.md, issue 11).
  node_args: ['--max-semi-space-size=2', '--v8-pool-size=1'],
  args: 'serve --config-dir stores',
  cwd: __dirname + '/../..',
  exec_mode: 'fork',
  kill_timeout: 15000,
  autorestart: true,
  restart_delay: 5000,
  max_memory_restart: '512M',
};
const env = {
  NODE_ENV: 'production',
  DATABASE_URL: process.env.DATABASE_URL || 'postgres://lojista@127.0.0.1:5432/lojista',
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  LOJISTA_LOG_LEVEL: 'info',
};
module.exports = {
  apps: [
    { ...shared, name: 'lojista-a', env: { ...env, LOJISTA_PORT_OFFSET: '0', LOJISTA_OPERATOR_PORT: '9400' } },
    { ...shared, name: 'lojista-b', env: { ...env, LOJISTA_PORT_OFFSET: '100', LOJISTA_OPERATOR_PORT: '9500' } },
  ],
};
