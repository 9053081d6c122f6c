// A catalogue scan allocates tens of MiB that are garbage once it ends (supplier pages, candidates,
// translations), and an idle process never runs the major GC that would free them: V8 collects on
// allocation, and an idle store allocates almost nothing, so the process kept ~30 MiB more resident
// for as long as it stayed idle (bench/memory-stores.ts). One full collection when a scan ends lets
// V8 return those pages. The gc function is obtained without --expose-gc on the command line (flags
// set at run time reach a new context), and only once.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

function gcFunction(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as unknown;
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Runs a full garbage collection soon (after the current work has unwound), if the runtime allows it. */
export function releaseMemorySoon(): void {
  setImmediate(() => gcFunction()?.());
}
