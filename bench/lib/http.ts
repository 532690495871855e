import autocannon, { type Instance, type Result } from 'autocannon';
import { summarise, type LatencySummary } from './stats.ts';

export interface HttpResult {
  connections: number;
  seconds: number;
  /** autocannon's mean of its per-second request counts. */
  requestsPerSec: number;
  totalRequests: number;
  /** Latencies of every response, recorded at full precision (autocannon's own histogram rounds to whole ms). */
  latency: LatencySummary;
  /** autocannon's own histogram figures, kept for comparison. */
  autocannon: { p50Ms: number; p99Ms: number; meanMs: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** First non-2xx answer seen, to explain a failing run. */
  firstFailure?: { status: number; body: string };
}

let running: Instance | null = null;

/** Ends the load under way, if any (on Ctrl-C, so that the API can shut down). */
export function stopLoad(): void {
  running?.stop();
}

async function runOnce(url: string, headers: Record<string, string>, connections: number, seconds: number, samples?: number[]): Promise<Result> {
  const instance = autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 30, headers });
  if (samples) {
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
  }
  running = instance;
  try {
    return await instance;
  } finally {
    running = null;
  }
}

/** A discarded warm-up run, then the measured run. */
export async function measureHttp(
  url: string,
  { cookie, connections, seconds, warmupSeconds }: { cookie?: string; connections: number; seconds: number; warmupSeconds: number },
): Promise<HttpResult> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (warmupSeconds > 0) await runOnce(url, headers, connections, warmupSeconds);
  const samples: number[] = [];
  const result = await runOnce(url, headers, connections, seconds, samples);
  const measured: HttpResult = {
    connections,
    seconds: result.duration,
    requestsPerSec: result.requests.average,
    totalRequests: result.requests.total,
    latency: summarise(samples),
    autocannon: { p50Ms: result.latency.p50, p99Ms: result.latency.p99, meanMs: result.latency.average },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
  if (result.non2xx > 0) {
    const response = await fetch(url, { headers });
    if (!response.ok) measured.firstFailure = { status: response.status, body: (await response.text()).slice(0, 500) };
  }
  return measured;
}
