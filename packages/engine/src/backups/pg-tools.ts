// PostgreSQL's client programs (pg_dump, pg_restore, psql) for backups and restores. pg_dump
// refuses a server newer than itself ("aborting because of server version mismatch"), so the tool
// is chosen for the server: LOJISTA_PG_BIN_DIR first, then Debian's per-version folder
// /usr/lib/postgresql/<server major>/bin, then PATH — the first whose major version is at least the
// server's. Passwords go through the environment (PGPASSWORD), never the command line.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

export class PgToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PgToolError';
  }
}

/** libpq environment for a postgres:// URL (host, port, user, password, database, sslmode). */
export function pgEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {};
  const host = u.searchParams.get('host') ?? decodeURIComponent(u.hostname);
  if (host) env.PGHOST = host;
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (database) env.PGDATABASE = database;
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

export interface ServerVersion {
  major: number;
  text: string;
}

export async function serverVersion(url: string): Promise<ServerVersion> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string; server_version: string }>(
      "select current_setting('server_version_num') as server_version_num, current_setting('server_version') as server_version",
    );
    const num = Number(rows[0]!.server_version_num);
    return { major: Math.floor(num / 10_000), text: `PostgreSQL ${rows[0]!.server_version.split(' ')[0]}` };
  } finally {
    await client.end();
  }
}

/** "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" → 15 */
export function toolMajor(versionLine: string): number | null {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionLine);
  if (!m) return null;
  const major = Number(m[1]);
  // Before 10 the major version had two parts (9.6).
  return major < 10 && m[2] !== undefined ? Number(`${major}.${m[2]}`) : major;
}

function versionOf(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(path, ['--version'], { timeout: 10_000 }, (err, stdout) => resolve(err ? null : stdout.trim()));
  });
}

export interface FoundTool {
  path: string;
  major: number;
  version: string;
}

/** The tool to use against a server of `serverMajor`; throws a PgToolError that says how to fix it. */
export async function findPgTool(tool: PgTool, serverMajor: number, env: NodeJS.ProcessEnv = process.env): Promise<FoundTool> {
  const candidates = [
    ...(env.LOJISTA_PG_BIN_DIR ? [join(env.LOJISTA_PG_BIN_DIR, tool)] : []),
    `/usr/lib/postgresql/${serverMajor}/bin/${tool}`,
    tool,
  ];
  const seen: string[] = [];
  for (const path of candidates) {
    if (path.includes('/') && !existsSync(path)) continue;
    const version = await versionOf(path);
    if (version === null) continue;
    const major = toolMajor(version);
    seen.push(`${path}: ${version}`);
    if (major !== null && major >= serverMajor) return { path, major, version };
  }
  const found = seen.length > 0 ? `found only ${seen.join('; ')}` : `no ${tool} found`;
  throw new PgToolError(
    `${tool} for PostgreSQL ${serverMajor} is needed (${tool} refuses a server newer than itself); ${found}. ` +
      `Install the server's client (Debian: apt-get install postgresql-client-${serverMajor}) or set LOJISTA_PG_BIN_DIR to the bin folder of a ${tool} ${serverMajor} or newer.`,
  );
}

export interface ToolRun {
  stdout: string;
  stderr: string;
}

/** Runs a client program; rejects with its stderr when it exits non-zero. */
export function runPgTool(path: string, args: string[], env: Record<string, string>, timeoutMs = 3_600_000): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new PgToolError(`${path} could not run: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new PgToolError(`${path.split('/').pop()} failed (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-5).join(' | ') || '(no message)'}`));
    });
  });
}
