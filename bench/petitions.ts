/**
 * npm run bench:petitions [-- --pglite-only | --postgres-only] [-- --queue-only | --intake-only]
 *                         [-- --petitions N] [-- --pglite-petitions N]
 *
 * The petitions module (信访举报) on each database, in one run:
 * - work queue and search: a fresh database with N generated reports (bench/lib/petition-dataset.ts, the same
 *   generator as `npm run bench:dataset`), GET /api/petitions through the API (separate process, autocannon),
 *   then the same two statements straight to the database, with EXPLAIN ANALYZE of each;
 * - intake: POST /api/public/petitions (multipart, one solved human check per request) through the API, the
 *   service's submitPublic() called in this process, and the same writes straight to the database, at the same
 *   concurrency. Every submission is durable: it commits before the answer.
 * Prints two tables and writes bench/out/petitions-<timestamp>.json. See bench/README.md.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { count as countRows } from 'drizzle-orm';
import { PetitionPageQuerySchema } from '@guantong/contracts';
import type { DatabaseHandle } from '../apps/api/src/platform/db/client.ts';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo.seed.ts';

import { loadConfig } from '../apps/api/src/config.ts';
import { systemClock } from '../apps/api/src/platform/clock.ts';
import { createPlatform } from '../apps/api/src/platform/platform.ts';
import { verifyAuditChain } from '../apps/api/src/platform/audit/audit.service.ts';
import { createHumanCheck } from '../apps/api/src/platform/http/human-check.ts';
import { createSealer } from '../apps/api/src/platform/crypto/sealing.ts';
import { composeApplication } from '../apps/api/src/app.ts';
import { queuePageQueries, submitPublic } from '../apps/api/src/modules/petitions/index.ts';
import { petitions } from '../apps/api/src/modules/petitions/petitions.table.ts';
import { migrateAndSeed } from './lib/prepare.ts';
import { generatePetitions, type DatasetResult } from './lib/petition-dataset.ts';
import { login, startServer, type RunningServer } from './lib/server.ts';
import { measureHttp, type HttpResult } from './lib/http.ts';
import { measureLoop } from './lib/raw.ts';
import { actorOf, explainAnalyze, listOperation, render, scopedUser, type Statement } from './lib/queries.ts';
import { challengePool, rawSubmissions, submissionBody, submissionMaker, solve } from './lib/intake.ts';
import { createGroupCommit } from '../apps/api/src/platform/db/group-commit.ts';
import { describeWaits, sampleWaits, type WaitSummary } from './lib/waits.ts';
import { column, formatTable, type Column, type ScenarioResult } from './lib/report.ts';
import { cleanups, forgetCleanup } from './lib/lifecycle.ts';
import { benchEachDatabase, type DatabaseTarget, type Kind } from './lib/targets.ts';
import { common, log, machine, positiveInt, repoRoot, saveJson } from './lib/settings.ts';

const { values: flags } = parseArgs({
  options: {
    'pglite-only': { type: 'boolean' },
    'postgres-only': { type: 'boolean' },
    'queue-only': { type: 'boolean' },
    'intake-only': { type: 'boolean' },
    petitions: { type: 'string' },
    'pglite-petitions': { type: 'string' },
  },
});
if (flags['pglite-only'] && flags['postgres-only']) throw new Error('--pglite-only and --postgres-only exclude each other');
if (flags['queue-only'] && flags['intake-only']) throw new Error('--queue-only and --intake-only exclude each other');
const settings = {
  ...common,
  petitions: { postgres: positiveInt(flags.petitions, 1_000_000, '--petitions'), pglite: positiveInt(flags['pglite-petitions'], 100_000, '--pglite-petitions') },
  queue: !flags['intake-only'],
  intake: !flags['queue-only'],
  // Solved human checks made before each intake run, per second of warm-up + run; refilled in the background if short.
  poolRate: positiveInt(process.env.BENCH_INTAKE_POOL_RATE, 2500, 'BENCH_INTAKE_POOL_RATE'),
  // The targets of the issue (PostgreSQL, this 2-core machine).
  targets: { intakePerSec: 1000, intakeShareOfRaw: 0.4, queueP95Ms: 100 },
};
const kinds: Kind[] = flags['pglite-only'] ? ['pglite'] : flags['postgres-only'] ? ['postgres'] : ['pglite', 'postgres'];

// Search words of different frequency in the generated texts (bench/lib/petition-text.ts).
const words = { common: '群众', medium: '校园餐', rare: '冷链' };
const queueScenarios = [
  { name: 'queue, city', account: 'leader', query: '' },
  { name: 'queue, county', account: 'lx.admin', query: '' },
  { name: 'queue, city, status filter', account: 'leader', query: 'status=proposal_pending' },
  { name: 'queue, city, by due date', account: 'leader', query: 'sort=dueAt&order=asc' },
  { name: 'queue, city, overdue', account: 'leader', query: 'deadlineState=overdue' },
  { name: 'search, city, common word', account: 'leader', query: `q=${encodeURIComponent(words.common)}` },
  { name: 'search, city, medium word', account: 'leader', query: `q=${encodeURIComponent(words.medium)}` },
  { name: 'search, city, rare word', account: 'leader', query: `q=${encodeURIComponent(words.rare)}` },
] as const;
const pathOf = (query: string) => `/api/petitions?page=1&pageSize=20${query ? `&${query}` : ''}`;
const INTAKE_PATH = '/api/public/petitions';

// One key for the API process and this process: the human checks made here verify there, and rows sealed
// by either open in the other.
const sealKey = randomBytes(32).toString('base64');
const serverEnv = {
  SEAL_KEY: sealKey,
  HUMAN_CHECK_MAX_NUMBER: '10',
  PUBLIC_SUBMISSIONS_PER_MINUTE: '100000000',
};

/** The API's human check with the API process's key and work factor (as platform.ts builds it). */
function benchHumanCheck() {
  return createHumanCheck({ hmacKey: createSealer(Buffer.from(sealKey, 'base64')).derive('human-check'), maxNumber: Number(serverEnv.HUMAN_CHECK_MAX_NUMBER), clock: systemClock });
}

/** The application's platform and petitions module (composed as the API composes it), in this process, on the bench's open database. */
function inProcess(handle: DatabaseHandle, dataDir: string) {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SCHEDULER: 'false', SEED_DEMO: 'false', ...serverEnv });
  const platform = createPlatform({ database: handle, clock: systemClock, config });
  const petitions = composeApplication(platform).features.petitions.exports.context;
  return {
    platform,
    service: {
      listQueries: (actor: Parameters<typeof queuePageQueries>[1], query: Parameters<typeof queuePageQueries>[2]) => queuePageQueries(petitions.db, actor, query, petitions.clock.now()),
      submitPublic: (payload: Parameters<typeof submitPublic>[1], files: Parameters<typeof submitPublic>[2]) => submitPublic(petitions, payload, files),
    },
  };
}

interface DatabaseReport {
  version: string;
  dataset: DatasetResult | null;
  seconds: { migrateAndSeed: number };
  queue: ScenarioResult[];
  intake: ScenarioResult[];
  notes: string[];
}

function describeFailures(result: HttpResult): string {
  return result.non2xx + result.errors + result.timeouts > 0
    ? `\n      FAILED: non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}, status codes ${JSON.stringify(result.statusCodes)}` +
        (result.firstFailure ? `, e.g. ${result.firstFailure.status} ${result.firstFailure.body}` : '')
    : '';
}

async function withServer<T>(target: DatabaseTarget, work: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await startServer({ repoRoot, ...target.serverEnv, env: serverEnv });
  cleanups.push(server.stop);
  try {
    return await work(server);
  } finally {
    await server.stop();
    forgetCleanup(server.stop);
  }
}

async function withDatabase<T>(target: DatabaseTarget, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const { handle, release } = await target.open();
  try {
    return await work(handle);
  } finally {
    await release();
  }
}

async function benchQueue(target: DatabaseTarget, rows: number): Promise<{ results: ScenarioResult[]; notes: string[] }> {
  log(`=== ${target.kind}: work queue and search through the API (separate process), autocannon ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s`);
  const http = await withServer(target, async (server) => {
    const cookies = new Map<string, string>();
    for (const account of new Set(queueScenarios.map((scenario) => scenario.account))) cookies.set(account, await login(server.baseUrl, account, DEMO_PASSWORD));
    const measured: { result: HttpResult; answered: { total: number; totalCapped: boolean; items: number } }[] = [];
    for (const scenario of queueScenarios) {
      const url = `${server.baseUrl}${pathOf(scenario.query)}`;
      const cookie = cookies.get(scenario.account)!;
      // One plain request first: it must succeed; its total is checked against the raw count later.
      const probe = await fetch(url, { headers: { cookie } });
      const body = (await probe.json()) as { total: number; totalCapped: boolean; items: unknown[] };
      if (!probe.ok) throw new Error(`${scenario.name}: ${probe.status} ${JSON.stringify(body)}`);
      const result = await measureHttp(url, { cookie, connections: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds });
      measured.push({ result, answered: { total: body.total, totalCapped: body.totalCapped, items: body.items.length } });
      log(
        `    ${scenario.name.padEnd(28)} ${Math.round(result.requestsPerSec)} req/s, p50 ${result.latency.p50Ms.toFixed(2)} ms, p95 ${result.latency.p95Ms.toFixed(2)} ms, p99 ${result.latency.p99Ms.toFixed(2)} ms (${result.latency.count} answers in ${result.seconds.toFixed(0)} s), total ${body.total}${body.totalCapped ? '+' : ''}` +
          describeFailures(result),
      );
    }
    return measured;
  });

  log(
    `=== ${target.kind}: the same statements straight to the database, closed loop, concurrency ${settings.connections}` +
      (target.kind === 'pglite' ? ' (PGlite runs one query at a time: effectively 1, the rest wait in its queue)' : ' (pool of 10 connections)'),
  );
  const notes: string[] = [];
  const results = await withDatabase(target, async (handle) => {
    const { service } = inProcess(handle, target.serverEnv.dataDir);
    const out: ScenarioResult[] = [];
    for (const [index, scenario] of queueScenarios.entries()) {
      const user = await scopedUser(handle, scenario.account);
      // The route's own parsing and query builder: the statements GET /api/petitions sends.
      const query = PetitionPageQuerySchema.parse(Object.fromEntries(new URLSearchParams(pathOf(scenario.query).split('?')[1])));
      const built = service.listQueries(actorOf(user), query);
      // A search's page statement depends on the capped count (the service runs it first): render the one it chose.
      const counted = built.countFirst ? await built.countMatches() : null;
      const sql = { page: render(built.items(counted)), count: render(built.count) };
      const operation = listOperation(handle, sql, { countFirst: built.countFirst });
      const { rows: pageRows, matches } = await operation();
      const answered = http[index].answered;
      if (pageRows !== answered.items || answered.total !== Math.min(matches, built.cap) || answered.totalCapped !== matches > built.cap) {
        throw new Error(`${scenario.name}: raw statements (${pageRows} rows, ${matches} counted) disagree with the API (${JSON.stringify(answered)})`);
      }
      const [{ exact }] = await handle.db.select({ exact: countRows() }).from(petitions).where(built.where);
      const statements = [sql.page, sql.count].map((statement: Statement) => `${statement.sql}  -- params ${JSON.stringify(statement.params)}`);
      log(`    ${scenario.name} (${scenario.account}, ${pathOf(decodeURIComponent(scenario.query))}; ${exact} of ${rows} reports match):`);
      for (const statement of statements) log(`      ${statement}`);
      const plans = [await explainAnalyze(handle, sql.page), await explainAnalyze(handle, sql.count)];
      const raw = await measureLoop(operation, { concurrency: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds });
      log(`      -> ${Math.round(raw.opsPerSec)} ops/s, p50 ${raw.p50Ms.toFixed(2)} ms, p95 ${raw.p95Ms.toFixed(2)} ms, p99 ${raw.p99Ms.toFixed(2)} ms (${raw.count} operations in ${raw.seconds.toFixed(0)} s)`);
      out.push({
        scenario: scenario.name,
        database: target.kind,
        path: pathOf(decodeURIComponent(scenario.query)),
        account: scenario.account,
        visibleRows: Number(exact),
        apiTotal: { total: answered.total, totalCapped: answered.totalCapped },
        http: http[index].result,
        raw: { ...raw, statements },
        plans,
      });
    }
    return out;
  });
  return { results, notes };
}

/** Runs `work` while sampling what PostgreSQL's backends do (nothing to sample on PGlite). */
async function watched<T>(target: DatabaseTarget, label: string, waits: Record<string, WaitSummary>, work: () => Promise<T>): Promise<T> {
  if (!target.serverEnv.databaseUrl) return work();
  const sampler = await sampleWaits(target.serverEnv.databaseUrl);
  try {
    return await work();
  } finally {
    waits[label] = await sampler.stop();
    log(`      ${label}: ${describeWaits(waits[label])}`);
  }
}

async function benchIntake(target: DatabaseTarget): Promise<{ results: ScenarioResult[]; notes: string[] }> {
  const notes: string[] = [];
  const waits: Record<string, WaitSummary> = {};
  const poolSize = settings.poolRate * (settings.warmupSeconds + settings.seconds);
  const receiving = await withDatabase(target, (handle) =>
    handle.query<{ id: string; owner: string }>(
      `select b.id, coalesce((select o.id from organizations o where o.parent_id = b.id and o.type = 'petition_report_office' limit 1), b.id) as owner
         from organizations b where b.type in ('discipline_commission', 'township_discipline_committee') order by b.code`,
    ),
  );
  const receivingIds = receiving.map((body) => body.id);
  const portalRows = (handle: DatabaseHandle) =>
    handle.query<{ n: string | number }>(`select count(*) as n from petitions where source = 'portal'`).then(([row]) => Number(row.n));

  log(`=== ${target.kind}: intake through the API (separate process), POST ${INTAKE_PATH}, autocannon ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s`);
  const before = await withDatabase(target, portalRows);
  const http = await withServer(target, async (server) => {
    // One submission first, with a challenge from GET /api/public/challenge, the way the portal gets one.
    const challenge = solve((await (await fetch(`${server.baseUrl}/api/public/challenge`)).json()) as Parameters<typeof solve>[0]);
    const makeSubmission = submissionMaker(receivingIds, 1);
    const probeBody = submissionBody(makeSubmission(challenge));
    const probe = await fetch(`${server.baseUrl}${INTAKE_PATH}`, { method: 'POST', body: probeBody.body, headers: { 'content-type': probeBody.contentType } });
    if (!probe.ok) throw new Error(`POST ${INTAKE_PATH}: ${probe.status} ${await probe.text()}`);
    const replay = await fetch(`${server.baseUrl}${INTAKE_PATH}`, { method: 'POST', body: probeBody.body, headers: { 'content-type': probeBody.contentType } });
    if (replay.status !== 400) throw new Error(`a replayed human check was not refused: ${replay.status} ${await replay.text()}`);

    const pool = challengePool(benchHumanCheck());
    const started = performance.now();
    await pool.fill(poolSize);
    log(`    ${poolSize} solved human checks made in ${((performance.now() - started) / 1000).toFixed(1)} s (before the run)`);
    pool.startRun();
    const result = await watched(target, 'API (warm-up and run)', waits, () =>
      measureHttp(`${server.baseUrl}${INTAKE_PATH}`, {
        connections: settings.connections,
        seconds: settings.seconds,
        warmupSeconds: settings.warmupSeconds,
        body: { method: 'POST', next: () => submissionBody(makeSubmission(pool.take())) },
      }),
    );
    await pool.settle();
    if (pool.madeDuringRun > 0) notes.push(`${target.kind} API intake: the load generator had to make ${pool.madeDuringRun} human checks during the run`);
    log(`    POST ${INTAKE_PATH}: ${Math.round(result.requestsPerSec)} req/s, p50 ${result.latency.p50Ms.toFixed(2)} ms, p99 ${result.latency.p99Ms.toFixed(2)} ms` + describeFailures(result));
    return result;
  });

  log(
    `=== ${target.kind}: intake in this process, closed loop, concurrency ${settings.connections}` +
      (target.kind === 'pglite' ? ' (PGlite: one transaction at a time, the rest wait)' : ' (pool of 10 connections)'),
  );
  return withDatabase(target, async (handle) => {
    // Every answered submission must be stored.
    const stored = (await portalRows(handle)) - before;
    log(`    rows stored by the API run (probe, warm-up and measured run): ${stored}; 2xx answers in the measured run: ${http.latency.count}`);
    if (stored < http.latency.count) throw new Error(`the API answered ${http.latency.count} submissions but only ${stored} rows are stored`);

    const { platform, service } = inProcess(handle, target.serverEnv.dataDir);
    const makeSubmission = submissionMaker(receivingIds, 2);
    const pool = challengePool(benchHumanCheck());
    await pool.fill(poolSize);
    pool.startRun();
    const serviceCall = () => service.submitPublic(makeSubmission(pool.take()), []);
    const serviceResult = await watched(target, 'service (warm-up and run)', waits, () =>
      measureLoop(serviceCall, { concurrency: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds }),
    );
    await pool.settle();
    if (pool.madeDuringRun > 0) notes.push(`${target.kind} service intake: ${pool.madeDuringRun} human checks were made during the run`);
    log(`    service.submitPublic(payload, []): ${Math.round(serviceResult.opsPerSec)} ops/s, p50 ${serviceResult.p50Ms.toFixed(2)} ms, p99 ${serviceResult.p99Ms.toFixed(2)} ms`);

    const rawOptions = {
      clock: systemClock,
      sealer: platform.sealer,
      exceptions: await platform.calendar.exceptions(),
      intakeOwnerOf: new Map(receiving.map((body) => [body.id, body.owner])),
    };
    const raw = rawSubmissions(handle, rawOptions);
    const makeRaw = submissionMaker(receivingIds, 3);
    const rawCall = () => raw([makeRaw('')]);
    const rawResult = await watched(target, 'raw, one per transaction (warm-up and run)', waits, () =>
      measureLoop(rawCall, { concurrency: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds }),
    );
    log(`    raw, one submission per transaction: ${Math.round(rawResult.opsPerSec)} ops/s, p50 ${rawResult.p50Ms.toFixed(2)} ms, p99 ${rawResult.p99Ms.toFixed(2)} ms`);

    // The same writes through the same group commit as the service (callers arriving together share a transaction).
    const batchSizes: number[] = [];
    const grouped = createGroupCommit(async (payloads: ReturnType<typeof makeRaw>[]) => {
      batchSizes.push(payloads.length);
      await raw(payloads);
      return payloads.map(() => ({ ok: true as const, value: undefined }));
    });
    const makeGrouped = submissionMaker(receivingIds, 4);
    const groupedCall = () => grouped.submit(makeGrouped(''));
    const groupedResult = await watched(target, 'raw, group commit (warm-up and run)', waits, () =>
      measureLoop(groupedCall, { concurrency: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds }),
    );
    const meanBatch = batchSizes.reduce((sum, size) => sum + size, 0) / Math.max(1, batchSizes.length);
    log(
      `    raw, group commit: ${Math.round(groupedResult.opsPerSec)} ops/s, p50 ${groupedResult.p50Ms.toFixed(2)} ms, p99 ${groupedResult.p99Ms.toFixed(2)} ms (${meanBatch.toFixed(1)} submissions per transaction on average)`,
    );

    // Concurrent appends must have left one valid chain.
    const verified = await verifyAuditChain(handle.db);
    if (!verified.ok) throw new Error(`audit chain broken after the intake runs: entry ${verified.firstBrokenId}: ${verified.reason}`);
    log(`    audit chain verified after the intake runs (${verified.checked} entries)`);

    return {
      notes,
      results: [
        {
          scenario: 'POST /api/public/petitions',
          database: target.kind,
          path: INTAKE_PATH,
          account: null,
          visibleRows: null,
          apiTotal: null,
          http,
          service: { ...serviceResult, call: 'service.submitPublic(payload, [])' },
          rawGrouped: { ...groupedResult, meanBatch },
          ...(Object.keys(waits).length > 0 ? { waits } : {}),
          raw: {
            ...rawResult,
            statements: [
              'begin; insert into used_challenges; insert into petitions (… search_vector = to_tsvector(\'simple\', <jieba tokens>), due_at, remind_at); insert into workflow_events; insert into deadlines; select pg_advisory_xact_lock(…); select hash from audit_log order by id desc limit 1; insert into audit_log; commit (one row per table; with group commit, one row per submission of the batch)',
            ],
          },
        },
      ],
    };
  });
}

async function benchDatabase(target: DatabaseTarget): Promise<DatabaseReport> {
  const rows = settings.petitions[target.kind];
  log(`\n=== ${target.kind}: preparing${settings.queue ? ` (${rows} generated reports)` : ''}`);
  const prepared = await withDatabase(target, async (handle) => {
    let mark = performance.now();
    await migrateAndSeed(handle);
    const migrateAndSeedSeconds = (performance.now() - mark) / 1000;
    let dataset: DatasetResult | null = null;
    if (settings.queue) {
      mark = performance.now();
      const { platform } = inProcess(handle, target.serverEnv.dataDir);
      dataset = await generatePetitions(handle, { count: rows, sealer: platform.sealer, log });
      log(`    ${rows} reports (${dataset.transfers} transferred in) in ${dataset.seconds.insert.toFixed(1)} s, vacuum analyze ${dataset.seconds.vacuumAnalyze.toFixed(1)} s`);
    }
    const [{ version }] = await handle.query<{ version: string }>('select version()');
    return { version, dataset, seconds: { migrateAndSeed: migrateAndSeedSeconds } };
  });
  const queue = settings.queue ? await benchQueue(target, rows) : { results: [], notes: [] };
  const intake = settings.intake ? await benchIntake(target) : { results: [], notes: [] };
  return { ...prepared, queue: queue.results, intake: intake.results, notes: [...queue.notes, ...intake.notes] };
}

const queueColumns: Column[] = [
  column.scenario(28),
  column.database,
  { title: 'matches', width: 8, value: (result) => String(result.visibleRows ?? '-') },
  column.requestsPerSec,
  { title: 'answers', width: 7, value: (result) => String(result.http.latency.count) },
  column.p50,
  column.p95,
  column.p99,
  column.non2xx,
  column.rawOpsPerSec,
  column.rawP50,
  column.rawP95,
  column.rawP99,
];
const intakeColumns: Column[] = [
  column.scenario(26),
  column.database,
  column.requestsPerSec,
  column.p50,
  column.p99,
  column.non2xx,
  column.serviceOpsPerSec,
  column.serviceP50,
  column.serviceP99,
  column.rawOpsPerSec,
  column.rawP50,
  column.rawP99,
  column.apiShareOfRaw,
  column.rawGroupedOpsPerSec,
  column.apiShareOfRawGrouped,
];

const run = await benchEachDatabase(kinds, settings.postgresAdminUrl, benchDatabase);
const { startedAt, loadAtStart, reports } = run;
let failed = run.failed;

const queueResults = kinds.flatMap((kind) => reports[kind]?.queue ?? []);
const intakeResults = kinds.flatMap((kind) => reports[kind]?.intake ?? []);
if (queueResults.length + intakeResults.length > 0) {
  const cpus = os.cpus();
  const minutes = (Date.now() - startedAt.getTime()) / 60_000;
  log(`\n${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}; ${settings.connections} connections, ${settings.seconds} s per figure after ${settings.warmupSeconds} s warm-up; run took ${minutes.toFixed(1)} min`);
  if (queueResults.length > 0) {
    log(`\nWork queue and search (${kinds.map((kind) => `${kind} ${settings.petitions[kind]} reports`).join(', ')}; search words: common ${words.common}, medium ${words.medium}, rare ${words.rare})`);
    log(formatTable(queueResults, queueColumns));
  }
  if (intakeResults.length > 0) {
    log('\nIntake (anonymous, no files; every submission commits before the answer)');
    log(formatTable(intakeResults, intakeColumns));
    log(
      'req/s, p50, p99: HTTP through the API (autocannon). service: submitPublic() in the bench process. raw: the same writes straight to the database,\n' +
        'one submission per transaction; raw grouped: the same writes through the same group commit as the service (callers arriving together share a transaction).',
    );
  }

  const verdicts: string[] = [];
  for (const result of intakeResults.filter((entry) => entry.database === 'postgres')) {
    verdicts.push(`intake ${Math.round(result.http.requestsPerSec)} submissions/s on PostgreSQL: target ${settings.targets.intakePerSec}/s ${result.http.requestsPerSec >= settings.targets.intakePerSec ? 'met' : 'MISSED'}`);
  }
  // The share is judged against the faster raw figure, whichever way of writing gives it.
  for (const result of intakeResults) {
    const rawBest = Math.max(result.raw.opsPerSec, result.rawGrouped?.opsPerSec ?? 0);
    const share = result.http.requestsPerSec / rawBest;
    verdicts.push(`intake API on ${result.database} at ${Math.round(share * 100)} % of the best raw rate (${Math.round(rawBest)}/s): target ${settings.targets.intakeShareOfRaw * 100} % ${share >= settings.targets.intakeShareOfRaw ? 'met' : 'MISSED'}`);
  }
  for (const result of queueResults.filter((entry) => entry.database === 'postgres')) {
    const p95 = result.http.latency.p95Ms;
    const measured = result.http.latency.count > 0 ? `p95 ${p95.toFixed(1)} ms` : `no answer within the ${Math.round(result.http.seconds)} s run`;
    verdicts.push(`${result.scenario} ${measured} on PostgreSQL: target < ${settings.targets.queueP95Ms} ms ${p95 < settings.targets.queueP95Ms ? 'met' : 'MISSED'}`);
  }
  if (verdicts.length > 0) log(`\nTargets:\n${verdicts.map((line) => `  ${line}`).join('\n')}`);
  // Why a slow one is slow: the plan of its page statement, as the database ran it.
  for (const result of queueResults.filter((entry) => entry.database === 'postgres' && !(entry.http.latency.p95Ms < settings.targets.queueP95Ms))) {
    log(`\nEXPLAIN ANALYZE, ${result.scenario} (page statement):\n${result.plans?.[0]}`);
  }
  for (const kind of kinds) for (const note of reports[kind]?.notes ?? []) log(`note: ${note}`);

  const unhealthy = [...queueResults, ...intakeResults].filter((result) => result.http.non2xx + result.http.errors + result.http.timeouts > 0);
  for (const result of unhealthy) log(`WARNING: ${result.scenario} on ${result.database} had failures: ${JSON.stringify(result.http.statusCodes)}`);
  if (unhealthy.length > 0) failed = true;

  const file = saveJson('petitions', 'petitions-latest.json', startedAt, {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machine(loadAtStart),
    settings: { ...settings, words },
    databases: Object.fromEntries(Object.entries(reports).map(([kind, report]) => [kind, { version: report.version, seconds: report.seconds, dataset: report.dataset, notes: report.notes }])),
    queue: queueResults,
    intake: intakeResults,
    verdicts,
  });
  log(`saved ${file} (and bench/out/petitions-latest.json)`);
}
process.exit(failed ? 1 : 0);
