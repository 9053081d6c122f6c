// The http settings added for production: trusted proxies (the old trustProxy boolean still works,
// but not together with the list), timeouts, the per-address connection cap and the drain delay.
import { describe, expect, it } from 'vitest';
import { parseStoreConfig } from '../../src/stores/load-config.js';
import { baseConfig } from '../support/store-harness.js';

const parse = (http: Record<string, unknown>) => parseStoreConfig('stores/t.yaml', baseConfig(4100, { http: { port: 4100, ...http } }));

describe('http settings', () => {
  it('have defaults', () => {
    const { http } = parse({});
    expect(http).toMatchObject({
      trustProxy: false,
      trustedProxies: [],
      timeouts: { headers: 10_000, request: 30_000, idle: 30_000 },
      maxConnectionsPerIp: 32,
      drainDelay: 2_000,
    });
  });

  it('take addresses and CIDR ranges as trusted proxies, and keep the old boolean working', () => {
    expect(parse({ trustedProxies: ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'] }).http.trustedProxies).toHaveLength(4);
    expect(parse({ trustProxy: true }).http.trustProxy).toBe(true);
  });

  it('refuse a bad address, and the boolean combined with the list, naming the key', () => {
    expect(() => parse({ trustedProxies: ['nginx.local'] })).toThrow(/http\.trustedProxies\.0: an IP address or CIDR range/);
    expect(() => parse({ trustProxy: true, trustedProxies: ['127.0.0.1'] })).toThrow(/http\.trustProxy: cannot be combined with http\.trustedProxies/);
    expect(() => parse({ timeouts: { headers: 'soon' } })).toThrow(/http\.timeouts\.headers/);
  });
});
