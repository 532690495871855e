/** Latency summary in milliseconds from individually recorded samples (nearest-rank percentiles). */
export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarise(samples: number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, meanMs: NaN, p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, maxMs: NaN };
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  let sum = 0;
  for (const value of sorted) sum += value;
  return { count: sorted.length, meanMs: sum / sorted.length, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: sorted[sorted.length - 1] };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Length of a measured run: `seconds`, lengthened for slow operations so that every connection completes a few
  * (three times the slowest latency seen in the warm-up), at most 30 s.
 */
export function measuredSeconds(seconds: number, slowestMs: number): number {
  return Math.min(Math.max(seconds, 30), Math.max(seconds, Math.ceil((3 * slowestMs) / 1000)));
}
