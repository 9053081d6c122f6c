// Embedded runtime under PM2: one engine process serves every store in stores/ (each on its own
// port, SQLite files under data/). `pm2 start deploy/pm2/ecosystem.embedded.config.cjs`
// One process per store instead (the old layout, own log files): ecosystem.stores.config.cjs.
module.exports = {
  apps: [
    {
      name: 'lojista',
      namespace: 'lojista',
      script: 'packages/engine/dist/cli/main.js',
      // V8's young generation capped at 2 × 2 MiB and one V8 worker thread (as bin/lojista.js's shebang): an idle engine keeps
      // what a busy minute grew it to otherwise (BENCHMARKS.md, issue 11).
      node_args: ['--max-semi-space-size=2', '--v8-pool-size=1'],
      args: 'serve --config-dir stores --data-dir data',
      cwd: __dirname + '/../..',
      instances: 1,
      exec_mode: 'fork',
      // SIGTERM: the engine stops accepting, finishes requests and jobs, then exits 0.
      kill_timeout: 15000,
      env: { NODE_ENV: 'production', LOJISTA_LOG_LEVEL: 'info', LOJISTA_SHUTDOWN_DEADLINE_MS: '10000' },
      max_memory_restart: '512M',
      autorestart: true,
      restart_delay: 5000,
      max_restarts: 50,
    },
  ],
};
