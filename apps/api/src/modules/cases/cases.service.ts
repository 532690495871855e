import type { PgColumn } from 'drizzle-orm/pg-core';
import { and, asc, count, countDistinct, desc, eq, gte, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  allowedActionsFor,
  caseAppealWorkflow,
  caseWorkflow,
  clueWorkflow,
  DETENTION_EXTENSION_MONTHS,
  DETENTION_MONTHS,
  sanctionRefusal,
  sanctionTypeKeys,
  disposalTypes,
  fourForms,
  clueSources,
  sanctionTypes,
  type CaseAction,
  type CaseAppeal,
  type CaseAppealAction,
  type CaseAppealStatus,
  type CaseActionBody,
  type CaseDetail,
  type CaseListQuery,
  type CaseStatus,
  type CaseSummary,
  type ClueMetrics,
  type ClueMetricsQuery,
  type EndpointRequest,
  type Sanction,
  type SanctionListQuery,
  type SanctionType,
  type SupervisedCategory,
} from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { asWorkflowActor, hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { attachments, presentAttachment } from '../../platform/files/files.table.ts';
import { deadlineStateCondition, deadlineStateOf } from '../../platform/deadlines/deadline-state.ts';
import { countCapped, pageResult } from '../../platform/http/pagination.ts';
import { nextSerial } from '../../platform/numbering/serials.ts';
import { addDays, addMonths, chinaDateOf, endOfChinaDay, startOfChinaDay } from '../../platform/calendar/working-days.ts';
import { registerWorkflow } from '../../platform/workflow/registry.ts';
import type { WorkflowSubject } from '../../platform/workflow/workflow.engine.ts';
import { presentWorkflowEvent, workflowEvents } from '../../platform/workflow/workflow.table.ts';
import type { Platform } from '../../platform/platform.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { organizationName } from '../organizations/organization-name.ts';
import { actionIncomplete, clueSubject, type CaseFiling, type ClueRow } from '../clues/clues.service.ts';
import { createCommissionScope } from '../organizations/commission-scope.ts';
import { clues } from '../clues/clues.table.ts';
import { caseAppeals, caseMeasures, caseRecords, cases, sanctions } from './cases.table.ts';
import { users } from '../users/users.table.ts';

registerWorkflow(caseWorkflow);
registerWorkflow(caseAppealWorkflow);

export type CaseRow = typeof cases.$inferSelect;
const caseSubject: WorkflowSubject = { table: cases, id: cases.id, status: cases.status, version: cases.version };
const appealSubject: WorkflowSubject = { table: caseAppeals, id: caseAppeals.id, status: caseAppeals.status, version: caseAppeals.version };

const recordedActions = new Set<CaseAction>(['submitInvestigationReport', 'concludeHearing', 'decide', 'reportExecution']);
const finalStatuses = new Set<CaseStatus>(['executed', 'withdrawn']);
// Bodies whose officers work for the whole commission: its case-management office (案管室) and hearing office (审理室).
const commissionWideOffices = new Set(['case_management_office', 'case_hearing_office']);

const summaryColumns = {
  id: cases.id,
  caseNumber: cases.caseNumber,
  title: cases.title,
  status: cases.status,
  concernedName: cases.concernedName,
  concernedPost: cases.concernedPost,
  concernedUnit: cases.concernedUnit,
  objectLevel: cases.objectLevel,
  personId: cases.personId,
  clueId: cases.clueId,
  organizationId: cases.organizationId,
  organizationName: organizationName(cases.organizationId),
  filedAt: cases.filedAt,
  decidedAt: cases.decidedAt,
  updatedAt: cases.updatedAt,
  dueAt: cases.dueAt,
  remindAt: cases.remindAt,
};
type SummaryRow = {
  id: string;
  caseNumber: string;
  title: string;
  status: string;
  concernedName: string;
  concernedPost: string | null;
  concernedUnit: string | null;
  objectLevel: CaseSummary['objectLevel'];
  personId: string | null;
  clueId: string | null;
  organizationId: string;
  organizationName: string;
  filedAt: Date;
  decidedAt: Date | null;
  updatedAt: Date;
  dueAt: Date | null;
  remindAt: Date | null;
};

const sanctionColumns = {
  id: sanctions.id,
  caseId: sanctions.caseId,
  caseNumber: sql<string>`(select c.case_number from cases c where c.id = ${sanctions.caseId})`,
  personId: sanctions.personId,
  concernedName: sanctions.concernedName,
  concernedUnit: sanctions.concernedUnit,
  category: sanctions.category,
  type: sanctions.type,
  fourForm: sanctions.fourForm,
  decidedOn: sanctions.decidedOn,
  effectiveFrom: sanctions.effectiveFrom,
  effectEndsOn: sanctions.effectEndsOn,
  permanent: sanctions.permanent,
  revokedAt: sanctions.revokedAt,
  organizationId: sanctions.organizationId,
  organizationName: organizationName(sanctions.organizationId),
};

/** The last day a detention may last: 3 months from its first day, 6 with its one extension (监察法2024 art.48, D17). */
export function detentionLatestEndOn(startedOn: string, extended: boolean): string {
  return addDays(addMonths(startedOn, DETENTION_MONTHS + (extended ? DETENTION_EXTENSION_MONTHS : 0)), -1);
}

/** Party membership and category of the person concerned, as their clue records them (a party member by default). */
function concernedOf(clue: { isPartyMember: boolean; supervisedCategory: SupervisedCategory | null } | undefined) {
  return { isPartyMember: clue?.isPartyMember ?? true, supervisedCategory: clue?.supervisedCategory ?? null };
}

/** The last day of a sanction's effect period: it runs from the day it takes effect for its number of months. */
export function effectEndOf(type: SanctionType, effectiveFrom: string): string | null {
  const months = sanctionTypes[type].effectMonths;
  return months === null ? null : addDays(addMonths(effectiveFrom, months), -1);
}

export function createCasesService(platform: Pick<Platform, 'db' | 'clock' | 'workflows' | 'deadlines'>) {
  const { db, clock, workflows, deadlines } = platform;

  deadlines.mirror(caseAppealWorkflow.id, async (tx, subjectIds, open) => {
    await tx
      .update(caseAppeals)
      .set({ dueAt: open?.dueAt ?? null, remindAt: open?.remindAt ?? null })
      .where(inArray(caseAppeals.id, subjectIds));
  });
  deadlines.mirror(caseWorkflow.id, async (tx, subjectIds, open) => {
    await tx
      .update(cases)
      .set({ dueAt: open?.dueAt ?? null, remindAt: open?.remindAt ?? null })
      .where(subjectIds.length === 1 ? eq(cases.id, subjectIds[0]) : inArray(cases.id, subjectIds));
  });

  const commissionScope = createCommissionScope(db);
  const scopePath = (actor: Actor) => commissionScope.workingPath(actor, commissionWideOffices);

  async function inScope(column: PgColumn, actor: Actor): Promise<SQL> {
    return sql`${column} in (select o.id from organizations o where o.path like ${`${await scopePath(actor)}%`})`;
  }

  async function findVisible(actor: Actor, id: string, executor: DbOrTx = db): Promise<CaseRow> {
    const [row] = await executor.select().from(cases).where(and(eq(cases.id, id), await inScope(cases.organizationId, actor)));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  // ---- Filing, from the clue ledger ----

  /** A clue approved for filing becomes a case, in the same transaction as the approval. */
  const caseFiling: CaseFiling = {
    async open(tx: Transaction, clue: ClueRow, actor: Actor) {
      const now = clock.now();
      const year = Number(chinaDateOf(now).slice(0, 4));
      const number = await nextSerial(tx, { organizationId: clue.ledgerOrganizationId, series: 'case', year });
      const [row] = await tx
        .insert(cases)
        .values({
          ledgerOrganizationId: clue.ledgerOrganizationId,
          organizationId: clue.organizationId,
          caseNumber: `LA${year}-${String(number).padStart(5, '0')}`,
          clueId: clue.id,
          status: 'filed',
          title: clue.title,
          allegations: clue.allegations,
          personId: clue.personId,
          concernedName: clue.concernedName,
          concernedPost: clue.concernedPost,
          concernedUnit: clue.concernedUnit,
          objectLevel: clue.objectLevel,
          filedAt: now,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await workflows.start(tx, {
        definition: caseWorkflow,
        subjectId: row.id,
        organizationId: row.organizationId,
        status: 'filed',
        actor: asWorkflowActor(actor),
        after: { caseNumber: row.caseNumber, clueId: clue.id },
      });
    },
  };

  // ---- Reading ----

  function presentSummary(row: SummaryRow): CaseSummary {
    const status = row.status as CaseStatus;
    return {
      id: row.id,
      caseNumber: row.caseNumber,
      title: row.title,
      status,
      concernedName: row.concernedName,
      concernedPost: row.concernedPost,
      concernedUnit: row.concernedUnit,
      objectLevel: row.objectLevel,
      personId: row.personId,
      clueId: row.clueId,
      organizationId: row.organizationId,
      organizationName: row.organizationName ?? '',
      filedAt: row.filedAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
      dueAt: row.dueAt?.toISOString() ?? null,
      deadlineState: finalStatuses.has(status) ? null : deadlineStateOf(row, clock.now()),
    };
  }

  function presentSanction(row: Record<string, unknown>): Sanction {
    const { revokedAt, ...value } = row as unknown as Omit<Sanction, 'inEffect' | 'revoked'> & { caseNumber: string; revokedAt: Date | null };
    const today = chinaDateOf(clock.now());
    const revoked = revokedAt !== null;
    return {
      ...value,
      type: value.type as SanctionType,
      revoked,
      inEffect: !revoked && (value.permanent || (value.effectEndsOn !== null && value.effectiveFrom <= today && today <= value.effectEndsOn)),
      organizationName: value.organizationName ?? '',
    };
  }

  async function listConditions(actor: Actor, query: CaseListQuery): Promise<SQL> {
    const conditions: (SQL | undefined)[] = [await inScope(cases.organizationId, actor)];
    if (query.status?.length) conditions.push(inArray(cases.status, query.status));
    if (query.organizationId) conditions.push(eq(cases.organizationId, query.organizationId));
    if (query.personId) conditions.push(eq(cases.personId, query.personId));
    if (query.filedFrom) conditions.push(gte(cases.filedAt, startOfChinaDay(query.filedFrom)));
    if (query.filedTo) conditions.push(lte(cases.filedAt, endOfChinaDay(query.filedTo)));
    if (query.deadlineState) conditions.push(deadlineStateCondition(cases, query.deadlineState, clock.now()));
    if (query.q) {
      const prefix = `${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(/^LA\d{4}-\d+$/i.test(query.q) ? eq(cases.caseNumber, query.q.toUpperCase()) : or(sql`${cases.concernedName} like ${prefix}`, sql`${cases.concernedUnit} like ${prefix}`));
    }
    return and(...conditions)!;
  }

  function orderOf(query: CaseListQuery) {
    const direction = query.order === 'asc' ? asc : desc;
    if (query.sort === 'dueAt') return [sql`${cases.dueAt} ${sql.raw(query.order)} nulls last`, direction(cases.id)];
    return [direction(query.sort === 'updatedAt' ? cases.updatedAt : cases.filedAt), direction(cases.id)];
  }

  async function list(actor: Actor, query: EndpointRequest<'listCases'>['query']) {
    const where = await listConditions(actor, query);
    const [rows, counted] = await Promise.all([
      db.select(summaryColumns).from(cases).where(where).orderBy(...orderOf(query)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
      countCapped(db, cases, where),
    ]);
    return pageResult(rows.map((row) => presentSummary(row as SummaryRow)), counted, query);
  }

  async function exportRows(actor: Actor, query: CaseListQuery) {
    const rows = await db
      .select({ ...summaryColumns, allegations: cases.allegations })
      .from(cases)
      .where(await listConditions(actor, query))
      .orderBy(...orderOf(query))
      .limit(20_000);
    return rows.map((row) => ({ ...presentSummary(row as SummaryRow), allegations: row.allegations }));
  }

  async function detail(actor: Actor, id: string): Promise<CaseDetail> {
    const row = await findVisible(actor, id);
    const [[summary], events, deadlineRows, files, measures, records, decided, clueRows, appeals] = await Promise.all([
      db.select(summaryColumns).from(cases).where(eq(cases.id, id)),
      db.select().from(workflowEvents).where(and(eq(workflowEvents.workflowId, caseWorkflow.id), eq(workflowEvents.subjectId, id))).orderBy(asc(workflowEvents.createdAt)),
      deadlines.listFor(caseWorkflow.id, id),
      db.select().from(attachments).where(and(eq(attachments.ownerType, 'case'), eq(attachments.ownerId, id))).orderBy(asc(attachments.createdAt)),
      db.select().from(caseMeasures).where(eq(caseMeasures.caseId, id)).orderBy(asc(caseMeasures.startedOn)),
      db.select().from(caseRecords).where(eq(caseRecords.caseId, id)).orderBy(asc(caseRecords.createdAt)),
      db.select(sanctionColumns).from(sanctions).where(eq(sanctions.caseId, id)).orderBy(asc(sanctions.createdAt)),
      row.clueId
        ? db.select({ serialNumber: clues.serialNumber, isPartyMember: clues.isPartyMember, supervisedCategory: clues.supervisedCategory }).from(clues).where(eq(clues.id, row.clueId))
        : Promise.resolve([]),
      db.select().from(caseAppeals).where(eq(caseAppeals.caseId, id)).orderBy(asc(caseAppeals.createdAt)),
    ]);
    const open = !finalStatuses.has(row.status as CaseStatus);
    const measuresOpen = (row.status === 'filed' || row.status === 'under_investigation') && hasRole(actor, 'handling_officer', 'leader');
    const concerned = concernedOf(clueRows[0]);
    return {
      ...presentSummary(summary as SummaryRow),
      allegations: row.allegations,
      clueSerialNumber: clueRows[0]?.serialNumber ?? null,
      ledgerOrganizationId: row.ledgerOrganizationId,
      measures: measures.map((measure) => ({
        id: measure.id,
        kind: measure.kind,
        startedOn: measure.startedOn,
        endedOn: measure.endedOn,
        approvedBy: measure.approvedBy,
        note: measure.note,
        extendedOn: measure.extendedOn,
        extensionApprovedBy: measure.extensionApprovedBy,
        latestEndOn: measure.kind === 'detention' ? detentionLatestEndOn(measure.startedOn, Boolean(measure.extendedOn)) : null,
        recordedByName: measure.recordedByName,
        createdAt: measure.createdAt.toISOString(),
        version: measure.version,
      })),
      records: records.map((record) => ({ action: record.action, body: record.body, authorName: record.authorName, createdAt: record.createdAt.toISOString() })),
      sanctions: decided.map(presentSanction),
      appeals: await Promise.all(appeals.map((appeal) => presentAppeal(actor, appeal))),
      allowedActions: allowedActionsFor(caseWorkflow, row.status as CaseStatus, actor.roles),
      events: events.map(presentWorkflowEvent),
      deadlines: deadlineRows.map((deadline) => deadlines.present(deadline)),
      attachments: files.map(presentAttachment),
      isPartyMember: concerned.isPartyMember,
      supervisedCategory: concerned.supervisedCategory,
      allowedSanctionTypes: sanctionTypeKeys.filter((type) => !sanctionRefusal(type, concerned)),
      capabilities: { addMeasure: measuresOpen, editMeasures: measuresOpen, extendDeadline: open && hasRole(actor, 'leader') },
      version: row.version,
    };
  }

  // ---- Acting ----

  async function applyAction(actor: Actor, id: string, body: CaseActionBody): Promise<CaseDetail> {
    const row = await findVisible(actor, id);
    const action = body.action as CaseAction;
    if (!Object.hasOwn(caseWorkflow.actions, action)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
    const record = body.record?.trim();
    if (recordedActions.has(action) && !record) actionIncomplete('record', 'write the report or decision');
    const now = clock.now();
    const today = chinaDateOf(now);
    const steps: ((tx: Transaction) => Promise<void>)[] = [];
    let set: Partial<CaseRow> = {};

    if (record || (body.note && ['approveReport', 'transferToHearing', 'returnReport'].includes(action))) {
      // The three-level sign-offs (承办人/组长/组务会) and every report are kept as written records.
      steps.push(async (tx) => {
        await tx.insert(caseRecords).values({ caseId: row.id, action, body: record ?? body.note!, authorId: actor.userId, authorName: actor.displayName, createdAt: now });
      });
    }
    if (action === 'approveReport' || action === 'transferToHearing') {
      // 组长审核把关: a leader of the investigating body (or above) signs; the handler who wrote it cannot.
      const [holder] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, row.organizationId));
      if (!holder?.path.startsWith(actor.organizationPath)) throw new AppError('FORBIDDEN');
    }
    if (action === 'decide') {
      if (!body.sanctions?.length) actionIncomplete('sanctions', 'name at least one sanction or measure; a case without one is withdrawn instead');
      set = { decidedAt: now };
      // Each person can only receive what their membership and category allow: the person concerned as the clue
      // describes them, a co-subject named in the entry as the entry does.
      const [clue] = row.clueId ? await db.select({ isPartyMember: clues.isPartyMember, supervisedCategory: clues.supervisedCategory }).from(clues).where(eq(clues.id, row.clueId)) : [];
      const concerned = concernedOf(clue);
      const refused = body.sanctions.flatMap((entry, index) => {
        const person = entry.concernedName ? { isPartyMember: entry.isPartyMember ?? true, supervisedCategory: entry.supervisedCategory ?? null } : concerned;
        const refusal = sanctionRefusal(entry.type, person);
        return refusal ? [{ path: `body.sanctions.${index}.type`, message: refusal.en }] : [];
      });
      if (refused.length) throw new AppError('SANCTION_NOT_APPLICABLE', refused);
      const decided = body.sanctions.map((entry) => {
        const spec = sanctionTypes[entry.type];
        const effectiveFrom = entry.effectiveFrom ?? today;
        return {
          caseId: row.id,
          organizationId: row.organizationId,
          // Another person of the same case (共同违纪) is named in the entry; the person concerned otherwise.
          personId: entry.concernedName ? null : row.personId,
          concernedName: entry.concernedName ?? row.concernedName,
          concernedUnit: entry.concernedName ? (entry.concernedUnit ?? null) : row.concernedUnit,
          category: spec.category,
          type: entry.type,
          fourForm: entry.fourForm === undefined ? spec.fourForm : entry.fourForm,
          decidedOn: today,
          effectiveFrom,
          effectEndsOn: effectEndOf(entry.type, effectiveFrom),
          permanent: Boolean((spec as { permanent?: boolean }).permanent),
          createdAt: now,
        };
      });
      steps.push(async (tx) => {
        await tx.insert(sanctions).values(decided);
      });
    }
    if (action === 'reportExecution' || action === 'withdraw') {
      // The clue this case came from moves on: its sender is owed the result (结果反馈).
      steps.push(async (tx) => {
        await concludeClue(tx, row, action === 'withdraw' ? `撤销案件：${body.note ?? ''}` : await outcomeText(tx, row.id));
      });
    }

    await workflows.apply({
      definition: caseWorkflow,
      subject: caseSubject,
      subjectId: row.id,
      organizationId: row.organizationId,
      expectedStatus: body.expectedStatus as CaseStatus,
      action,
      actor: asWorkflowActor(actor),
      note: body.note,
      set: { ...set, updatedAt: now },
      within: steps.length
        ? async (tx) => {
            for (const step of steps) await step(tx);
          }
        : undefined,
    });
    return detail(actor, id);
  }

  /**
   * Ends a measure, changes its note, or extends a detention: a term moved past its first 3 months is the one
   * extension (at most 3 months more), approved one level up (监察法2024 art.47–48). Version-checked.
   */
  async function updateMeasure(actor: Actor, id: string, measureId: string, body: EndpointRequest<'updateCaseMeasure'>['body']): Promise<CaseDetail> {
    const row = await findVisible(actor, id);
    if (!(row.status === 'filed' || row.status === 'under_investigation') || !hasRole(actor, 'handling_officer', 'leader')) throw new AppError('FORBIDDEN');
    const [measure] = await db.select().from(caseMeasures).where(and(eq(caseMeasures.id, measureId), eq(caseMeasures.caseId, id)));
    if (!measure) throw new AppError('NOT_FOUND');
    const changes: Partial<typeof caseMeasures.$inferInsert> = {};
    if (body.note !== undefined) changes.note = body.note || null;
    if (body.endedOn !== undefined) {
      if (body.endedOn !== null && body.endedOn < measure.startedOn) {
        throw new AppError('VALIDATION_FAILED', [{ path: 'body.endedOn', message: 'ends before it starts' }]);
      }
      changes.endedOn = body.endedOn;
      if (measure.kind === 'detention') {
        const extending = body.endedOn === null || body.endedOn > detentionLatestEndOn(measure.startedOn, Boolean(measure.extendedOn));
        if (extending && measure.extendedOn) {
          throw new AppError('MEASURE_LIMIT_EXCEEDED', [{ path: 'body.endedOn', message: 'a detention is extended only once' }]);
        }
        if (extending) {
          const latest = detentionLatestEndOn(measure.startedOn, true);
          if (body.endedOn === null || body.endedOn > latest) {
            throw new AppError('MEASURE_LIMIT_EXCEEDED', [{ path: 'body.endedOn', message: `extended, a detention lasts until ${latest} at most` }]);
          }
          if (!body.extensionApprovedBy) actionIncomplete('extensionApprovedBy', 'name who approved the extension');
          changes.extendedOn = chinaDateOf(clock.now());
          changes.extensionApprovedBy = body.extensionApprovedBy;
        }
      }
    }
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(caseMeasures)
        .set({ ...changes, version: sql`${caseMeasures.version} + 1` })
        .where(and(eq(caseMeasures.id, measureId), eq(caseMeasures.version, body.version)))
        .returning({ id: caseMeasures.id });
      if (updated.length === 0) throw new AppError('VERSION_CONFLICT');
      await tx.update(cases).set({ version: sql`${cases.version} + 1`, updatedAt: clock.now() }).where(eq(cases.id, id));
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: row.organizationId,
        action: changes.extendedOn ? 'case.measure.extend' : 'case.measure.update',
        subjectType: 'case',
        subjectId: id,
        before: Object.fromEntries(Object.keys(changes).map((key) => [key, measure[key as keyof typeof measure] ?? null])),
        after: { measureId, ...changes },
      });
    });
    return detail(actor, id);
  }

  async function outcomeText(tx: DbOrTx, caseId: string): Promise<string> {
    const decided = await tx.select({ type: sanctions.type }).from(sanctions).where(eq(sanctions.caseId, caseId));
    const [row] = await tx.select({ caseNumber: cases.caseNumber, concernedName: cases.concernedName }).from(cases).where(eq(cases.id, caseId));
    const labels = decided.map((entry) => sanctionTypes[entry.type as SanctionType]?.label.zhCN ?? entry.type);
    return `案件${row.caseNumber}已审结执行：${row.concernedName}受到${labels.join('、')}。`;
  }

  async function concludeClue(tx: Transaction, row: CaseRow, conclusion: string) {
    if (!row.clueId) return;
    const [clue] = await tx.select().from(clues).where(eq(clues.id, row.clueId));
    if (!clue || clue.status !== 'case_filing') return;
    await workflows.apply(
      {
        definition: clueWorkflow,
        subject: clueSubject,
        subjectId: clue.id,
        organizationId: clue.organizationId,
        expectedStatus: 'case_filing',
        action: 'caseConcluded',
        actor: { kind: 'system', name: 'case' },
        note: conclusion,
        set: { conclusion, updatedAt: clock.now() },
      },
      tx,
    );
  }

  async function addMeasure(actor: Actor, id: string, body: EndpointRequest<'addCaseMeasure'>['body']): Promise<CaseDetail> {
    const row = await findVisible(actor, id);
    if (!(row.status === 'filed' || row.status === 'under_investigation') || !hasRole(actor, 'handling_officer', 'leader')) throw new AppError('FORBIDDEN');
    if (body.kind === 'detention') {
      // 监察法2024 art.48: a detention is decided for at most 3 months; more needs its extension (updateMeasure).
      const latest = detentionLatestEndOn(body.startedOn, false);
      if (body.endedOn && body.endedOn > latest) {
        throw new AppError('MEASURE_LIMIT_EXCEEDED', [{ path: 'body.endedOn', message: `a detention is decided for at most 3 months (until ${latest}); extend it once it runs` }]);
      }
    }
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(cases)
        .set({ version: sql`${cases.version} + 1`, updatedAt: clock.now() })
        .where(and(eq(cases.id, id), eq(cases.status, row.status)))
        .returning({ id: cases.id });
      if (updated.length === 0) throw new AppError('WORKFLOW_STATE_CHANGED');
      await tx.insert(caseMeasures).values({
        caseId: id,
        kind: body.kind,
        startedOn: body.startedOn,
        endedOn: body.endedOn ?? null,
        approvedBy: body.approvedBy,
        note: body.note ?? null,
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
        createdAt: clock.now(),
      });
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: row.organizationId,
        action: 'case.measure.add',
        subjectType: 'case',
        subjectId: id,
        after: { kind: body.kind, startedOn: body.startedOn, endedOn: body.endedOn ?? null, approvedBy: body.approvedBy },
      });
    });
    return detail(actor, id);
  }

  // ---- Appeals (申诉 / 复审 / 复核) ----

  async function presentAppeal(actor: Actor, row: typeof caseAppeals.$inferSelect): Promise<CaseAppeal> {
    const reviewers = row.reviewerIds.length
      ? (await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, row.reviewerIds))).map((user) => user.displayName)
      : [];
    const status = row.status as CaseAppealStatus;
    return {
      id: row.id,
      caseId: row.caseId,
      kind: row.kind,
      status,
      appellant: row.appellant,
      grounds: row.grounds,
      filedOn: row.filedOn,
      reviewerNames: reviewers,
      outcome: row.outcome,
      decision: row.decision,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      dueAt: row.dueAt?.toISOString() ?? null,
      deadlineState: caseAppealWorkflow.states[status].final ? null : deadlineStateOf(row, clock.now()),
      allowedActions: allowedActionsFor(caseAppealWorkflow, status, actor.roles),
    };
  }

  /** An appeal is possible once the decision exists; execution is not suspended (监察法 art.56, 政务处分法 art.56). */
  async function fileAppeal(actor: Actor, id: string, body: EndpointRequest<'fileCaseAppeal'>['body']): Promise<CaseDetail> {
    const row = await findVisible(actor, id);
    if (!['decided', 'executing', 'executed'].includes(row.status) || !hasRole(actor, 'case_management_officer', 'handling_officer', 'leader')) {
      throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
    }
    const now = clock.now();
    await db.transaction(async (tx) => {
      const [appeal] = await tx
        .insert(caseAppeals)
        .values({ caseId: row.id, organizationId: row.organizationId, kind: body.kind, status: 'filed', appellant: body.appellant, grounds: body.grounds, filedOn: body.filedOn, createdAt: now, updatedAt: now })
        .returning();
      await workflows.start(tx, {
        definition: caseAppealWorkflow,
        subjectId: appeal.id,
        organizationId: row.organizationId,
        status: 'filed',
        actor: asWorkflowActor(actor),
        after: { caseId: row.id, kind: body.kind },
      });
    });
    return detail(actor, id);
  }

  async function applyAppealAction(actor: Actor, appealId: string, body: EndpointRequest<'applyCaseAppealAction'>['body']): Promise<CaseAppeal> {
    const [appeal] = await db.select().from(caseAppeals).where(eq(caseAppeals.id, appealId));
    if (!appeal) throw new AppError('NOT_FOUND');
    const row = await findVisible(actor, appeal.caseId);
    const action = body.action as CaseAppealAction;
    if (!Object.hasOwn(caseAppealWorkflow.actions, action)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
    const now = clock.now();
    let set: Partial<typeof caseAppeals.$inferSelect> = {};
    let within: ((tx: Transaction) => Promise<void>) | undefined;
    if (action === 'accept') {
      if (!body.reviewerIds?.length) actionIncomplete('reviewerIds', 'name the review team');
      // 2019 规则 art.59: the review team excludes those who investigated or heard the case.
      const involved = await db
        .selectDistinct({ actorId: workflowEvents.actorId })
        .from(workflowEvents)
        .where(and(eq(workflowEvents.workflowId, caseWorkflow.id), eq(workflowEvents.subjectId, row.id), isNotNull(workflowEvents.actorId)));
      const excluded = new Set(involved.map((entry) => entry.actorId));
      if (body.reviewerIds.some((reviewer) => excluded.has(reviewer))) throw new AppError('REVIEWER_CONFLICT');
      set = { reviewerIds: body.reviewerIds };
    }
    if (action === 'decide') {
      if (!body.outcome) actionIncomplete('outcome', 'choose the outcome');
      if (!body.decision?.trim()) actionIncomplete('decision', 'write the review decision');
      set = { outcome: body.outcome, decision: body.decision.trim(), decidedAt: now };
      if (body.outcome === 'revoked') {
        // A revoked decision's sanctions end now; they stay in the register as history.
        within = async (tx) => {
          await tx.update(sanctions).set({ revokedAt: now }).where(and(eq(sanctions.caseId, row.id), sql`${sanctions.revokedAt} is null`));
        };
      }
    }
    await workflows.apply({
      definition: caseAppealWorkflow,
      subject: appealSubject,
      subjectId: appeal.id,
      organizationId: row.organizationId,
      expectedStatus: body.expectedStatus as CaseAppealStatus,
      action,
      actor: asWorkflowActor(actor),
      note: body.note,
      set: { ...set, updatedAt: now },
      within,
    });
    const [updated] = await db.select().from(caseAppeals).where(eq(caseAppeals.id, appealId));
    return presentAppeal(actor, updated);
  }

  // ---- Sanctions register ----

  async function sanctionConditions(actor: Actor, query: SanctionListQuery): Promise<SQL> {
    const today = chinaDateOf(clock.now());
    const conditions: (SQL | undefined)[] = [await inScope(sanctions.organizationId, actor)];
    if (query.category) conditions.push(eq(sanctions.category, query.category));
    if (query.type) conditions.push(eq(sanctions.type, query.type));
    if (query.fourForm) conditions.push(eq(sanctions.fourForm, query.fourForm));
    if (query.personId) conditions.push(eq(sanctions.personId, query.personId));
    if (query.decidedFrom) conditions.push(gte(sanctions.decidedOn, query.decidedFrom));
    if (query.decidedTo) conditions.push(lte(sanctions.decidedOn, query.decidedTo));
    const inEffect = and(sql`${sanctions.revokedAt} is null`, or(eq(sanctions.permanent, true), and(lte(sanctions.effectiveFrom, today), gte(sanctions.effectEndsOn, today))));
    if (query.inEffect === 'true') conditions.push(inEffect);
    if (query.inEffect === 'false') conditions.push(sql`not (${inEffect})`);
    return and(...conditions)!;
  }

  async function listSanctions(actor: Actor, query: EndpointRequest<'listSanctions'>['query']) {
    const where = await sanctionConditions(actor, query);
    const [rows, counted] = await Promise.all([
      db.select(sanctionColumns).from(sanctions).where(where).orderBy(desc(sanctions.decidedOn), desc(sanctions.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
      countCapped(db, sanctions, where),
    ]);
    return pageResult(rows.map(presentSanction), counted, query);
  }

  async function exportSanctions(actor: Actor, query: SanctionListQuery) {
    const rows = await db.select(sanctionColumns).from(sanctions).where(await sanctionConditions(actor, query)).orderBy(desc(sanctions.decidedOn)).limit(20_000);
    return rows.map(presentSanction);
  }

  /** Cases and sanctions about a person, within the actor's scope (the person view adds them to the clues). */
  async function personHistory(actor: Actor, personId: string) {
    const [caseRows, sanctionRows] = await Promise.all([
      db.select(summaryColumns).from(cases).where(and(eq(cases.personId, personId), await inScope(cases.organizationId, actor))).orderBy(desc(cases.filedAt)).limit(100),
      db.select(sanctionColumns).from(sanctions).where(and(eq(sanctions.personId, personId), await inScope(sanctions.organizationId, actor))).orderBy(desc(sanctions.decidedOn)).limit(100),
    ]);
    return { cases: caseRows.map((row) => presentSummary(row as SummaryRow)), sanctions: sanctionRows.map(presentSanction) };
  }

  // ---- Metrics (DOMAIN.md §5.2) ----

  async function metrics(actor: Actor, query: ClueMetricsQuery): Promise<ClueMetrics> {
    const from = startOfChinaDay(query.from);
    const to = endOfChinaDay(query.to);
    // The figures are for one body and everything below it: the one asked for, within the actor's own scope, or the
    // actor's working scope (the commission, for its case-management office).
    const scope = await scopePath(actor);
    const rootId = query.organizationId ?? scope.split('/').at(-2)!;
    const [root] = await db.select({ id: organizations.id, name: organizations.name, path: organizations.path }).from(organizations).where(eq(organizations.id, rootId));
    if (!root || !root.path.startsWith(scope)) throw new AppError('NOT_FOUND');
    const under = (column: PgColumn) => sql`${column} in (select o.id from organizations o where o.path like ${`${root.path}%`})`;
    const clueScope = under(clues.organizationId);
    const caseScope = under(cases.organizationId);
    const sanctionScope = under(sanctions.organizationId);
    // Which body directly below the root a row falls under ('' for the root's own), read off the holder's path.
    // (The offset is written into the statement, a number: a parameter would differ between select and group by.)
    const branch = sql<string>`split_part(substr(${organizations.path}, ${sql.raw(String(root.path.length + 1))}), '/', 1)`;
    const received = and(clueScope, gte(clues.receivedAt, from), lte(clues.receivedAt, to), sql`${clues.status} <> 'transfer_received'`);
    const overdueNow = and(clueScope, lte(clues.dueAt, clock.now()));
    const casesInPeriod = and(caseScope, gte(cases.filedAt, from), lte(cases.filedAt, to));
    const sanctionsInPeriod = and(sanctionScope, gte(sanctions.decidedOn, query.from), lte(sanctions.decidedOn, query.to));
    const sanctionedPerson = sql`coalesce(${sanctions.personId}::text, ${sanctions.concernedName})`;
    const [
      bySourceRows,
      byDisposalRows,
      [{ backlog }],
      fourFormRows,
      [{ personsSanctioned }],
      receivedByBranch,
      overdueByBranch,
      casesByBranch,
      sanctionedByBranch,
      children,
    ] = await Promise.all([
      db
        .select({
          source: clues.source,
          received: count(),
          disposed: sql<number>`count(*) filter (where ${clues.disposalType} is not null)`,
          // A case filed from the proposal or after a verification names its clue (qualified by hand: drizzle leaves
          // a one-table select unqualified, and the subquery would take `id` as its own).
          cases: sql<number>`count(*) filter (where exists (select 1 from cases c where c.clue_id = clues.id))`,
        })
        .from(clues)
        .where(received)
        .groupBy(clues.source),
      db.select({ disposalType: clues.disposalType, count: count() }).from(clues).where(and(received, isNotNull(clues.disposalType))).groupBy(clues.disposalType),
      db
        .select({ backlog: count() })
        .from(clues)
        .where(and(clueScope, lte(clues.receivedAt, to), or(sql`${clues.status} not in ('closed', 'forwarded', 'returned')`, sql`${clues.updatedAt} > ${to}`))),
      db.select({ fourForm: sanctions.fourForm, persons: countDistinct(sanctionedPerson) }).from(sanctions).where(and(sanctionsInPeriod, isNotNull(sanctions.fourForm))).groupBy(sanctions.fourForm),
      db.select({ personsSanctioned: countDistinct(sanctionedPerson) }).from(sanctions).where(sanctionsInPeriod),
      db
        .select({ branch, received: count(), disposed: sql<number>`count(*) filter (where ${clues.disposalType} is not null)` })
        .from(clues)
        .innerJoin(organizations, eq(organizations.id, clues.organizationId))
        .where(received)
        .groupBy(branch),
      db.select({ branch, count: count() }).from(clues).innerJoin(organizations, eq(organizations.id, clues.organizationId)).where(overdueNow).groupBy(branch),
      db.select({ branch, count: count() }).from(cases).innerJoin(organizations, eq(organizations.id, cases.organizationId)).where(casesInPeriod).groupBy(branch),
      db
        .select({ branch, count: countDistinct(sanctionedPerson) })
        .from(sanctions)
        .innerJoin(organizations, eq(organizations.id, sanctions.organizationId))
        .where(sanctionsInPeriod)
        .groupBy(branch),
      db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.parentId, root.id)).orderBy(asc(organizations.code)),
    ]);
    const bySource = new Map(bySourceRows.map((row) => [row.source, row]));
    const receivedTotal = bySourceRows.reduce((sum, row) => sum + Number(row.received), 0);
    const disposedTotal = bySourceRows.reduce((sum, row) => sum + Number(row.disposed), 0);
    const byDisposal = new Map(byDisposalRows.map((row) => [row.disposalType, Number(row.count)]));
    const forms = new Map(fourFormRows.map((row) => [row.fourForm, Number(row.persons)]));
    const countsOf = (rows: { branch: string; count: number }[]) => new Map(rows.map((row) => [row.branch, Number(row.count)]));
    const [overdueOf, casesOf, sanctionedOf] = [countsOf(overdueByBranch), countsOf(casesByBranch), countsOf(sanctionedByBranch)];
    const receivedOf = new Map(receivedByBranch.map((row) => [row.branch, row]));
    const bodyRow = (key: string, organizationId: string, name: string, own: boolean) => ({
      organizationId,
      name,
      own,
      received: Number(receivedOf.get(key)?.received ?? 0),
      disposed: Number(receivedOf.get(key)?.disposed ?? 0),
      overdue: overdueOf.get(key) ?? 0,
      cases: casesOf.get(key) ?? 0,
      personsSanctioned: sanctionedOf.get(key) ?? 0,
    });
    const casesFiled = [...casesOf.values()].reduce((sum, value) => sum + value, 0);
    return {
      from: query.from,
      to: query.to,
      organizationId: root.id,
      organizationName: root.name,
      received: receivedTotal,
      disposed: disposedTotal,
      disposalRate: receivedTotal ? disposedTotal / receivedTotal : null,
      overdue: [...overdueOf.values()].reduce((sum, value) => sum + value, 0),
      backlog: Number(backlog),
      bySource: clueSources.map((source) => ({
        source,
        received: Number(bySource.get(source)?.received ?? 0),
        disposed: Number(bySource.get(source)?.disposed ?? 0),
        cases: Number(bySource.get(source)?.cases ?? 0),
      })),
      byDisposal: disposalTypes.map((disposalType) => ({ disposalType, count: byDisposal.get(disposalType) ?? 0 })),
      funnel: { clues: receivedTotal, cases: casesFiled, personsSanctioned: Number(personsSanctioned) },
      conversionRate: disposedTotal ? casesFiled / disposedTotal : null,
      fourForms: fourForms.map((fourForm) => ({ fourForm, persons: forms.get(fourForm) ?? 0 })),
      byBody: [bodyRow('', root.id, root.name, true), ...children.map((child) => bodyRow(child.id, child.id, child.name, false))],
    };
  }

  async function isVisible(actor: Actor, id: string): Promise<boolean> {
    const [row] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, id), await inScope(cases.organizationId, actor)));
    return Boolean(row);
  }

  async function ledgerOf(ledgerOrganizationId: string): Promise<{ id: string; name: string }> {
    const [body] = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, ledgerOrganizationId));
    if (!body) throw new AppError('NOT_FOUND');
    return body;
  }

  /** The condition on `cases` for the cases the actor sees (used by joined reads such as quality reviews). */
  async function scopeCondition(actor: Actor): Promise<SQL> {
    return inScope(cases.organizationId, actor);
  }

  return { caseFiling, ledgerOf, scopeCondition, fileAppeal, applyAppealAction, list, exportRows, detail, applyAction, addMeasure, updateMeasure, listSanctions, exportSanctions, personHistory, metrics, isVisible, findVisible };
}
export type CasesService = ReturnType<typeof createCasesService>;

