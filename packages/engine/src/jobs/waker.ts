// The sleep of a polling loop that a poke cuts short. A poke that arrives while the loop is busy
// (not sleeping) is remembered, so the next sleep returns at once: work enqueued during a pass is
// taken at once instead of at the next poll.
export class Waker {
  private pending = false;
  private wake: (() => void) | null = null;

  poke(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Sleeps up to `ms`; returns at once when poked since the last sleep ended. */
  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        // Spent: a later poke must be remembered, not call this finished sleep's wake-up.
        if (this.wake === done) this.wake = null;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
