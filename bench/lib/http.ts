import { setTimeout as sleep } from 'node:timers/promises';
import autocannon, { type Instance, type RequestSpec, type Result } from 'autocannon';
import { measuredSeconds, summarise, type LatencySummary } from './stats.ts';

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

/** A request body made afresh for every request (e.g. a submission carrying a one-time human-check solution). */
export interface RequestBody {
  method: 'POST';
  next(): { body: Buffer; contentType: string };
}

let running: Instance | null = null;

/** Ends the load under way, if any (on Ctrl-C, so that the API can shut down). */
export function stopLoad(): void {
  running?.stop();
}

async function runOnce(
  url: string,
  headers: Record<string, string>,
  {
    connections,
    seconds,
    amount,
    body,
    samples,
    failures,
  }: { connections: number; seconds: number; amount?: number; body?: RequestBody; samples?: number[]; failures?: { status: number; body: string }[] },
): Promise<Result> {
  const request: RequestSpec = {
    onResponse: (status, text) => {
      if ((status < 200 || status >= 300) && failures && failures.length === 0) failures.push({ status, body: text.slice(0, 500) });
    },
  };
  if (body) {
    request.method = body.method;
    request.setupRequest = (params) => {
      const next = body.next();
      return { ...params, method: body.method, body: next.body, headers: { ...params.headers, 'content-type': next.contentType } };
    };
  }
  const instance = autocannon({ url, connections, duration: seconds, ...(amount ? { amount } : {}), pipelining: 1, timeout: 60, headers, requests: [request] });
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

/**
 * A discarded warm-up run, then the measured run: `seconds` long, or longer for a slow endpoint (measuredSeconds).
 */
export async function measureHttp(
  url: string,
  {
    cookie,
    headers: extraHeaders = {},
    connections,
    seconds,
    warmupSeconds,
    body,
  }: {
    cookie?: string;
    /** More request headers (e.g. the CSRF token a state-changing staff route wants). */
    headers?: Record<string, string>;
    connections: number;
    seconds: number;
    warmupSeconds: number;
    body?: RequestBody;
  },
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...extraHeaders };
  let duration = seconds;
  if (warmupSeconds > 0) {
    const warmup = await runOnce(url, headers, { connections, seconds: warmupSeconds, body });
    let slowest = warmup.requests.total > 0 ? warmup.latency.max : warmupSeconds * 1000;
    // autocannon leaves the requests in flight at the end of a run unanswered, and the server still works on them.
    if (slowest > 1000) {
      // Slow endpoint: one more request per connection, awaited; the abandoned ones finish before these do.
      const drain = await runOnce(url, headers, { connections, seconds: 0, amount: connections, body });
      slowest = Math.max(slowest, drain.latency.max);
    } else {
      // They started at most the slowest latency seen ago.
      await sleep(slowest);
    }
    duration = measuredSeconds(seconds, slowest);
  }
  const samples: number[] = [];
  const failures: { status: number; body: string }[] = [];
  const result = await runOnce(url, headers, { connections, seconds: duration, body, samples, failures });
  return {
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
    ...(failures.length > 0 ? { firstFailure: failures[0] } : {}),
  };
}
