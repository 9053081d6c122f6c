// Preloaded into the engine process by bench/memory.ts (node --import tsx --import ./bench/heap-probe.ts):
// writes process.memoryUsage() to $BENCH_HEAP_FILE every 250 ms, so the bench can read heap used
// from outside. It adds one timer and no listener.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_HEAP_FILE;
if (file) setInterval(() => writeFileSync(file, JSON.stringify(process.memoryUsage())), 250).unref();
