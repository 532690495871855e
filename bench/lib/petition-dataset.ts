import { createHmac, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { objectLevels, petitionWorkflow, violationCategories, type PetitionStatus } from '@guantong/contracts';
import type { DatabaseHandle } from '../../apps/api/src/platform/db/client.ts';
import type { Sealer } from '../../apps/api/src/platform/crypto/sealing.ts';
import { createCalendarService } from '../../apps/api/src/platform/calendar/calendar.service.ts';
import { chinaDateOf, dueAtOf, remindAtOf, type CalendarExceptions } from '../../apps/api/src/platform/calendar/working-days.ts';
import { indexTokens } from '../../apps/api/src/platform/search/segment.ts';
import { random } from './prepare.ts';
import { reportTextMaker } from './petition-text.ts';

const BATCH_ROWS = 1000;
const DAY_MS = 86_400_000;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

// Where reports land: the intake offices (信访室) of the city and county commissions take what the public sends
// to the commissions; township committees take their own. Weights are shares of the reports received.
const receivingOwners: { code: string; weight: number }[] = [
  { code: 'qy-xfs', weight: 26 },
  { code: 'nl-xfs', weight: 14 },
  { code: 'lx-xfs', weight: 14 },
  { code: 'qs-xfs', weight: 14 },
  { code: 'nl-t1', weight: 3 },
  { code: 'nl-t2', weight: 3 },
  { code: 'lx-t1', weight: 4 },
  { code: 'lx-t2', weight: 3 },
  { code: 'qs-t1', weight: 3 },
  { code: 'qs-t2', weight: 3 },
];
// Bodies that receive transferred reports (交办/转办/联办): their own row in their own queue.
const transferTargets = ['qy-jcs1', 'qy-jcs2', 'qy-pz-jy', 'qy-pz-wj', 'nl-jcs', 'lx-jcs', 'qs-jcs', 'nl-xfs', 'lx-xfs', 'qs-xfs', 'lx-t1', 'qs-t1', 'nl-t2'];

type Weighted<T> = [T, number][];
// The mix of states by age of the report: recent ones are still at intake, old ones mostly closed,
// with a few stragglers that are overdue.
const statusByAge: { maxDays: number; mix: Weighted<PetitionStatus> }[] = [
  { maxDays: 3, mix: [['submitted', 55], ['registered', 20], ['proposal_pending', 15], ['handling', 10]] },
  {
    maxDays: 30,
    mix: [['registered', 8], ['proposal_pending', 8], ['handling', 45], ['awaiting_result', 12], ['forwarded', 4], ['escalated', 1], ['answered', 7], ['closed', 10], ['not_accepted', 4], ['merged', 1]],
  },
  {
    maxDays: 120,
    mix: [['handling', 18], ['awaiting_result', 10], ['result_received', 4], ['answered', 10], ['rehandling', 2], ['closed', 46], ['not_accepted', 5], ['merged', 3], ['forwarded', 2]],
  },
  {
    maxDays: Infinity,
    mix: [['closed', 84], ['not_accepted', 6], ['merged', 3], ['forwarded', 2], ['escalated', 1], ['answered', 1.5], ['handling', 1.5], ['awaiting_result', 1]],
  },
];
// Days from registration to entering the current state (lower, upper).
const stateStartDays: Partial<Record<PetitionStatus, [number, number]>> = {
  proposal_pending: [0.5, 2],
  handling: [2, 8],
  awaiting_result: [2, 8],
  forwarded: [2, 8],
  escalated: [2, 8],
  result_received: [20, 70],
  answered: [10, 60],
  rehandling: [60, 90],
};
const answers = [
  '经调查核实，反映的问题基本属实，已责成有关单位整改，并对相关责任人作出处理。',
  '经调查核实，反映的问题部分属实，已督促有关单位立行立改。',
  '经调查核实，反映的问题不属实，已向相关单位和人员了解情况，特此答复。',
];

export interface DatasetResult {
  rows: number;
  transfers: number;
  byStatus: Record<string, number>;
  seconds: { insert: number; vacuumAnalyze: number };
}

/**
 * Inserts `count` realistic reports into `petitions` the way the application would have left them: texts composed
 * from phrase lists (petition-text.ts), spread over the demo bodies and the last two years, states by age with
 * their open deadline mirrored onto the row (due_at/remind_at by the workflow's own rules and the calendar),
 * serial numbers, sealed identities of real-name reporters, and search_vector from the same jieba segmentation
 * the service uses. Batches of 1000 rows, one multi-row INSERT … SELECT FROM unnest(...) each; the next batch
 * is composed while the database stores the previous one. Then VACUUM ANALYZE.
 * Only petitions are generated (and the serial counters moved past the numbers used): no timeline, deadline or
 * audit rows, which the work queue and search do not read.
 */
export async function generatePetitions(
  handle: DatabaseHandle,
  { count, sealer, log, now = new Date(), seed = 20_261_123 }: { count: number; sealer: Sealer; log: (line: string) => void; now?: Date; seed?: number },
): Promise<DatasetResult> {
  const bodies = await handle.query<{ id: string; code: string }>('select id, code from organizations');
  const bodyId = new Map(bodies.map((body) => [body.code, body.id]));
  const missing = [...receivingOwners.map((owner) => owner.code), ...transferTargets].filter((code) => !bodyId.has(code));
  if (missing.length > 0) throw new Error(`the dataset is laid out over the demo city (清源市); this database lacks bodies ${missing.join(', ')}`);
  const codeOf = new Map(bodies.map((body) => [body.id, body.code]));
  const members = new Map<string, { id: string; name: string }[]>();
  for (const row of await handle.query<{ organization_id: string; id: string; display_name: string }>(
    'select m.organization_id, u.id, u.display_name from memberships m join users u on u.id = m.user_id order by u.username',
  )) {
    members.set(row.organization_id, [...(members.get(row.organization_id) ?? []), { id: row.id, name: row.display_name }]);
  }
  const serials = new Map<string, number>();
  for (const row of await handle.query<{ organization_id: string; year: number; last_value: number }>(
    `select organization_id, year, last_value from serial_counters where series = 'petition'`,
  )) {
    serials.set(`${row.organization_id}/${row.year}`, Number(row.last_value));
  }
  // Receipt codes are unique by construction: a bijection of the row's ordinal onto 7 characters.
  const [{ existing }] = await handle.query<{ existing: string | number }>('select count(*) as existing from petitions');
  let ordinal = Number(existing);
  const exceptions: CalendarExceptions = await createCalendarService({ db: handle.db }).exceptions();
  const receiptKey = sealer.derive('receipt-secret');
  const fingerprintKey = sealer.derive('reporter-fingerprint');

  const pick = random(seed);
  const choose = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)];
  const weighted = <T>(mix: Weighted<T>): T => {
    let roll = pick() * mix.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of mix) if ((roll -= weight) < 0) return value;
    return mix[0][0];
  };
  const between = ([low, high]: [number, number]) => low + pick() * (high - low);
  const ownerMix: Weighted<string> = receivingOwners.map((owner) => [bodyId.get(owner.code)!, owner.weight]);
  const makeText = reportTextMaker(pick);
  // They start with JB0: the service's codes (JB + 8 of CODE_ALPHABET, which has no 0) never collide with them.
  const receiptCode = () => {
    let value = (ordinal * 1_000_003 + 7_777_777) % 31 ** 7;
    ordinal += 1;
    let code = '';
    for (let index = 0; index < 7; index += 1) {
      code += CODE_ALPHABET[value % 31];
      value = Math.floor(value / 31);
    }
    return `JB0${code}`;
  };
  const phone = () => `1${choose(['33', '35', '37', '38', '39', '58', '86', '89'])}${String(Math.floor(pick() * 1e8)).padStart(8, '0')}`;
  const repeatPhones = Array.from({ length: 2000 }, phone);

  const columns = [
    ['id', 'uuid'],
    ['organization_id', 'uuid'],
    ['root_id', 'uuid'],
    ['parent_id', 'uuid'],
    ['serial_number', 'text'],
    ['receipt_code', 'text'],
    ['receipt_secret_hash', 'text'],
    ['status', 'petition_status'],
    ['channel', 'petition_channel'],
    ['source', 'petition_source'],
    ['submission_type', 'submission_type'],
    ['category_key', 'text'],
    ['extra_answers', 'jsonb'],
    ['title', 'text'],
    ['content', 'text'],
    ['concerned_name', 'text'],
    ['concerned_post', 'text'],
    ['concerned_unit', 'text'],
    ['object_level', 'object_level'],
    ['violation_categories', 'text[]'],
    ['occurred_on', 'text'],
    ['occurred_place', 'text'],
    ['anonymous', 'boolean'],
    ['reporter_sealed', 'text'],
    ['reporter_fingerprint', 'text'],
    ['reporter_facing', 'boolean'],
    ['proposal', 'jsonb'],
    ['assignee_id', 'uuid'],
    ['answer', 'text'],
    ['answered_at', 'timestamptz'],
    ['answered_by', 'uuid'],
    ['satisfaction', 'satisfaction'],
    ['rated_at', 'timestamptz'],
    ['rehandling_count', 'integer'],
    ['due_at', 'timestamptz'],
    ['remind_at', 'timestamptz'],
    ['search_vector', 'tsvector'],
    ['received_at', 'timestamptz'],
    ['registered_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ] as const;
  // Arrays go in as text[] or the column's base type; enums, jsonb and text[] are cast from text, the search
  // vector is built by the database from the jieba tokens exactly as searchVectorOf() has it built.
  const arrayType = (cast: string) => (['uuid', 'text', 'boolean', 'integer', 'timestamptz'].includes(cast) ? `${cast}[]` : 'text[]');
  const selectOf = (name: string, cast: string) =>
    cast === 'tsvector' ? `to_tsvector('simple', t.${name})` : arrayType(cast) === 'text[]' && cast !== 'text' ? `t.${name}::${cast}` : `t.${name}`;
  const insertSql =
    `insert into petitions (${columns.map(([name]) => name).join(', ')}) select ${columns.map(([name, cast]) => selectOf(name, cast)).join(', ')} ` +
    `from unnest(${columns.map(([, cast], index) => `$${index + 1}::${arrayType(cast)}`).join(', ')}) as t(${columns.map(([name]) => name).join(', ')})`;

  const byStatus: Record<string, number> = {};
  let transfers = 0;
  const end = now.getTime() - 3600_000;
  const start = end - 730 * DAY_MS;
  const step = (end - start) / Math.max(1, count);
  const iso = (date: Date | null) => date?.toISOString() ?? null;

  function makeBatch(first: number, size: number): unknown[][] {
    const values: unknown[][] = columns.map(() => []);
    const push = (row: unknown[]) => row.forEach((value, index) => values[index].push(value));
    // Roots of this batch that a transfer can come from.
    const roots: { id: string; channel: string; bodyCode: string }[] = [];
    for (let index = 0; index < size; index += 1) {
      const receivedAt = new Date(Math.floor(start + (first + index) * step + pick() * step));
      const ageDays = (now.getTime() - receivedAt.getTime()) / DAY_MS;
      const transfer = roots.length > 0 && pick() < 0.1 ? choose(roots) : null;
      let organizationId: string;
      if (transfer) {
        const candidates = transferTargets.filter((code) => code !== transfer.bodyCode);
        organizationId = bodyId.get(choose(candidates))!;
        transfers += 1;
      } else organizationId = weighted(ownerMix);

      const channelRoll = pick();
      const channel = transfer?.channel ?? (channelRoll < 0.6 ? 'online' : channelRoll < 0.75 ? 'letter' : channelRoll < 0.85 ? 'visit' : channelRoll < 0.97 ? 'phone' : channelRoll < 0.98 ? 'fax' : 'other');
      const source = transfer ? 'transfer' : channel === 'online' ? (pick() < 0.83 ? 'portal' : 'open311') : 'staff';
      let status = weighted(statusByAge.find((bucket) => ageDays <= bucket.maxDays)!.mix);
      if (status === 'submitted' && transfer) status = 'transfer_received';
      if (status === 'submitted' && source === 'staff') status = 'registered';

      const text = makeText(receivedAt);
      const anonymous = source !== 'staff' && pick() < 0.55;
      const reporterPhone = anonymous ? null : pick() < 0.1 ? choose(repeatPhones) : phone();
      const id = randomUUID();
      const registered = status !== 'submitted' && status !== 'transfer_received';
      const registeredAt = registered ? new Date(Math.min(receivedAt.getTime() + between([0.05, 3]) * DAY_MS, end)) : null;
      const window = stateStartDays[status];
      const stateAt = window && registeredAt ? new Date(Math.min(registeredAt.getTime() + between(window) * DAY_MS, end)) : (registeredAt ?? receivedAt);
      const rule = petitionWorkflow.states[status].deadline;
      const dueAt = rule ? dueAtOf(stateAt, rule.basis, rule.length, exceptions) : null;
      const remindAt = rule && dueAt ? remindAtOf(stateAt, chinaDateOf(dueAt), rule.remindBefore ?? 2, exceptions) : null;
      const final = status === 'closed' || status === 'not_accepted' || status === 'merged';
      const finishedAt = final ? new Date(Math.min(stateAt.getTime() + between([15, 80]) * DAY_MS, end)) : stateAt;
      const answered = status === 'answered' || status === 'rehandling' || (status === 'closed' && pick() < 0.7);
      const answeredAt = answered ? new Date(Math.min(stateAt.getTime() + (status === 'closed' ? between([10, 60]) * DAY_MS : 0), end)) : null;
      const rated = status === 'closed' && answered && !anonymous && pick() < 0.6;
      const staff = members.get(organizationId) ?? [];
      const assignee = registered && staff.length > 0 && pick() < 0.8 ? choose(staff) : null;
      let serialNumber: string | null = null;
      if (registeredAt) {
        const year = Number(chinaDateOf(registeredAt).slice(0, 4));
        const key = `${organizationId}/${year}`;
        const next = (serials.get(key) ?? 0) + 1;
        serials.set(key, next);
        serialNumber = `${codeOf.get(organizationId)!.toUpperCase()}-${year}-${String(next).padStart(5, '0')}`;
      }
      const publicRoot = !transfer && source !== 'staff';
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (!transfer) roots.push({ id, channel, bodyCode: codeOf.get(organizationId)! });

      push([
        id,
        organizationId,
        transfer?.id ?? id,
        transfer?.id ?? null,
        serialNumber,
        publicRoot ? receiptCode() : null,
        publicRoot ? createHmac('sha256', receiptKey).update(String(pick())).digest('base64url') : null,
        status,
        channel,
        source,
        text.submissionType,
        text.categoryKey,
        JSON.stringify(text.extraAnswers),
        text.title,
        text.content,
        text.concernedName,
        text.concernedPost,
        text.concernedUnit,
        registered && pick() < 0.7 ? choose(objectLevels) : null,
        registered && pick() < 0.6 ? `{${choose(violationCategories)}}` : '{}',
        text.occurredOn,
        text.occurredPlace,
        anonymous,
        reporterPhone ? sealer.seal(JSON.stringify({ name: `${choose(['王', '李', '张', '刘', '陈'])}先生`, phone: reporterPhone })) : null,
        reporterPhone ? createHmac('sha256', fingerprintKey).update(reporterPhone).digest('base64url') : null,
        true,
        status === 'proposal_pending'
          ? JSON.stringify({ mode: 'direct', targetOrganizationIds: [], opinion: '拟由本机关直接调查核实。', proposedBy: assignee?.name ?? '信访室', proposedById: assignee?.id ?? id, proposedAt: stateAt.toISOString() })
          : null,
        assignee?.id ?? null,
        answered ? choose(answers) : null,
        iso(answeredAt),
        answered ? (assignee?.id ?? null) : null,
        rated ? weighted([['satisfied', 70], ['basically_satisfied', 20], ['dissatisfied', 10]]) : null,
        rated ? iso(new Date(Math.min(answeredAt!.getTime() + between([1, 10]) * DAY_MS, end))) : null,
        status === 'rehandling' ? 1 : 0,
        iso(dueAt),
        iso(remindAt),
        indexTokens(text.title, text.content, text.concernedName, text.concernedUnit, text.concernedPost, text.occurredPlace),
        receivedAt.toISOString(),
        iso(registeredAt),
        receivedAt.toISOString(),
        (final ? finishedAt : stateAt).toISOString(),
      ]);
    }
    return values;
  }

  let mark = performance.now();
  let sinceMark = 0;
  const began = mark;
  let pending: Promise<unknown> | null = null;
  for (let first = 0; first < count; first += BATCH_ROWS) {
    const size = Math.min(BATCH_ROWS, count - first);
    const params = makeBatch(first, size);
    // The database stores batch n while batch n+1 is composed (PGlite shares this thread, so it gains nothing there).
    if (pending) await pending;
    pending = handle.query(insertSql, params);
    sinceMark += size;
    if ((first + size) % 100_000 === 0 || first + size === count) {
      await pending;
      const at = performance.now();
      log(`    ${first + size} petitions inserted (${Math.round(sinceMark / ((at - mark) / 1000))} rows/s)`);
      mark = at;
      sinceMark = 0;
    }
  }
  await pending;
  for (const [key, lastValue] of serials) {
    const [organizationId, year] = key.split('/');
    await handle.query(
      `insert into serial_counters (organization_id, series, year, last_value) values ($1, 'petition', $2, $3)
       on conflict (organization_id, series, year) do update set last_value = greatest(serial_counters.last_value, excluded.last_value)`,
      [organizationId, Number(year), lastValue],
    );
  }
  const insert = (performance.now() - began) / 1000;
  mark = performance.now();
  // PostgreSQL's autovacuum would do this soon after a bulk load; PGlite has no autovacuum. Done on both alike.
  await handle.query('vacuum analyze petitions');
  await handle.query('analyze');
  const vacuumAnalyze = (performance.now() - mark) / 1000;
  return { rows: count, transfers, byStatus, seconds: { insert, vacuumAnalyze } };
}
