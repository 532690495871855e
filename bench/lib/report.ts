import { round } from './stats.ts';
import type { HttpResult } from './http.ts';
import type { RawResult } from './raw.ts';
import type { LatencySummary } from './stats.ts';
import type { WaitSummary } from './waits.ts';

export interface ScenarioResult {
  scenario: string;
  database: 'pglite' | 'postgres';
  path: string;
  account: string | null;
  /** How many rows the account's scope (and the scenario's filter) covers, counted exactly, outside the timed runs. */
  visibleRows: number | null;
  /** What the endpoint answered for the total (exact up to the cap of 10,000). */
  apiTotal: { total: number; totalCapped: boolean } | null;
  http: HttpResult;
  raw: RawResult & { statements: string[] };
  /** The service function called in the bench process in the same closed loop (petitions intake only). */
  service?: RawResult & { call: string };
  /** Petitions intake: the raw writes through the service's group commit, with the mean submissions per transaction. */
  rawGrouped?: RawResult & { meanBatch: number };
  /** Clues person view: the same raw operation without its audit append, to show what the append costs. */
  rawWithoutAudit?: RawResult;
  /** EXPLAIN (ANALYZE, BUFFERS) of the raw statements, taken once outside the timed runs. */
  plans?: string[];
  /** What PostgreSQL's backends were doing during each measured run (intake on PostgreSQL). */
  waits?: Record<string, WaitSummary>;
}

export interface Column {
  title: string;
  width: number;
  value(result: ScenarioResult): string;
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : round(value).toFixed(2));
const latency = (title: string, width: number, pick: (result: ScenarioResult) => LatencySummary | undefined, key: 'p50Ms' | 'p95Ms' | 'p99Ms'): Column => ({
  title,
  width,
  value: (result) => ms(pick(result)?.[key]),
});

/** Every column a table can show; each bench picks its own list. */
export const column = {
  scenario: (width = 32): Column => ({ title: 'scenario', width, value: (result) => result.scenario }),
  database: { title: 'db', width: 8, value: (result) => result.database } as Column,
  requestsPerSec: { title: 'req/s', width: 8, value: (result) => String(Math.round(result.http.requestsPerSec)) } as Column,
  p50: latency('p50 ms', 8, (result) => result.http.latency, 'p50Ms'),
  p95: latency('p95 ms', 8, (result) => result.http.latency, 'p95Ms'),
  p99: latency('p99 ms', 8, (result) => result.http.latency, 'p99Ms'),
  non2xx: { title: 'non2xx', width: 7, value: (result) => String(result.http.non2xx + result.http.errors + result.http.timeouts) } as Column,
  serviceOpsPerSec: { title: 'service/s', width: 9, value: (result) => (result.service ? String(Math.round(result.service.opsPerSec)) : '-') } as Column,
  serviceP50: latency('svc p50', 8, (result) => result.service, 'p50Ms'),
  serviceP99: latency('svc p99', 8, (result) => result.service, 'p99Ms'),
  rawOpsPerSec: { title: 'raw ops/s', width: 10, value: (result) => String(Math.round(result.raw.opsPerSec)) } as Column,
  rawP50: latency('raw p50 ms', 11, (result) => result.raw, 'p50Ms'),
  rawP95: latency('raw p95 ms', 11, (result) => result.raw, 'p95Ms'),
  rawP99: latency('raw p99 ms', 11, (result) => result.raw, 'p99Ms'),
  rawGroupedOpsPerSec: { title: 'raw grouped/s', width: 13, value: (result) => (result.rawGrouped ? String(Math.round(result.rawGrouped.opsPerSec)) : '-') } as Column,
  apiShareOfRawGrouped: {
    title: 'API/grouped',
    width: 11,
    value: (result) => (result.rawGrouped ? `${Math.round((100 * result.http.requestsPerSec) / result.rawGrouped.opsPerSec)} %` : '-'),
  } as Column,
  apiShareOfRaw: { title: 'API/raw', width: 8, value: (result) => `${Math.round((100 * result.http.requestsPerSec) / result.raw.opsPerSec)} %` } as Column,
};

/** The audit bench's table (npm run bench). */
export const defaultColumns: Column[] = [
  column.scenario(),
  column.database,
  column.requestsPerSec,
  column.p50,
  column.p99,
  column.non2xx,
  column.rawOpsPerSec,
  column.rawP50,
  column.rawP99,
];

export function formatTable(results: ScenarioResult[], columns: Column[] = defaultColumns): string {
  const cell = (text: string, width: number, index: number) => (index < 2 ? text.padEnd(width) : text.padStart(width));
  // Labels are ASCII, so padEnd lines the columns up.
  const header = columns.map((entry, index) => cell(entry.title, entry.width, index)).join('  ');
  const lines = results.map((result) => columns.map((entry, index) => cell(entry.value(result), entry.width, index)).join('  '));
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}
