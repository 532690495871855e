/**
 * npm run bench:clues [-- --pglite-only | --postgres-only] [-- --ledger-only | --numbering-only]
 *                     [-- --clues N] [-- --cases M] [-- --persons P] [-- --pglite-clues N] [-- --pglite-cases M] [-- --pglite-persons P]
 *
 * The clue ledger (问题线索), the person view and document numbering (文号) on each database, in one run:
 * - ledger and person view: a fresh database with N generated clues and M cases (bench/lib/clue-dataset.ts),
 *   GET /api/clues and GET /api/clue-persons/:id through the API (separate process, autocannon), then the same
 *   statements straight to the database, with EXPLAIN ANALYZE of each;
 * - document numbers: 32 clients in a closed loop allocating numbers of one series, the way documents.issue does it
 *   (nextSerial + insert into official_documents + audit entry, one transaction), then the whole issue() with the Word
 *   file, then POST /api/documents through the API; after each, the series must be exactly 1..N.
 * Prints two tables and writes bench/out/clues-<timestamp>.json. See bench/README.md.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { count as countRows } from 'drizzle-orm';
import { CluePageQuerySchema, type DocumentKind } from '@guantong/contracts';
import { openDatabase, type Database, type DatabaseHandle } from '../apps/api/src/platform/db/client.ts';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo.seed.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { systemClock } from '../apps/api/src/platform/clock.ts';
import { createPlatform } from '../apps/api/src/platform/platform.ts';
import { appendAudit, verifyAuditChain } from '../apps/api/src/platform/audit/audit.service.ts';
import { COUNT_CAP } from '../apps/api/src/platform/http/pagination.ts';
import { nextSerial } from '../apps/api/src/platform/numbering/serials.ts';
import { chinaDateOf } from '../apps/api/src/platform/calendar/working-days.ts';
import { documentNumberOf } from '../apps/api/src/platform/documents/documents.service.ts';
import { officialDocuments } from '../apps/api/src/platform/documents/documents.table.ts';
import type { Actor } from '../apps/api/src/platform/auth/actor.ts';
import { composeApplication } from '../apps/api/src/app.ts';
import { ledgerQueries, personView } from '../apps/api/src/modules/clues/index.ts';
import { personHistory } from '../apps/api/src/modules/cases/index.ts';
import { clues } from '../apps/api/src/modules/clues/clues.table.ts';
import { migrateAndSeed } from './lib/prepare.ts';
import { generateClues, type ClueDatasetResult } from './lib/clue-dataset.ts';
import { loginSession, startServer, type RunningServer } from './lib/server.ts';
import { measureHttp, type HttpResult } from './lib/http.ts';
import { closedLoop, measureLoop } from './lib/raw.ts';
import { actorFor, capturingDatabase, explainAnalyze, listOperation, render, type Statement } from './lib/queries.ts';
import { describeWaits, sampleWaits, type WaitSummary } from './lib/waits.ts';
import { column, formatTable, type Column, type ScenarioResult } from './lib/report.ts';
import { cleanups, forgetCleanup } from './lib/lifecycle.ts';
import { benchEachDatabase, type DatabaseTarget, type Kind } from './lib/targets.ts';
import { round, type LatencySummary } from './lib/stats.ts';
import { common, log, machine, positiveInt, repoRoot, saveJson } from './lib/settings.ts';

const { values: flags } = parseArgs({
  options: {
    'pglite-only': { type: 'boolean' },
    'postgres-only': { type: 'boolean' },
    'ledger-only': { type: 'boolean' },
    'numbering-only': { type: 'boolean' },
    clues: { type: 'string' },
    cases: { type: 'string' },
    persons: { type: 'string' },
    'pglite-clues': { type: 'string' },
    'pglite-cases': { type: 'string' },
    'pglite-persons': { type: 'string' },
  },
});
if (flags['pglite-only'] && flags['postgres-only']) throw new Error('--pglite-only and --postgres-only exclude each other');
if (flags['ledger-only'] && flags['numbering-only']) throw new Error('--ledger-only and --numbering-only exclude each other');
// Numbering alone needs only a case to issue documents for: a small data set unless told otherwise.
const small = Boolean(flags['numbering-only']);
const optionalInt = (text: string | undefined, name: string) => (text === undefined ? undefined : positiveInt(text, 1, name));
const settings = {
  ...common,
  dataset: {
    postgres: {
      clues: positiveInt(flags.clues, small ? 10_000 : 1_000_000, '--clues'),
      cases: positiveInt(flags.cases, small ? 1_000 : 100_000, '--cases'),
      persons: optionalInt(flags.persons, '--persons'),
    },
    pglite: {
      clues: positiveInt(flags['pglite-clues'], small ? 10_000 : 100_000, '--pglite-clues'),
      cases: positiveInt(flags['pglite-cases'], small ? 1_000 : 10_000, '--pglite-cases'),
      persons: optionalInt(flags['pglite-persons'], '--pglite-persons'),
    },
  },
  ledger: !flags['numbering-only'],
  numbering: !flags['ledger-only'],
  // Clients allocating document numbers at once (the issue's "32 concurrent clients").
  allocationClients: positiveInt(process.env.BENCH_ALLOCATION_CLIENTS, 32, 'BENCH_ALLOCATION_CLIENTS'),
  // The targets of the issue (PostgreSQL, this 2-core machine).
  targets: { p95Ms: 100, allocationsPerSec: 500 },
};
const kinds: Kind[] = flags['pglite-only'] ? ['pglite'] : flags['postgres-only'] ? ['postgres'] : ['pglite', 'postgres'];

// The surname searched for: the most common one of the data set (about 7 % of the people concerned). The full name
// searched for is picked from the data set: one that about 1 in 20 000 clues names (50 at 1M).
const SURNAME = '王';
const listScenariosFor = (fullName: string) => [
  { name: 'ledger, city', account: 'casemgr', query: '' },
  { name: 'ledger, county', account: 'lx.admin', query: '' },
  { name: 'ledger, office', account: 'handler', query: '' },
  { name: 'ledger, city, status filter', account: 'casemgr', query: 'status=disposal_proposed' },
  { name: 'ledger, city, overdue', account: 'casemgr', query: 'deadlineState=overdue' },
  { name: 'ledger, city, by due date', account: 'casemgr', query: 'sort=dueAt&order=asc' },
  { name: 'ledger, city, surname', account: 'casemgr', query: `q=${encodeURIComponent(SURNAME)}` },
  { name: 'ledger, city, full name', account: 'casemgr', query: `q=${encodeURIComponent(fullName)}` },
];

/** A full name about 1 in 20 000 clues carry (at least 5), to search for as staff do when they know whom they look for. */
async function pickFullName(handle: DatabaseHandle, clueCount: number): Promise<{ name: string; clues: number }> {
  const [row] = await handle.query<{ concerned_name: string; n: string | number }>(
    `select concerned_name, count(*) as n from clues group by concerned_name order by abs(count(*) - $1), concerned_name limit 1`,
    [Math.max(5, Math.round(clueCount / 20_000))],
  );
  return { name: row.concerned_name, clues: Number(row.n) };
}
const PERSON_SCENARIO = 'person view, city';
const PERSON_ACCOUNT = 'casemgr';
const listPath = (query: string) => `/api/clues?page=1&pageSize=20${query ? `&${query}` : ''}`;
const DOCUMENTS_PATH = '/api/documents';
// Each way of allocating numbers has its own series (issuing body qy-jw, one document kind each), checked afterwards.
const seriesKind = { transaction: 'inquiry_letter', service: 'sanction_decision', http: 'filing_decision' } as const satisfies Record<string, DocumentKind>;
// The group-commit comparison numbers a series of its own body (the 案管室 of the city), so that every series stays 1..N.
const GROUPED_BODY = 'qy-ggs';

// One key for the API process and this process, as in the petitions bench (the data set seals ID numbers with it).
const sealKey = randomBytes(32).toString('base64');
const serverEnv = { SEAL_KEY: sealKey };

function configFor(dataDir: string) {
  return loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SCHEDULER: 'false', SEED_DEMO: 'false', ...serverEnv });
}

/**
 * The platform and the clue and case services in this process, built on a database that reports the statements it
 * sends (capture()), so that the bench replays exactly what a request sends.
 */
function inProcess(handle: DatabaseHandle, dataDir: string) {
  const captured: Statement[] = [];
  let capturing = false;
  const db = capturingDatabase(handle, (statement) => {
    if (capturing) captured.push(statement);
  });
  const platform = createPlatform({ database: { ...handle, db }, clock: systemClock, config: configFor(dataDir) });
  // The modules composed as the API composes them; the bench calls their use cases with their own contexts.
  const { clues: cluesModule, cases: casesModule } = composeApplication(platform).features;
  const cluesContext = cluesModule.exports.context;
  const casesContext = casesModule.exports.context;
  const clueService = {
    listQueries: (actor: Parameters<typeof ledgerQueries>[1], query: Parameters<typeof ledgerQueries>[2]) => ledgerQueries(cluesContext, actor, query),
    person: (actor: Parameters<typeof personView>[1], id: string) => personView(casesContext.clues, actor, id),
  };
  const cases = { personHistory: (actor: Parameters<typeof personHistory>[1], id: string) => personHistory(casesContext, actor, id) };
  return {
    platform,
    clues: clueService,
    cases,
    async capture<T>(work: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
      captured.length = 0;
      capturing = true;
      try {
        const result = await work();
        return { result, statements: [...captured] };
      } finally {
        capturing = false;
      }
    },
  };
}

interface SeriesCheck {
  organization: string;
  kind: DocumentKind;
  /** Documents of the series (all years), and what the callers saw committed. */
  documents: number;
  expected: string;
  years: { year: number; documents: number; distinctSequences: number; distinctNumbers: number; lowest: number; highest: number; counter: number | null }[];
  ok: boolean;
  problem?: string;
}

interface AllocationResult {
  scenario: string;
  database: Kind;
  via: 'transaction' | 'grouped' | 'service' | 'http';
  clients: number;
  seconds: number;
  opsPerSec: number;
  latency: LatencySummary;
  /** What one operation is. */
  operation: string;
  series: SeriesCheck;
  /** The same transaction with one in five rolled back on purpose, afterwards: the series must still close up. */
  rollbackCheck?: { seconds: number; committed: number; rolledBack: number; series: SeriesCheck };
  /** Group commit: mean allocations per transaction. */
  meanBatch?: number;
  http?: HttpResult;
  waits?: WaitSummary;
}

interface DatabaseReport {
  version: string;
  dataset: ClueDatasetResult;
  fullName: { name: string; clues: number };
  seconds: { migrateAndSeed: number };
  ledger: ScenarioResult[];
  allocation: AllocationResult[];
  failures: string[];
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

/** Runs `work` while sampling what PostgreSQL's backends wait for (nothing to sample on PGlite). */
async function watched<T>(target: DatabaseTarget, label: string, sink: { waits?: WaitSummary }, work: () => Promise<T>): Promise<T> {
  if (!target.serverEnv.databaseUrl) return work();
  const sampler = await sampleWaits(target.serverEnv.databaseUrl);
  try {
    return await work();
  } finally {
    sink.waits = await sampler.stop();
    log(`      ${label}: ${describeWaits(sink.waits)}`);
  }
}

const describeRun = (result: { opsPerSec?: number; requestsPerSec?: number; p50Ms: number; p95Ms: number; p99Ms: number; count: number; seconds: number }, unit: string) =>
  `${Math.round(result.opsPerSec ?? result.requestsPerSec ?? 0)} ${unit}, p50 ${result.p50Ms.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms (${result.count} in ${result.seconds.toFixed(0)} s)`;

// ---------------------------------------------------------------------------------------------------------------
// Ledger list and person view
// ---------------------------------------------------------------------------------------------------------------

interface PersonAnswer {
  clues: number;
  cases: number;
  sanctions: number;
}

async function benchLedger(target: DatabaseTarget, dataset: ClueDatasetResult, fullName: string): Promise<ScenarioResult[]> {
  const person = dataset.busiestPerson;
  const listScenarios = listScenariosFor(fullName);
  const personPath = `/api/clue-persons/${person.id}`;
  log(`=== ${target.kind}: ledger and person view through the API (separate process), autocannon ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s`);
  const http = await withServer(target, async (server) => {
    const cookies = new Map<string, string>();
    for (const account of new Set([...listScenarios.map((scenario) => scenario.account), PERSON_ACCOUNT])) {
      cookies.set(account, (await loginSession(server.baseUrl, account, DEMO_PASSWORD)).cookie);
    }
    const measured: { result: HttpResult; answered: { total: number; totalCapped: boolean; items: number } }[] = [];
    for (const scenario of listScenarios) {
      const url = `${server.baseUrl}${listPath(scenario.query)}`;
      const cookie = cookies.get(scenario.account)!;
      // One plain request first: it must succeed; its total is checked against the raw count later.
      const probe = await fetch(url, { headers: { cookie } });
      const body = (await probe.json()) as { total: number; totalCapped: boolean; items: unknown[] };
      if (!probe.ok) throw new Error(`${scenario.name}: ${probe.status} ${JSON.stringify(body)}`);
      const result = await measureHttp(url, { cookie, connections: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds });
      measured.push({ result, answered: { total: body.total, totalCapped: body.totalCapped, items: body.items.length } });
      log(`    ${scenario.name.padEnd(28)} ${describeRun({ ...result.latency, requestsPerSec: result.requestsPerSec, seconds: result.seconds }, 'req/s')}, total ${body.total}${body.totalCapped ? '+' : ''}` + describeFailures(result));
    }
    const url = `${server.baseUrl}${personPath}`;
    const cookie = cookies.get(PERSON_ACCOUNT)!;
    const probe = await fetch(url, { headers: { cookie } });
    const body = (await probe.json()) as { clues: unknown[]; cases: unknown[]; sanctions: unknown[] };
    if (!probe.ok) throw new Error(`${PERSON_SCENARIO}: ${probe.status} ${JSON.stringify(body)}`);
    // Every view appends to the audit chain: what the backends wait for shows whether that is the limit.
    const sink: { waits?: WaitSummary } = {};
    const result = await watched(target, 'API (warm-up and run)', sink, () =>
      measureHttp(url, { cookie, connections: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds }),
    );
    const answered: PersonAnswer = { clues: body.clues.length, cases: body.cases.length, sanctions: body.sanctions.length };
    log(
      `    ${PERSON_SCENARIO.padEnd(28)} ${describeRun({ ...result.latency, requestsPerSec: result.requestsPerSec, seconds: result.seconds }, 'req/s')}, ` +
        `${answered.clues} clues, ${answered.cases} cases, ${answered.sanctions} sanctions` +
        describeFailures(result),
    );
    return { lists: measured, person: { result, answered, waits: sink.waits } };
  });

  log(
    `=== ${target.kind}: the same statements straight to the database, closed loop, concurrency ${settings.connections}` +
      (target.kind === 'pglite' ? ' (PGlite runs one query at a time: effectively 1, the rest wait in its queue)' : ' (pool of 10 connections)'),
  );
  return withDatabase(target, async (handle) => {
    const services = inProcess(handle, target.serverEnv.dataDir);
    const out: ScenarioResult[] = [];
    for (const [index, scenario] of listScenarios.entries()) {
      const actor = await actorFor(handle, scenario.account);
      // The route's own parsing and query builder: the statements GET /api/clues sends.
      const query = CluePageQuerySchema.parse(Object.fromEntries(new URLSearchParams(listPath(scenario.query).split('?')[1])));
      const built = await services.clues.listQueries(actor, query);
      // The route's own count: for an office's ledger, the held and the sent halves counted apart and added.
      const sql = { page: render(built.items), count: render(built.count) };
      const operation = listOperation(handle, sql);
      const { rows: pageRows, matches } = await operation();
      const answered = http.lists[index].answered;
      if (pageRows !== answered.items || answered.total !== Math.min(matches, COUNT_CAP) || answered.totalCapped !== matches > COUNT_CAP) {
        throw new Error(`${scenario.name}: raw statements (${pageRows} rows, ${matches} counted) disagree with the API (${JSON.stringify(answered)})`);
      }
      const [{ exact }] = await handle.db.select({ exact: countRows() }).from(clues).where(built.where);
      const statements = [sql.page, sql.count].map((statement: Statement) => `${statement.sql}  -- params ${JSON.stringify(statement.params)}`);
      log(`    ${scenario.name} (${scenario.account}, ${listPath(decodeURIComponent(scenario.query))}; ${exact} of ${dataset.clues} clues match):`);
      for (const statement of statements) log(`      ${statement}`);
      const plans = [await explainAnalyze(handle, sql.page), await explainAnalyze(handle, sql.count)];
      const raw = await measureLoop(operation, { concurrency: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds });
      log(`      -> ${describeRun(raw, 'ops/s')}`);
      out.push({
        scenario: scenario.name,
        database: target.kind,
        path: listPath(decodeURIComponent(scenario.query)),
        account: scenario.account,
        visibleRows: Number(exact),
        apiTotal: { total: answered.total, totalCapped: answered.totalCapped },
        http: http.lists[index].result,
        raw: { ...raw, statements },
        plans,
      });
    }

    // The person view: the statements clues.person and cases.personHistory send, captured from the services themselves
    // (a first call fills the services' cache of body types, as the API's first requests do).
    const actor = await actorFor(handle, PERSON_ACCOUNT);
    const viewPerson = async () => {
      const found = await services.clues.person(actor, person.id);
      const history = await services.cases.personHistory(actor, person.id);
      return { clues: found.clues.length, cases: history.cases.length, sanctions: history.sanctions.length };
    };
    await viewPerson();
    const { statements: sent } = await services.capture(viewPerson);
    const find = (pattern: RegExp, what: string) => {
      const matches = sent.filter((statement) => pattern.test(statement.sql));
      if (matches.length !== 1) throw new Error(`person view: expected one ${what} statement, captured ${matches.length} among ${sent.map((statement) => statement.sql.slice(0, 60)).join(' | ')}`);
      return matches[0];
    };
    const personSql = {
      person: find(/from "clue_persons" where/, 'clue_persons'),
      clues: find(/from "clues" where/, 'clues'),
      cases: find(/from "cases" where/, 'cases'),
      sanctions: find(/from "sanctions" where/, 'sanctions'),
    };
    const personOperation = async (): Promise<PersonAnswer> => {
      await handle.query(personSql.person.sql, personSql.person.params);
      const clueRows = await handle.query(personSql.clues.sql, personSql.clues.params);
      // Every view is logged: the same audit append as the service (advisory lock, chain tip, insert).
      await handle.db.transaction((tx) =>
        appendAudit(tx, systemClock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: actor.organizationId,
          action: 'clue.person.view',
          subjectType: 'clue_person',
          subjectId: person.id,
          after: { clues: clueRows.length },
        }),
      );
      const [caseRows, sanctionRows] = await Promise.all([
        handle.query(personSql.cases.sql, personSql.cases.params),
        handle.query(personSql.sanctions.sql, personSql.sanctions.params),
      ]);
      return { clues: clueRows.length, cases: caseRows.length, sanctions: sanctionRows.length };
    };
    const rawAnswer = await personOperation();
    const answered = http.person.answered;
    if (rawAnswer.clues !== answered.clues || rawAnswer.cases !== answered.cases || rawAnswer.sanctions !== answered.sanctions) {
      throw new Error(`${PERSON_SCENARIO}: raw statements (${JSON.stringify(rawAnswer)}) disagree with the API (${JSON.stringify(answered)})`);
    }
    const statements = [
      ...[personSql.person, personSql.clues].map((statement) => `${statement.sql}  -- params ${JSON.stringify(statement.params)}`),
      `begin; select pg_advisory_xact_lock(…); select hash from audit_log order by id desc limit 1; insert into audit_log (clue.person.view); commit`,
      ...[personSql.cases, personSql.sanctions].map((statement) => `${statement.sql}  -- params ${JSON.stringify(statement.params)}`),
    ];
    log(`    ${PERSON_SCENARIO} (${PERSON_ACCOUNT}, ${personPath}; ${person.name}: ${rawAnswer.clues} clues, ${rawAnswer.cases} cases, ${rawAnswer.sanctions} sanctions in scope):`);
    for (const statement of statements) log(`      ${statement}`);
    const plans = [
      await explainAnalyze(handle, personSql.clues),
      await explainAnalyze(handle, personSql.cases),
      await explainAnalyze(handle, personSql.sanctions),
      await explainAnalyze(handle, personSql.person),
    ];
    // The same without the audit append: what the reads alone cost at the same concurrency (for the diagnosis).
    const readsOnly = async () => {
      await handle.query(personSql.person.sql, personSql.person.params);
      await handle.query(personSql.clues.sql, personSql.clues.params);
      await Promise.all([handle.query(personSql.cases.sql, personSql.cases.params), handle.query(personSql.sanctions.sql, personSql.sanctions.params)]);
    };
    const rawWithoutAudit = await measureLoop(readsOnly, { concurrency: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds });
    log(`      -> without the audit append: ${describeRun(rawWithoutAudit, 'ops/s')}`);
    const rawSink: { waits?: WaitSummary } = {};
    const raw = await watched(target, 'raw (warm-up and run)', rawSink, () =>
      measureLoop(personOperation, { concurrency: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds }),
    );
    log(`      -> ${describeRun(raw, 'ops/s')}`);
    const waits = Object.fromEntries(
      [['API (warm-up and run)', http.person.waits], ['raw (warm-up and run)', rawSink.waits]].filter((entry): entry is [string, WaitSummary] => entry[1] !== undefined),
    );
    out.push({
      scenario: PERSON_SCENARIO,
      database: target.kind,
      path: personPath,
      account: PERSON_ACCOUNT,
      visibleRows: rawAnswer.clues,
      apiTotal: null,
      http: http.person.result,
      raw: { ...raw, statements },
      rawWithoutAudit,
      plans,
      ...(Object.keys(waits).length > 0 ? { waits } : {}),
    });
    return out;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Document numbers
// ---------------------------------------------------------------------------------------------------------------

class PlannedRollback extends Error {}

/**
 * The numbering transaction of documents.issue (apps/api/src/platform/documents/documents.service.ts), statement for
 * statement: the next number of the series (the counter row stays locked until commit), the document row, the audit
 * entry. With `rollback`, it throws after the insert, as a failure at that point would.
 */
async function allocateNumber(
  db: Database,
  { organization, kind, subjectId, actor, rollback = false }: { organization: { id: string; name: string }; kind: DocumentKind; subjectId: string; actor: Actor; rollback?: boolean },
): Promise<number> {
  const now = systemClock.now();
  const year = Number(chinaDateOf(now).slice(0, 4));
  return db.transaction(async (tx) => {
    const sequence = await nextSerial(tx, { organizationId: organization.id, series: `document:${kind}`, year });
    const number = documentNumberOf(organization.name, kind, year, sequence);
    await tx
      .insert(officialDocuments)
      .values({
        organizationId: organization.id,
        kind,
        year,
        sequence,
        number,
        title: '函询通知书',
        subjectType: 'case',
        subjectId,
        createdBy: actor.userId,
        createdByName: actor.displayName,
        createdAt: now,
      })
      .returning();
    await appendAudit(tx, systemClock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: organization.id,
      action: 'document.issue',
      subjectType: 'case',
      subjectId,
      after: { kind, number },
    });
    if (rollback) throw new PlannedRollback();
    return sequence;
  });
}


/**
 * Whether a series is exactly 1..N in every year: as many rows as distinct sequences and distinct numbers, lowest 1,
 * highest N, the counter at N; and N what the callers saw committed (exactly, or at least, for HTTP, where requests
 * the load generator abandoned at the end of the warm-up may still have committed).
 */
async function checkSeries(
  handle: DatabaseHandle,
  organization: { id: string; name: string },
  kind: DocumentKind,
  expected: { exactly: number } | { atLeast: number },
): Promise<SeriesCheck> {
  const rows = await handle.query<{ year: number; documents: string; sequences: string; numbers: string; lowest: number; highest: number; counter: number | null }>(
    `select d.year, count(*) as documents, count(distinct d.sequence) as sequences, count(distinct d.number) as numbers, min(d.sequence) as lowest, max(d.sequence) as highest,
            (select c.last_value from serial_counters c where c.organization_id = d.organization_id and c.series = 'document:' || d.kind and c.year = d.year) as counter
       from official_documents d where d.organization_id = $1 and d.kind = $2 group by d.organization_id, d.kind, d.year order by d.year`,
    [organization.id, kind],
  );
  const years = rows.map((row) => ({
    year: Number(row.year),
    documents: Number(row.documents),
    distinctSequences: Number(row.sequences),
    distinctNumbers: Number(row.numbers),
    lowest: Number(row.lowest),
    highest: Number(row.highest),
    counter: row.counter === null ? null : Number(row.counter),
  }));
  const documents = years.reduce((sum, year) => sum + year.documents, 0);
  const problems: string[] = [];
  for (const year of years) {
    if (year.lowest !== 1 || year.highest !== year.documents) problems.push(`${year.year}: ${year.documents} documents numbered ${year.lowest}..${year.highest} (gaps)`);
    if (year.distinctSequences !== year.documents || year.distinctNumbers !== year.documents) problems.push(`${year.year}: duplicate numbers (${year.distinctSequences} distinct of ${year.documents})`);
    if (year.counter !== year.highest) problems.push(`${year.year}: counter at ${year.counter}, highest number ${year.highest}`);
  }
  if ('exactly' in expected && documents !== expected.exactly) problems.push(`${documents} documents stored, ${expected.exactly} allocations committed`);
  if ('atLeast' in expected && documents < expected.atLeast) problems.push(`${documents} documents stored, fewer than the ${expected.atLeast} answered`);
  return {
    organization: organization.name,
    kind,
    documents,
    expected: 'exactly' in expected ? `exactly ${expected.exactly} (committed)` : `at least ${expected.atLeast} (answered)`,
    years,
    ok: problems.length === 0,
    ...(problems.length > 0 ? { problem: problems.join('; ') } : {}),
  };
}

const describeSeries = (series: SeriesCheck) =>
  `series ${series.organization} ${series.kind}: ${series.documents} documents, ${series.years.map((year) => `${year.year}: ${year.lowest}..${year.highest}, counter ${year.counter}`).join('; ')} — ` +
  (series.ok ? 'exactly 1..N, no gaps or duplicates' : `FAILED: ${series.problem}`);

/** A database handle with one connection per allocating client (PostgreSQL); PGlite has one connection anyway. */
async function withAllocationHandle<T>(target: DatabaseTarget, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  if (!target.serverEnv.databaseUrl) return withDatabase(target, work);
  const handle = await openDatabase({ kind: 'postgres', url: target.serverEnv.databaseUrl, poolSize: settings.allocationClients });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function benchNumbering(target: DatabaseTarget, failures: string[]): Promise<AllocationResult[]> {
  const clients = settings.allocationClients;
  const { organization, groupedOrganization, caseId } = await withDatabase(target, async (handle) => {
    const [body] = await handle.query<{ id: string; name: string }>(`select id, name from organizations where code = 'qy-jw'`);
    const [office] = await handle.query<{ id: string; name: string }>(`select id, name from organizations where code = $1`, [GROUPED_BODY]);
    // A case of the city ledger, visible to the city's case-management office.
    const [found] = await handle.query<{ id: string }>('select id from cases where ledger_organization_id = $1 order by filed_at desc limit 1', [body.id]);
    if (!found) throw new Error('the data set has no case in the city ledger to issue documents for');
    return { organization: body, groupedOrganization: office, caseId: found.id };
  });
  const results: AllocationResult[] = [];
  const record = (result: AllocationResult) => {
    results.push(result);
    if (!result.series.ok) failures.push(`${target.kind} ${result.scenario}: ${result.series.problem}`);
    if (result.rollbackCheck && !result.rollbackCheck.series.ok) failures.push(`${target.kind} ${result.scenario} with rollbacks: ${result.rollbackCheck.series.problem}`);
  };

  // Through the API: POST /api/documents (a filing decision for the case) as the city's case-management officer.
  log(`=== ${target.kind}: document numbers through the API (separate process, pool of 10), POST ${DOCUMENTS_PATH}, autocannon ${clients} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s`);
  const http = await withServer(target, async (server) => {
    const session = await loginSession(server.baseUrl, PERSON_ACCOUNT, DEMO_PASSWORD);
    const payload = Buffer.from(JSON.stringify({ kind: seriesKind.http, subjectType: 'case', subjectId: caseId }));
    const headers = { 'x-csrf-token': session.csrfToken };
    const probe = await fetch(`${server.baseUrl}${DOCUMENTS_PATH}`, { method: 'POST', body: payload, headers: { ...headers, cookie: session.cookie, 'content-type': 'application/json' } });
    if (!probe.ok) throw new Error(`POST ${DOCUMENTS_PATH}: ${probe.status} ${await probe.text()}`);
    const issued = (await probe.json()) as { number: string; attachmentId: string | null };
    log(`    probe: ${issued.number}, Word file ${issued.attachmentId ? 'stored' : 'MISSING'}`);
    const sink: { waits?: WaitSummary } = {};
    const result = await watched(target, 'API (warm-up and run)', sink, () =>
      measureHttp(`${server.baseUrl}${DOCUMENTS_PATH}`, {
        cookie: session.cookie,
        headers,
        connections: clients,
        seconds: settings.seconds,
        warmupSeconds: settings.warmupSeconds,
        body: { method: 'POST', next: () => ({ body: payload, contentType: 'application/json' }) },
      }),
    );
    log(`    POST ${DOCUMENTS_PATH}: ${describeRun({ ...result.latency, requestsPerSec: result.requestsPerSec, seconds: result.seconds }, 'documents/s')}` + describeFailures(result));
    return { result, waits: sink.waits };
  });

  log(`=== ${target.kind}: document numbers in this process, closed loop, ${clients} clients` + (target.kind === 'pglite' ? ' (PGlite: one transaction at a time, the rest wait)' : ` (pool of ${clients} connections)`));
  await withAllocationHandle(target, async (handle) => {
    // Answered 2xx: the probe and the measured run; the warm-up's answers are not counted, so "at least".
    const httpSeries = await checkSeries(handle, organization, seriesKind.http, { atLeast: 1 + http.result.latency.count });
    log(`    after the API run: ${describeSeries(httpSeries)}`);
    record({
      scenario: 'POST /api/documents',
      database: target.kind,
      via: 'http',
      clients,
      seconds: http.result.seconds,
      opsPerSec: http.result.requestsPerSec,
      latency: http.result.latency,
      operation: 'POST /api/documents {kind: filing_decision, subjectType: case}: session, visibility, case detail (composeDocument), issue() with the Word file',
      series: httpSeries,
      http: http.result,
      ...(http.waits ? { waits: http.waits } : {}),
    });

    const actor = await actorFor(handle, PERSON_ACCOUNT);
    // The numbering transaction alone (the issue's "document-number allocation").
    let committed = 0;
    const allocate = async () => {
      await allocateNumber(handle.db, { organization, kind: seriesKind.transaction, subjectId: caseId, actor });
      committed += 1;
    };
    const sink: { waits?: WaitSummary } = {};
    const raw = await watched(target, 'numbering transaction (warm-up and run)', sink, () =>
      measureLoop(allocate, { concurrency: clients, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds }),
    );
    log(`    numbering transaction: ${describeRun(raw, 'allocations/s')}`);
    const series = await checkSeries(handle, organization, seriesKind.transaction, { exactly: committed });
    log(`    ${describeSeries(series)}`);
    // One client alone: the length of one allocation, which every other client waits for (the counter row is locked
    // from nextSerial to commit), hence about the most that any number of clients can reach.
    const single = await measureLoop(allocate, { concurrency: 1, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds });
    log(`    numbering transaction, 1 client: ${describeRun(single, 'allocations/s')}`);
    const singleSeries = await checkSeries(handle, organization, seriesKind.transaction, { exactly: committed });
    log(`    ${describeSeries(singleSeries)}`);
    // Then the same with one transaction in five rolled back after its insert: the numbers must come back.
    let attempts = 0;
    let rolledBack = 0;
    const allocateOrRollBack = async () => {
      const rollback = attempts++ % 5 === 4;
      try {
        await allocateNumber(handle.db, { organization, kind: seriesKind.transaction, subjectId: caseId, actor, rollback });
        committed += 1;
      } catch (error) {
        if (!(error instanceof PlannedRollback)) throw error;
        rolledBack += 1;
      }
    };
    const rollbackRun = await closedLoop(allocateOrRollBack, { concurrency: clients, seconds: 2 });
    const afterRollbacks = await checkSeries(handle, organization, seriesKind.transaction, { exactly: committed });
    log(`    2 s more with one in five rolled back (${rolledBack} rolled back, ${rollbackRun.count - rolledBack} committed): ${describeSeries(afterRollbacks)}`);
    record({
      scenario: 'numbering transaction',
      database: target.kind,
      via: 'transaction',
      clients,
      seconds: raw.seconds,
      opsPerSec: raw.opsPerSec,
      latency: raw,
      operation:
        "begin; insert into serial_counters … on conflict do update set last_value = last_value + 1 returning last_value; insert into official_documents … returning *; select pg_advisory_xact_lock(…); select hash from audit_log order by id desc limit 1; insert into audit_log ('document.issue'); commit",
      series,
      rollbackCheck: { seconds: rollbackRun.seconds, committed: rollbackRun.count - rolledBack, rolledBack, series: afterRollbacks },
      ...(sink.waits ? { waits: sink.waits } : {}),
    });
    record({
      scenario: 'numbering transaction, 1 client',
      database: target.kind,
      via: 'transaction',
      clients: 1,
      seconds: single.seconds,
      opsPerSec: single.opsPerSec,
      latency: single,
      operation: 'the same transaction, one caller at a time',
      series: singleSeries,
    });

    // The service's own numbering (documents.allocate: the group commit that documents.issue numbers through).
    const numberingPlatform = createPlatform({ database: handle, clock: systemClock, config: configFor(target.serverEnv.dataDir) });
    let groupedCommitted = 0;
    const allocateGrouped = async () => {
      await numberingPlatform.documents.allocate(actor, {
        organization: groupedOrganization,
        kind: seriesKind.transaction,
        subjectType: 'case',
        subjectId: caseId,
        compose: () => ({ title: '函询通知书', paragraphs: [], signature: groupedOrganization.name }),
      });
      groupedCommitted += 1;
    };
    const groupedSink: { waits?: WaitSummary } = {};
    const groupedRun = await watched(target, 'group commit (warm-up and run)', groupedSink, () =>
      measureLoop(allocateGrouped, { concurrency: clients, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds }),
    );
    log(`    documents.allocate() (the service's numbering, group commit): ${describeRun(groupedRun, 'allocations/s')}`);
    const groupedSeries = await checkSeries(handle, groupedOrganization, seriesKind.transaction, { exactly: groupedCommitted });
    log(`    ${describeSeries(groupedSeries)}`);
    record({
      scenario: 'numbering, the service (group commit)',
      database: target.kind,
      via: 'grouped',
      clients,
      seconds: groupedRun.seconds,
      opsPerSec: groupedRun.opsPerSec,
      latency: groupedRun,
      operation:
        'documents.allocate(), what documents.issue numbers through: the allocations arriving together in one transaction (createGroupCommit): counter + k per series, one multi-row insert into official_documents, appendAuditEntries of k entries, one commit',
      series: groupedSeries,
      ...(groupedSink.waits ? { waits: groupedSink.waits } : {}),
    });

    // The whole issue(): the numbering transaction, then the Word file (docx), its attachment row, and the answer.
    const platform = createPlatform({ database: handle, clock: systemClock, config: configFor(target.serverEnv.dataDir) });
    let issued = 0;
    const paragraphs = [
      '经查，该同志在担任有关职务期间，违反中央八项规定精神，违规收受礼品礼金，利用职务上的便利为他人谋取利益。',
      '根据《中国共产党纪律处分条例》有关规定，经研究，决定给予其党内严重警告处分。',
      '如对本决定不服，可在收到本决定之日起一个月内，向作出决定的机关提出申诉。',
    ];
    const issue = async () => {
      await platform.documents.issue(actor, {
        organization,
        kind: seriesKind.service,
        subjectType: 'case',
        subjectId: caseId,
        compose: () => ({ title: '处分决定书', paragraphs, signature: organization.name }),
      });
      issued += 1;
    };
    const serviceSink: { waits?: WaitSummary } = {};
    const service = await watched(target, 'documents.issue (warm-up and run)', serviceSink, () =>
      measureLoop(issue, { concurrency: clients, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds }),
    );
    log(`    documents.issue() with the Word file: ${describeRun(service, 'documents/s')}`);
    const serviceSeries = await checkSeries(handle, organization, seriesKind.service, { exactly: issued });
    log(`    ${describeSeries(serviceSeries)}`);
    record({
      scenario: 'documents.issue() with Word file',
      database: target.kind,
      via: 'service',
      clients,
      seconds: service.seconds,
      opsPerSec: service.opsPerSec,
      latency: service,
      operation: 'documents.issue(): the numbering transaction, then renderDocument (docx), the file written, begin; insert into attachments; update official_documents; commit; select the document',
      series: serviceSeries,
      ...(serviceSink.waits ? { waits: serviceSink.waits } : {}),
    });

    // Concurrent appends must have left one valid chain.
    const verified = await verifyAuditChain(handle.db);
    if (!verified.ok) failures.push(`${target.kind}: audit chain broken after the numbering runs: entry ${verified.firstBrokenId}: ${verified.reason}`);
    else log(`    audit chain verified after the numbering runs (${verified.checked} entries)`);
  });
  return results;
}

// ---------------------------------------------------------------------------------------------------------------

async function benchDatabase(target: DatabaseTarget): Promise<DatabaseReport> {
  const size = settings.dataset[target.kind];
  log(`\n=== ${target.kind}: preparing (${size.clues} clues, ${size.cases} cases)`);
  const prepared = await withDatabase(target, async (handle) => {
    let mark = performance.now();
    await migrateAndSeed(handle);
    const migrateAndSeedSeconds = (performance.now() - mark) / 1000;
    mark = performance.now();
    const { platform } = inProcess(handle, target.serverEnv.dataDir);
    const dataset = await generateClues(handle, { clues: size.clues, cases: size.cases, persons: size.persons, sealer: platform.sealer, log });
    log(
      `    ${dataset.clues} clues, ${dataset.persons} persons (${dataset.frequentPersons} with 10-200 clues each), ${dataset.cases} cases, ${dataset.sanctions} sanctions ` +
        `in ${dataset.seconds.insert.toFixed(1)} s, vacuum analyze ${dataset.seconds.vacuumAnalyze.toFixed(1)} s`,
    );
    log(`    clues by status: ${Object.entries(dataset.byStatus).sort((a, b) => b[1] - a[1]).map(([status, n]) => `${status} ${n}`).join(', ')}`);
    log(`    cases by status: ${Object.entries(dataset.caseByStatus).sort((a, b) => b[1] - a[1]).map(([status, n]) => `${status} ${n}`).join(', ')}`);
    const fullName = await pickFullName(handle, dataset.clues);
    log(`    full name searched for: ${fullName.name} (${fullName.clues} clues carry it)`);
    const [{ version }] = await handle.query<{ version: string }>('select version()');
    return { version, dataset, fullName, seconds: { migrateAndSeed: migrateAndSeedSeconds } };
  });
  const failures: string[] = [];
  const ledger = settings.ledger ? await benchLedger(target, prepared.dataset, prepared.fullName.name) : [];
  const allocation = settings.numbering ? await benchNumbering(target, failures) : [];
  return { ...prepared, ledger, allocation, failures, notes: [] };
}

const ledgerColumns: Column[] = [
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
const ms = (value: number) => (Number.isNaN(value) ? '-' : round(value).toFixed(2));
const allocationColumns: { title: string; width: number; value(result: AllocationResult): string }[] = [
  { title: 'scenario', width: 32, value: (result) => result.scenario },
  { title: 'db', width: 8, value: (result) => result.database },
  { title: 'clients', width: 7, value: (result) => String(result.clients) },
  { title: 'numbers/s', width: 9, value: (result) => String(Math.round(result.opsPerSec)) },
  { title: 'p50 ms', width: 8, value: (result) => ms(result.latency.p50Ms) },
  { title: 'p95 ms', width: 8, value: (result) => ms(result.latency.p95Ms) },
  { title: 'p99 ms', width: 8, value: (result) => ms(result.latency.p99Ms) },
  { title: 'non2xx', width: 7, value: (result) => (result.http ? String(result.http.non2xx + result.http.errors + result.http.timeouts) : '-') },
  { title: 'series', width: 7, value: (result) => String(result.series.documents) },
  { title: 'gapless', width: 7, value: (result) => (result.series.ok && (!result.rollbackCheck || result.rollbackCheck.series.ok) ? 'yes' : 'NO') },
];
function formatAllocationTable(results: AllocationResult[]): string {
  const cell = (text: string, width: number, index: number) => (index < 2 ? text.padEnd(width) : text.padStart(width));
  const header = allocationColumns.map((entry, index) => cell(entry.title, entry.width, index)).join('  ');
  const lines = results.map((result) => allocationColumns.map((entry, index) => cell(entry.value(result), entry.width, index)).join('  '));
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}

const run = await benchEachDatabase(kinds, settings.postgresAdminUrl, benchDatabase);
const { startedAt, loadAtStart, reports } = run;
let failed = run.failed;

const ledgerResults = kinds.flatMap((kind) => reports[kind]?.ledger ?? []);
const allocationResults = kinds.flatMap((kind) => reports[kind]?.allocation ?? []);
const failures = kinds.flatMap((kind) => reports[kind]?.failures ?? []);
if (ledgerResults.length + allocationResults.length > 0) {
  const cpus = os.cpus();
  const minutes = (Date.now() - startedAt.getTime()) / 60_000;
  log(
    `\n${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}; ${settings.connections} connections for the lists, ${settings.allocationClients} clients for numbering, ` +
      `${settings.seconds} s per figure after ${settings.warmupSeconds} s warm-up; 1-minute load ${loadAtStart.toFixed(2)} at the start; run took ${minutes.toFixed(1)} min`,
  );
  if (ledgerResults.length > 0) {
    const sizes = kinds.filter((kind) => reports[kind]).map((kind) => `${kind} ${reports[kind]!.dataset.clues} clues / ${reports[kind]!.dataset.cases} cases`);
    const names = kinds.filter((kind) => reports[kind]).map((kind) => `${kind} ${reports[kind]!.fullName.name}`);
    log(`\nLedger and person view (${sizes.join(', ')}; surname searched: ${SURNAME}; full name: ${names.join(', ')})`);
    log(formatTable(ledgerResults, ledgerColumns));
  }
  if (allocationResults.length > 0) {
    log('\nDocument numbers (one series per row; gapless: the series is exactly 1..N after the run, and after 2 s more with one transaction in five rolled back)');
    log(formatAllocationTable(allocationResults));
  }

  const verdicts: string[] = [];
  for (const result of ledgerResults.filter((entry) => entry.database === 'postgres')) {
    const p95 = result.http.latency.p95Ms;
    const measured = result.http.latency.count > 0 ? `p95 ${p95.toFixed(1)} ms` : `no answer within the ${Math.round(result.http.seconds)} s run`;
    verdicts.push(`${result.scenario} ${measured} on PostgreSQL: target < ${settings.targets.p95Ms} ms ${p95 < settings.targets.p95Ms ? 'met' : 'MISSED'}`);
  }
  for (const result of allocationResults.filter((entry) => entry.database === 'postgres' && entry.clients === settings.allocationClients)) {
    const met = result.opsPerSec >= settings.targets.allocationsPerSec;
    const role = result.via === 'grouped' ? ' (the service’s numbering)' : result.via === 'transaction' ? ' (one allocation per transaction, the way before group commit; for comparison)' : ' (for comparison; the target is for the allocation)';
    verdicts.push(`${result.scenario}: ${Math.round(result.opsPerSec)} numbers/s with ${result.clients} clients on PostgreSQL: target ${settings.targets.allocationsPerSec}/s ${met ? 'met' : 'MISSED'}${role}`);
  }
  for (const result of allocationResults) {
    verdicts.push(`${result.scenario} on ${result.database}: ${result.series.ok && (!result.rollbackCheck || result.rollbackCheck.series.ok) ? 'no gaps or duplicates' : 'GAPS OR DUPLICATES'}`);
  }
  if (verdicts.length > 0) log(`\nTargets:\n${verdicts.map((line) => `  ${line}`).join('\n')}`);
  for (const result of ledgerResults.filter((entry) => entry.rawWithoutAudit)) {
    log(
      `${result.scenario} on ${result.database}, raw: p95 ${result.raw.p95Ms.toFixed(1)} ms, ${Math.round(result.raw.opsPerSec)} ops/s with the audit append; ` +
        `p95 ${result.rawWithoutAudit!.p95Ms.toFixed(1)} ms, ${Math.round(result.rawWithoutAudit!.opsPerSec)} ops/s for the reads alone`,
    );
  }
  // Why a slow one is slow: the plans of its statements, as the database ran them.
  for (const result of ledgerResults.filter((entry) => entry.database === 'postgres' && !(entry.http.latency.p95Ms < settings.targets.p95Ms))) {
    const labels = result.scenario === PERSON_SCENARIO ? ['clues of the person', 'cases', 'sanctions'] : ['page statement', 'capped count'];
    labels.forEach((label, index) => log(`\nEXPLAIN ANALYZE, ${result.scenario} (${label}):\n${result.plans?.[index]}`));
  }
  for (const kind of kinds) for (const note of reports[kind]?.notes ?? []) log(`note: ${note}`);

  const unhealthy = ledgerResults.filter((result) => result.http.non2xx + result.http.errors + result.http.timeouts > 0);
  for (const result of unhealthy) log(`WARNING: ${result.scenario} on ${result.database} had failures: ${JSON.stringify(result.http.statusCodes)}`);
  for (const result of allocationResults.filter((entry) => entry.http && entry.http.non2xx + entry.http.errors + entry.http.timeouts > 0)) {
    log(`WARNING: ${result.scenario} on ${result.database} had failures: ${JSON.stringify(result.http!.statusCodes)}`);
    failed = true;
  }
  for (const failure of failures) log(`FAILED: ${failure}`);
  if (unhealthy.length > 0 || failures.length > 0) failed = true;

  const file = saveJson('clues', 'clues-latest.json', startedAt, {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machine(loadAtStart),
    settings: { ...settings, surname: SURNAME, seriesKind },
    databases: Object.fromEntries(
      Object.entries(reports).map(([kind, report]) => [
        kind,
        { version: report.version, seconds: report.seconds, dataset: report.dataset, fullName: report.fullName, failures: report.failures, notes: report.notes },
      ]),
    ),
    ledger: ledgerResults,
    allocation: allocationResults,
    verdicts,
  });
  log(`saved ${file} (and bench/out/clues-latest.json)`);
}
process.exit(failed ? 1 : 0);
