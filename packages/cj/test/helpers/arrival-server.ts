import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

/**
 * A minimal CJ stand-in in its own process, for the spacing tests: arrival times are taken on an
 * event loop that the client's own work (parsing 50 responses) cannot delay, so the gaps measured
 * are the gaps on the wire. Answers getAccessToken with a fresh token and everything else with
 * `{code:200, result:true, data:[]}`; timestamps each request when its headers arrive.
 *
 * The process runs at a higher scheduling priority where allowed (root, as in CI): on a machine
 * at load 20 a normal thread waits tens of ms for a core, and a late timestamp on one arrival
 * shrinks the next gap by as much — the stand-in's noise, not the client's spacing. Real CJ is
 * not starved by our neighbours.
 */
const SERVER_SOURCE = `
const http = require('node:http');
const parentPort = { postMessage: (m) => process.send(m), on: (e, f) => process.on(e, f) };
const arrivals = [];
const iso = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 19) + '+08:00';
const server = http.createServer((req, res) => {
  arrivals.push({ path: req.url, at: performance.timeOrigin + performance.now() });
  req.resume();
  req.on('end', () => {
    const now = Date.now();
    const data = req.url.includes('/authentication/getAccessToken')
      ? { openId: 1, accessToken: 'a', accessTokenExpiryDate: iso(now + 15 * 864e5), refreshToken: 'r', refreshTokenExpiryDate: iso(now + 180 * 864e5) }
      : [];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 200, result: true, message: 'Success', data }));
  });
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => {
  if (m === 'arrivals') parentPort.postMessage({ arrivals });
  if (m === 'stop') { server.closeAllConnections(); server.close(() => process.exit(0)); }
});
process.on('disconnect', () => process.exit(0));
`;

export interface ArrivalServer {
  baseUrl: string;
  arrivals(): Promise<{ path: string; at: number }[]>;
  stop(): Promise<void>;
}

export async function startArrivalServer(): Promise<ArrivalServer> {
  const worker = spawn(process.execPath, ['-e', SERVER_SOURCE], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    setPriority(worker.pid!, -10);
  } catch {
    // Not allowed (not root): measure at normal priority.
  }
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
  });
  return {
    baseUrl: `http://127.0.0.1:${port}/api2.0/v1`,
    arrivals: () =>
      new Promise((resolve) => {
        worker.once('message', (m: { arrivals: { path: string; at: number }[] }) => resolve(m.arrivals));
        worker.send('arrivals');
      }),
    stop: async () => {
      worker.send('stop');
      await new Promise((r) => worker.once('exit', r));
    },
  };
}

export function gaps(times: number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((t, i) => t - sorted[i]!);
}
