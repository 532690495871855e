import { round } from './stats.ts';
import type { HttpResult } from './http.ts';
import type { RawResult } from './raw.ts';

export interface ScenarioResult {
  scenario: string;
  database: 'pglite' | 'postgres';
  path: string;
  account: string | null;
  /** How many audit rows the account's scope covers (counted exactly, outside the timed runs). */
  visibleRows: number | null;
  /** What the endpoint answered for the total (exact up to the cap of 10,000). */
  apiTotal: { total: number; totalCapped: boolean } | null;
  http: HttpResult;
  raw: RawResult & { statements: string[] };
}

const columns: { title: string; width: number; value: (result: ScenarioResult) => string }[] = [
  { title: 'scenario', width: 32, value: (result) => result.scenario },
  { title: 'db', width: 8, value: (result) => result.database },
  { title: 'req/s', width: 8, value: (result) => String(Math.round(result.http.requestsPerSec)) },
  { title: 'p50 ms', width: 8, value: (result) => round(result.http.latency.p50Ms).toFixed(2) },
  { title: 'p99 ms', width: 8, value: (result) => round(result.http.latency.p99Ms).toFixed(2) },
  { title: 'non2xx', width: 7, value: (result) => String(result.http.non2xx + result.http.errors + result.http.timeouts) },
  { title: 'raw ops/s', width: 10, value: (result) => String(Math.round(result.raw.opsPerSec)) },
  { title: 'raw p50 ms', width: 11, value: (result) => round(result.raw.p50Ms).toFixed(2) },
  { title: 'raw p99 ms', width: 11, value: (result) => round(result.raw.p99Ms).toFixed(2) },
];

export function formatTable(results: ScenarioResult[]): string {
  const cell = (text: string, width: number, index: number) => (index < 2 ? text.padEnd(width) : text.padStart(width));
  // Labels are ASCII, so padEnd lines the columns up.
  const header = columns.map((column, index) => cell(column.title, column.width, index)).join('  ');
  const lines = results.map((result) => columns.map((column, index) => cell(column.value(result), column.width, index)).join('  '));
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}
