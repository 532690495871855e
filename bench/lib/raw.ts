import { performance } from 'node:perf_hooks';
import { summarise, type LatencySummary } from './stats.ts';

export interface RawResult extends LatencySummary {
  concurrency: number;
  seconds: number;
  opsPerSec: number;
}

/**
 * A closed loop: `concurrency` workers each issue the operation, await it, record its latency and go again,
 * for `seconds`. The same shape of load as autocannon's connections, minus HTTP.
 */
export async function closedLoop(operation: () => Promise<unknown>, { concurrency, seconds }: { concurrency: number; seconds: number }): Promise<RawResult> {
  const samples: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const begun = performance.now();
        await operation();
        samples.push(performance.now() - begun);
      }
    }),
  );
  const elapsedSeconds = (performance.now() - start) / 1000;
  return { concurrency, seconds: elapsedSeconds, opsPerSec: samples.length / elapsedSeconds, ...summarise(samples) };
}
