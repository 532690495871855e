import { createHmac } from 'node:crypto';
import { and, asc, count as countRows, desc, eq, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import {
  allowedActionsFor,
  approvalActionOfDisposal,
  clueHandlingBodyTypes,
  clueLedgerBodyTypes,
  clueWorkflow,
  type ApprovalStep,
  type CadreManagementLevel,
  type ClueAction,
  type ClueActionBody,
  type ClueDetail,
  type ClueListQuery,
  type ClueStatus,
  type ClueSummary,
  type ClueTransferMode,
  type CreateClueBody,
  type DisposalType,
  type EndpointRequest,
} from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { asWorkflowActor, can, hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { attachments, presentAttachment } from '../../platform/files/files.table.ts';
import { claimUploads } from '../../platform/files/claim-uploads.ts';
import { deadlineStateCondition, deadlineStateOf } from '../../platform/deadlines/deadline-state.ts';
import { cappedCountQuery, COUNT_CAP, pageResult } from '../../platform/http/pagination.ts';
import { nextSerial } from '../../platform/numbering/serials.ts';
import { chinaDateOf, endOfChinaDay, startOfChinaDay } from '../../platform/calendar/working-days.ts';
import { registerWorkflow } from '../../platform/workflow/registry.ts';
import type { WorkflowSubject } from '../../platform/workflow/workflow.engine.ts';
import { presentWorkflowEvent, workflowEvents } from '../../platform/workflow/workflow.table.ts';
import type { Platform } from '../../platform/platform.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { organizationName } from '../organizations/organization-name.ts';
import { createCommissionScope } from '../organizations/commission-scope.ts';
import { nearestUpTheTree, onTheLineOf, selfAndAncestorIds } from '../organizations/ancestors.ts';
import { markHandoffReceived, recordClueResult, type ClueIntake } from '../petitions/clue-intake.ts';
import { petitions } from '../petitions/petitions.table.ts';
import { clueApprovalRules, clueApprovals, cluePersons, clueRecords, clueTransfers, clues, type DisposalProposalRecord } from './clues.table.ts';

registerWorkflow(clueWorkflow);

export type ClueRow = typeof clues.$inferSelect;
export const clueSubject: WorkflowSubject = { table: clues, id: clues.id, status: clues.status, version: clues.version };

/**
 * Built-in approval chains by cadre-management level [I, DOMAIN.md §6: collective study, then approval]; local
 * practice differs, so administrators set their own per level (clue_approval_rules).
 */
export const defaultApprovalChains: Record<CadreManagementLevel | 'default', ApprovalStep[]> = {
  default: ['office_head', 'leader_in_charge'],
  central_managed: ['office_head', 'leader_in_charge', 'principal_leader'],
  province_managed: ['office_head', 'leader_in_charge', 'principal_leader'],
  city_managed: ['office_head', 'leader_in_charge', 'principal_leader'],
  county_managed: ['office_head', 'leader_in_charge'],
  township_managed: ['office_head', 'leader_in_charge'],
  unit_managed: ['office_head', 'leader_in_charge'],
};

// Actions taken through their own endpoint (the approval chain) or only by the system.
const signedActions = new Set<string>([...Object.values(approvalActionOfDisposal), 'returnProposal']);
// Steps whose written record is required, and what it becomes.
const recordedActions = new Set<ClueAction>([
  'recordTalk',
  'sendLetter',
  'receiveReply',
  'submitInquiryReport',
  'submitVerificationReport',
  'acceptAndClose',
  'closeWithLightHandling',
  'inquireAgain',
  'moveToVerification',
  'approveCaseFilingAfterVerification',
  'closeAfterVerification',
  'closeWithReminderTalk',
  'shelveAfterVerification',
  'transferToPartyOrganisation',
  'feedBack',
]);
const concludingActions = new Set<ClueAction>(['acceptAndClose', 'closeWithLightHandling', 'closeAfterVerification', 'closeWithReminderTalk', 'transferToPartyOrganisation', 'closeShelved']);
const finalStatuses = new Set<ClueStatus>(['closed', 'forwarded', 'returned']);

const summaryColumns = {
  id: clues.id,
  serialNumber: clues.serialNumber,
  title: clues.title,
  status: clues.status,
  source: clues.source,
  concernedName: clues.concernedName,
  concernedUnit: clues.concernedUnit,
  objectLevel: clues.objectLevel,
  cadreManagementLevel: clues.cadreManagementLevel,
  disposalType: clues.disposalType,
  ledgerOrganizationId: clues.ledgerOrganizationId,
  ledgerOrganizationName: organizationName(clues.ledgerOrganizationId),
  organizationId: clues.organizationId,
  organizationName: organizationName(clues.organizationId),
  receivedAt: clues.receivedAt,
  updatedAt: clues.updatedAt,
  dueAt: clues.dueAt,
  remindAt: clues.remindAt,
};

/** A workflow action of a clue or case sent without a field it needs (`path` under the body). */
export function actionIncomplete(path: string, message: string): never {
  throw new AppError('CLUE_ACTION_INCOMPLETE', [{ path: `body.${path}`, message }]);
}

/** Where a clue approved for filing becomes a case (the cases module registers itself in app.ts). */
export interface CaseFiling {
  open(tx: Transaction, clue: ClueRow, actor: Actor): Promise<void>;
}

export function createCluesService(
  platform: Pick<Platform, 'db' | 'clock' | 'workflows' | 'deadlines' | 'sealer' | 'auditRecorder'>,
  { caseFiling }: { caseFiling?: CaseFiling } = {},
) {
  const { db, clock, workflows, deadlines, sealer, auditRecorder } = platform;
  const idNumberKey = sealer.derive('clue-person-id-number');

  deadlines.mirror(clueWorkflow.id, async (tx, subjectIds, open) => {
    await tx
      .update(clues)
      .set({ dueAt: open?.dueAt ?? null, remindAt: open?.remindAt ?? null })
      .where(subjectIds.length === 1 ? eq(clues.id, subjectIds[0]) : inArray(clues.id, subjectIds));
  });

  // ---- Bodies: ledgers, holders, scope ----

  type Body = { id: string; name: string; type: string; path: string; parentId: string | null };
  const bodyColumns = { id: organizations.id, name: organizations.name, type: organizations.type, path: organizations.path, parentId: organizations.parentId };

  async function bodyById(executor: DbOrTx, id: string): Promise<Body | undefined> {
    const [body] = await executor.select(bodyColumns).from(organizations).where(eq(organizations.id, id));
    return body;
  }

  /** The commission (or township committee) whose central ledger covers a body: the nearest ledger body above or at it. */
  async function ledgerOf(executor: DbOrTx, organizationId: string): Promise<Body> {
    const body = await bodyById(executor, organizationId);
    if (!body) throw new AppError('NOT_FOUND');
    const ancestorIds = body.path.split('/').filter(Boolean);
    const chain = await executor.select(bodyColumns).from(organizations).where(inArray(organizations.id, ancestorIds));
    const ledger = chain
      .filter((candidate) => (clueLedgerBodyTypes as readonly string[]).includes(candidate.type))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (!ledger) throw new AppError('CLUE_LEDGER_INVALID');
    return ledger;
  }

  /** Where a ledger takes clues in: its case-management office (案管室), or the ledger body itself (a township). */
  async function intakeHolderOf(executor: DbOrTx, ledger: Body): Promise<string> {
    const [office] = await executor
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.parentId, ledger.id), eq(organizations.type, 'case_management_office')))
      .limit(1);
    return office?.id ?? ledger.id;
  }

  const commissionScope = createCommissionScope(db);
  const ledgerOffices = new Set(['case_management_office']);

  /** The subtree whose held clues the actor works on: the active body's, widened to the commission for its 案管室. */
  async function holderScopePath(actor: Actor): Promise<string> {
    return hasRole(actor, 'case_management_officer') ? commissionScope.workingPath(actor, ledgerOffices) : actor.organizationPath;
  }

  /**
   * Which clues the actor sees: those held in its subtree (the case-management office keeps the commission's central
   * ledger, so its officers see the whole commission: 集中管理), and those its own body sent (a partner body, or an
   * office that filed a clue with the ledger), whose state and result it follows (结果反馈).
   */
  async function scopeOf(actor: Actor): Promise<SQL> {
    const { held, sent } = await scopeParts(actor);
    return sent ? sql`(${held} or ${sent})` : held;
  }

  /** The two halves of the scope: clues held in the subtree, and (for offices and partner bodies) clues they sent. */
  async function scopeParts(actor: Actor): Promise<{ held: SQL; sent: SQL | null }> {
    const held = sql`${clues.organizationId} in (select o.id from organizations o where o.path like ${`${await holderScopePath(actor)}%`})`;
    // Leaders and the ledger see everything held below them already; the sender clause would only slow their lists.
    if (hasRole(actor, 'case_management_officer', 'leader')) return { held, sent: null };
    const sent = sql`${clues.sourceOrganizationId} in (select o.id from organizations o where o.path like ${`${actor.organizationPath}%`})`;
    return { held, sent };
  }

  /** Whether the actor only follows the clue as its sender (status and result) rather than holding it. */
  async function isSenderView(actor: Actor, row: ClueRow): Promise<boolean> {
    const holder = await bodyById(db, row.organizationId);
    return !holder || !holder.path.startsWith(await holderScopePath(actor));
  }

  async function findVisible(actor: Actor, id: string, executor: DbOrTx = db): Promise<ClueRow> {
    const [row] = await executor.select().from(clues).where(and(eq(clues.id, id), await scopeOf(actor)));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  // ---- Persons ----

  /** The person a clue is about: the same ID number (keyed hash) or, without one, the same name and unit. */
  async function personFor(tx: DbOrTx, input: { name: string; unit: string | null; post: string | null; idNumber: string | null }): Promise<string> {
    const now = clock.now();
    if (input.idNumber) {
      const idNumberHash = createHmac('sha256', idNumberKey).update(input.idNumber.toUpperCase()).digest('base64url');
      const [existing] = await tx.select({ id: cluePersons.id }).from(cluePersons).where(eq(cluePersons.idNumberHash, idNumberHash));
      if (existing) return existing.id;
      // Someone known by name and unit without a number gets the number now.
      const [byName] = await tx
        .select({ id: cluePersons.id })
        .from(cluePersons)
        .where(and(eq(cluePersons.name, input.name), input.unit ? eq(cluePersons.unit, input.unit) : sql`${cluePersons.unit} is null`, sql`${cluePersons.idNumberHash} is null`))
        .limit(1);
      if (byName) {
        await tx.update(cluePersons).set({ idNumberHash, idNumberSealed: sealer.seal(input.idNumber.toUpperCase()) }).where(eq(cluePersons.id, byName.id));
        return byName.id;
      }
      const [created] = await tx
        .insert(cluePersons)
        .values({ name: input.name, unit: input.unit, post: input.post, idNumberHash, idNumberSealed: sealer.seal(input.idNumber.toUpperCase()), createdAt: now })
        .onConflictDoNothing()
        .returning({ id: cluePersons.id });
      if (created) return created.id;
      // Another transaction created the same person a moment ago.
      const [raced] = await tx.select({ id: cluePersons.id }).from(cluePersons).where(eq(cluePersons.idNumberHash, idNumberHash));
      return raced.id;
    }
    const [existing] = await tx
      .select({ id: cluePersons.id })
      .from(cluePersons)
      .where(and(eq(cluePersons.name, input.name), input.unit ? eq(cluePersons.unit, input.unit) : sql`${cluePersons.unit} is null`))
      .orderBy(asc(cluePersons.createdAt))
      .limit(1);
    if (existing) return existing.id;
    const [created] = await tx.insert(cluePersons).values({ name: input.name, unit: input.unit, post: input.post, createdAt: now }).returning({ id: cluePersons.id });
    return created.id;
  }

  // ---- Creating clues ----

  async function insertClue(
    tx: Transaction,
    ledger: Body,
    values: Omit<typeof clues.$inferInsert, 'ledgerOrganizationId' | 'serialNumber' | 'createdAt' | 'updatedAt' | 'personId'> & { idNumber?: string | null },
  ): Promise<ClueRow> {
    const now = clock.now();
    const year = Number(chinaDateOf(now).slice(0, 4));
    // 逐件编号登记: one gapless series per ledger and year.
    const number = await nextSerial(tx, { organizationId: ledger.id, series: 'clue', year });
    const { idNumber, ...rest } = values;
    const personId = await personFor(tx, { name: values.concernedName, unit: values.concernedUnit ?? null, post: values.concernedPost ?? null, idNumber: idNumber ?? null });
    const [row] = await tx
      .insert(clues)
      .values({ ...rest, ledgerOrganizationId: ledger.id, serialNumber: `XS${year}-${String(number).padStart(5, '0')}`, personId, createdAt: now, updatedAt: now })
      .returning();
    return row;
  }

  async function create(actor: Actor, body: CreateClueBody): Promise<ClueDetail> {
    const staff = hasRole(actor, 'case_management_officer', 'handling_officer', 'leader');
    const id = await db.transaction(async (tx) => {
      let ledger: Body;
      if (staff && !body.ledgerOrganizationId) {
        ledger = await ledgerOf(tx, actor.organizationId);
      } else {
        // A partner body (or staff sending to another ledger) names the commission that takes the clue.
        const target = body.ledgerOrganizationId ? await bodyById(tx, body.ledgerOrganizationId) : undefined;
        if (!target || !(clueLedgerBodyTypes as readonly string[]).includes(target.type)) throw new AppError('CLUE_LEDGER_INVALID');
        ledger = target;
      }
      // The case-management office registers what it enters itself; everything else waits for it (备案).
      const registersDirectly = hasRole(actor, 'case_management_officer', 'leader') && actor.organizationPath.startsWith(ledger.path);
      const row = await insertClue(tx, ledger, {
        organizationId: await intakeHolderOf(tx, ledger),
        status: registersDirectly ? 'registered' : 'received',
        source: body.source,
        // Whoever files it with the ledger (an office, a partner body) follows it as its sender.
        sourceOrganizationId: registersDirectly ? null : actor.organizationId,
        sourceReference: body.sourceReference ?? null,
        title: body.title,
        allegations: body.allegations,
        violationCategories: body.violationCategories,
        concernedName: body.concernedName,
        concernedPost: body.concernedPost ?? null,
        concernedUnit: body.concernedUnit ?? null,
        idNumber: body.idNumber ?? null,
        objectLevel: body.objectLevel ?? null,
        cadreManagementLevel: body.cadreManagementLevel ?? null,
        isPartyMember: body.isPartyMember,
        supervisedCategory: body.supervisedCategory ?? null,
        lowerCommitteePrincipal: body.lowerCommitteePrincipal,
        receivedAt: body.receivedAt ? new Date(body.receivedAt) : clock.now(),
        createdBy: actor.userId,
      });
      await claimUploads(tx, actor.userId, { ownerType: 'clue', ownerId: row.id, organizationId: row.organizationId }, body.attachmentIds ?? []);
      await workflows.start(tx, {
        definition: clueWorkflow,
        subjectId: row.id,
        organizationId: row.organizationId,
        status: row.status as ClueStatus,
        actor: asWorkflowActor(actor),
        after: { serialNumber: row.serialNumber, source: row.source, attachments: body.attachmentIds?.length ?? 0 },
      });
      return row.id;
    });
    return detail(actor, id);
  }

  /** The petitions module's "convert to clue": the report becomes a clue in its commission's ledger, awaiting registration. */
  const clueIntake: ClueIntake = {
    async receive(tx, handoff) {
      const [petition] = await tx.select().from(petitions).where(eq(petitions.id, handoff.petitionId));
      const ledger = await ledgerOf(tx, handoff.organizationId);
      const row = await insertClue(tx, ledger, {
        organizationId: await intakeHolderOf(tx, ledger),
        status: 'received',
        source: 'petition',
        sourceOrganizationId: handoff.organizationId,
        sourceReference: petition.serialNumber ?? petition.receiptCode,
        petitionId: petition.id,
        title: petition.title,
        allegations: handoff.summary,
        violationCategories: petition.violationCategories,
        concernedName: petition.concernedName ?? '（待补充）',
        concernedPost: petition.concernedPost,
        concernedUnit: petition.concernedUnit,
        objectLevel: petition.objectLevel,
        receivedAt: clock.now(),
        createdBy: handoff.actor.userId,
      });
      await workflows.start(tx, {
        definition: clueWorkflow,
        subjectId: row.id,
        organizationId: row.organizationId,
        status: 'received',
        actor: asWorkflowActor(handoff.actor),
        after: { serialNumber: row.serialNumber, source: 'petition', petitionId: petition.id },
      });
      await markHandoffReceived(tx, handoff.handoffId, row.id);
    },
  };

  // ---- Reading ----

  /**
   * What `q` looks for, as disjoint parts whose union is the search: a ledger number, or a name starting with it, or a
   * unit starting with it about someone whose name does not (so that a count can add the parts up).
   */
  function searchParts(q: string): SQL[] {
    if (/^XS\d{4}-\d+$/i.test(q)) return [eq(clues.serialNumber, q.toUpperCase())];
    const prefix = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return [sql`${clues.concernedName} like ${prefix}`, sql`${clues.concernedUnit} like ${prefix} and ${clues.concernedName} not like ${prefix}`];
  }

  async function listConditions(actor: Actor, query: ClueListQuery, { scoped = true, searched = true } = {}): Promise<SQL> {
    const conditions: (SQL | undefined)[] = [scoped ? await scopeOf(actor) : sql`true`];
    if (query.status?.length) conditions.push(inArray(clues.status, query.status));
    if (query.source) conditions.push(eq(clues.source, query.source));
    if (query.disposalType) conditions.push(eq(clues.disposalType, query.disposalType));
    if (query.cadreManagementLevel) conditions.push(eq(clues.cadreManagementLevel, query.cadreManagementLevel));
    if (query.objectLevel) conditions.push(eq(clues.objectLevel, query.objectLevel));
    if (query.organizationId) conditions.push(eq(clues.organizationId, query.organizationId));
    if (query.personId) conditions.push(eq(clues.personId, query.personId));
    if (query.receivedFrom) conditions.push(gte(clues.receivedAt, startOfChinaDay(query.receivedFrom)));
    if (query.receivedTo) conditions.push(lte(clues.receivedAt, endOfChinaDay(query.receivedTo)));
    if (query.deadlineState) conditions.push(deadlineStateCondition(clues, query.deadlineState, clock.now()));
    if (query.q && searched) conditions.push(or(...searchParts(query.q)));
    return and(...conditions)!;
  }

  function orderOf(query: ClueListQuery) {
    const direction = query.order === 'asc' ? asc : desc;
    if (query.sort === 'dueAt') return [sql`${clues.dueAt} ${sql.raw(query.order)} nulls last`, direction(clues.id)];
    return [direction(query.sort === 'updatedAt' ? clues.updatedAt : clues.receivedAt), direction(clues.id)];
  }

  function presentSummary(row: Record<string, unknown>): ClueSummary {
    const value = row as {
      id: string;
      serialNumber: string;
      title: string;
      status: ClueStatus;
      source: ClueSummary['source'];
      concernedName: string;
      concernedUnit: string | null;
      objectLevel: ClueSummary['objectLevel'];
      cadreManagementLevel: ClueSummary['cadreManagementLevel'];
      disposalType: ClueSummary['disposalType'];
      ledgerOrganizationId: string;
      ledgerOrganizationName: string;
      organizationId: string;
      organizationName: string;
      receivedAt: Date;
      updatedAt: Date;
      dueAt: Date | null;
      remindAt: Date | null;
    };
    return {
      id: value.id,
      serialNumber: value.serialNumber,
      title: value.title,
      status: value.status,
      source: value.source,
      concernedName: value.concernedName,
      concernedUnit: value.concernedUnit,
      objectLevel: value.objectLevel,
      cadreManagementLevel: value.cadreManagementLevel,
      disposalType: value.disposalType,
      ledgerOrganizationId: value.ledgerOrganizationId,
      ledgerOrganizationName: value.ledgerOrganizationName ?? '',
      organizationId: value.organizationId,
      organizationName: value.organizationName ?? '',
      receivedAt: value.receivedAt.toISOString(),
      updatedAt: value.updatedAt.toISOString(),
      dueAt: value.dueAt?.toISOString() ?? null,
      deadlineState: finalStatuses.has(value.status) ? null : deadlineStateOf(value, clock.now()),
    };
  }

  /**
   * The statements of a ledger page, built once here and reused by the benchmark. The capped count adds up disjoint
   * parts, each capped, rather than counting an OR: an office's ledger is what it holds plus what it sent and no longer
   * holds, a search is the names plus the units of other names. Each part is then one index range read from the index
   * alone; an OR was a bitmap over the table (bench/README.md, clues).
   */
  async function listQueries(actor: Actor, query: ClueListQuery & { page: number; pageSize: number }) {
    const where = await listConditions(actor, query);
    const filters = await listConditions(actor, query, { scoped: false, searched: false });
    const { held, sent } = await scopeParts(actor);
    const scopes = sent ? [held, sql`${sent} and not (${held})`] : [held];
    const searches = query.q ? searchParts(query.q) : [sql`true`];
    const parts = scopes.flatMap((scope) => searches.map((search) => and(scope, search, filters)!));
    const capped = (condition: SQL) => db.select({ one: sql<number>`1`.as('one') }).from(clues).where(condition).limit(COUNT_CAP + 1);
    const [first, second, ...rest] = parts.map(capped);
    const count = second ? db.select({ matches: countRows() }).from(unionAll(first, second, ...rest).as('limited')) : cappedCountQuery(db, clues, parts[0]);
    return {
      items: db
        .select(summaryColumns)
        .from(clues)
        .where(where)
        .orderBy(...orderOf(query))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      count,
      where,
    };
  }

  async function list(actor: Actor, query: EndpointRequest<'listClues'>['query']) {
    const { items, count } = await listQueries(actor, query);
    const [rows, [{ matches }]] = await Promise.all([items, count]);
    return pageResult(rows.map(presentSummary), { total: Math.min(Number(matches), COUNT_CAP), totalCapped: Number(matches) > COUNT_CAP }, query);
  }

  async function exportRows(actor: Actor, query: ClueListQuery) {
    const rows = await db
      .select({ ...summaryColumns, allegations: clues.allegations, concernedPost: clues.concernedPost })
      .from(clues)
      .where(await listConditions(actor, query))
      .orderBy(...orderOf(query))
      .limit(20_000);
    return rows.map((row) => ({ ...presentSummary(row), allegations: row.allegations, concernedPost: row.concernedPost }));
  }

  // ---- Approval chain ----

  async function approvalChain(executor: DbOrTx, row: ClueRow, disposal: DisposalType): Promise<ApprovalStep[]> {
    const level = row.cadreManagementLevel ?? 'default';
    // The ledger's own chain for the level, or the nearest one set above it, or the built-in one.
    const ledger = await bodyById(executor, row.ledgerOrganizationId);
    const configured = ledger
      ? nearestUpTheTree(
          ledger.path,
          await executor.select().from(clueApprovalRules).where(and(eq(clueApprovalRules.level, level), inArray(clueApprovalRules.organizationId, selfAndAncestorIds(ledger.path)))),
        )
      : undefined;
    let steps = [...((configured?.steps as ApprovalStep[] | undefined) ?? defaultApprovalChains[level])];
    // DOMAIN.md §6: filing a case, and inquiring of or verifying a lower committee's principal leader, need the head.
    if ((disposal === 'case_filing' || row.lowerCommitteePrincipal) && !steps.includes('principal_leader')) steps.push('principal_leader');
    // A township holding its own clue has no office head apart from its leader.
    if (row.organizationId === row.ledgerOrganizationId) steps = steps.filter((step) => step !== 'office_head');
    return steps;
  }

  function mayActAsStep(actor: Actor, row: ClueRow, ledgerPath: string, holderPath: string, step: ApprovalStep): boolean {
    if (!hasRole(actor, 'leader')) return false;
    switch (step) {
      case 'office_head':
        return actor.organizationPath === holderPath;
      case 'leader_in_charge':
        return ledgerPath.startsWith(actor.organizationPath);
      case 'principal_leader':
        return ledgerPath.startsWith(actor.organizationPath) && actor.grants.includes('principal_leader');
    }
  }

  async function approvalState(executor: DbOrTx, actor: Actor, row: ClueRow) {
    if (!row.proposal) return null;
    const round = row.proposal.round;
    const signed = await executor
      .select()
      .from(clueApprovals)
      .where(and(eq(clueApprovals.clueId, row.id), eq(clueApprovals.round, round)))
      .orderBy(asc(clueApprovals.signedAt));
    const steps = row.proposal.steps as ApprovalStep[];
    const byStep = new Map(signed.filter((entry) => entry.decision === 'approve').map((entry) => [entry.step, entry]));
    const nextStep = row.status === 'disposal_proposed' ? (steps.find((step) => !byStep.has(step)) ?? null) : null;
    let canSign = false;
    if (nextStep) {
      const [ledger, holder] = await Promise.all([bodyById(executor, row.ledgerOrganizationId), bodyById(executor, row.organizationId)]);
      // One person signs one step of a round: the chain is several people, not one person several times.
      canSign = Boolean(ledger && holder) && mayActAsStep(actor, row, ledger!.path, holder!.path, nextStep) && !signed.some((entry) => entry.signedById === actor.userId);
    }
    return {
      steps: steps.map((step) => {
        const entry = byStep.get(step);
        return { step, signedBy: entry?.signedByName ?? null, signedAt: entry?.signedAt.toISOString() ?? null, opinion: entry?.opinion ?? null };
      }),
      nextStep,
      canSign,
      isLast: nextStep !== null && steps.indexOf(nextStep) === steps.length - 1,
    };
  }

  async function sign(actor: Actor, id: string, body: EndpointRequest<'signClueDisposal'>['body']): Promise<ClueDetail> {
    const row = await findVisible(actor, id);
    if (row.status !== body.expectedStatus || !row.proposal) throw new AppError('WORKFLOW_STATE_CHANGED');
    const state = await approvalState(db, actor, row);
    if (!state?.nextStep || !state.canSign) throw new AppError('APPROVAL_NOT_YOURS');
    const now = clock.now();
    const signature = {
      clueId: row.id,
      round: row.proposal.round,
      step: state.nextStep,
      decision: body.decision,
      opinion: body.opinion,
      signedById: actor.userId,
      signedByName: actor.displayName,
      signedAt: now,
    };
    // The unique (clue, round, step) index lets only one of two signers of the same step win.
    const insertSignature = async (tx: Transaction) => {
      const inserted = await tx.insert(clueApprovals).values(signature).onConflictDoNothing().returning({ id: clueApprovals.id });
      if (inserted.length === 0) throw new AppError('WORKFLOW_STATE_CHANGED');
    };
    if (body.decision === 'return') {
      await transition(actor, row, 'returnProposal', 'disposal_proposed', { note: body.opinion, within: insertSignature });
    } else if (state.isLast) {
      const action = approvalActionOfDisposal[row.proposal.disposalType] as ClueAction;
      await transition(actor, row, action, 'disposal_proposed', {
        note: body.opinion,
        // The approved verification carries its work plan into the verification under way.
        set: { disposalType: row.proposal.disposalType, ...(action === 'approveVerification' ? { verificationPlan: row.proposal.verificationPlan ?? null } : {}) },
        within: async (tx) => {
          await insertSignature(tx);
          if (action === 'approveCaseFiling') await fileCase(tx, row, actor);
        },
      });
    } else {
      await db.transaction(async (tx) => {
        // Compare-and-set on the version: a change of the clue meanwhile (a new proposal) voids this signature.
        const updated = await tx
          .update(clues)
          .set({ version: sql`${clues.version} + 1`, updatedAt: now })
          .where(and(eq(clues.id, row.id), eq(clues.version, row.version), eq(clues.status, 'disposal_proposed')))
          .returning({ id: clues.id });
        if (updated.length === 0) throw new AppError('WORKFLOW_STATE_CHANGED');
        await insertSignature(tx);
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: row.organizationId,
          action: 'clue.approval.sign',
          subjectType: 'clue',
          subjectId: row.id,
          after: { round: signature.round, step: signature.step },
          reason: body.opinion,
        });
      });
    }
    return detail(actor, id);
  }

  // ---- Workflow actions ----

  async function transition(
    actor: Actor,
    row: ClueRow,
    action: ClueAction,
    expectedStatus: ClueStatus,
    options: { note?: string; set?: Partial<ClueRow>; within?: (tx: Transaction) => Promise<void> } = {},
    outerTx?: Transaction,
  ) {
    await workflows.apply(
      {
        definition: clueWorkflow,
        subject: clueSubject,
        subjectId: row.id,
        organizationId: row.organizationId,
        expectedStatus,
        action,
        actor: asWorkflowActor(actor),
        note: options.note,
        set: { ...options.set, updatedAt: clock.now() },
        within: options.within,
      },
      outerTx,
    );
  }

  async function applyAction(actor: Actor, id: string, body: ClueActionBody): Promise<ClueDetail> {
    const row = await findVisible(actor, id);
    const action = body.action as ClueAction;
    if (signedActions.has(action) || !Object.hasOwn(clueWorkflow.actions, action)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
    if (await isSenderView(actor, row)) throw new AppError('FORBIDDEN');
    const expectedStatus = body.expectedStatus as ClueStatus;
    const now = clock.now();
    const record = body.record?.trim();
    if (recordedActions.has(action) && !record) actionIncomplete('record', 'write down what was done or decided');

    let set: Partial<ClueRow> = {};
    const steps: ((tx: Transaction) => Promise<void>)[] = [];
    if (record) {
      steps.push(async (tx) => {
        await tx.insert(clueRecords).values({
          clueId: row.id,
          action,
          body: record,
          inquiryMethod: action === 'recordTalk' ? 'talk' : action === 'sendLetter' ? 'letter' : null,
          recommendation: action === 'submitVerificationReport' ? body.recommendation : null,
          authorId: actor.userId,
          authorName: actor.displayName,
          createdAt: now,
        });
      });
    }
    if (concludingActions.has(action)) set = { ...set, conclusion: record ?? body.note ?? null };

    switch (action) {
      case 'acknowledge':
        steps.push(async (tx) => {
          await tx.update(clueTransfers).set({ status: 'acknowledged', acknowledgedAt: now }).where(eq(clueTransfers.toClueId, row.id));
        });
        break;
      case 'returnTransfer':
        steps.push(async (tx) => {
          await tx.update(clueTransfers).set({ status: 'returned', returnedAt: now, returnReason: body.note ?? null }).where(eq(clueTransfers.toClueId, row.id));
          await moveSender(tx, row, 'transferReturned', body.note ?? '');
        });
        break;
      case 'assign': {
        if (!body.handlingOrganizationId) actionIncomplete('handlingOrganizationId', 'choose the office, group or township that handles it');
        const ledger = await bodyById(db, row.ledgerOrganizationId);
        const target = await bodyById(db, body.handlingOrganizationId);
        if (!ledger || !target || !target.path.startsWith(ledger.path) || !(clueHandlingBodyTypes as readonly string[]).includes(target.type)) {
          throw new AppError('CLUE_HANDLING_BODY_INVALID');
        }
        set = { ...set, organizationId: target.id };
        steps.push(async (tx) => {
          // Evidence moves with the clue to the body that now holds it.
          await tx.update(attachments).set({ organizationId: target.id }).where(and(eq(attachments.ownerType, 'clue'), eq(attachments.ownerId, row.id)));
        });
        break;
      }
      case 'propose': {
        if (!body.disposalType) actionIncomplete('disposalType', 'choose a disposal');
        if (!body.note?.trim()) actionIncomplete('note', 'give the reasons (集体研究意见)');
        // WF-B2: a preliminary verification is approved together with its work plan and team (监察法 art.41).
        if (body.disposalType === 'preliminary_verification' && !body.verificationPlan) actionIncomplete('verificationPlan', 'write the work plan and name the verification team');
        const previousRound = row.proposal?.round ?? 0;
        const proposal: DisposalProposalRecord = {
          disposalType: body.disposalType,
          reason: body.note.trim(),
          proposedBy: actor.displayName,
          proposedById: actor.userId,
          proposedAt: now.toISOString(),
          round: previousRound + 1,
          steps: await approvalChain(db, row, body.disposalType),
          verificationPlan: body.disposalType === 'preliminary_verification' ? body.verificationPlan : null,
        };
        set = { ...set, proposal };
        break;
      }
      case 'moveToVerification':
        if (!body.verificationPlan) actionIncomplete('verificationPlan', 'write the work plan and name the verification team');
        set = { ...set, verificationPlan: body.verificationPlan };
        break;
      case 'submitVerificationReport':
        if (!body.recommendation) actionIncomplete('recommendation', 'recommend how to dispose of the clue');
        break;
      case 'transferOut':
      case 'forwardOut': {
        if (!body.targetOrganizationId) actionIncomplete('targetOrganizationId', 'choose the commission that takes the clue');
        const target = await bodyById(db, body.targetOrganizationId);
        if (!target || !(clueLedgerBodyTypes as readonly string[]).includes(target.type) || target.id === row.ledgerOrganizationId) {
          throw new AppError('TRANSFER_TARGET_INVALID');
        }
        const mode: ClueTransferMode = action === 'forwardOut' ? 'forward' : body.transferMode === 'assign_with_report' ? 'assign_with_report' : 'transfer';
        steps.push(async (tx) => {
          const child = await insertClue(tx, target, {
            organizationId: await intakeHolderOf(tx, target),
            status: 'transfer_received',
            parentId: row.id,
            source: 'other_commission',
            sourceOrganizationId: row.ledgerOrganizationId,
            sourceReference: row.serialNumber,
            petitionId: row.petitionId,
            title: row.title,
            allegations: row.allegations,
            violationCategories: row.violationCategories,
            concernedName: row.concernedName,
            concernedPost: row.concernedPost,
            concernedUnit: row.concernedUnit,
            objectLevel: row.objectLevel,
            cadreManagementLevel: row.cadreManagementLevel,
            isPartyMember: row.isPartyMember,
            supervisedCategory: row.supervisedCategory,
            lowerCommitteePrincipal: row.lowerCommitteePrincipal,
            receivedAt: now,
            createdBy: actor.userId,
          });
          // The receiver's ledger links it to the same person record.
          await tx.update(clues).set({ personId: row.personId }).where(eq(clues.id, child.id));
          await tx.insert(clueTransfers).values({
            mode,
            fromClueId: row.id,
            fromOrganizationId: row.ledgerOrganizationId,
            toOrganizationId: target.id,
            toClueId: child.id,
            createdBy: actor.userId,
            createdAt: now,
          });
          await workflows.start(tx, {
            definition: clueWorkflow,
            subjectId: child.id,
            organizationId: child.organizationId,
            status: 'transfer_received',
            actor: asWorkflowActor(actor),
            after: { serialNumber: child.serialNumber, fromClueId: row.id, mode },
          });
        });
        break;
      }
      case 'approveCaseFilingAfterVerification':
        steps.push((tx) => fileCase(tx, row, actor));
        break;
      case 'feedBack':
        set = { ...set, feedback: record!, feedbackAt: now };
        steps.push(async (tx) => {
          // The loop closes: the sender's ledger and the report this came from learn the result.
          if (row.parentId) {
            const result = `${row.conclusion ?? ''}\n${record}`.trim();
            await tx.update(clueTransfers).set({ status: 'reported', reportedAt: now, result }).where(eq(clueTransfers.toClueId, row.id));
            await moveSender(tx, row, 'resultReceived', result);
          }
          if (row.petitionId && !row.parentId) await recordClueResult(tx, row.id, record!, now);
        });
        break;
      default:
        break;
    }
    await transition(actor, row, action, expectedStatus, {
      note: body.note,
      set,
      within: steps.length ? async (tx) => { for (const step of steps) await step(tx); } : undefined,
    });
    return detail(actor, id);
  }

  /** The case the approval files, in the approval's transaction (立案). */
  async function fileCase(tx: Transaction, row: ClueRow, actor: Actor) {
    if (!caseFiling) return;
    const [current] = await tx.select().from(clues).where(eq(clues.id, row.id));
    await caseFiling.open(tx, current ?? row, actor);
  }

  /** Moves the sender's clue when its transfer is returned or reported back (a system action in the same transaction). */
  async function moveSender(tx: Transaction, row: ClueRow, action: 'transferReturned' | 'resultReceived', note: string) {
    if (!row.parentId) return;
    const [parent] = await tx.select().from(clues).where(eq(clues.id, row.parentId));
    if (!parent || parent.status !== 'transferred') return;
    await workflows.apply(
      {
        definition: clueWorkflow,
        subject: clueSubject,
        subjectId: parent.id,
        organizationId: parent.organizationId,
        expectedStatus: 'transferred',
        action,
        actor: { kind: 'system', name: 'clue-transfer' },
        note,
        set: { updatedAt: clock.now(), ...(action === 'resultReceived' ? { conclusion: note } : {}) },
      },
      tx,
    );
  }

  // ---- Detail ----

  async function allowedActionsOf(actor: Actor, row: ClueRow): Promise<ClueAction[]> {
    if (await isSenderView(actor, row)) return [];
    return allowedActionsFor(clueWorkflow, row.status as ClueStatus, actor.roles).filter((action) => !signedActions.has(action));
  }

  async function presentTransfers(rows: (typeof clueTransfers.$inferSelect)[]) {
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.flatMap((row) => [row.fromOrganizationId, row.toOrganizationId]))];
    const names = new Map((await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids))).map((o) => [o.id, o.name]));
    const statuses = new Map(
      (await db.select({ id: clues.id, status: clues.status }).from(clues).where(inArray(clues.id, rows.map((row) => row.toClueId)))).map((c) => [c.id, c.status as ClueStatus]),
    );
    return rows.map((row) => ({
      id: row.id,
      mode: row.mode,
      status: row.status,
      fromClueId: row.fromClueId,
      fromOrganizationName: names.get(row.fromOrganizationId) ?? '',
      toClueId: row.toClueId,
      toOrganizationId: row.toOrganizationId,
      toOrganizationName: names.get(row.toOrganizationId) ?? '',
      toClueStatus: statuses.get(row.toClueId) ?? null,
      createdAt: row.createdAt.toISOString(),
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      returnedAt: row.returnedAt?.toISOString() ?? null,
      returnReason: row.returnReason,
      reportedAt: row.reportedAt?.toISOString() ?? null,
      result: row.result,
    }));
  }

  async function detail(actor: Actor, id: string): Promise<ClueDetail> {
    const row = await findVisible(actor, id);
    const partner = await isSenderView(actor, row);
    const scope = await scopeOf(actor);
    const [[summaryRow], events, deadlineRows, files, records, outgoing, incoming, related, person] = await Promise.all([
      db.select(summaryColumns).from(clues).where(eq(clues.id, id)),
      db.select().from(workflowEvents).where(and(eq(workflowEvents.workflowId, clueWorkflow.id), eq(workflowEvents.subjectId, id))).orderBy(asc(workflowEvents.createdAt)),
      deadlines.listFor(clueWorkflow.id, id),
      db.select().from(attachments).where(and(eq(attachments.ownerType, 'clue'), eq(attachments.ownerId, id))).orderBy(asc(attachments.createdAt)),
      db.select().from(clueRecords).where(eq(clueRecords.clueId, id)).orderBy(asc(clueRecords.createdAt)),
      db.select().from(clueTransfers).where(eq(clueTransfers.fromClueId, id)).orderBy(asc(clueTransfers.createdAt)),
      db.select().from(clueTransfers).where(eq(clueTransfers.toClueId, id)),
      row.personId && !partner
        ? db.select(summaryColumns).from(clues).where(and(eq(clues.personId, row.personId), ne(clues.id, id), scope)).orderBy(desc(clues.receivedAt)).limit(50)
        : Promise.resolve([]),
      row.personId ? db.select({ idNumberHash: cluePersons.idNumberHash }).from(cluePersons).where(eq(cluePersons.id, row.personId)) : Promise.resolve([]),
    ]);
    const [transfersOut, transfersIn] = await Promise.all([presentTransfers(outgoing), presentTransfers(incoming)]);
    const sourceName = row.sourceOrganizationId ? ((await bodyById(db, row.sourceOrganizationId))?.name ?? null) : null;
    const approval = partner ? null : await approvalState(db, actor, row);
    const open = !finalStatuses.has(row.status as ClueStatus);
    return {
      ...presentSummary(summaryRow),
      allegations: row.allegations,
      violationCategories: row.violationCategories as ClueDetail['violationCategories'],
      concernedPost: row.concernedPost,
      isPartyMember: row.isPartyMember,
      supervisedCategory: row.supervisedCategory,
      lowerCommitteePrincipal: row.lowerCommitteePrincipal,
      verificationPlan: partner ? null : (row.verificationPlan ?? null),
      hasIdNumber: Boolean(person[0]?.idNumberHash),
      personId: partner ? null : row.personId,
      sourceOrganizationId: row.sourceOrganizationId,
      sourceOrganizationName: sourceName,
      sourceReference: row.sourceReference,
      petitionId: row.petitionId,
      proposal:
        partner || !row.proposal
          ? null
          : {
              disposalType: row.proposal.disposalType,
              reason: row.proposal.reason,
              proposedBy: row.proposal.proposedBy,
              proposedAt: row.proposal.proposedAt,
              verificationPlan: row.proposal.verificationPlan ?? null,
            },
      approval: approval ? { steps: approval.steps, nextStep: approval.nextStep, canSign: approval.canSign } : null,
      // A partner body learns the result it is owed, not the internal handling (DOMAIN.md §3.2 结果反馈).
      records: partner
        ? []
        : records.map((entry) => ({
            action: entry.action,
            body: entry.body,
            inquiryMethod: entry.inquiryMethod,
            recommendation: entry.recommendation,
            authorName: entry.authorName,
            createdAt: entry.createdAt.toISOString(),
          })),
      conclusion: partner ? null : row.conclusion,
      feedback: row.feedback,
      feedbackAt: row.feedbackAt?.toISOString() ?? null,
      relatedClues: related.map(presentSummary),
      allowedActions: await allowedActionsOf(actor, row),
      events: partner ? [] : events.map(presentWorkflowEvent),
      deadlines: partner ? [] : deadlineRows.map((deadline) => deadlines.present(deadline)),
      attachments: files.map(presentAttachment),
      transfersOut,
      transferIn: transfersIn[0] ?? null,
      capabilities: {
        edit: open && !partner && hasRole(actor, 'case_management_officer', 'handling_officer'),
        viewPerson: !partner && Boolean(row.personId) && can(actor, 'clues.persons'),
        extendDeadline: open && !partner && hasRole(actor, 'leader'),
      },
      partnerView: partner,
      version: row.version,
    };
  }

  async function update(actor: Actor, id: string, body: EndpointRequest<'updateClue'>['body']): Promise<ClueDetail> {
    const row = await findVisible(actor, id);
    const { version, idNumber, ...changes } = body;
    if ((await isSenderView(actor, row)) || finalStatuses.has(row.status as ClueStatus) || !hasRole(actor, 'case_management_officer', 'handling_officer')) {
      throw new AppError('FORBIDDEN');
    }
    await db.transaction(async (tx) => {
      const merged = { ...row, ...changes };
      // A person known by ID number stays that person when the name or unit is corrected; without a number the
      // name and unit are what identify them, so a correction may link the clue to someone else.
      const [current] = row.personId ? await tx.select({ idNumberHash: cluePersons.idNumberHash }).from(cluePersons).where(eq(cluePersons.id, row.personId)) : [];
      const personChanged = idNumber !== undefined || (!current?.idNumberHash && (changes.concernedName !== undefined || changes.concernedUnit !== undefined));
      const personId = personChanged
        ? await personFor(tx, { name: merged.concernedName, unit: merged.concernedUnit ?? null, post: merged.concernedPost ?? null, idNumber: idNumber ?? null })
        : row.personId;
      const updated = await tx
        .update(clues)
        .set({ ...changes, personId, version: sql`${clues.version} + 1`, updatedAt: clock.now() })
        .where(and(eq(clues.id, id), eq(clues.version, version)))
        .returning({ id: clues.id });
      if (updated.length === 0) throw new AppError('VERSION_CONFLICT');
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: row.organizationId,
        action: 'clue.update',
        subjectType: 'clue',
        subjectId: id,
        // The ID number is sealed; the trail says only that it changed.
        before: Object.fromEntries(Object.keys(changes).map((key) => [key, row[key as keyof ClueRow]])),
        after: { ...changes, ...(idNumber !== undefined ? { idNumber: '（已密封）' } : {}) },
      });
    });
    return detail(actor, id);
  }

  // ---- Person view (need-to-know; every view logged) ----

  async function person(actor: Actor, personId: string) {
    const [found] = await db.select().from(cluePersons).where(eq(cluePersons.id, personId));
    if (!found) throw new AppError('NOT_FOUND');
    const rows = await db
      .select(summaryColumns)
      .from(clues)
      .where(and(eq(clues.personId, personId), await scopeOf(actor)))
      .orderBy(desc(clues.receivedAt))
      .limit(200);
    // Someone outside every clue about the person learns nothing, not even that the person exists.
    if (rows.length === 0) throw new AppError('NOT_FOUND');
    await auditRecorder.record({
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: actor.organizationId,
      action: 'clue.person.view',
      subjectType: 'clue_person',
      subjectId: personId,
      after: { clues: rows.length },
    });
    return { id: found.id, name: found.name, unit: found.unit, post: found.post, hasIdNumber: Boolean(found.idNumberHash), clues: rows.map(presentSummary) };
  }

  // ---- Options ----

  async function handlingBodies(actor: Actor) {
    const ledger = await ledgerOf(db, actor.organizationId);
    return db
      .select({ id: organizations.id, name: organizations.name, type: organizations.type })
      .from(organizations)
      .where(and(sql`${organizations.path} like ${`${ledger.path}%`}`, inArray(organizations.type, [...clueHandlingBodyTypes])))
      .orderBy(asc(organizations.path));
  }

  /** Ledgers a clue can go to: every commission but the actor's own (a partner body, having none, may send to any). */
  async function transferTargets(actor: Actor) {
    const own = await ledgerOf(db, actor.organizationId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'CLUE_LEDGER_INVALID') return null;
      throw error;
    });
    return db
      .select({ id: organizations.id, name: organizations.name, type: organizations.type })
      .from(organizations)
      .where(and(inArray(organizations.type, [...clueLedgerBodyTypes]), own ? ne(organizations.id, own.id) : undefined))
      .orderBy(asc(organizations.path));
  }

  type Level = CadreManagementLevel | 'default';

  /** The chain in force of every level for a ledger the reader may see (theirs, below or above theirs). */
  async function approvalRules(actor: Actor, organizationId: string = actor.organizationId) {
    const body = await bodyById(db, organizationId);
    if (!body || !onTheLineOf(actor.organizationPath, body.path)) throw new AppError('NOT_FOUND');
    const rows = await db
      .select({ row: clueApprovalRules, bodyName: organizations.name })
      .from(clueApprovalRules)
      .innerJoin(organizations, eq(organizations.id, clueApprovalRules.organizationId))
      .where(inArray(clueApprovalRules.organizationId, selfAndAncestorIds(body.path)));
    const flat = rows.map(({ row, bodyName }) => ({ ...row, bodyName }));
    return (Object.keys(defaultApprovalChains) as Level[]).map((level) => {
      const inForce = nearestUpTheTree(body.path, flat.filter((row) => row.level === level));
      return {
        cadreManagementLevel: level,
        steps: (inForce?.steps as ApprovalStep[] | undefined) ?? defaultApprovalChains[level],
        organizationId: body.id,
        definedAt: inForce ? { id: inForce.organizationId, name: inForce.bodyName } : null,
        configured: inForce?.organizationId === body.id,
      };
    });
  }

  /** A ledger whose chains the administrator may set: theirs or one below it. */
  async function administeredLedger(actor: Actor, organizationId: string) {
    const body = await bodyById(db, organizationId);
    if (!body || !body.path.startsWith(actor.organizationPath)) throw new AppError('NOT_FOUND');
    if (!(clueLedgerBodyTypes as readonly string[]).includes(body.type)) throw new AppError('CLUE_LEDGER_INVALID');
    return body;
  }

  async function ruleOf(actor: Actor, organizationId: string, level: Level) {
    return (await approvalRules(actor, organizationId)).find((rule) => rule.cadreManagementLevel === level)!;
  }

  async function updateApprovalRule(actor: Actor, organizationId: string, level: Level, steps: ApprovalStep[]) {
    const ledger = await administeredLedger(actor, organizationId);
    // Signatures go from the office up: keep the configured steps in that order whatever order they came in.
    const ordered = (['office_head', 'leader_in_charge', 'principal_leader'] as ApprovalStep[]).filter((step) => steps.includes(step));
    const now = clock.now();
    const before = await ruleOf(actor, ledger.id, level);
    await db.transaction(async (tx) => {
      await tx
        .insert(clueApprovalRules)
        .values({ organizationId: ledger.id, level, steps: ordered, updatedBy: actor.userId, updatedAt: now })
        .onConflictDoUpdate({ target: [clueApprovalRules.organizationId, clueApprovalRules.level], set: { steps: ordered, updatedBy: actor.userId, updatedAt: now } });
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: ledger.id,
        action: 'clue.approval_rule.update',
        subjectType: 'clue_approval_rule',
        subjectId: level,
        before: { steps: before.steps, definedAt: before.definedAt?.id ?? null },
        after: { steps: ordered },
      });
    });
    return ruleOf(actor, ledger.id, level);
  }

  async function resetApprovalRule(actor: Actor, organizationId: string, level: Level) {
    const ledger = await administeredLedger(actor, organizationId);
    await db.transaction(async (tx) => {
      const removed = await tx
        .delete(clueApprovalRules)
        .where(and(eq(clueApprovalRules.organizationId, ledger.id), eq(clueApprovalRules.level, level)))
        .returning();
      if (removed.length === 0) return;
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: ledger.id,
        action: 'clue.approval_rule.reset',
        subjectType: 'clue_approval_rule',
        subjectId: level,
        before: { steps: removed[0].steps },
        after: { inherited: true },
      });
    });
    return ruleOf(actor, ledger.id, level);
  }

  async function isVisible(actor: Actor, id: string): Promise<boolean> {
    const [row] = await db.select({ id: clues.id }).from(clues).where(and(eq(clues.id, id), await scopeOf(actor)));
    return Boolean(row);
  }

  /** Summaries of clues by id (whatever their scope: the caller has checked why it may show them). */
  async function summariesOf(ids: string[]): Promise<Map<string, ClueSummary>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select(summaryColumns).from(clues).where(inArray(clues.id, ids));
    return new Map(rows.map((row) => [row.id, presentSummary(row)]));
  }

  /** Which of these clues the actor sees. */
  async function visibleIds(actor: Actor, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.select({ id: clues.id }).from(clues).where(and(inArray(clues.id, ids), await scopeOf(actor)));
    return new Set(rows.map((row) => row.id));
  }

  return {
    create,
    clueIntake,
    isVisible,
    summariesOf,
    visibleIds,
    list,
    listQueries,
    exportRows,
    detail,
    update,
    applyAction,
    sign,
    person,
    handlingBodies,
    transferTargets,
    approvalRules,
    updateApprovalRule,
    resetApprovalRule,
  };
}
export type CluesService = ReturnType<typeof createCluesService>;
