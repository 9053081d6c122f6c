// Raw-socket clients for the connection tests: slowloris (headers a byte at a time), half-sent
// uploads, idle keep-alive sockets. Each reports when and how its socket ended.
import { connect, type Socket } from 'node:net';

export interface SocketOutcome {
  /** 'refused' = closed before it could send its whole head; 'answered' = got some HTTP bytes back. */
  answered: boolean;
  closedAfterMs: number;
  firstLine: string;
}

export interface SlowSocket {
  socket: Socket;
  done: Promise<SocketOutcome>;
}

export function openSocket(port: number, localAddress: string, onConnect: (socket: Socket) => void): SlowSocket {
  const started = Date.now();
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('connect', () => onConnect(socket));
  socket.on('error', () => undefined);
  const done = new Promise<SocketOutcome>((resolve) =>
    socket.once('close', () => resolve({ answered: received.length > 0, closedAfterMs: Date.now() - started, firstLine: received.split('\r\n')[0] ?? '' })),
  );
  return { socket, done };
}

/** Sends a request head one byte every `everyMs`, never finishing (the head has no end). */
export function slowloris(port: number, localAddress: string, everyMs = 200): SlowSocket {
  const head = `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(10_000)}`;
  let timer: NodeJS.Timeout | undefined;
  const s = openSocket(port, localAddress, (socket) => {
    let i = 0;
    timer = setInterval(() => {
      if (socket.destroyed || i >= head.length) return clearInterval(timer);
      socket.write(head[i++]!);
    }, everyMs);
  });
  void s.done.then(() => clearInterval(timer));
  return s;
}

/** Announces a body of `declared` bytes, sends `sent` of them, then waits forever. */
export function stalledUpload(port: number, localAddress: string, path: string, declared = 1000, sent = 12): SlowSocket {
  return openSocket(port, localAddress, (socket) => {
    socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`);
    socket.write('{"name":"'.padEnd(sent, 'x'));
  });
}

/** One complete keep-alive request, then silence (the socket stays open until the server closes it). */
export function idleKeepAlive(port: number, localAddress: string): SlowSocket {
  return openSocket(port, localAddress, (socket) => socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n'));
}
