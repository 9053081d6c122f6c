import type { Clock } from '../../src/index.js';

/**
 * Virtual time: `sleep` advances the clock at once and records the delay, so back-off and
 * cooldown tests run instantly and can assert the delays chosen.
 */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public t = Date.UTC(2026, 0, 15, 12, 0, 0)) {}

  now(): number {
    return this.t;
  }

  advance(ms: number): void {
    this.t += ms;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    // Yield first, so work already scheduled sees the time before the sleep.
    await new Promise((r) => setImmediate(r));
    this.t += Math.max(0, ms);
    signal?.throwIfAborted();
  }
}
