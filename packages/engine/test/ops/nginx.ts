// nginx from the system package, started by a test as a non-daemon child on free ports, with the
// shipped site config (deploy/nginx/lojista.conf) pointed at one test store.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NGINX = '/usr/sbin/nginx';
const SITE = fileURLToPath(new URL('../../../../deploy/nginx/lojista.conf', import.meta.url));

export interface RunningNginx {
  port: number;
  stop(): Promise<void>;
  errorLog(): string;
}

export function nginxAvailable(): boolean {
  return existsSync(NGINX);
}

export async function startNginx(dir: string, port: number, upstreamPort: number): Promise<RunningNginx> {
  mkdirSync(dir, { recursive: true });
  const site = readFileSync(SITE, 'utf8')
    .replace(/server 127\.0\.0\.1:4002 /, `server 127.0.0.1:${upstreamPort} `)
    .replace(/^\s*server 127\.0\.0\.1:4102 .*$/m, '')
    .replace('listen 8080;', `listen 127.0.0.1:${port};`);
  writeFileSync(join(dir, 'site.conf'), site);
  const temp = (name: string) => `${name} ${join(dir, name.replace(/_temp_path$/, ''))};`;
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'daemon off;',
      'events { worker_connections 256; }',
      'http {',
      `  access_log ${join(dir, 'access.log')};`,
      ...['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path'].map((t) => `  ${temp(t)}`),
      `  include ${join(dir, 'site.conf')};`,
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'ignore' });
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errorLog = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start:\n${errorLog()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = connect({ port, host: '127.0.0.1' }, () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (open) break;
    if (i > 300) throw new Error(`nginx did not listen within 30 s:\n${errorLog()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    errorLog,
    async stop() {
      process.removeListener('exit', orphanGuard);
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}
