import { createHmac, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  caseWorkflow,
  clueWorkflow,
  sanctionTypes,
  violationCategories,
  type CadreManagementLevel,
  type CaseStatus,
  type ClueSource,
  type ClueStatus,
  type DeadlineRule,
  type DisposalType,
  type ObjectLevel,
  type SanctionType,
} from '@guantong/contracts';
import type { DatabaseHandle } from '../../apps/api/src/platform/db/client.ts';
import type { Sealer } from '../../apps/api/src/platform/crypto/sealing.ts';
import { createCalendarService } from '../../apps/api/src/platform/calendar/calendar.service.ts';
import { chinaDateOf, dueAtOf, remindAtOf, type CalendarExceptions } from '../../apps/api/src/platform/calendar/working-days.ts';
import { defaultApprovalChains } from '../../apps/api/src/modules/clues/index.ts';
import { effectEndOf } from '../../apps/api/src/modules/cases/index.ts';
import { random } from './prepare.ts';
import { reportTextMaker } from './petition-text.ts';

const BATCH_ROWS = 1000;
const DAY_MS = 86_400_000;
// Two years of history, like the petitions data set.
const HISTORY_DAYS = 730;
// A clue becomes a case at the earliest this long after it was received (register, assign, propose, approve).
const CASE_MIN_AGE_DAYS = 60;
// A fifth of the clues are about people who draw many clues (10 to 200 each): the person view's heavy end.
const HOT_SHARE = 0.2;
const HOT_MIN = 10;
const HOT_MAX = 200;

type Weighted<T> = [T, number][];

/**
 * The demo city's clue ledgers (清源市): the city commission, the three county commissions and the six township
 * committees. `intake` is where the ledger takes clues in (its case-management office, or the township itself),
 * `handlers` the bodies it assigns them to (室组地), `investigators` the bodies that investigate its cases.
 * Weights are shares of the clues received.
 */
interface LedgerSpec {
  code: string;
  weight: number;
  group: 'qy' | 'nl' | 'lx' | 'qs';
  intake: string;
  petitionOffice: string;
  handlers: Weighted<string>;
  investigators: Weighted<string>;
}
const countyLedger = (prefix: 'nl' | 'lx' | 'qs', weight: number): LedgerSpec => ({
  code: `${prefix}-jw`,
  weight,
  group: prefix,
  intake: `${prefix}-ggs`,
  petitionOffice: `${prefix}-xfs`,
  handlers: [[`${prefix}-jcs`, 62], [`${prefix}-t1`, 14], [`${prefix}-t2`, 14], [`${prefix}-ggs`, 10]],
  investigators: [[`${prefix}-jcs`, 100]],
});
const townshipLedger = (code: string, group: 'nl' | 'lx' | 'qs', weight: number): LedgerSpec => ({
  code,
  weight,
  group,
  intake: code,
  petitionOffice: code,
  handlers: [[code, 100]],
  investigators: [[code, 100]],
});
const ledgerSpecs: LedgerSpec[] = [
  {
    code: 'qy-jw',
    weight: 30,
    group: 'qy',
    intake: 'qy-ggs',
    petitionOffice: 'qy-xfs',
    handlers: [['qy-jcs1', 28], ['qy-jcs2', 28], ['qy-pz-jy', 13], ['qy-pz-wj', 13], ['qy-scs1', 8], ['qy-ggs', 10]],
    investigators: [['qy-scs1', 70], ['qy-jcs1', 15], ['qy-jcs2', 15]],
  },
  countyLedger('nl', 17),
  countyLedger('lx', 17),
  countyLedger('qs', 16),
  townshipLedger('nl-t1', 'nl', 3),
  townshipLedger('nl-t2', 'nl', 3),
  townshipLedger('lx-t1', 'lx', 4),
  townshipLedger('lx-t2', 'lx', 3),
  townshipLedger('qs-t1', 'qs', 3),
  townshipLedger('qs-t2', 'qs', 3),
];

// Where clues come from, and which body sent them (followed by that body as the sender).
const sourceMix: Weighted<ClueSource> = [
  ['petition', 46],
  ['inspection', 10],
  ['audit', 5],
  ['peoples_congress', 2],
  ['partner_body', 4],
  ['data_cross_check', 5],
  ['special_supervisor', 1],
  ['media', 2],
  ['self_discovered', 15],
  ['other_commission', 5],
  ['law_enforcement', 5],
];

// Open states by the age of the clue: recent ones wait for registration, assignment and a proposal; old ones are
// mostly closed, with stragglers (verifications, held clues, transfers awaiting a result) that run overdue.
const statusByAge: { maxDays: number; mix: Weighted<ClueStatus> }[] = [
  { maxDays: 5, mix: [['received', 30], ['registered', 24], ['with_handling_office', 35], ['transfer_received', 5], ['disposal_proposed', 6]] },
  {
    maxDays: 45,
    mix: [
      ['registered', 3], ['with_handling_office', 28], ['disposal_proposed', 12], ['inquiry', 10], ['awaiting_reply', 8], ['inquiry_reporting', 5],
      ['verification', 12], ['shelved', 3], ['transferred', 5], ['concluded', 7], ['closed', 5], ['forwarded', 2],
    ],
  },
  {
    maxDays: 180,
    mix: [
      ['with_handling_office', 3], ['disposal_proposed', 2], ['inquiry', 3], ['awaiting_reply', 3], ['inquiry_reporting', 3], ['inquiry_reported', 2],
      ['verification', 9], ['verification_reported', 2], ['shelved', 6], ['transferred', 4], ['concluded', 7], ['closed', 52], ['forwarded', 3], ['returned', 1],
    ],
  },
  {
    maxDays: Infinity,
    mix: [['closed', 86], ['shelved', 4], ['concluded', 2], ['forwarded', 3], ['returned', 1], ['verification', 1.5], ['transferred', 1.5], ['with_handling_office', 1]],
  },
];
// Days from receipt to entering the current state (lower, upper); never later than the clue's age allows.
const clueStateDays: Partial<Record<ClueStatus, [number, number]>> = {
  registered: [0.2, 3],
  with_handling_office: [2, 7],
  disposal_proposed: [12, 30],
  inquiry: [18, 40],
  awaiting_reply: [25, 50],
  inquiry_reporting: [30, 60],
  inquiry_reported: [45, 90],
  verification: [18, 40],
  verification_reported: [70, 120],
  shelved: [20, 60],
  transferred: [1, 5],
  forwarded: [1, 5],
  returned: [1, 5],
  concluded: [30, 150],
  closed: [40, 200],
};
// Rough number of transitions behind each state (the row's optimistic-lock version).
const clueVersion: Record<ClueStatus, number> = {
  received: 1, transfer_received: 1, registered: 2, with_handling_office: 3, disposal_proposed: 4, inquiry: 5, awaiting_reply: 6, inquiry_reporting: 6,
  inquiry_reported: 7, verification: 5, verification_reported: 6, shelved: 5, transferred: 3, case_filing: 6, concluded: 7, closed: 8, forwarded: 3, returned: 2,
};
const disposalOfStatus: Partial<Record<ClueStatus, DisposalType>> = {
  inquiry: 'talk_or_letter_inquiry',
  awaiting_reply: 'talk_or_letter_inquiry',
  inquiry_reporting: 'talk_or_letter_inquiry',
  inquiry_reported: 'talk_or_letter_inquiry',
  verification: 'preliminary_verification',
  verification_reported: 'preliminary_verification',
  shelved: 'shelved_pending_review',
};
const concludedDisposals: Weighted<DisposalType> = [['talk_or_letter_inquiry', 42], ['closed_no_action', 33], ['preliminary_verification', 15], ['shelved_pending_review', 10]];
const proposedDisposals: Weighted<DisposalType> = [['talk_or_letter_inquiry', 50], ['preliminary_verification', 25], ['closed_no_action', 15], ['shelved_pending_review', 6], ['case_filing', 4]];
const conclusions: Partial<Record<DisposalType, string[]>> = {
  talk_or_letter_inquiry: ['经谈话函询，本人作出说明，反映问题不属实，予以采信了结。', '经函询，反映问题部分属实，对其进行谈话提醒。', '经谈话函询，对其批评教育并责令作出书面检查。'],
  closed_no_action: ['反映问题笼统、不具可查性，予以了结。', '经研判，反映问题已有处理结论，予以了结。'],
  preliminary_verification: ['经初步核实，反映问题不属实，予以了结。', '经初步核实，反映问题部分属实，对其进行谈话提醒。'],
  shelved_pending_review: ['暂存待查期满清理，未发现新的问题线索，予以了结。'],
  case_filing: ['经立案审查调查，案件已审结，处分决定已执行。'],
};

// Cases by the time since filing: most old ones are executed, a few withdrawn; recent ones are investigated.
const caseStatusByAge: { maxDays: number; mix: Weighted<CaseStatus> }[] = [
  { maxDays: 10, mix: [['filed', 50], ['under_investigation', 50]] },
  { maxDays: 100, mix: [['under_investigation', 68], ['report_review', 8], ['report_deliberation', 5], ['under_hearing', 11], ['heard', 4], ['decided', 4]] },
  { maxDays: 250, mix: [['under_investigation', 8], ['under_hearing', 9], ['heard', 4], ['decided', 8], ['executing', 38], ['executed', 31], ['withdrawn', 2]] },
  { maxDays: Infinity, mix: [['under_investigation', 1], ['under_hearing', 1], ['executing', 8], ['executed', 87], ['withdrawn', 3]] },
];
const caseStateDays: Partial<Record<CaseStatus, [number, number]>> = {
  under_investigation: [1, 6],
  report_review: [60, 95],
  report_deliberation: [65, 100],
  under_hearing: [70, 110],
  heard: [100, 140],
  withdrawn: [110, 160],
};
const decidedStatuses = new Set<CaseStatus>(['decided', 'executing', 'executed']);
const caseVersion: Record<CaseStatus, number> = {
  filed: 1, under_investigation: 2, report_review: 3, report_deliberation: 4, under_hearing: 5, heard: 6, decided: 7, executing: 8, executed: 9, withdrawn: 7,
};
const sanctionMix: Weighted<SanctionType> = [
  ['party_warning', 24], ['party_serious_warning', 15], ['removal_from_party_post', 4], ['probation_1y', 3], ['probation_2y', 2], ['expulsion_from_party', 6],
  ['admin_warning', 7], ['admin_demerit', 7], ['admin_major_demerit', 4], ['admin_demotion', 2], ['admin_dismissal_from_post', 3], ['admin_expulsion', 4],
  ['reminder_talk', 5], ['criticism_education', 4], ['admonishment', 4], ['post_adjustment', 2], ['removal_from_office', 1], ['transfer_to_procuratorate', 3],
];

// People concerned: surnames with roughly their real frequency (王, 李, 张 about 7 % each), so that a search by
// a common surname meets tens of thousands of clues at 1M.
const surnameMix: Weighted<string> = [
  ['王', 7.1], ['李', 7.0], ['张', 6.6], ['刘', 5.3], ['陈', 4.5], ['杨', 3.1], ['黄', 2.2], ['赵', 2.0], ['吴', 1.9], ['周', 1.9], ['徐', 1.5], ['孙', 1.5],
  ['马', 1.4], ['朱', 1.3], ['胡', 1.3], ['郭', 1.1], ['何', 1.1], ['高', 1.0], ['林', 1.0], ['罗', 0.9],
  ...'郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
    .split('')
    .map((surname): [string, number] => [surname, 0.55]),
];
const givenNames = '建国 明 华 军 伟 芳 娜 敏 静 丽 强 磊 洋 勇 艳 杰 涛 超 平 刚 桂英 秀兰 玉霞 辉 鹏 飞 鑫 波 宇 浩 凯 健 俊 志强 晓东 海林 振华 红梅 春燕 德文 国庆 建华 永红 文斌 小平 立新 志刚 玉兰 金花 长青 卫东 学军 德明 光荣 福生 有才 富贵 宝山 海涛 红军 建军 国平 少华 永刚 玉梅 文华'.split(' ');
const cityDepartments = ['教育局', '卫生健康委员会', '住房和城乡建设局', '交通运输局', '自然资源和规划局', '农业农村局', '民政局', '财政局', '人力资源和社会保障局', '市场监督管理局', '城市管理局', '水务局', '医疗保障局', '国有资产监督管理委员会'];
const cityCompanies = ['城市建设投资集团有限公司', '交通投资集团有限公司', '水务集团有限公司'];
const cityPosts = ['局长', '副局长', '处长', '副处长', '科长', '副科长', '主任', '副主任', '工作人员'];
const companyPosts = ['董事长', '总经理', '副总经理', '部门经理', '财务总监'];
const countyDepartments = ['教育局', '卫生健康局', '医疗保障局', '住房和城乡建设局', '农业农村局', '民政局', '人力资源和社会保障局', '自然资源局', '交通运输局', '市场监督管理局', '水利局', '财政局'];
const countyPosts = ['局长', '副局长', '股长', '主任', '副主任', '工作人员'];
const townOffices = ['党政办', '民政办', '财政所', '国土所', '农业服务中心', '社保所', '规划建设办', '综合执法队', '卫生院', '中心学校'];
const townPosts = ['党委书记', '镇长', '副镇长', '站长', '所长', '主任', '干部'];
const villagePosts = ['村党支部书记', '村委会主任', '村会计', '村文书', '村民小组长'];
const places = {
  nl: { county: '南岭区', towns: ['桂花街道', '石门镇'], villages: ['桂花社区', '石门村', '新塘村'] },
  lx: { county: '临溪县', towns: ['溪口镇', '白沙乡'], villages: ['溪口村', '柳湾村', '白沙村', '下坪村'] },
  qs: { county: '青石县', towns: ['青石镇', '云台乡'], villages: ['东岗村', '云台村', '龙井村'] },
};
// Senders outside the ledgers: inspection team, audit bureau, people's congress and CPPCC, organisation department.
const externalSenders: Partial<Record<ClueSource, string[]>> = {
  inspection: ['qy-xcz1'],
  audit: ['qy-sjj'],
  peoples_congress: ['qy-rd', 'qy-zx'],
  partner_body: ['qy-zzb'],
};

interface Person {
  id: string;
  name: string;
  unit: string;
  post: string;
  objectLevel: ObjectLevel | null;
  cadreLevel: CadreManagementLevel | null;
  clues: number;
  cases: number;
  sanctions: number;
}

interface CaseSpec {
  id: string;
  ledgerId: string;
  organizationId: string;
  clueId: string;
  status: CaseStatus;
  title: string;
  allegations: string;
  person: Person;
  objectLevel: ObjectLevel | null;
  filedAt: Date;
  decidedAt: Date | null;
  stateAt: Date;
  finishedAt: Date;
  createdBy: string | null;
  sanctions: SanctionType[];
}

export interface ClueDatasetResult {
  clues: number;
  cases: number;
  sanctions: number;
  persons: number;
  /** Persons drawing 10 to 200 clues each (HOT_SHARE of all clues), and the clues of the busiest of them. */
  frequentPersons: number;
  byStatus: Record<string, number>;
  caseByStatus: Record<string, number>;
  /** The person with the most clues (at most the 200 the person view shows): the person-view scenario's subject. */
  busiestPerson: { id: string; name: string; clues: number; cases: number; sanctions: number };
  seconds: { insert: number; vacuumAnalyze: number };
}

/**
 * Inserts `clues` problem clues (问题线索) and `cases` cases (立案) with their sanctions and the persons they are about,
 * the way the application would have left them after two years: spread over the demo city's ledgers (city and county
 * commissions, township committees) and their holders (case-management office, supervision offices, dispatched groups,
 * townships), states by age (most closed) with the open deadline mirrored onto the row (due_at/remind_at by the
 * workflow's own rules and the calendar), ledger numbers XS{year}-{n} per ledger and year, case numbers LA{year}-{n},
 * persons linked by sealed ID number (two thirds of them) or name and unit. A fifth of the clues are about people
 * with 10 to 200 clues each. Batches of 1000 rows, one INSERT … SELECT FROM unnest(...) each; then VACUUM ANALYZE.
 * Only the tables the ledger list and the person view read are filled (clues, clue_persons, cases, sanctions), and
 * the serial counters are moved past the numbers used: no timeline, deadline, record, approval or audit rows.
 */
export async function generateClues(
  handle: DatabaseHandle,
  {
    clues: count,
    cases: caseCount,
    persons: personCount = Math.max(1, Math.round(count * 0.3)),
    sealer,
    log,
    now = new Date(),
    seed = 20_261_124,
  }: { clues: number; cases: number; persons?: number; sealer: Sealer; log: (line: string) => void; now?: Date; seed?: number },
): Promise<ClueDatasetResult> {
  const bodies = await handle.query<{ id: string; code: string }>('select id, code from organizations');
  const bodyId = new Map(bodies.map((body) => [body.code, body.id]));
  const needed = [
    ...ledgerSpecs.flatMap((spec) => [spec.code, spec.intake, spec.petitionOffice, ...spec.handlers.map(([code]) => code), ...spec.investigators.map(([code]) => code)]),
    ...Object.values(externalSenders).flat(),
  ];
  const missing = [...new Set(needed)].filter((code) => !bodyId.has(code));
  if (missing.length > 0) throw new Error(`the clue data set is laid out over the demo city (清源市); this database lacks bodies ${missing.join(', ')}`);
  const id = (code: string) => bodyId.get(code)!;
  const staffOf = new Map<string, string[]>();
  for (const row of await handle.query<{ organization_id: string; id: string }>('select m.organization_id, u.id from memberships m join users u on u.id = m.user_id order by u.username')) {
    staffOf.set(row.organization_id, [...(staffOf.get(row.organization_id) ?? []), row.id]);
  }
  const serials = new Map<string, number>();
  for (const row of await handle.query<{ organization_id: string; series: string; year: number; last_value: number }>(
    `select organization_id, series, year, last_value from serial_counters where series in ('clue', 'case')`,
  )) {
    serials.set(`${row.series}/${row.organization_id}/${row.year}`, Number(row.last_value));
  }
  const nextNumber = (series: 'clue' | 'case', ledgerId: string, year: number) => {
    const key = `${series}/${ledgerId}/${year}`;
    const next = (serials.get(key) ?? 0) + 1;
    serials.set(key, next);
    return next;
  };
  const exceptions: CalendarExceptions = await createCalendarService({ db: handle.db }).exceptions();
  const idNumberKey = sealer.derive('clue-person-id-number');

  const pick = random(seed);
  const choose = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)];
  const weighted = <T>(mix: Weighted<T>): T => {
    let roll = pick() * mix.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of mix) if ((roll -= weight) < 0) return value;
    return mix[0][0];
  };
  const between = ([low, high]: [number, number]) => low + pick() * (high - low);
  const makeText = reportTextMaker(pick);
  const ledgerMix: Weighted<LedgerSpec> = ledgerSpecs.map((spec) => [spec, spec.weight]);

  // ---- Persons ----
  const pendingPersons: unknown[][] = [];
  let personOrdinal = 0;
  const newPerson = (group: LedgerSpec['group'], createdAt: Date): Person => {
    const name = `${weighted(surnameMix)}${choose(givenNames)}`;
    let unit: string;
    let post: string;
    let objectLevel: ObjectLevel | null;
    let cadreLevel: CadreManagementLevel | null;
    const roll = pick();
    if (group === 'qy') {
      if (roll < 0.8) {
        unit = `清源市${choose(cityDepartments)}`;
        post = choose(cityPosts);
        objectLevel = post.endsWith('局长') || post === '主任' ? 'county_division' : post.includes('处长') || post.includes('科长') ? 'township_section' : 'general_cadre';
        cadreLevel = objectLevel === 'county_division' ? 'city_managed' : 'unit_managed';
      } else {
        unit = `清源市${choose(cityCompanies)}`;
        post = choose(companyPosts);
        objectLevel = 'rural_enterprise_other';
        cadreLevel = post === '董事长' || post === '总经理' ? 'city_managed' : 'unit_managed';
      }
    } else {
      const place = places[group];
      if (roll < 0.35) {
        unit = `${place.county}${choose(countyDepartments)}`;
        post = choose(countyPosts);
        objectLevel = post.endsWith('局长') ? 'township_section' : 'general_cadre';
        cadreLevel = post === '局长' ? 'county_managed' : 'unit_managed';
      } else if (roll < 0.7) {
        unit = `${choose(place.towns)}${choose(townOffices)}`;
        post = choose(townPosts);
        objectLevel = post === '党委书记' || post === '镇长' ? 'township_section' : 'general_cadre';
        cadreLevel = objectLevel === 'township_section' ? 'county_managed' : 'township_managed';
      } else {
        unit = `${choose(place.towns)}${choose(place.villages)}`;
        post = choose(villagePosts);
        objectLevel = 'rural_enterprise_other';
        cadreLevel = 'township_managed';
      }
    }
    if (pick() < 0.08) cadreLevel = null;
    if (pick() < 0.05) objectLevel = null;
    const person: Person = { id: randomUUID(), name, unit, post, objectLevel, cadreLevel, clues: 0, cases: 0, sanctions: 0 };
    // Two thirds are known by their ID number (unique by construction), the rest by name and unit.
    let idNumberHash: string | null = null;
    let idNumberSealed: string | null = null;
    if (pick() < 0.65) {
      const idNumber = `99${String(10_000_000_000_000 + personOrdinal).padStart(15, '0')}${personOrdinal % 10}`;
      idNumberHash = createHmac('sha256', idNumberKey).update(idNumber).digest('base64url');
      idNumberSealed = sealer.seal(idNumber);
    }
    personOrdinal += 1;
    pendingPersons.push([person.id, name, unit, post, idNumberHash, idNumberSealed, createdAt.toISOString()]);
    return person;
  };
  const personSql = `insert into clue_persons (id, name, unit, post, id_number_hash, id_number_sealed, created_at)
    select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])`;
  const personParams = (rows: unknown[][]) => Array.from({ length: 7 }, (_, column) => rows.map((row) => row[column]));

  const end = now.getTime() - 3600_000;
  const start = end - HISTORY_DAYS * DAY_MS;
  const step = (end - start) / Math.max(1, count);
  const groups = ['qy', 'nl', 'lx', 'qs'] as const;
  const groupShare = Object.fromEntries(groups.map((group) => [group, ledgerSpecs.filter((spec) => spec.group === group).reduce((sum, spec) => sum + spec.weight, 0)]));
  const totalWeight = ledgerSpecs.reduce((sum, spec) => sum + spec.weight, 0);
  // Frequent persons: each drawn with a weight between 10 and 200 (log-uniform, mean ≈ 63), so that each gets about
  // that many clues; the rest are drawn once or a few times.
  const meanHot = (HOT_MAX - HOT_MIN) / Math.log(HOT_MAX / HOT_MIN);
  const hotTotal = Math.max(1, Math.min(Math.round((HOT_SHARE * count) / meanHot), Math.floor(personCount / 2)));
  const hot = new Map<string, { people: Person[]; cumulative: number[] }>();
  for (const group of groups) {
    const people: Person[] = [];
    const cumulative: number[] = [];
    let sum = 0;
    for (let index = 0; index < Math.max(1, Math.round((hotTotal * groupShare[group]) / totalWeight)); index += 1) {
      people.push(newPerson(group, new Date(start)));
      sum += HOT_MIN * (HOT_MAX / HOT_MIN) ** pick();
      cumulative.push(sum);
    }
    hot.set(group, { people, cumulative });
  }
  const frequentPersons = [...hot.values()].reduce((sum, entry) => sum + entry.people.length, 0);
  const hotPerson = (group: LedgerSpec['group']) => {
    const { people, cumulative } = hot.get(group)!;
    const target = pick() * cumulative[cumulative.length - 1];
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return people[low];
  };
  const regular = new Map<string, Person[]>(groups.map((group) => [group, []]));
  const newPersonShare = Math.min(1, Math.max(0, (personCount - frequentPersons) / Math.max(1, (1 - HOT_SHARE) * count)));
  const personFor = (group: LedgerSpec['group'], receivedAt: Date): Person => {
    if (pick() < HOT_SHARE) return hotPerson(group);
    const pool = regular.get(group)!;
    if (pool.length === 0 || pick() < newPersonShare) {
      const person = newPerson(group, receivedAt);
      pool.push(person);
      return person;
    }
    return choose(pool);
  };

  // ---- Which clues became cases: exactly `caseCount` of those old enough, evenly spread over time ----
  const eligible = Math.floor(count * Math.max(0, (HISTORY_DAYS - CASE_MIN_AGE_DAYS) / HISTORY_DAYS));
  if (caseCount > eligible) throw new Error(`${caseCount} cases need at least ${caseCount} clues older than ${CASE_MIN_AGE_DAYS} days; ${count} clues give ${eligible}`);
  const isCase = (index: number) => index < eligible && Math.floor(((index + 1) * caseCount) / eligible) > Math.floor((index * caseCount) / eligible);

  // ---- Clues ----
  const columns = [
    ['id', 'uuid'],
    ['ledger_organization_id', 'uuid'],
    ['organization_id', 'uuid'],
    ['serial_number', 'text'],
    ['status', 'clue_status'],
    ['version', 'integer'],
    ['source', 'clue_source'],
    ['source_organization_id', 'uuid'],
    ['source_reference', 'text'],
    ['title', 'text'],
    ['allegations', 'text'],
    ['violation_categories', 'text[]'],
    ['person_id', 'uuid'],
    ['concerned_name', 'text'],
    ['concerned_post', 'text'],
    ['concerned_unit', 'text'],
    ['object_level', 'object_level'],
    ['cadre_management_level', 'cadre_management_level'],
    ['is_party_member', 'boolean'],
    ['lower_committee_principal', 'boolean'],
    ['proposal', 'jsonb'],
    ['disposal_type', 'disposal_type'],
    ['conclusion', 'text'],
    ['feedback', 'text'],
    ['feedback_at', 'timestamptz'],
    ['due_at', 'timestamptz'],
    ['remind_at', 'timestamptz'],
    ['received_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ] as const;
  const insertSql = unnestInsert('clues', columns);

  const byStatus: Record<string, number> = {};
  const caseByStatus: Record<string, number> = {};
  const caseSpecs: CaseSpec[] = [];
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const capped = (time: number) => new Date(Math.min(time, end));
  const deadlineOf = (rule: DeadlineRule | undefined, stateAt: Date) => {
    if (!rule) return { dueAt: null, remindAt: null };
    const dueAt = dueAtOf(stateAt, rule.basis, rule.length, exceptions);
    return { dueAt, remindAt: remindAtOf(stateAt, chinaDateOf(dueAt), rule.remindBefore ?? 2, exceptions) };
  };
  const proposalOf = (disposalType: DisposalType, person: Person, proposedAt: Date, proposer: string | null) => {
    const steps = [...defaultApprovalChains[person.cadreLevel ?? 'default']];
    if (disposalType === 'case_filing' && !steps.includes('principal_leader')) steps.push('principal_leader');
    return JSON.stringify({
      disposalType,
      reason: '经集体研判，反映问题具体、有可查性，建议按此方式处置。',
      proposedBy: '承办人',
      proposedById: proposer ?? randomUUID(),
      proposedAt: proposedAt.toISOString(),
      round: 1,
      steps,
    });
  };

  /** The case a clue became: its state by the time since filing, its decision and sanctions. */
  function makeCase(clueId: string, ledgerId: string, organizationId: string, person: Person, receivedAt: Date, title: string, allegations: string): CaseSpec {
    const ageDays = (end - receivedAt.getTime()) / DAY_MS;
    const filedAt = capped(receivedAt.getTime() + Math.min(between([20, 55]), ageDays * 0.8) * DAY_MS);
    const caseAge = (end - filedAt.getTime()) / DAY_MS;
    const status = weighted(caseStatusByAge.find((bucket) => caseAge <= bucket.maxDays)!.mix);
    let decidedAt: Date | null = null;
    let stateAt = filedAt;
    let finishedAt = filedAt;
    if (decidedStatuses.has(status)) {
      decidedAt = capped(filedAt.getTime() + Math.min(between([90, 170]), caseAge * 0.7) * DAY_MS);
      stateAt = status === 'decided' ? decidedAt : capped(decidedAt.getTime() + Math.min(between([3, 25]), (end - decidedAt.getTime()) / DAY_MS) * DAY_MS);
      finishedAt = status === 'executed' ? capped(stateAt.getTime() + between([30, 150]) * DAY_MS) : stateAt;
    } else {
      const window = caseStateDays[status];
      if (window) stateAt = capped(filedAt.getTime() + Math.min(between(window), caseAge * (0.3 + 0.7 * pick())) * DAY_MS);
      finishedAt = stateAt;
    }
    const sanctionCount = decidedStatuses.has(status) ? weighted<number>([[1, 70], [2, 25], [3, 5]]) : 0;
    const sanctions = new Set<SanctionType>();
    while (sanctions.size < sanctionCount) sanctions.add(weighted(sanctionMix));
    caseByStatus[status] = (caseByStatus[status] ?? 0) + 1;
    person.cases += 1;
    person.sanctions += sanctions.size;
    const staff = staffOf.get(organizationId) ?? [];
    return {
      id: randomUUID(),
      ledgerId,
      organizationId,
      clueId,
      status,
      title,
      allegations,
      person,
      objectLevel: person.objectLevel,
      filedAt,
      decidedAt,
      stateAt,
      finishedAt,
      createdBy: staff.length > 0 ? choose(staff) : null,
      sanctions: [...sanctions],
    };
  }

  function makeBatch(first: number, size: number): unknown[][] {
    const values: unknown[][] = columns.map(() => []);
    for (let index = first; index < first + size; index += 1) {
      const receivedAt = new Date(Math.floor(start + index * step + pick() * step));
      const ageDays = (end - receivedAt.getTime()) / DAY_MS;
      const ledger = weighted(ledgerMix);
      const ledgerId = id(ledger.code);
      const person = personFor(ledger.group, receivedAt);
      person.clues += 1;
      const clueId = randomUUID();
      const text = makeText(receivedAt);
      const source = weighted(sourceMix);
      const senderCode =
        source === 'petition' ? ledger.petitionOffice : externalSenders[source] ? choose(externalSenders[source]!) : source === 'self_discovered' && pick() < 0.5 ? weighted(ledger.handlers) : null;
      const sender = senderCode && senderCode !== ledger.intake ? id(senderCode) : null;

      let status: ClueStatus;
      let caseSpec: CaseSpec | null = null;
      let holder: string;
      if (isCase(index)) {
        holder = id(weighted(ledger.investigators));
        caseSpec = makeCase(clueId, ledgerId, holder, person, receivedAt, text.title, text.content);
        caseSpecs.push(caseSpec);
        status = caseSpec.status === 'executed' || caseSpec.status === 'withdrawn' ? (pick() < 0.95 ? 'closed' : 'concluded') : 'case_filing';
      } else {
        status = weighted(statusByAge.find((bucket) => ageDays <= bucket.maxDays)!.mix);
        const atIntake = status === 'received' || status === 'transfer_received' || status === 'registered' || status === 'transferred' || status === 'forwarded' || status === 'returned';
        holder = id(atIntake ? ledger.intake : weighted(ledger.handlers));
      }
      byStatus[status] = (byStatus[status] ?? 0) + 1;

      let stateAt: Date;
      if (caseSpec) stateAt = status === 'case_filing' ? caseSpec.filedAt : capped(caseSpec.finishedAt.getTime() + between([2, 20]) * DAY_MS);
      else {
        const window = clueStateDays[status];
        stateAt = window ? capped(receivedAt.getTime() + Math.min(between(window), ageDays * (0.3 + 0.7 * pick())) * DAY_MS) : receivedAt;
      }
      const { dueAt, remindAt } = deadlineOf(clueWorkflow.states[status].deadline as DeadlineRule | undefined, stateAt);
      let disposalType: DisposalType | null = null;
      if (caseSpec) disposalType = pick() < 0.6 ? 'case_filing' : 'preliminary_verification';
      else if (status === 'concluded' || status === 'closed') disposalType = weighted(concludedDisposals);
      else disposalType = disposalOfStatus[status] ?? null;
      const ledgerStaff = staffOf.get(id(ledger.intake)) ?? [];
      const handlerStaff = staffOf.get(holder) ?? [];
      const proposalType = status === 'disposal_proposed' ? weighted(proposedDisposals) : disposalType;
      const proposal = proposalType ? proposalOf(proposalType, person, capped(receivedAt.getTime() + Math.min(between([10, 28]), ageDays * 0.5) * DAY_MS), handlerStaff[0] ?? null) : null;
      const concluded = status === 'concluded' || status === 'closed';
      const conclusion = concluded && disposalType ? choose(conclusions[disposalType] ?? ['予以了结。']) : null;
      const fedBack = status === 'closed' && sender !== null;
      const serial = nextNumber('clue', ledgerId, Number(chinaDateOf(receivedAt).slice(0, 4)));
      const row = [
        clueId,
        ledgerId,
        holder,
        `XS${chinaDateOf(receivedAt).slice(0, 4)}-${String(serial).padStart(5, '0')}`,
        status,
        clueVersion[status],
        source,
        sender,
        sender && pick() < 0.7 ? `${source === 'petition' ? '信访转' : '移送函'}〔${chinaDateOf(receivedAt).slice(0, 4)}〕${1 + Math.floor(pick() * 300)}号` : null,
        text.title,
        text.content,
        pick() < 0.75 ? `{${choose(violationCategories)}${pick() < 0.25 ? `,${choose(violationCategories)}` : ''}}` : '{}',
        person.id,
        person.name,
        person.post,
        person.unit,
        person.objectLevel,
        person.cadreLevel,
        pick() < 0.86,
        pick() < 0.02,
        proposal,
        disposalType,
        conclusion,
        fedBack ? '处置结果已书面反馈来源单位。' : null,
        fedBack ? iso(stateAt) : null,
        iso(dueAt),
        iso(remindAt),
        receivedAt.toISOString(),
        ledgerStaff.length > 0 ? choose(ledgerStaff) : null,
        receivedAt.toISOString(),
        stateAt.toISOString(),
      ];
      row.forEach((value, column) => values[column].push(value));
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
    const persons = pendingPersons.splice(0);
    // The database stores batch n while batch n+1 is composed (PGlite shares this thread, so it gains nothing there).
    if (pending) await pending;
    pending = (async () => {
      for (let offset = 0; offset < persons.length; offset += BATCH_ROWS) await handle.query(personSql, personParams(persons.slice(offset, offset + BATCH_ROWS)));
      await handle.query(insertSql, params);
    })();
    sinceMark += size;
    if ((first + size) % 100_000 === 0 || first + size === count) {
      await pending;
      const at = performance.now();
      log(`    ${first + size} clues inserted (${Math.round(sinceMark / ((at - mark) / 1000))} rows/s), ${personOrdinal} persons so far`);
      mark = at;
      sinceMark = 0;
    }
  }
  await pending;
  const leftover = pendingPersons.splice(0);
  for (let offset = 0; offset < leftover.length; offset += BATCH_ROWS) await handle.query(personSql, personParams(leftover.slice(offset, offset + BATCH_ROWS)));

  // ---- Cases and sanctions, numbered in the order they were filed ----
  caseSpecs.sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime());
  const caseColumns = [
    ['id', 'uuid'],
    ['ledger_organization_id', 'uuid'],
    ['organization_id', 'uuid'],
    ['case_number', 'text'],
    ['clue_id', 'uuid'],
    ['status', 'case_status'],
    ['version', 'integer'],
    ['title', 'text'],
    ['allegations', 'text'],
    ['person_id', 'uuid'],
    ['concerned_name', 'text'],
    ['concerned_post', 'text'],
    ['concerned_unit', 'text'],
    ['object_level', 'object_level'],
    ['filed_at', 'timestamptz'],
    ['decided_at', 'timestamptz'],
    ['due_at', 'timestamptz'],
    ['remind_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ] as const;
  const sanctionColumns = [
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['organization_id', 'uuid'],
    ['person_id', 'uuid'],
    ['concerned_name', 'text'],
    ['concerned_unit', 'text'],
    ['category', 'sanction_category'],
    ['type', 'text'],
    ['four_form', 'four_form'],
    ['decided_on', 'date'],
    ['effective_from', 'date'],
    ['effect_ends_on', 'date'],
    ['permanent', 'boolean'],
    ['created_at', 'timestamptz'],
  ] as const;
  const caseSql = unnestInsert('cases', caseColumns);
  const sanctionSql = unnestInsert('sanctions', sanctionColumns);
  let sanctionTotal = 0;
  for (let first = 0; first < caseSpecs.length; first += BATCH_ROWS) {
    const batch = caseSpecs.slice(first, first + BATCH_ROWS);
    const caseValues: unknown[][] = caseColumns.map(() => []);
    const sanctionValues: unknown[][] = sanctionColumns.map(() => []);
    for (const spec of batch) {
      const year = Number(chinaDateOf(spec.filedAt).slice(0, 4));
      const { dueAt, remindAt } = deadlineOf(caseWorkflow.states[spec.status].deadline as DeadlineRule | undefined, spec.stateAt);
      [
        spec.id,
        spec.ledgerId,
        spec.organizationId,
        `LA${year}-${String(nextNumber('case', spec.ledgerId, year)).padStart(5, '0')}`,
        spec.clueId,
        spec.status,
        caseVersion[spec.status],
        spec.title,
        spec.allegations,
        spec.person.id,
        spec.person.name,
        spec.person.post,
        spec.person.unit,
        spec.objectLevel,
        spec.filedAt.toISOString(),
        iso(spec.decidedAt),
        iso(dueAt),
        iso(remindAt),
        spec.createdBy,
        spec.filedAt.toISOString(),
        spec.finishedAt.toISOString(),
      ].forEach((value, column) => caseValues[column].push(value));
      const decidedOn = spec.decidedAt ? chinaDateOf(spec.decidedAt) : null;
      for (const type of spec.sanctions) {
        const kind = sanctionTypes[type];
        [
          randomUUID(),
          spec.id,
          spec.organizationId,
          spec.person.id,
          spec.person.name,
          spec.person.unit,
          kind.category,
          type,
          kind.fourForm,
          decidedOn,
          decidedOn,
          effectEndOf(type, decidedOn!),
          Boolean((kind as { permanent?: boolean }).permanent),
          spec.decidedAt!.toISOString(),
        ].forEach((value, column) => sanctionValues[column].push(value));
        sanctionTotal += 1;
      }
    }
    await handle.query(caseSql, caseValues);
    if (sanctionValues[0].length > 0) await handle.query(sanctionSql, sanctionValues);
  }
  log(`    ${caseSpecs.length} cases and ${sanctionTotal} sanctions inserted`);

  for (const [key, lastValue] of serials) {
    const [series, organizationId, year] = key.split('/');
    await handle.query(
      `insert into serial_counters (organization_id, series, year, last_value) values ($1, $2, $3, $4)
       on conflict (organization_id, series, year) do update set last_value = greatest(serial_counters.last_value, excluded.last_value)`,
      [organizationId, series, Number(year), lastValue],
    );
  }
  const insert = (performance.now() - began) / 1000;
  mark = performance.now();
  // PostgreSQL's autovacuum would do this soon after a bulk load; PGlite has no autovacuum. Done on both alike.
  for (const table of ['clues', 'clue_persons', 'cases', 'sanctions']) await handle.query(`vacuum analyze ${table}`);
  await handle.query('analyze');
  const vacuumAnalyze = (performance.now() - mark) / 1000;

  // The person view's subject: the busiest person within the 200 clues it lists.
  let busiest: Person | null = null;
  for (const { people } of hot.values()) for (const person of people) if (person.clues <= HOT_MAX && (!busiest || person.clues > busiest.clues)) busiest = person;
  busiest ??= [...hot.values()][0].people[0];
  return {
    clues: count,
    cases: caseSpecs.length,
    sanctions: sanctionTotal,
    persons: personOrdinal,
    frequentPersons,
    byStatus,
    caseByStatus,
    busiestPerson: { id: busiest.id, name: busiest.name, clues: busiest.clues, cases: busiest.cases, sanctions: busiest.sanctions },
    seconds: { insert, vacuumAnalyze },
  };
}

/** INSERT … SELECT FROM unnest(one array per column): enums, jsonb and text[] go in as text and are cast per row. */
function unnestInsert(table: string, columns: readonly (readonly [string, string])[]): string {
  const plain = ['uuid', 'text', 'boolean', 'integer', 'timestamptz', 'date'];
  const arrayType = (cast: string) => (plain.includes(cast) ? `${cast}[]` : 'text[]');
  const selectOf = (name: string, cast: string) => (plain.includes(cast) ? `t.${name}` : `t.${name}::${cast}`);
  return (
    `insert into ${table} (${columns.map(([name]) => name).join(', ')}) select ${columns.map(([name, cast]) => selectOf(name, cast)).join(', ')} ` +
    `from unnest(${columns.map(([, cast], index) => `$${index + 1}::${arrayType(cast)}`).join(', ')}) as t(${columns.map(([name]) => name).join(', ')})`
  );
}
