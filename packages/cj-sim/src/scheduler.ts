// A queue of things that happen at a simulated time: shipping, tracking steps, webhook retries,
// dispute decisions. Advancing the clock pops them in time order and moves the clock to each one
// before running it, so a webhook fired by a tracking step carries that step's time.

export interface ScheduledEvent {
  at: number;
  seq: number;
  label: string;
  run: () => void;
}

export class Scheduler {
  private heap: ScheduledEvent[] = [];
  private seq = 0;

  schedule(at: number, label: string, run: () => void): void {
    this.push({ at, seq: this.seq++, label, run });
  }

  get size(): number {
    return this.heap.length;
  }

  /** The earliest pending event, without removing it. */
  peek(): ScheduledEvent | undefined {
    return this.heap[0];
  }

  /** Removes and returns the earliest event if it is due at or before `time`. */
  popDue(time: number): ScheduledEvent | undefined {
    const top = this.heap[0];
    if (!top || top.at > time) return undefined;
    const last = this.heap.pop() as ScheduledEvent;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.sinkDown(0);
    }
    return top;
  }

  /** Pending events, earliest first (for the control API and tests). */
  pending(): Array<{ at: number; label: string }> {
    return this.heap
      .slice()
      .sort(compare)
      .map((e) => ({ at: e.at, label: e.label }));
  }

  clear(): void {
    this.heap = [];
  }

  private push(event: ScheduledEvent): void {
    this.heap.push(event);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(this.heap[i] as ScheduledEvent, this.heap[parent] as ScheduledEvent) >= 0) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private sinkDown(start: number): void {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.heap.length && compare(this.heap[l] as ScheduledEvent, this.heap[best] as ScheduledEvent) < 0) best = l;
      if (r < this.heap.length && compare(this.heap[r] as ScheduledEvent, this.heap[best] as ScheduledEvent) < 0) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i] as ScheduledEvent;
    this.heap[i] = this.heap[j] as ScheduledEvent;
    this.heap[j] = t;
  }
}

function compare(a: ScheduledEvent, b: ScheduledEvent): number {
  return a.at - b.at || a.seq - b.seq;
}
