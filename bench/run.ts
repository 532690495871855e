/**
 * npm run bench [-- --pglite-only | --postgres-only] [-- --rows N]
 *
 * For each database: prepare a fresh one (schema, demo city, N audit rows on a valid hash chain), start the API
 * in its own process, load it with autocannon, stop it, then issue the same SQL straight to the database with the
 * same concurrency. Prints a table and writes bench/out/<timestamp>.json. See bench/README.md.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo.seed.ts';
import { COUNT_CAP } from '../apps/api/src/platform/http/pagination.ts';
import { prepareDatabase, type PreparedData } from './lib/prepare.ts';
import { login, startServer } from './lib/server.ts';
import { measureHttp, type HttpResult } from './lib/http.ts';
import { measureLoop } from './lib/raw.ts';
import { auditListStatements, listOperation, scopeSize, scopedUser } from './lib/queries.ts';
import { formatTable, type ScenarioResult } from './lib/report.ts';
import { cleanups, forgetCleanup } from './lib/lifecycle.ts';
import { benchEachDatabase, type DatabaseTarget, type Kind } from './lib/targets.ts';
import { common, log, machine, positiveInt, repoRoot, saveJson } from './lib/settings.ts';

const { values: flags } = parseArgs({
  options: { 'pglite-only': { type: 'boolean' }, 'postgres-only': { type: 'boolean' }, rows: { type: 'string' } },
});
const settings = {
  rows: positiveInt(flags.rows, 100_000, '--rows'),
  ...common,
};
if (flags['pglite-only'] && flags['postgres-only']) throw new Error('--pglite-only and --postgres-only exclude each other');
const kinds: Kind[] = flags['pglite-only'] ? ['pglite'] : flags['postgres-only'] ? ['postgres'] : ['pglite', 'postgres'];

const rowsLabel = settings.rows % 1000 === 0 ? `${settings.rows / 1000}k` : String(settings.rows);
const scenarios = [
  { name: 'GET /api/health', path: '/api/health', account: null },
  { name: `GET /api/audit (county, ${rowsLabel})`, path: '/api/audit?page=1&pageSize=20', account: 'lx.admin' },
  { name: `GET /api/audit (city, ${rowsLabel})`, path: '/api/audit?page=1&pageSize=20', account: 'admin' },
] as const;

interface DatabaseReport {
  version: string;
  prepared: PreparedData;
  results: ScenarioResult[];
}

async function benchDatabase(target: DatabaseTarget): Promise<DatabaseReport> {
  log(`\n=== ${target.kind}: preparing (${settings.rows} audit rows)`);
  let { handle, release } = await target.open();
  let prepared: PreparedData;
  let version: string;
  try {
    prepared = await prepareDatabase(handle, settings.rows, log);
    [{ version }] = await handle.query<{ version: string }>('select version()');
  } finally {
    await release();
  }
  const { seconds } = prepared;
  log(`    ${prepared.organizations} bodies; migrate+seed ${seconds.migrateAndSeed.toFixed(1)} s, insert ${seconds.insert.toFixed(1)} s, vacuum analyze ${seconds.vacuumAnalyze.toFixed(1)} s, verify ${seconds.verify.toFixed(1)} s`);

  log(`=== ${target.kind}: API (separate process), autocannon ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s`);
  const server = await startServer({ repoRoot, ...target.serverEnv });
  cleanups.push(server.stop);
  const http: { result: HttpResult; answered: { total: number; totalCapped: boolean } | null }[] = [];
  try {
    const cookies = new Map<string, string>();
    for (const scenario of scenarios) {
      if (scenario.account && !cookies.has(scenario.account)) cookies.set(scenario.account, await login(server.baseUrl, scenario.account, DEMO_PASSWORD));
    }
    for (const scenario of scenarios) {
      const url = `${server.baseUrl}${scenario.path}`;
      const cookie = scenario.account ? cookies.get(scenario.account) : undefined;
      // One plain request first: it must succeed; its total is checked against the raw count later.
      const probe = await fetch(url, { headers: cookie ? { cookie } : {} });
      const body = (await probe.json()) as { total?: number; totalCapped?: boolean; items?: unknown[] };
      if (!probe.ok) throw new Error(`${scenario.name}: ${probe.status} ${JSON.stringify(body)}`);
      const answered = typeof body.total === 'number' ? { total: body.total, totalCapped: body.totalCapped === true } : null;
      const result = await measureHttp(url, { cookie, connections: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds });
      http.push({ result, answered });
      log(
        `    ${scenario.name.padEnd(32)} ${Math.round(result.requestsPerSec)} req/s, p50 ${result.latency.p50Ms.toFixed(2)} ms, p99 ${result.latency.p99Ms.toFixed(2)} ms` +
          (answered === null ? '' : `, total ${answered.total}${answered.totalCapped ? '+' : ''}`) +
          (result.non2xx + result.errors + result.timeouts > 0
            ? `\n      FAILED: non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}, status codes ${JSON.stringify(result.statusCodes)}` +
              (result.firstFailure ? `, e.g. ${result.firstFailure.status} ${result.firstFailure.body}` : '')
            : ''),
      );
    }
  } finally {
    await server.stop();
    forgetCleanup(server.stop);
  }

  const rawConcurrency = settings.connections;
  log(
    `=== ${target.kind}: raw queries in this process, closed loop, concurrency ${rawConcurrency}` +
      (target.kind === 'pglite' ? ' (PGlite runs one query at a time: effectively 1, the rest wait in its queue)' : ` (pool of 10 connections)`),
  );
  ({ handle, release } = await target.open());
  const results: ScenarioResult[] = [];
  try {
    for (const [index, scenario] of scenarios.entries()) {
      let operation: () => Promise<unknown>;
      let statements: string[];
      let visibleRows: number | null = null;
      if (scenario.account === null) {
        // What the health route does: `database.query('select 1')`.
        operation = () => handle.query('select 1');
        statements = ['select 1'];
      } else {
        const user = await scopedUser(handle, scenario.account);
        const sql = auditListStatements(handle, user);
        operation = listOperation(handle, sql);
        statements = [sql.page, sql.count].map((statement) => `${statement.sql}  -- params ${JSON.stringify(statement.params)}`);
        // The raw statements must see what the endpoint saw.
        const { rows, matches } = await listOperation(handle, sql)();
        const answered = http[index].answered;
        if (rows !== Math.min(20, matches) || !answered || answered.total !== Math.min(matches, COUNT_CAP) || answered.totalCapped !== matches > COUNT_CAP) {
          throw new Error(`${scenario.name}: raw statements (${rows} rows, ${matches} counted) disagree with the API (${JSON.stringify(answered)})`);
        }
        visibleRows = await scopeSize(handle, user);
      }
      log(`    ${scenario.name} (${scenario.account ?? 'no account'}${visibleRows === null ? '' : `, scope covers ${visibleRows} rows`}):`);
      for (const statement of statements) log(`      ${statement}`);
      const raw = await measureLoop(operation, { concurrency: rawConcurrency, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds });
      log(`      -> ${Math.round(raw.opsPerSec)} ops/s, p50 ${raw.p50Ms.toFixed(2)} ms, p99 ${raw.p99Ms.toFixed(2)} ms`);
      results.push({
        scenario: scenario.name,
        database: target.kind,
        path: scenario.path,
        account: scenario.account,
        visibleRows,
        apiTotal: http[index].answered,
        http: http[index].result,
        raw: { ...raw, statements },
      });
    }
  } finally {
    await release();
  }
  return { version, prepared, results };
}

const run = await benchEachDatabase(kinds, settings.postgresAdminUrl, benchDatabase);
const { startedAt, loadAtStart, reports } = run;
let failed = run.failed;

const results = kinds.flatMap((kind) => reports[kind]?.results ?? []);
if (results.length > 0) {
  const cpus = os.cpus();
  log(`\n${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}; ${settings.connections} connections, ${settings.seconds} s per figure after ${settings.warmupSeconds} s warm-up`);
  log(formatTable(results));
  log('req/s, p50, p99: HTTP through the API (autocannon). raw: the same SQL sent straight to the database from the bench process.');
  const unhealthy = results.filter((result) => result.http.non2xx + result.http.errors + result.http.timeouts > 0);
  for (const result of unhealthy) log(`WARNING: ${result.scenario} on ${result.database} had failures: ${JSON.stringify(result.http.statusCodes)}`);
  if (unhealthy.length > 0) failed = true;

  const json = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machine(loadAtStart),
    settings: { rows: settings.rows, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds, connections: settings.connections, rawConcurrency: settings.connections },
    databases: Object.fromEntries(Object.entries(reports).map(([kind, report]) => [kind, { version: report.version, prepared: report.prepared }])),
    results,
  };
  const file = saveJson('bench', 'latest.json', startedAt, json);
  log(`saved ${file} (and bench/out/latest.json)`);
}
process.exit(failed ? 1 : 0);
