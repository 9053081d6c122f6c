import { Writable } from 'node:stream';
import { createRootLogger, type Logger } from '../../src/observability/logger.js';

/** A logger whose JSON lines are kept in memory for assertions. */
export function captureLogger(level = 'debug'): { log: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  const log = createRootLogger({ level, destination });
  return {
    log,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export const silentLogger = (): Logger => createRootLogger({ level: 'silent' });
