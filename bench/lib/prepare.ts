import { performance } from 'node:perf_hooks';
import type { DatabaseHandle } from '../../apps/api/src/platform/db/client.ts';
import { migrateDatabase } from '../../apps/api/src/platform/db/migrate.ts';
import { seedCalendar } from '../../apps/api/src/seed/calendar.seed.ts';
import { seedDemoData } from '../../apps/api/src/seed/demo.seed.ts';
import { seedPetitionDefaults } from '../../apps/api/src/seed/petition-categories.seed.ts';
import { GENESIS_HASH, hashAuditEntry, verifyAuditChain, type HashedFields } from '../../apps/api/src/platform/audit/audit.service.ts';

const BATCH_ROWS = 1000;
const COLUMNS = ['occurred_at', 'actor_id', 'actor_name', 'organization_id', 'action', 'subject_type', 'subject_id', 'before', 'after', 'reason', 'prev_hash', 'hash'];
const CASTS = ['timestamptz', 'uuid', 'text', 'uuid', 'text', 'text', 'text', 'jsonb', 'jsonb', 'text', 'text', 'text'];

/** A small seeded generator (mulberry32), so that every run lays out the same mix of rows. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Body {
  id: string;
  path: string;
  name: string;
  shortName: string | null;
}
interface Person {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  bodyId: string;
  bodyPath: string;
}
type Entry = Omit<HashedFields, 'prevHash'>;

const reasons = ['调离岗位', '退休', '岗位调整', '长期未登录', '工作需要', '借调结束'];
const fileNames = ['情况说明', '谈话笔录', '线索登记表', '处置意见', '审理报告', '立案决定书', '函询回复'];

/**
 * What an administration's audit trail looks like: edits to accounts and bodies, account workflow steps,
 * attachments, deadline changes and sign-ins; like the application, every entry names the body it concerns.
 */
function entryMaker(bodies: Body[], people: Person[], pick: () => number) {
  const choose = <T>(list: T[]): T => list[Math.floor(pick() * list.length)];
  // The people who could act in a body: members of it or of a body above it.
  const actorsOf = new Map(bodies.map((body) => [body.id, people.filter((person) => body.path.startsWith(person.bodyPath))]));
  const phone = () => `139${String(Math.floor(pick() * 1e8)).padStart(8, '0')}`;
  const kinds: { weight: number; make: (body: Body, actor: Person) => Omit<Entry, 'occurredAt' | 'actorId' | 'actorName' | 'organizationId'> }[] = [
    {
      weight: 22,
      make: () => {
        const subject = choose(people);
        return { action: 'user.update', subjectType: 'user', subjectId: subject.id, before: { displayName: subject.displayName, phone: subject.phone }, after: { displayName: subject.displayName, phone: phone() }, reason: null };
      },
    },
    {
      weight: 6,
      make: (body) => ({
        action: 'user.create',
        subjectType: 'user',
        subjectId: crypto.randomUUID(),
        before: null,
        after: { username: `staff${Math.floor(pick() * 1e5)}`, displayName: '新进干部', phone: phone(), memberships: [{ organizationId: body.id, roles: ['handling_officer'] }] },
        reason: null,
      }),
    },
    { weight: 5, make: () => ({ action: 'user.reset_password', subjectType: 'user', subjectId: choose(people).id, before: null, after: null, reason: null }) },
    {
      weight: 10,
      make: (body) => ({
        action: 'organization.update',
        subjectType: 'organization',
        subjectId: body.id,
        before: { name: body.name, shortName: body.shortName },
        after: { name: body.name, shortName: body.shortName ?? body.name.slice(0, 6) },
        reason: null,
      }),
    },
    { weight: 7, make: () => ({ action: 'workflow.account.disable', subjectType: 'account', subjectId: choose(people).id, before: { status: 'active' }, after: { status: 'disabled' }, reason: choose(reasons) }) },
    { weight: 5, make: () => ({ action: 'workflow.account.enable', subjectType: 'account', subjectId: choose(people).id, before: { status: 'disabled' }, after: { status: 'active' }, reason: null }) },
    { weight: 3, make: () => ({ action: 'workflow.account.unlock', subjectType: 'account', subjectId: choose(people).id, before: { status: 'locked' }, after: { status: 'active' }, reason: null }) },
    {
      weight: 20,
      make: () => ({
        action: 'file.upload',
        subjectType: 'attachment',
        subjectId: crypto.randomUUID(),
        before: null,
        after: { fileName: `${choose(fileNames)}-${String(Math.floor(pick() * 10000)).padStart(4, '0')}.pdf`, size: 20_000 + Math.floor(pick() * 2_000_000), mimeType: 'application/pdf' },
        reason: null,
      }),
    },
    {
      weight: 8,
      make: () => {
        const days = 5 + Math.floor(pick() * 25);
        return { action: 'deadline.extend', subjectType: 'deadline', subjectId: crypto.randomUUID(), before: { workingDays: days }, after: { workingDays: days + 10 }, reason: '情况复杂，经批准延长' };
      },
    },
  ];
  const totalWeight = kinds.reduce((sum, kind) => sum + kind.weight, 0);

  const signingIn = people.filter((person, index) => index === 0 || people[index - 1].id !== person.id);

  return (): Omit<Entry, 'occurredAt'> => {
    // One entry in twenty is a sign-in, recorded against the body the session starts in.
    if (pick() < 0.05) {
      const person = choose(signingIn);
      return { actorId: person.id, actorName: person.displayName, organizationId: person.bodyId, action: 'auth.login', subjectType: 'user', subjectId: person.id, before: null, after: null, reason: null };
    }
    const body = choose(bodies);
    const actor = choose(actorsOf.get(body.id)!.length > 0 ? actorsOf.get(body.id)! : people);
    let roll = pick() * totalWeight;
    const kind = kinds.find((candidate) => (roll -= candidate.weight) < 0) ?? kinds[0];
    return { actorId: actor.id, actorName: actor.displayName, organizationId: body.id, ...kind.make(body, actor) };
  };
}

/** What the API's bootstrap does to a new database: the schema, the calendar, petition categories and the demo city. */
export async function migrateAndSeed(handle: DatabaseHandle): Promise<void> {
  await migrateDatabase(handle);
  await seedCalendar(handle.db);
  await seedPetitionDefaults(handle.db);
  await seedDemoData(handle.db);
}

export interface PreparedData {
  organizations: number;
  auditRows: number;
  seconds: { migrateAndSeed: number; insert: number; vacuumAnalyze: number; verify: number };
}

/**
 * Brings a fresh database to the state the benchmark measures: schema, calendar, the demo city,
 * and `rows` audit entries appended to a valid hash chain, spread over every body.
 */
export async function prepareDatabase(handle: DatabaseHandle, rows: number, log: (line: string) => void): Promise<PreparedData> {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const seconds = (now - mark) / 1000;
    mark = now;
    return seconds;
  };

  await migrateAndSeed(handle);
  const migratedAndSeeded = lap();

  // By code, not id or path (those are random): the seeded generator then lays rows out the same way every run.
  const bodies = await handle.query<{ id: string; path: string; name: string; short_name: string | null }>('select id, path, name, short_name from organizations order by code');
  // One row per membership; a person's first row is the body their sign-ins start in (auth.service's primaryMembership).
  const people = await handle.query<{ id: string; username: string; display_name: string; phone: string | null; organization_id: string; path: string }>(
    `select u.id, u.username, u.display_name, u.phone, o.id as organization_id, o.path
       from users u join memberships m on m.user_id = u.id join organizations o on o.id = m.organization_id
      order by u.username, m.created_at, o.depth, o.code`,
  );
  const makeEntry = entryMaker(
    bodies.map((body) => ({ id: body.id, path: body.path, name: body.name, shortName: body.short_name })),
    people.map((person) => ({ id: person.id, username: person.username, displayName: person.display_name, phone: person.phone, bodyId: person.organization_id, bodyPath: person.path })),
    random(20_260_101),
  );

  // Continue the chain from its tip (empty after seeding, but do not assume it).
  const [tip] = await handle.query<{ hash: string }>('select hash from audit_log order by id desc limit 1');
  let previousHash = tip?.hash ?? GENESIS_HASH;
  // A year of history, oldest first, ending an hour ago so that entries made during the run come after it.
  const end = Date.now() - 3600_000;
  const start = end - 365 * 86400_000;
  const step = (end - start) / Math.max(1, rows);

  for (let first = 0; first < rows; first += BATCH_ROWS) {
    const count = Math.min(BATCH_ROWS, rows - first);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const entry: Entry = { occurredAt: new Date(Math.floor(start + (first + index) * step)), ...makeEntry() };
      const hash = hashAuditEntry({ ...entry, prevHash: previousHash });
      const values = [
        entry.occurredAt.toISOString(),
        entry.actorId,
        entry.actorName,
        entry.organizationId,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === null ? null : JSON.stringify(entry.after),
        entry.reason,
        previousHash,
        hash,
      ];
      tuples.push(`(${values.map((_, column) => `$${params.length + column + 1}::${CASTS[column]}`).join(', ')})`);
      params.push(...values);
      previousHash = hash;
    }
    await handle.query(`insert into audit_log (${COLUMNS.join(', ')}) values ${tuples.join(', ')}`, params);
    if ((first + count) % 20_000 === 0 || first + count === rows) log(`    ${first + count} audit rows inserted`);
  }
  const insert = lap();

  // PostgreSQL's autovacuum would do this shortly after a bulk load; PGlite has no autovacuum. Done on both alike.
  await handle.query('vacuum analyze audit_log');
  await handle.query('analyze');
  const vacuumAnalyze = lap();

  const verified = await verifyAuditChain(handle.db);
  if (!verified.ok) throw new Error(`generated audit chain does not verify: entry ${verified.firstBrokenId}: ${verified.reason}`);
  const verify = lap();
  log(`    audit chain verified (${verified.checked} entries)`);

  return { organizations: bodies.length, auditRows: rows, seconds: { migrateAndSeed: migratedAndSeeded, insert, vacuumAnalyze, verify } };
}
