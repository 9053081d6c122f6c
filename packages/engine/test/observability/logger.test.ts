import { describe, expect, it } from 'vitest';
import { registerSecretValues } from '../../src/observability/logger.js';
import { captureLogger } from '../support/logger.js';

describe('log redaction', () => {
  const secret = 'CJ7654321@api@fedcba9876543210fedcba9876543210';
  registerSecretValues([secret]);

  it('scrubs secrets from messages, fields, nested objects and errors (message and stack)', async () => {
    const { log, lines } = captureLogger();
    log.info(`calling with ${secret}`);
    log.info({ detail: { url: `https://x/?key=${secret}` }, apiKey: 'anything' }, 'fields');
    log.error({ err: new Error(`CJ refused ${secret}`) }, 'wrapped error');
    log.error(new Error(`direct ${secret}`));
    log.flush();
    await new Promise((r) => setTimeout(r, 50));
    const text = JSON.stringify(lines());
    expect(lines()).toHaveLength(4);
    expect(text).not.toContain('fedcba9876543210fedcba9876543210');
    expect(text).toContain('[redacted]');
    const [, fields, wrapped, direct] = lines();
    expect(fields!.apiKey).toBe('[redacted]');
    expect((wrapped!.err as { type: string }).type).toBe('Error');
    expect(direct!.msg).toBe('direct [redacted]');
  });
});
