// Caps the open connections one client address may hold on the listener, so a few hosts cannot
// pin every socket (slowloris and friends). Counted on the TCP peer, before any HTTP is parsed;
// trusted proxies are exempt (every customer behind nginx shares its address — nginx limits them).
import { BlockList, isIPv4, isIPv6, type Socket } from 'node:net';
import type { Server } from 'node:http';

/** A matcher for the configured trusted proxy addresses and CIDR ranges. */
export function addressMatcher(entries: readonly string[]): (address: string) => boolean {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const [ip, bits] = entry.split('/') as [string, string | undefined];
    const type = isIPv6(ip) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return (address) => {
    // A dual-stack listener reports IPv4 peers as ::ffff:a.b.c.d.
    const plain = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
    return list.check(plain, isIPv6(plain) ? 'ipv6' : 'ipv4');
  };
}

export interface ConnectionGuardOptions {
  /** 0 = no cap. */
  maxPerIp: number;
  isExempt: (address: string) => boolean;
  onRefused?: (address: string) => void;
}

/** Installs the cap on a server; refused sockets are destroyed at once (no HTTP answer). */
export function guardConnections(server: Server, opts: ConnectionGuardOptions): { openFrom(address: string): number } {
  const open = new Map<string, number>();
  if (opts.maxPerIp > 0) {
    server.on('connection', (socket: Socket) => {
      const address = socket.remoteAddress ?? 'unknown';
      if (opts.isExempt(address)) return;
      const count = open.get(address) ?? 0;
      if (count >= opts.maxPerIp) {
        opts.onRefused?.(address);
        socket.destroy();
        return;
      }
      open.set(address, count + 1);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left <= 0) open.delete(address);
        else open.set(address, left);
      });
    });
  }
  return { openFrom: (address) => open.get(address) ?? 0 };
}
