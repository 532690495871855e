import { performance } from 'node:perf_hooks';
import { measuredSeconds, summarise, type LatencySummary } from './stats.ts';

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

/** A discarded warm-up loop, then the measured loop: `seconds` long, or longer for a slow operation (as measureHttp). */
export async function measureLoop(
  operation: () => Promise<unknown>,
  { concurrency, seconds, warmupSeconds }: { concurrency: number; seconds: number; warmupSeconds: number },
): Promise<RawResult> {
  // The loop waits for every operation it started, so nothing is left running when the warm-up ends.
  const warmup = await closedLoop(operation, { concurrency, seconds: warmupSeconds });
  return closedLoop(operation, { concurrency, seconds: measuredSeconds(seconds, warmup.count > 0 ? warmup.maxMs : 0) });
}
