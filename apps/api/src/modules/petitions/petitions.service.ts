import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  allowedActionsFor,
  clueHandoffStatuses,
  approvalActionOfMode,
  petitionWorkflow,
  receivingBodyTypes,
  transferModes,
  transferTargetTypes,
  type CategoryQuestion,
  type DeadlineState,
  type EndpointRequest,
  type HandlingMode,
  type PetitionAction,
  type PetitionDetail,
  type PetitionListQuery,
  type PetitionStatus,
  type PetitionSummary,
  type PublicSubmission,
  type Receipt,
  type RegisterPetitionBody,
  type ReporterIdentity,
  type TransferMode,
} from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { asWorkflowActor, hasRole, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { attachments, presentAttachment } from '../../platform/files/files.table.ts';
import { claimUploads } from '../../platform/files/claim-uploads.ts';
import { deadlineStateCondition, deadlineStateOf } from '../../platform/deadlines/deadline-state.ts';
import type { StoredFile } from '../../platform/files/file-store.ts';
import { cappedCountQuery, COUNT_CAP, countCapped, pageResult, type CappedCount } from '../../platform/http/pagination.ts';
import type { HumanCheck, VerifiedChallenge } from '../../platform/http/human-check.ts';
import { createGroupCommit, type ItemOutcome } from '../../platform/db/group-commit.ts';
import { nextSerial } from '../../platform/numbering/serials.ts';
import { keywordsOf, searchQueryOf, searchVectorOf } from '../../platform/search/segment.ts';
import { chinaDateOf, endOfChinaDay, startOfChinaDay } from '../../platform/calendar/working-days.ts';
import { registerWorkflow } from '../../platform/workflow/registry.ts';
import type { WorkflowActor, WorkflowSubject } from '../../platform/workflow/workflow.engine.ts';
import { presentWorkflowEvent, workflowEvents } from '../../platform/workflow/workflow.table.ts';
import type { Platform } from '../../platform/platform.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { organizationName } from '../organizations/organization-name.ts';
import { memberships, users } from '../users/users.table.ts';
import {
  intakePoints,
  petitionAnswers,
  petitionCategories,
  petitionClueHandoffs,
  petitionLinks,
  petitionNotes,
  petitionSupplements,
  petitionTransfers,
  petitions,
  type ProposalRecord,
} from './petitions.table.ts';
import { defaultClueIntake, type ClueIntake } from './clue-intake.ts';

registerWorkflow(petitionWorkflow);

export type PetitionRow = typeof petitions.$inferSelect;
export const petitionSubject: WorkflowSubject = { table: petitions, id: petitions.id, status: petitions.status, version: petitions.version };


// Actions with their own endpoint (they carry more than a note) or taken only by the system.
const dedicatedActions = new Set<string>(['propose', 'answer', 'merge']);
const finalStatuses = new Set<PetitionStatus>(['closed', 'not_accepted', 'merged', 'returned']);
const transferModeOf: Partial<Record<PetitionAction, TransferMode>> = {
  approveJoint: 'joint',
  approveAssignment: 'assign_with_report',
  approveForwarding: 'forward',
  approveEscalation: 'escalate_to_higher',
};
// 信访工作条例 art.35–36: one review (复查) and one recheck (复核); a third dissatisfied rating ends the matter.
const MAX_REHANDLINGS = 2;
const EXPORT_ROW_CAP = 20_000;

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function randomCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}
function normalizeSecret(secret: string): string {
  return secret.toUpperCase().replace(/[\s-]/g, '');
}

const summaryColumns = {
  id: petitions.id,
  serialNumber: petitions.serialNumber,
  receiptCode: petitions.receiptCode,
  title: petitions.title,
  status: petitions.status,
  channel: petitions.channel,
  source: petitions.source,
  submissionType: petitions.submissionType,
  categoryKey: petitions.categoryKey,
  objectLevel: petitions.objectLevel,
  concernedName: petitions.concernedName,
  concernedUnit: petitions.concernedUnit,
  anonymous: petitions.anonymous,
  organizationId: petitions.organizationId,
  organizationName: organizationName(petitions.organizationId),
  assigneeId: petitions.assigneeId,
  assigneeName: sql<string | null>`(select u.display_name from users u where u.id = ${petitions.assigneeId})`,
  receivedAt: petitions.receivedAt,
  dueAt: petitions.dueAt,
  remindAt: petitions.remindAt,
  updatedAt: petitions.updatedAt,
  satisfaction: petitions.satisfaction,
};
type SummaryRow = { [K in keyof typeof summaryColumns]: unknown } & {
  id: string;
  status: PetitionStatus;
  dueAt: Date | null;
  remindAt: Date | null;
  receivedAt: Date;
  updatedAt: Date;
};

export function createPetitionsService(
  platform: Pick<Platform, 'db' | 'clock' | 'workflows' | 'deadlines' | 'sealer' | 'notifier' | 'messages' | 'files'>,
  { humanCheck, clueIntake = defaultClueIntake }: { humanCheck: HumanCheck; clueIntake?: ClueIntake },
) {
  const { db, clock, workflows, deadlines, sealer, notifier, messages, files } = platform;
  const receiptKey = sealer.derive('receipt-secret');
  const fingerprintKey = sealer.derive('reporter-fingerprint');

  deadlines.mirror(petitionWorkflow.id, async (tx, subjectIds, open) => {
    await tx
      .update(petitions)
      .set({ dueAt: open?.dueAt ?? null, remindAt: open?.remindAt ?? null })
      .where(subjectIds.length === 1 ? eq(petitions.id, subjectIds[0]) : inArray(petitions.id, subjectIds));
  });

  // Public submissions arriving together are written together (see submitPublic).
  const intake = createGroupCommit(writeSubmissions, { maxBatch: INTAKE_BATCH_MAX });

  const hashSecret = (secret: string) => createHmac('sha256', receiptKey).update(normalizeSecret(secret)).digest('base64url');
  const fingerprintOf = (reporter: ReporterIdentity) =>
    createHmac('sha256', fingerprintKey).update(reporter.phone.replace(/\D/g, '')).digest('base64url');

  function presentSummary(row: SummaryRow): PetitionSummary {
    const r = row as unknown as Record<string, unknown>;
    return {
      id: row.id,
      serialNumber: r.serialNumber as string | null,
      receiptCode: r.receiptCode as string | null,
      title: r.title as string,
      status: row.status,
      channel: r.channel as PetitionSummary['channel'],
      source: r.source as PetitionSummary['source'],
      submissionType: r.submissionType as PetitionSummary['submissionType'],
      categoryKey: r.categoryKey as string | null,
      objectLevel: r.objectLevel as PetitionSummary['objectLevel'],
      concernedName: r.concernedName as string | null,
      concernedUnit: r.concernedUnit as string | null,
      anonymous: r.anonymous as boolean,
      organizationId: r.organizationId as string,
      organizationName: r.organizationName as string,
      assigneeId: r.assigneeId as string | null,
      assigneeName: r.assigneeName as string | null,
      receivedAt: row.receivedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      dueAt: row.dueAt?.toISOString() ?? null,
      deadlineState: deadlineStateOf(row, clock.now()),
      satisfaction: r.satisfaction as PetitionSummary['satisfaction'],
    };
  }

  async function findVisible(actor: Actor, id: string, executor: DbOrTx = db): Promise<PetitionRow> {
    const [row] = await executor.select().from(petitions).where(and(eq(petitions.id, id), inActorScope(petitions.organizationId, actor)));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  // ---- Validation shared by every way in ----

  async function validateCategory(
    executor: DbOrTx,
    categoryKey: string | null | undefined,
    answers: Record<string, string | boolean> | undefined,
    location: 'payload' | 'body',
  ) {
    const [category] = categoryKey ? await executor.select().from(petitionCategories).where(eq(petitionCategories.key, categoryKey)) : [];
    return answersForCategory(category, categoryKey, answers, location);
  }

  /** The extra answers a report keeps, checked against its category's questions (`category` as read for `categoryKey`). */
  function answersForCategory(
    category: typeof petitionCategories.$inferSelect | undefined,
    categoryKey: string | null | undefined,
    answers: Record<string, string | boolean> | undefined,
    location: 'payload' | 'body',
  ) {
    if (!categoryKey) {
      if (answers && Object.keys(answers).length > 0) throw new AppError('CATEGORY_ANSWER_INVALID', [{ path: `${location}.extraAnswers`, message: 'no category chosen' }]);
      return {};
    }
    if (!category || !category.active) throw new AppError('CATEGORY_NOT_FOUND');
    return checkAnswers(category.questions, answers ?? {}, location);
  }

  function checkAnswers(questions: CategoryQuestion[], answers: Record<string, string | boolean>, location: 'payload' | 'body'): Record<string, string | boolean> {
    const problems: { path: string; message: string }[] = [];
    const known = new Set(questions.map((question) => question.key));
    for (const key of Object.keys(answers)) if (!known.has(key)) problems.push({ path: `${location}.extraAnswers.${key}`, message: 'unknown question' });
    const cleaned: Record<string, string | boolean> = {};
    for (const question of questions) {
      const value = answers[question.key];
      const empty = value === undefined || value === '';
      if (empty) {
        if (question.required) problems.push({ path: `${location}.extraAnswers.${question.key}`, message: `${question.label.zhCN}：必填 (${question.label.en}: required)` });
        continue;
      }
      const expectsBoolean = question.type === 'yesno';
      if (expectsBoolean !== (typeof value === 'boolean')) problems.push({ path: `${location}.extraAnswers.${question.key}`, message: `${question.label.zhCN}：答案无效 (${question.label.en}: invalid answer)` });
      else if (question.type === 'select' && !(question.options ?? []).some((option) => option.zhCN === value || option.en === value)) {
        problems.push({ path: `${location}.extraAnswers.${question.key}`, message: `${question.label.zhCN}：答案无效 (${question.label.en}: invalid answer)` });
      } else cleaned[question.key] = value;
    }
    if (problems.length > 0) throw new AppError('CATEGORY_ANSWER_INVALID', problems);
    return cleaned;
  }

  async function ownerOfReceivingBody(executor: DbOrTx, receivingOrganizationId: string) {
    const body = (await receivingBodies(executor, [receivingOrganizationId])).get(receivingOrganizationId);
    if (!body) throw new AppError('RECEIVING_BODY_INVALID');
    return body;
  }

  /** Bodies the public may report to, by id, each with the body that takes its reports; unknown ids are left out. */
  async function receivingBodies(executor: DbOrTx, ids: string[]): Promise<Map<string, { ownerId: string; receivingName: string }>> {
    const rows = await executor
      .select({
        id: organizations.id,
        name: organizations.name,
        // A commission's intake office takes its reports (信访室归口受理); a township committee takes its own.
        // (Qualified by hand: drizzle leaves a one-table select's columns unqualified, which the subquery would take as its own.)
        ownerId: sql<string>`coalesce((select office.id from organizations office where office.parent_id = organizations.id and office.type = 'petition_report_office' limit 1), organizations.id)`,
      })
      .from(organizations)
      .where(and(inArray(organizations.id, [...new Set(ids)]), inArray(organizations.type, [...receivingBodyTypes])));
    return new Map(rows.map((row) => [row.id, { ownerId: row.ownerId, receivingName: row.name }]));
  }

  async function intakeOwnerOf(executor: DbOrTx, organizationId: string): Promise<string> {
    const [office] = await executor
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.parentId, organizationId), eq(organizations.type, 'petition_report_office')))
      .limit(1);
    return office?.id ?? organizationId;
  }

  function sealedReporter(anonymous: boolean, reporter: ReporterIdentity | null | undefined) {
    if (anonymous || !reporter) return { reporterSealed: null, reporterFingerprint: null };
    return { reporterSealed: sealer.seal(JSON.stringify(reporter)), reporterFingerprint: fingerprintOf(reporter) };
  }

  /** Tells a real-name reporter something through the message adapter; reading the phone number is itself logged. */
  async function messageReporter(tx: Transaction, row: PetitionRow, kind: string, text: string) {
    if (row.anonymous || !row.reporterSealed || !row.reporterFacing) return;
    const reporter = JSON.parse(sealer.unseal(row.reporterSealed)) as ReporterIdentity;
    await messages.send(tx, { to: reporter.phone, text, kind });
    await appendAudit(tx, clock, {
      actorId: null,
      actorName: 'system:reporter-notice',
      organizationId: row.organizationId,
      action: 'petition.identity.read',
      subjectType: 'petition',
      subjectId: row.id,
      reason: kind,
    });
  }

  // ---- Creating records ----

  async function insertPetition(tx: Transaction, values: Omit<typeof petitions.$inferInsert, 'searchVector'>) {
    const [row] = await tx
      .insert(petitions)
      .values({
        ...values,
        searchVector: searchVectorOf(values.title, values.content, values.concernedName, values.concernedUnit, values.concernedPost, values.occurredPlace),
      })
      .returning();
    return row;
  }

  async function allocateSerial(tx: Transaction, row: PetitionRow): Promise<Partial<PetitionRow>> {
    if (row.serialNumber) return {};
    const now = clock.now();
    const year = Number(chinaDateOf(now).slice(0, 4));
    const [body] = await tx.select({ code: organizations.code }).from(organizations).where(eq(organizations.id, row.organizationId));
    const value = await nextSerial(tx, { organizationId: row.organizationId, series: 'petition', year });
    return { serialNumber: `${body.code.toUpperCase()}-${year}-${String(value).padStart(5, '0')}`, registeredAt: now };
  }

  /**
   * A public submission (portal or Open311). The proof of work is checked first, without the database; the writes
   * then go through the intake group commit, so that under load many submissions share one transaction. The answer
   * comes only after the transaction holding this submission has committed.
   */
  async function submitPublic(
    payload: PublicSubmission,
    stored: (StoredFile & { fileName: string })[],
    options: { source?: 'portal' | 'open311'; skipHumanCheck?: boolean } = {},
  ): Promise<Receipt> {
    const solved = options.skipHumanCheck ? null : await humanCheck.verify(payload.challenge);
    const item: IntakeItem = { payload, stored, source: options.source ?? 'portal', solved, secret: `${randomCode(4)}-${randomCode(4)}-${randomCode(4)}` };
    // A random receipt code may, rarely, already exist: the submission is written again with a new one.
    for (let attempt = 1; ; attempt++) {
      try {
        return await intake.submit(item);
      } catch (error) {
        if (attempt >= 3 || !isReceiptCodeCollision(error)) throw error;
      }
    }
  }

  interface IntakeItem {
    payload: PublicSubmission;
    stored: (StoredFile & { fileName: string })[];
    source: 'portal' | 'open311';
    solved: VerifiedChallenge | null;
    secret: string;
  }

  /** Writes a batch of public submissions in one transaction; an item that fails a check is refused alone. */
  async function writeSubmissions(items: IntakeItem[]): Promise<ItemOutcome<Receipt>[]> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const outcomes: ItemOutcome<Receipt>[] = [];
      const bodies = await receivingBodies(tx, items.map((item) => item.payload.receivingOrganizationId));
      const categoryKeys = [...new Set(items.flatMap((item) => (item.payload.categoryKey ? [item.payload.categoryKey] : [])))];
      const categories = new Map(
        categoryKeys.length ? (await tx.select().from(petitionCategories).where(inArray(petitionCategories.key, categoryKeys))).map((row) => [row.key, row]) : [],
      );
      const pointCodes = [...new Set(items.flatMap((item) => (item.payload.intakePointCode ? [item.payload.intakePointCode.toUpperCase()] : [])))];
      const points = new Map(
        pointCodes.length
          ? (await tx.select({ id: intakePoints.id, code: intakePoints.code }).from(intakePoints).where(and(inArray(intakePoints.code, pointCodes), eq(intakePoints.active, true)))).map(
              (row) => [row.code, row.id],
            )
          : [],
      );

      const checked = items.map((item, index) => {
        const body = bodies.get(item.payload.receivingOrganizationId);
        try {
          if (!body) throw new AppError('RECEIVING_BODY_INVALID');
          const { categoryKey } = item.payload;
          const extraAnswers = answersForCategory(categoryKey ? categories.get(categoryKey) : undefined, categoryKey, item.payload.extraAnswers, 'payload');
          return { item, index, body, extraAnswers };
        } catch (error) {
          outcomes[index] = { ok: false, error };
          return null;
        }
      });
      // Challenges are spent only for submissions that passed every other check, so a refused one can be sent again.
      const spent = await humanCheck.spendVerified(tx, checked.flatMap((entry) => (entry?.item.solved ? [entry.item.solved] : [])));
      const holders = new Set<string>();
      const accepted = checked.filter((entry): entry is NonNullable<typeof entry> => {
        if (!entry) return false;
        const signature = entry.item.solved?.signature;
        if (signature === undefined) return true;
        if (spent.has(signature) && !holders.has(signature)) {
          holders.add(signature);
          return true;
        }
        outcomes[entry.index] = { ok: false, error: new AppError('HUMAN_CHECK_FAILED') };
        return false;
      });
      if (accepted.length === 0) return outcomes;

      const rows = accepted.map(({ item, body, extraAnswers }) => {
        const { payload } = item;
        const id = randomUUID();
        // Anonymous reports keep no address or device trace: nothing about the request is stored at all.
        return {
          id,
          organizationId: body.ownerId,
          rootId: id,
          receiptCode: `JB${randomCode(8)}`,
          receiptSecretHash: hashSecret(item.secret),
          status: 'submitted' as const,
          channel: 'online' as const,
          source: item.source,
          submissionType: payload.submissionType,
          categoryKey: payload.categoryKey ?? null,
          extraAnswers,
          title: payload.title,
          content: payload.content,
          concernedName: payload.concernedName ?? null,
          concernedPost: payload.concernedPost ?? null,
          concernedUnit: payload.concernedUnit ?? null,
          occurredOn: payload.occurredOn ?? null,
          occurredPlace: payload.occurredPlace ?? null,
          intakePointId: payload.intakePointCode ? (points.get(payload.intakePointCode.toUpperCase()) ?? null) : null,
          anonymous: payload.anonymous,
          ...sealedReporter(payload.anonymous, payload.reporter),
          searchVector: searchVectorOf(payload.title, payload.content, payload.concernedName, payload.concernedUnit, payload.concernedPost, payload.occurredPlace),
          receivedAt: now,
          createdAt: now,
          updatedAt: now,
        };
      });
      await tx.insert(petitions).values(rows);
      const files = accepted.flatMap(({ item }, position) =>
        item.stored.map((file) => ({ ...file, organizationId: rows[position].organizationId, ownerType: 'petition', ownerId: rows[position].id, uploadedBy: null, createdAt: now })),
      );
      if (files.length > 0) await tx.insert(attachments).values(files);
      await workflows.startMany(
        tx,
        accepted.map(({ item }, position) => ({
          definition: petitionWorkflow,
          subjectId: rows[position].id,
          organizationId: rows[position].organizationId,
          status: 'submitted' as const,
          actor: { kind: 'system' as const, name: item.source },
          after: { receiptCode: rows[position].receiptCode, channel: 'online', anonymous: item.payload.anonymous, attachments: item.stored.length },
        })),
      );
      accepted.forEach(({ item, index, body }, position) => {
        outcomes[index] = {
          ok: true,
          value: { receiptCode: rows[position].receiptCode, secret: item.secret, receivedAt: now.toISOString(), receivingOrganizationName: body.receivingName },
        };
      });
      return outcomes;
    });
  }

  async function register(actor: Actor, body: RegisterPetitionBody): Promise<PetitionDetail> {
    const now = clock.now();
    const id = randomUUID();
    await db.transaction(async (tx) => {
      const extraAnswers = await validateCategory(tx, body.categoryKey, body.extraAnswers, 'body');
      const row = await insertPetition(tx, {
        id,
        organizationId: actor.organizationId,
        rootId: id,
        status: 'registered',
        channel: body.channel,
        source: 'staff',
        submissionType: body.submissionType,
        categoryKey: body.categoryKey ?? null,
        extraAnswers,
        title: body.title,
        content: body.content,
        concernedName: body.concernedName ?? null,
        concernedPost: body.concernedPost ?? null,
        concernedUnit: body.concernedUnit ?? null,
        objectLevel: body.objectLevel ?? null,
        violationCategories: body.violationCategories ?? [],
        occurredOn: body.occurredOn ?? null,
        occurredPlace: body.occurredPlace ?? null,
        anonymous: body.anonymous,
        ...sealedReporter(body.anonymous, body.reporter),
        assigneeId: actor.userId,
        receivedAt: body.receivedAt ? new Date(body.receivedAt) : now,
        createdAt: now,
        updatedAt: now,
      });
      const serial = await allocateSerial(tx, row);
      await tx.update(petitions).set(serial).where(eq(petitions.id, id));
      await claimUploads(tx, actor.userId, { ownerType: 'petition', ownerId: row.id, organizationId: row.organizationId }, body.attachmentIds ?? []);
      await workflows.start(tx, {
        definition: petitionWorkflow,
        subjectId: id,
        organizationId: actor.organizationId,
        status: 'registered',
        actor: asWorkflowActor(actor),
        after: { channel: body.channel, serialNumber: serial.serialNumber, anonymous: body.anonymous },
      });
      await messageReporter(tx, { ...row, ...serial } as PetitionRow, 'petition.accepted', acceptanceText(serial.serialNumber ?? ''));
    });
    return detail(actor, id);
  }

  function acceptanceText(reference: string) {
    // 2020 检举控告规则 / D10: real-name reporters are told of acceptance (15 working days at most).
    return `您反映的问题已登记受理（编号 ${reference}），我们将依规办理并反馈结果。`;
  }

  // ---- Transfers between bodies ----

  async function createTransfers(tx: Transaction, actor: Actor, parent: PetitionRow, mode: TransferMode, targetIds: string[]) {
    const now = clock.now();
    const reportBackRequired = mode === 'joint' || mode === 'assign_with_report';
    const reporterFacing = mode !== 'joint' && parent.reporterFacing;
    const parentFiles = await tx.select().from(attachments).where(and(eq(attachments.ownerType, 'petition'), eq(attachments.ownerId, parent.id)));
    for (const target of targetIds) {
      // A commission's reports go to its intake office's queue, as they would from the public.
      const targetId = await intakeOwnerOf(tx, target);
      const childId = randomUUID();
      await insertPetition(tx, {
        id: childId,
        organizationId: targetId,
        rootId: parent.rootId,
        parentId: parent.id,
        status: 'transfer_received',
        channel: parent.channel,
        source: 'transfer',
        submissionType: parent.submissionType,
        categoryKey: parent.categoryKey,
        extraAnswers: parent.extraAnswers,
        title: parent.title,
        content: parent.content,
        concernedName: parent.concernedName,
        concernedPost: parent.concernedPost,
        concernedUnit: parent.concernedUnit,
        objectLevel: parent.objectLevel,
        violationCategories: parent.violationCategories,
        occurredOn: parent.occurredOn,
        occurredPlace: parent.occurredPlace,
        anonymous: parent.anonymous,
        // Joint partners work on the matter, not with the reporter: they get no identity (DOMAIN.md §2.10 P1).
        reporterSealed: reporterFacing ? parent.reporterSealed : null,
        reporterFingerprint: reporterFacing ? parent.reporterFingerprint : null,
        reporterFacing,
        receivedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(petitionTransfers).values({
        mode,
        fromPetitionId: parent.id,
        fromOrganizationId: parent.organizationId,
        toOrganizationId: targetId,
        toPetitionId: childId,
        reportBackRequired,
        createdBy: actor.userId,
        createdAt: now,
      });
      if (parentFiles.length > 0) {
        await tx.insert(attachments).values(
          parentFiles.map(({ id: _id, ...file }) => ({ ...file, organizationId: targetId, ownerId: childId, createdAt: now })),
        );
      }
      await workflows.start(tx, {
        definition: petitionWorkflow,
        subjectId: childId,
        organizationId: targetId,
        status: 'transfer_received',
        actor: asWorkflowActor(actor),
        note: parent.proposal?.opinion,
        after: { mode, fromPetitionId: parent.id },
      });
      const recipients = await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organizationId, targetId));
      await notifier.notify(tx, {
        userIds: recipients.map((recipient) => recipient.userId),
        organizationId: targetId,
        kind: 'petition.transfer',
        title: '收到转来的信访举报件',
        body: `${parent.title}（请在规定期限内签收）`,
        subjectType: 'petition',
        subjectId: childId,
      });
    }
  }

  /** The result of a transferred record flows back to the sender; a report-back transfer moves the sender along. */
  async function reportToSender(tx: Transaction, child: PetitionRow, result: string) {
    if (!child.parentId) return;
    const now = clock.now();
    const [transfer] = await tx.select().from(petitionTransfers).where(eq(petitionTransfers.toPetitionId, child.id));
    if (!transfer) return;
    await tx.update(petitionTransfers).set({ status: 'reported', reportedAt: now, result }).where(eq(petitionTransfers.id, transfer.id));
    if (!transfer.reportBackRequired) return;
    await moveSenderWhenSettled(tx, transfer.fromPetitionId);
  }

  // Once every report-back transfer of the sender has an outcome, the sender's record moves on.
  async function moveSenderWhenSettled(tx: Transaction, senderId: string) {
    const [sender] = await tx.select().from(petitions).where(eq(petitions.id, senderId));
    if (!sender) return;
    const outgoing = await tx.select().from(petitionTransfers).where(eq(petitionTransfers.fromPetitionId, senderId));
    const current = outgoing.filter((transfer) => transfer.createdAt >= latestRoutingAt(outgoing));
    const open = current.some((transfer) => transfer.status === 'pending' || transfer.status === 'acknowledged');
    if (open) return;
    const anyReported = current.some((transfer) => transfer.status === 'reported');
    const systemActor: WorkflowActor = { kind: 'system', name: 'transfer' };
    if (sender.status === 'awaiting_result' && anyReported) {
      await workflows.apply(
        { definition: petitionWorkflow, subject: petitionSubject, subjectId: sender.id, organizationId: sender.organizationId, expectedStatus: 'awaiting_result', action: 'resultReceived', actor: systemActor },
        tx,
      );
    } else if (!anyReported && (sender.status === 'awaiting_result' || sender.status === 'forwarded' || sender.status === 'escalated')) {
      await workflows.apply(
        {
          definition: petitionWorkflow,
          subject: petitionSubject,
          subjectId: sender.id,
          organizationId: sender.organizationId,
          expectedStatus: sender.status,
          action: 'transferReturned',
          actor: systemActor,
          set: { proposal: null },
          note: current.map((transfer) => transfer.returnReason).filter(Boolean).join('；'),
        },
        tx,
      );
    }
  }

  // A reviewed answer is not a final result: the sender's report-back transfer is open again until the new answer.
  async function reopenSenderForReview(tx: Transaction, child: PetitionRow) {
    const [transfer] = await tx.select().from(petitionTransfers).where(eq(petitionTransfers.toPetitionId, child.id));
    if (!transfer || !transfer.reportBackRequired || transfer.status !== 'reported') return;
    await tx.update(petitionTransfers).set({ status: 'acknowledged' }).where(eq(petitionTransfers.id, transfer.id));
    const [sender] = await tx.select().from(petitions).where(eq(petitions.id, transfer.fromPetitionId));
    if (sender?.status !== 'result_received') return;
    await workflows.apply(
      {
        definition: petitionWorkflow,
        subject: petitionSubject,
        subjectId: sender.id,
        organizationId: sender.organizationId,
        expectedStatus: 'result_received',
        action: 'reviewStarted',
        actor: { kind: 'system', name: 'transfer' },
      },
      tx,
    );
  }

  function latestRoutingAt(outgoing: { createdAt: Date }[]): Date {
    return outgoing.reduce((latest, transfer) => (transfer.createdAt > latest ? transfer.createdAt : latest), new Date(0));
  }

  // ---- Workflow actions ----

  async function transition(
    actor: Actor,
    row: PetitionRow,
    action: PetitionAction,
    expectedStatus: PetitionStatus,
    options: { note?: string; set?: Partial<PetitionRow>; within?: (tx: Transaction) => Promise<void> } = {},
  ) {
    await workflows.apply({
      definition: petitionWorkflow,
      subject: petitionSubject,
      subjectId: row.id,
      organizationId: row.organizationId,
      expectedStatus,
      action,
      actor: asWorkflowActor(actor),
      note: options.note,
      set: { ...options.set, updatedAt: clock.now() },
      within: options.within,
    });
  }

  async function applyAction(actor: Actor, id: string, body: { action: string; expectedStatus: string; note?: string }): Promise<PetitionDetail> {
    const row = await findVisible(actor, id);
    const action = body.action as PetitionAction;
    if (dedicatedActions.has(action) || !Object.hasOwn(petitionWorkflow.actions, action)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
    const expectedStatus = body.expectedStatus as PetitionStatus;
    const mode = transferModeOf[action];
    if (action.startsWith('approve') && (!row.proposal || approvalActionOfMode[row.proposal.mode] !== action)) throw new AppError('PROPOSAL_MISMATCH');
    const now = clock.now();

    let set: Partial<PetitionRow> = {};
    let within: ((tx: Transaction) => Promise<void>) | undefined;
    switch (action) {
      case 'register':
        within = async (tx) => {
          const serial = await allocateSerial(tx, row);
          await tx.update(petitions).set(serial).where(eq(petitions.id, row.id));
          await messageReporter(tx, row, 'petition.accepted', acceptanceText(row.receiptCode ?? serial.serialNumber ?? ''));
        };
        set = { assigneeId: row.assigneeId ?? actor.userId };
        break;
      case 'acknowledge':
      case 'acknowledgeAndHandle':
        within = async (tx) => {
          const serial = await allocateSerial(tx, row);
          await tx.update(petitions).set(serial).where(eq(petitions.id, row.id));
          await tx.update(petitionTransfers).set({ status: 'acknowledged', acknowledgedAt: now }).where(eq(petitionTransfers.toPetitionId, row.id));
        };
        set = { assigneeId: row.assigneeId ?? actor.userId };
        break;
      case 'returnToSender':
        within = async (tx) => {
          const [transfer] = await tx
            .update(petitionTransfers)
            .set({ status: 'returned', returnedAt: now, returnReason: body.note ?? null })
            .where(eq(petitionTransfers.toPetitionId, row.id))
            .returning();
          if (transfer) await moveSenderWhenSettled(tx, transfer.fromPetitionId);
        };
        break;
      case 'sendBack':
        set = { proposal: null };
        break;
      case 'approveNotAccepted':
        // The reporter is told why and where to turn (DOMAIN.md §3.1: 告知向有权机关反映).
        set = { answer: row.proposal?.opinion ?? null, answeredAt: now, answeredBy: actor.userId };
        within = async (tx) => {
          await tx.insert(petitionAnswers).values({
            petitionId: row.id,
            rootId: row.rootId,
            organizationId: row.organizationId,
            body: row.proposal?.opinion ?? '',
            answeredBy: actor.userId,
            createdAt: now,
          });
          await messageReporter(tx, row, 'petition.not_accepted', `您反映的问题经研究不予受理，答复意见可凭查询码查看。`);
          await reportToSender(tx, row, row.proposal?.opinion ?? '');
        };
        break;
      case 'closeWithResult':
        within = async (tx) => {
          const results = await tx.select({ result: petitionTransfers.result }).from(petitionTransfers).where(eq(petitionTransfers.fromPetitionId, row.id));
          await reportToSender(tx, row, results.map((transfer) => transfer.result).filter(Boolean).join('\n') || (body.note ?? ''));
        };
        break;
      default:
        if (mode) {
          within = async (tx) => createTransfers(tx, actor, row, mode, row.proposal?.targetOrganizationIds ?? []);
        }
    }
    await transition(actor, row, action, expectedStatus, { note: body.note, set, within });
    return detail(actor, id);
  }

  async function propose(actor: Actor, id: string, body: EndpointRequest<'proposePetitionHandling'>['body']): Promise<PetitionDetail> {
    const row = await findVisible(actor, id);
    const targets = await validateTargets(actor, body.mode, body.targetOrganizationIds);
    const proposal: ProposalRecord = {
      mode: body.mode,
      targetOrganizationIds: targets,
      opinion: body.opinion,
      proposedBy: actor.displayName,
      proposedById: actor.userId,
      proposedAt: clock.now().toISOString(),
    };
    await transition(actor, row, 'propose', body.expectedStatus, { note: body.opinion, set: { proposal } });
    return detail(actor, id);
  }

  async function validateTargets(actor: Actor, mode: HandlingMode, targetIds: string[]): Promise<string[]> {
    if (!(transferModes as readonly string[]).includes(mode)) return [];
    const unique = [...new Set(targetIds)];
    if (unique.includes(actor.organizationId)) throw new AppError('TRANSFER_TARGET_INVALID');
    for (const target of unique) if ((await intakeOwnerOf(db, target)) === actor.organizationId) throw new AppError('TRANSFER_TARGET_INVALID');
    const found = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(inArray(organizations.id, unique), inArray(organizations.type, [...transferTargetTypes])));
    if (found.length !== unique.length) throw new AppError('TRANSFER_TARGET_INVALID');
    return unique;
  }

  async function answer(actor: Actor, id: string, body: EndpointRequest<'answerPetition'>['body']): Promise<PetitionDetail> {
    const row = await findVisible(actor, id);
    const now = clock.now();
    const text = await fillPlaceholders(row, body.answer);
    await transition(actor, row, 'answer', body.expectedStatus, {
      set: { answer: text, answeredAt: now, answeredBy: actor.userId },
      within: async (tx) => {
        await tx.insert(petitionAnswers).values({
          petitionId: row.id,
          rootId: row.rootId,
          organizationId: row.organizationId,
          body: text,
          answeredBy: actor.userId,
          createdAt: now,
        });
        // D11: the result goes to a real-name reporter (15 working days after closure at most); here at once.
        await messageReporter(tx, row, 'petition.answered', '您反映的问题已有办理结果，请凭受理编号和查询码查看并评价。');
        await reportToSender(tx, row, text);
      },
    });
    return detail(actor, id);
  }

  /** Templates name the report's own facts; they are filled in here so the reporter never reads a placeholder. */
  async function fillPlaceholders(row: PetitionRow, text: string): Promise<string> {
    const [root] = row.rootId === row.id ? [row] : await db.select().from(petitions).where(eq(petitions.id, row.rootId));
    const [body] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizationId));
    const values: Record<string, string> = {
      receiptCode: root?.receiptCode ?? row.serialNumber ?? '',
      serialNumber: row.serialNumber ?? '',
      receivedDate: chinaDateOf(root?.receivedAt ?? row.receivedAt),
      organizationName: body?.name ?? '',
      title: row.title,
    };
    return text.replace(/\{(receiptCode|serialNumber|receivedDate|organizationName|title)\}/g, (_, key: string) => values[key]);
  }

  async function merge(actor: Actor, id: string, body: EndpointRequest<'mergePetition'>['body']): Promise<PetitionDetail> {
    const row = await findVisible(actor, id);
    const target = await findVisible(actor, body.targetId).catch(() => {
      throw new AppError('MERGE_TARGET_INVALID');
    });
    if (target.id === row.id || target.rootId === row.rootId || target.status === 'merged') throw new AppError('MERGE_TARGET_INVALID');
    await transition(actor, row, 'merge', body.expectedStatus, {
      note: body.note,
      set: { mergedIntoId: target.id },
      within: async (tx) => {
        await tx
          .insert(petitionLinks)
          .values({ petitionId: row.id, linkedPetitionId: target.id, kind: 'duplicate', createdBy: actor.userId, createdAt: clock.now() })
          .onConflictDoNothing();
      },
    });
    return detail(actor, id);
  }

  async function classify(actor: Actor, id: string, body: EndpointRequest<'classifyPetition'>['body']): Promise<PetitionDetail> {
    const row = await findVisible(actor, id);
    const { version, extraAnswers: answersGiven, ...changes } = body;
    const onlyAssignee = Object.keys(changes).every((key) => key === 'assigneeId') && answersGiven === undefined;
    if (!onlyAssignee) await requireCapability(actor, row, 'classify');
    if (changes.assigneeId !== undefined && changes.assigneeId !== row.assigneeId) await requireCapability(actor, row, 'assign');
    const categoryKey = changes.categoryKey === undefined ? row.categoryKey : changes.categoryKey;
    const categoryChanged = categoryKey !== row.categoryKey;
    // Answers follow the category: new answers are checked against it; a changed category without answers must have no required questions.
    const extraAnswers =
      answersGiven !== undefined || categoryChanged ? await validateCategory(db, categoryKey, answersGiven ?? {}, 'body') : row.extraAnswers;
    if (changes.assigneeId) {
      const [member] = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, changes.assigneeId), eq(memberships.organizationId, row.organizationId)));
      if (!member) throw new AppError('VALIDATION_FAILED', [{ path: 'body.assigneeId', message: 'not a member of the body holding the report' }]);
    }
    const merged = { ...row, ...changes };
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(petitions)
        .set({
          ...changes,
          extraAnswers,
          searchVector: searchVectorOf(merged.title, merged.content, merged.concernedName, merged.concernedUnit, merged.concernedPost, merged.occurredPlace),
          version: sql`${petitions.version} + 1`,
          updatedAt: clock.now(),
        })
        .where(and(eq(petitions.id, id), eq(petitions.version, version)))
        .returning({ id: petitions.id });
      if (updated.length === 0) throw new AppError('VERSION_CONFLICT');
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: row.organizationId,
        action: 'petition.classify',
        subjectType: 'petition',
        subjectId: id,
        before: Object.fromEntries(Object.keys(changes).map((key) => [key, row[key as keyof PetitionRow]])),
        after: changes,
      });
    });
    return detail(actor, id);
  }

  // ---- Reading ----

  /**
   * `searchIndex: false` writes the search condition so that the GIN index cannot serve it: then the planner walks the
   * date index and tests each row it meets, which is what a word matching very many reports needs (see orderOf).
   */
  function listConditions(actor: Actor, query: PetitionListQuery, { searchIndex = true } = {}): SQL {
    const conditions: (SQL | undefined)[] = [inActorScope(petitions.organizationId, actor)];
    if (query.status?.length) conditions.push(inArray(petitions.status, query.status));
    if (query.channel) conditions.push(eq(petitions.channel, query.channel));
    if (query.submissionType) conditions.push(eq(petitions.submissionType, query.submissionType));
    if (query.categoryKey) conditions.push(eq(petitions.categoryKey, query.categoryKey));
    if (query.objectLevel) conditions.push(eq(petitions.objectLevel, query.objectLevel));
    if (query.assigneeId) conditions.push(eq(petitions.assigneeId, query.assigneeId));
    if (query.receivedFrom) conditions.push(gte(petitions.receivedAt, startOfChinaDay(query.receivedFrom)));
    if (query.receivedTo) conditions.push(lte(petitions.receivedAt, endOfChinaDay(query.receivedTo)));
    if (query.deadlineState) conditions.push(deadlineStateCondition(petitions, query.deadlineState, clock.now()));
    if (query.q) {
      const tsQuery = searchQueryOf(query.q);
      // A query of punctuation only matches nothing rather than everything.
      // ts_match_vq is the function behind @@: the same test, but written as a call the GIN index cannot serve and the
      // planner takes to match a third of the rows, so it walks the date index.
      const matches = searchIndex ? sql`${petitions.searchVector} @@ ${tsQuery}` : sql`ts_match_vq(${petitions.searchVector}, ${tsQuery})`;
      conditions.push(tsQuery ? matches : sql`false`);
    }
    return and(...conditions)!;
  }

  /**
   * With a search word, how to find the newest matches depends on how many there are, which planner estimates for
   * tsvector matches get wrong both ways (bench/README.md). So a search counts first, up to SEARCH_COUNT_CAP: when many
   * reports match, walk the date index and keep the matches met on the way (the condition written so the GIN index
   * cannot serve it); when few do, take them all from the GIN index and sort them (the `+ interval` hides the date
   * index from the planner, which would otherwise walk it for a rare word and read the whole table).
   */
  function orderOf(query: PetitionListQuery, manyMatches: boolean) {
    const direction = query.order === 'asc' ? asc : desc;
    const column = query.sort === 'dueAt' ? petitions.dueAt : query.sort === 'updatedAt' ? petitions.updatedAt : petitions.receivedAt;
    const sortKey = query.q && query.sort !== 'dueAt' && !manyMatches ? sql`(${column} + interval '0 second')` : column;
    const primary = query.sort === 'dueAt' ? sql`${column} ${sql.raw(query.order)} nulls last` : query.order === 'asc' ? sql`${sortKey} asc` : sql`${sortKey} desc`;
    return [primary, direction(petitions.id)];
  }

  /** The condition and order of a view's rows; `counted` is a search's capped count (null without a search word). */
  function viewOf(actor: Actor, query: PetitionListQuery, counted: CappedCount | null) {
    const manyMatches = Boolean(query.q && counted?.totalCapped);
    return { where: listConditions(actor, query, { searchIndex: !manyMatches }), orderBy: orderOf(query, manyMatches) };
  }

  /**
   * The statements of a queue page, built once here and reused by the benchmark. With a search word the count runs
   * first (`countFirst`, up to SEARCH_COUNT_CAP) and the page statement depends on it (see orderOf); without one, both
   * run at once.
   */
  function listQueries(actor: Actor, query: PetitionListQuery & { page: number; pageSize: number }) {
    const where = listConditions(actor, query);
    const countFirst = Boolean(query.q);
    const cap = countFirst ? SEARCH_COUNT_CAP : COUNT_CAP;
    return {
      items: (counted: CappedCount | null) => {
        const view = viewOf(actor, query, counted);
        return db
          .select(summaryColumns)
          .from(petitions)
          .where(view.where)
          .orderBy(...view.orderBy)
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize);
      },
      count: cappedCountQuery(db, petitions, where, cap),
      countMatches: () => countCapped(db, petitions, where, cap),
      countFirst,
      cap,
      where,
    };
  }

  async function list(actor: Actor, query: EndpointRequest<'listPetitions'>['query']) {
    const { items, countMatches, countFirst } = listQueries(actor, query);
    if (countFirst) {
      const counted = await countMatches();
      return pageResult((await items(counted)).map((row) => presentSummary(row as SummaryRow)), counted, query);
    }
    const [rows, counted] = await Promise.all([items(null), countMatches()]);
    return pageResult(rows.map((row) => presentSummary(row as SummaryRow)), counted, query);
  }

  async function exportRows(actor: Actor, query: PetitionListQuery) {
    const counted = query.q ? await countCapped(db, petitions, listConditions(actor, query), SEARCH_COUNT_CAP) : null;
    const view = viewOf(actor, query, counted);
    const rows = await db
      .select({ ...summaryColumns, content: petitions.content, concernedPost: petitions.concernedPost })
      .from(petitions)
      .where(view.where)
      .orderBy(...view.orderBy)
      .limit(EXPORT_ROW_CAP);
    return rows.map((row) => ({ ...presentSummary(row as SummaryRow), content: row.content, concernedPost: row.concernedPost }));
  }

  async function summariesOf(ids: string[]): Promise<Map<string, PetitionSummary>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select(summaryColumns).from(petitions).where(inArray(petitions.id, ids));
    return new Map(rows.map((row) => [row.id, presentSummary(row as SummaryRow)]));
  }

  async function presentTransfers(rows: (typeof petitionTransfers.$inferSelect)[]) {
    if (rows.length === 0) return [];
    const organizationIds = [...new Set(rows.flatMap((row) => [row.fromOrganizationId, row.toOrganizationId]))];
    const names = new Map(
      (await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, organizationIds))).map((o) => [o.id, o.name]),
    );
    const childIds = rows.map((row) => row.toPetitionId).filter((value): value is string => Boolean(value));
    const statuses = new Map(
      childIds.length ? (await db.select({ id: petitions.id, status: petitions.status }).from(petitions).where(inArray(petitions.id, childIds))).map((p) => [p.id, p.status]) : [],
    );
    return rows.map((row) => ({
      id: row.id,
      mode: row.mode,
      status: row.status,
      fromPetitionId: row.fromPetitionId,
      fromOrganizationName: names.get(row.fromOrganizationId) ?? '',
      toPetitionId: row.toPetitionId,
      toOrganizationId: row.toOrganizationId,
      toOrganizationName: names.get(row.toOrganizationId) ?? '',
      toPetitionStatus: ((row.toPetitionId ? statuses.get(row.toPetitionId) : null) ?? null) as PetitionStatus | null,
      reportBackRequired: row.reportBackRequired,
      createdAt: row.createdAt.toISOString(),
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      returnedAt: row.returnedAt?.toISOString() ?? null,
      returnReason: row.returnReason,
      reportedAt: row.reportedAt?.toISOString() ?? null,
      result: row.result,
    }));
  }

  function allowedActionsOf(actor: Actor, row: PetitionRow): string[] {
    const actions = allowedActionsFor(petitionWorkflow, row.status as PetitionStatus, actor.roles);
    // A leader sees only the approval that carries out what was proposed.
    return actions.filter((action) => !action.startsWith('approve') || (row.proposal && approvalActionOfMode[row.proposal.mode] === action));
  }

  async function detail(actor: Actor, id: string): Promise<PetitionDetail> {
    const row = await findVisible(actor, id);
    const [summaries, events, deadlineRows, files, outgoing, incoming, links, notes, supplements, handoffs, repeatCount] = await Promise.all([
      summariesOf([row.id]),
      db.select().from(workflowEvents).where(and(eq(workflowEvents.workflowId, petitionWorkflow.id), eq(workflowEvents.subjectId, id))).orderBy(asc(workflowEvents.createdAt)),
      deadlines.listFor(petitionWorkflow.id, id),
      db.select().from(attachments).where(and(eq(attachments.ownerType, 'petition'), eq(attachments.ownerId, id))).orderBy(asc(attachments.createdAt)),
      db.select().from(petitionTransfers).where(eq(petitionTransfers.fromPetitionId, id)).orderBy(asc(petitionTransfers.createdAt)),
      db.select().from(petitionTransfers).where(eq(petitionTransfers.toPetitionId, id)),
      db.select().from(petitionLinks).where(or(eq(petitionLinks.petitionId, id), eq(petitionLinks.linkedPetitionId, id))),
      db.select().from(petitionNotes).where(eq(petitionNotes.petitionId, id)).orderBy(asc(petitionNotes.createdAt)),
      db.select().from(petitionSupplements).where(eq(petitionSupplements.rootId, row.rootId)).orderBy(asc(petitionSupplements.createdAt)),
      db.select().from(petitionClueHandoffs).where(eq(petitionClueHandoffs.petitionId, id)),
      row.reporterFingerprint
        ? db
            .select({ n: sql<number>`count(distinct ${petitions.rootId})::int` })
            .from(petitions)
            .where(and(eq(petitions.reporterFingerprint, row.reporterFingerprint), ne(petitions.rootId, row.rootId), inActorScope(petitions.organizationId, actor)))
        : Promise.resolve([{ n: 0 }]),
    ]);
    const linkedIds = links.map((link) => (link.petitionId === id ? link.linkedPetitionId : link.petitionId));
    const linkedSummaries = await summariesOf(linkedIds);
    const [transfersOut, transfersIn] = await Promise.all([presentTransfers(outgoing), presentTransfers(incoming)]);
    const proposal = row.proposal;
    const targetNames = proposal?.targetOrganizationIds.length
      ? new Map((await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, proposal.targetOrganizationIds))).map((o) => [o.id, o.name]))
      : new Map<string, string>();
    return {
      ...summaries.get(id)!,
      content: row.content,
      concernedPost: row.concernedPost,
      occurredOn: row.occurredOn,
      occurredPlace: row.occurredPlace,
      intakePlaceName: row.intakePointId
        ? ((await db.select({ placeName: intakePoints.placeName }).from(intakePoints).where(eq(intakePoints.id, row.intakePointId)))[0]?.placeName ?? null)
        : null,
      extraAnswers: row.extraAnswers,
      violationCategories: row.violationCategories as PetitionDetail['violationCategories'],
      reporterLabel: row.anonymous ? { zhCN: '匿名', en: 'Anonymous' } : row.reporterSealed ? { zhCN: '实名(已密封)', en: 'Real name (sealed)' } : { zhCN: '实名(未转来身份)', en: 'Real name (identity not passed on)' },
      repeatReporterCount: repeatCount[0]?.n ?? 0,
      canReadReporterIdentity: canReadIdentity(actor, row),
      proposal: proposal
        ? {
            mode: proposal.mode,
            targetOrganizationIds: proposal.targetOrganizationIds,
            targetOrganizationNames: proposal.targetOrganizationIds.map((target) => targetNames.get(target) ?? ''),
            opinion: proposal.opinion,
            proposedBy: proposal.proposedBy,
            proposedAt: proposal.proposedAt,
          }
        : null,
      answer: row.answer,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      satisfactionComment: row.satisfactionComment,
      rehandlingCount: row.rehandlingCount,
      parentPetitionId: row.parentId,
      rootPetitionId: row.rootId,
      mergedIntoId: row.mergedIntoId,
      allowedActions: allowedActionsOf(actor, row),
      events: events.map(presentWorkflowEvent),
      deadlines: deadlineRows.map((deadline) => deadlines.present(deadline)),
      attachments: files.map(presentAttachment),
      transfersOut,
      transferIn: transfersIn[0] ?? null,
      links: links
        .map((link) => {
          const other = link.petitionId === id ? link.linkedPetitionId : link.petitionId;
          const petition = linkedSummaries.get(other);
          return petition ? { id: link.id, kind: link.kind, petition } : null;
        })
        .filter((link): link is NonNullable<typeof link> => link !== null),
      notes: notes.map((note) => ({ id: note.id, body: note.body, authorName: note.authorName, createdAt: note.createdAt.toISOString() })),
      supplements: supplements.map((supplement) => ({ id: supplement.id, body: supplement.body, createdAt: supplement.createdAt.toISOString() })),
      clueHandoff: handoffs[0]
        ? {
            id: handoffs[0].id,
            status: handoffs[0].status as (typeof clueHandoffStatuses)[number],
            createdAt: handoffs[0].createdAt.toISOString(),
            clueId: handoffs[0].clueId,
            result: handoffs[0].result,
            resultAt: handoffs[0].resultAt?.toISOString() ?? null,
          }
        : null,
      capabilities: capabilitiesOf(actor, row, handoffs.length > 0),
      version: row.version,
    };
  }

  function capabilitiesOf(actor: Actor, row: PetitionRow, handedOff: boolean) {
    const open = !finalStatuses.has(row.status as PetitionStatus);
    const staff = hasRole(actor, 'intake_officer', 'handling_officer', 'leader');
    return {
      classify: open && staff,
      link: staff,
      addNote: staff,
      handOffToClues: !handedOff && staff,
      // Extensions are the leader's (信访工作条例 art.34: approval of the head of the handling body).
      extendDeadline: open && hasRole(actor, 'leader'),
      assign: open && hasRole(actor, 'intake_officer', 'leader'),
    };
  }

  /** The same flags the detail page shows, enforced here; the UI shows nothing the server would refuse. */
  async function requireCapability(actor: Actor, row: PetitionRow, capability: keyof ReturnType<typeof capabilitiesOf>) {
    const handedOff = capability === 'handOffToClues' && (await db.select({ id: petitionClueHandoffs.id }).from(petitionClueHandoffs).where(eq(petitionClueHandoffs.petitionId, row.id))).length > 0;
    if (!capabilitiesOf(actor, row, handedOff)[capability]) throw new AppError(handedOff ? 'VERSION_CONFLICT' : 'FORBIDDEN');
  }

  async function assignees(actor: Actor, id: string) {
    const row = await findVisible(actor, id);
    return db
      .select({ id: users.id, displayName: users.displayName, title: memberships.title })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, row.organizationId), eq(users.status, 'active')))
      .orderBy(asc(users.displayName));
  }

  function canReadIdentity(actor: Actor, row: PetitionRow): boolean {
    return Boolean(row.reporterSealed) && hasRole(actor, 'intake_officer') && actor.grants.includes('reporter_identity');
  }

  async function readReporterIdentity(actor: Actor, id: string, reason: string): Promise<ReporterIdentity> {
    const row = await findVisible(actor, id);
    if (!row.reporterSealed) throw new AppError('NOT_FOUND');
    if (!canReadIdentity(actor, row)) {
      // Refusals are logged too: who tried to look is part of protecting the reporter.
      await db.transaction((tx) =>
        appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: row.organizationId,
          action: 'petition.identity.refused',
          subjectType: 'petition',
          subjectId: id,
          reason,
        }),
      );
      throw new AppError('IDENTITY_NOT_GRANTED');
    }
    const identity = JSON.parse(sealer.unseal(row.reporterSealed)) as ReporterIdentity;
    await db.transaction((tx) =>
      appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: row.organizationId,
        action: 'petition.identity.read',
        subjectType: 'petition',
        subjectId: id,
        reason,
      }),
    );
    return identity;
  }

  async function similar(actor: Actor, id: string) {
    const row = await findVisible(actor, id);
    const scope = and(inActorScope(petitions.organizationId, actor), ne(petitions.rootId, row.rootId), ne(petitions.status, 'merged'));
    const candidates = new Map<string, { reasons: Set<string>; score: number }>();
    const add = (ids: { id: string; rank?: number }[], reason: string, weight: number) => {
      for (const { id: candidateId, rank } of ids) {
        const entry = candidates.get(candidateId) ?? { reasons: new Set<string>(), score: 0 };
        entry.reasons.add(reason);
        entry.score += weight + (rank ?? 0);
        candidates.set(candidateId, entry);
      }
    };
    const lookups: Promise<void>[] = [];
    if (row.concernedName) {
      lookups.push(
        db.select({ id: petitions.id }).from(petitions).where(and(scope, eq(petitions.concernedName, row.concernedName))).orderBy(desc(petitions.receivedAt)).limit(20).then((ids) => add(ids, 'same_person', 3)),
      );
    }
    if (row.concernedUnit) {
      lookups.push(
        db.select({ id: petitions.id }).from(petitions).where(and(scope, eq(petitions.concernedUnit, row.concernedUnit))).orderBy(desc(petitions.receivedAt)).limit(20).then((ids) => add(ids, 'same_unit', 1)),
      );
    }
    if (row.reporterFingerprint) {
      lookups.push(
        db.select({ id: petitions.id }).from(petitions).where(and(scope, eq(petitions.reporterFingerprint, row.reporterFingerprint))).orderBy(desc(petitions.receivedAt)).limit(20).then((ids) => add(ids, 'same_reporter', 2)),
      );
    }
    const keywords = keywordsOf(`${row.title}\n${row.content}`, 6);
    if (keywords.length >= 2) {
      // Any of the telling words, ranked by how many match; two or more shared words count as similar text.
      const tsQuery = sql`to_tsquery('simple', ${keywords.map((word) => `'${word.replace(/'/g, '')}'`).join(' | ')})`;
      const rank = sql<number>`ts_rank(${petitions.searchVector}, ${tsQuery})`;
      lookups.push(
        db
          .select({ id: petitions.id, rank })
          .from(petitions)
          .where(and(scope, sql`${petitions.searchVector} @@ ${tsQuery}`))
          .orderBy(desc(rank))
          .limit(20)
          .then((rows) => add(rows.filter((candidate) => candidate.rank >= 0.05).map((candidate) => ({ id: candidate.id, rank: candidate.rank * 10 })), 'similar_text', 1)),
      );
    }
    await Promise.all(lookups);
    const ranked = [...candidates.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, 10);
    const summaries = await summariesOf(ranked.map(([candidateId]) => candidateId));
    const contents = new Map(
      ranked.length
        ? (await db.select({ id: petitions.id, content: petitions.content }).from(petitions).where(inArray(petitions.id, ranked.map(([candidateId]) => candidateId)))).map((p) => [p.id, p.content])
        : [],
    );
    return ranked.map(([candidateId, entry]) => ({
      petition: summaries.get(candidateId)!,
      content: contents.get(candidateId) ?? '',
      reasons: [...entry.reasons] as ('same_person' | 'same_unit' | 'similar_text' | 'same_reporter')[],
      score: Math.round(entry.score * 100) / 100,
    }));
  }

  async function link(actor: Actor, id: string, body: EndpointRequest<'linkPetition'>['body']) {
    const row = await findVisible(actor, id);
    await requireCapability(actor, row, 'link');
    const other = await findVisible(actor, body.linkedPetitionId);
    if (other.id === row.id) throw new AppError('MERGE_TARGET_INVALID');
    await db.transaction(async (tx) => {
      await tx
        .insert(petitionLinks)
        .values({ petitionId: row.id, linkedPetitionId: other.id, kind: body.kind, createdBy: actor.userId, createdAt: clock.now() })
        .onConflictDoUpdate({ target: [petitionLinks.petitionId, petitionLinks.linkedPetitionId], set: { kind: body.kind } });
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: row.organizationId,
        action: 'petition.link',
        subjectType: 'petition',
        subjectId: row.id,
        after: { linkedPetitionId: other.id, kind: body.kind },
      });
    });
    return detail(actor, id);
  }

  async function unlink(actor: Actor, id: string, linkId: string) {
    const row = await findVisible(actor, id);
    await requireCapability(actor, row, 'link');
    await db.transaction(async (tx) => {
      const removed = await tx
        .delete(petitionLinks)
        .where(and(eq(petitionLinks.id, linkId), or(eq(petitionLinks.petitionId, id), eq(petitionLinks.linkedPetitionId, id))))
        .returning();
      if (removed.length === 0) throw new AppError('NOT_FOUND');
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: row.organizationId,
        action: 'petition.unlink',
        subjectType: 'petition',
        subjectId: id,
        before: { linkedPetitionId: removed[0].petitionId === id ? removed[0].linkedPetitionId : removed[0].petitionId, kind: removed[0].kind },
      });
    });
    return detail(actor, id);
  }

  async function addNote(actor: Actor, id: string, body: string) {
    const row = await findVisible(actor, id);
    await requireCapability(actor, row, 'addNote');
    await db.transaction(async (tx) => {
      const [note] = await tx
        .insert(petitionNotes)
        .values({ petitionId: id, authorId: actor.userId, authorName: actor.displayName, body, createdAt: clock.now() })
        .returning();
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: row.organizationId,
        action: 'petition.note',
        subjectType: 'petition',
        subjectId: id,
        after: { noteId: note.id },
      });
    });
    return detail(actor, id);
  }

  async function handOffToClues(actor: Actor, id: string, summary: string) {
    const row = await findVisible(actor, id);
    await requireCapability(actor, row, 'handOffToClues');
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(petitionClueHandoffs)
        .values({ petitionId: id, organizationId: row.organizationId, summary, createdBy: actor.userId, createdAt: clock.now() })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) throw new AppError('VERSION_CONFLICT');
      await clueIntake.receive(tx, { handoffId: inserted[0].id, petitionId: id, organizationId: row.organizationId, summary, actor });
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: row.organizationId,
        action: 'petition.clue_handoff',
        subjectType: 'petition',
        subjectId: id,
        after: { handoffId: inserted[0].id },
      });
    });
    return detail(actor, id);
  }

  async function transferTargets() {
    return db
      .select({
        id: organizations.id,
        name: organizations.name,
        type: organizations.type,
        regionName: sql<string>`(select r.name from regions r where r.id = ${organizations.regionId})`,
        depth: organizations.depth,
      })
      .from(organizations)
      .where(inArray(organizations.type, [...transferTargetTypes]))
      .orderBy(asc(organizations.path));
  }

  // ---- The reporter's side, by receipt ----

  async function byReceipt(credentials: { receiptCode: string; secret: string }): Promise<PetitionRow> {
    const [root] = await db.select().from(petitions).where(and(eq(petitions.receiptCode, credentials.receiptCode), isNotNull(petitions.receiptSecretHash)));
    const expected = Buffer.from(root?.receiptSecretHash ?? hashSecret('x'));
    const given = Buffer.from(hashSecret(credentials.secret));
    if (!root || expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('RECEIPT_INVALID');
    return root;
  }

  async function chainOf(rootId: string, executor: DbOrTx = db) {
    return executor.select().from(petitions).where(eq(petitions.rootId, rootId)).orderBy(asc(petitions.createdAt));
  }

  /** The record the reporter is dealing with now: the newest reporter-facing one that was not handed back. */
  function currentOf(chain: PetitionRow[]): PetitionRow {
    const byId = new Map(chain.map((row) => [row.id, row]));
    const depthOf = (row: PetitionRow): number => (row.parentId && byId.has(row.parentId) ? depthOf(byId.get(row.parentId)!) + 1 : 0);
    const facing = chain.filter((row) => row.reporterFacing && row.status !== 'returned');
    // Deepest in the chain first (the body handling it now), then the newest.
    facing.sort((a, b) => depthOf(a) - depthOf(b) || a.createdAt.getTime() - b.createdAt.getTime());
    return facing[facing.length - 1] ?? chain[0];
  }

  const stageOf: Record<PetitionStatus, PublicStage> = {
    submitted: 'received',
    registered: 'accepted',
    proposal_pending: 'accepted',
    transfer_received: 'in_hand',
    handling: 'in_hand',
    awaiting_result: 'in_hand',
    result_received: 'in_hand',
    forwarded: 'in_hand',
    escalated: 'in_hand',
    answered: 'answered',
    rehandling: 'under_review',
    closed: 'closed',
    merged: 'closed',
    returned: 'in_hand',
    not_accepted: 'not_accepted',
  };

  async function publicView(root: PetitionRow) {
    const chain = await chainOf(root.rootId);
    const current = currentOf(chain);
    const ids = chain.map((row) => row.id);
    const bodyIds = [...new Set(chain.map((row) => row.organizationId))];
    const [events, answers, supplements, bodies] = await Promise.all([
      db.select().from(workflowEvents).where(and(eq(workflowEvents.workflowId, petitionWorkflow.id), inArray(workflowEvents.subjectId, ids))).orderBy(asc(workflowEvents.createdAt)),
      db.select().from(petitionAnswers).where(eq(petitionAnswers.rootId, root.rootId)).orderBy(asc(petitionAnswers.createdAt)),
      db.select().from(petitionSupplements).where(eq(petitionSupplements.rootId, root.rootId)).orderBy(asc(petitionSupplements.createdAt)),
      db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, bodyIds)),
    ]);
    const nameOf = new Map(bodies.map((body) => [body.id, body.name]));
    const facing = new Set(chain.filter((row) => row.reporterFacing).map((row) => row.id));
    const bodyOfRecord = new Map(chain.map((row) => [row.id, row.organizationId]));
    const stage = stageOf[current.status as PetitionStatus];
    const rated = chain.filter((row) => row.ratedAt).sort((a, b) => b.ratedAt!.getTime() - a.ratedAt!.getTime())[0];
    return {
      receiptCode: root.receiptCode!,
      title: root.title,
      submissionType: root.submissionType,
      anonymous: root.anonymous,
      receivedAt: root.receivedAt.toISOString(),
      stage,
      stageLabel: publicStageLabels[stage],
      handlingOrganizationName: nameOf.get(current.organizationId) ?? '',
      timeline: events
        .filter((event) => facing.has(event.subjectId) && publicEventLabels[event.action])
        .map((event) => ({
          at: event.createdAt.toISOString(),
          label: publicEventLabels[event.action]!,
          organizationName: nameOf.get(bodyOfRecord.get(event.subjectId) ?? '') ?? '',
        })),
      answers: answers
        .filter((entry) => facing.has(entry.petitionId))
        .map((entry) => ({ at: entry.createdAt.toISOString(), organizationName: nameOf.get(entry.organizationId) ?? '', body: entry.body })),
      supplements: supplements.map((supplement) => ({ at: supplement.createdAt.toISOString(), body: supplement.body })),
      canRate: current.status === 'answered',
      dissatisfiedStartsReview: current.status === 'answered' && current.rehandlingCount < MAX_REHANDLINGS,
      rating: rated && rated.satisfaction ? { satisfaction: rated.satisfaction, comment: rated.satisfactionComment, at: rated.ratedAt!.toISOString() } : null,
      canSupplement: !finalStatuses.has(current.status as PetitionStatus),
    };
  }

  /** Where reports stand, by receipt code alone: status and handling body only (Open311 answers with this). */
  async function statusesByReceipt(codes: string[]) {
    if (codes.length === 0) return [];
    const roots = await db.select().from(petitions).where(inArray(petitions.receiptCode, codes));
    return Promise.all(
      roots.map(async (root) => {
        const current = currentOf(await chainOf(root.rootId));
        const [body] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, current.organizationId));
        return {
          receiptCode: root.receiptCode!,
          categoryKey: root.categoryKey,
          receivedAt: root.receivedAt,
          open: !finalStatuses.has(current.status as PetitionStatus),
          updatedAt: current.updatedAt,
          organizationName: body?.name ?? '',
        };
      }),
    );
  }

  async function track(credentials: { receiptCode: string; secret: string }) {
    return publicView(await byReceipt(credentials));
  }

  async function supplement(credentials: { receiptCode: string; secret: string }, body: string) {
    const root = await byReceipt(credentials);
    const chain = await chainOf(root.rootId);
    const current = currentOf(chain);
    if (finalStatuses.has(current.status as PetitionStatus)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
    await db.transaction(async (tx) => {
      const [row] = await tx.insert(petitionSupplements).values({ rootId: root.rootId, body, createdAt: clock.now() }).returning();
      const recipients = current.assigneeId ? [current.assigneeId] : [];
      await notifier.notify(tx, {
        userIds: recipients,
        organizationId: current.organizationId,
        kind: 'petition.supplement',
        title: '举报人补充了材料',
        body: current.title,
        subjectType: 'petition',
        subjectId: current.id,
      });
      await appendAudit(tx, clock, {
        actorId: null,
        actorName: 'reporter',
        organizationId: current.organizationId,
        action: 'petition.supplement',
        subjectType: 'petition',
        subjectId: current.id,
        after: { supplementId: row.id },
      });
    });
    return publicView(root);
  }

  async function rate(credentials: { receiptCode: string; secret: string }, input: { satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'; comment?: string | null }) {
    const root = await byReceipt(credentials);
    const current = currentOf(await chainOf(root.rootId));
    if (current.status !== 'answered') throw new AppError(current.ratedAt ? 'ALREADY_RATED' : 'NOT_RATEABLE');
    const dissatisfied = input.satisfaction === 'dissatisfied';
    const action: PetitionAction = !dissatisfied ? 'rateSatisfied' : current.rehandlingCount >= MAX_REHANDLINGS ? 'rateDissatisfiedFinal' : 'rateDissatisfied';
    const now = clock.now();
    await workflows.apply({
      definition: petitionWorkflow,
      subject: petitionSubject,
      subjectId: current.id,
      organizationId: current.organizationId,
      expectedStatus: 'answered',
      action,
      actor: { kind: 'system', name: 'reporter' },
      note: input.comment ?? undefined,
      set: {
        satisfaction: input.satisfaction,
        satisfactionComment: input.comment ?? null,
        ratedAt: now,
        updatedAt: now,
        ...(action === 'rateDissatisfied' ? { rehandlingCount: current.rehandlingCount + 1 } : {}),
      },
      within: async (tx) => {
        if (action !== 'rateDissatisfied') return;
        await reopenSenderForReview(tx, current);
        // The review goes to the body's leaders and the officer who answered.
        const members = await tx
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(sql`${memberships.organizationId} = ${current.organizationId} and 'leader' = any(${memberships.roles})`);
        await notifier.notify(tx, {
          userIds: [...new Set([...members.map((member) => member.userId), ...(current.answeredBy ? [current.answeredBy] : [])])],
          organizationId: current.organizationId,
          kind: 'petition.rehandling',
          title: '举报人不满意，进入复查',
          body: current.title,
          subjectType: 'petition',
          subjectId: current.id,
        });
      },
    });
    return publicView(root);
  }

  return {
    submitPublic,
    register,
    list,
    listQueries,
    exportRows,
    detail,
    classify,
    applyAction,
    propose,
    answer,
    merge,
    similar,
    link,
    unlink,
    addNote,
    readReporterIdentity,
    handOffToClues,
    transferTargets,
    assignees,
    statusesByReceipt,
    track,
    supplement,
    rate,
    ownerOfReceivingBody,
  };
}
export type PetitionsService = ReturnType<typeof createPetitionsService>;

// A search counts its matches only this far ("1,000+"): beyond it the newest matches are found by walking the date
// index, at most pageSize × (reports ÷ 1,000) rows a page, and counting further would cost more than the page.
const SEARCH_COUNT_CAP = 1_000;

// Large enough to absorb a burst, small enough that one batch's transaction stays short (bench/README.md).
const INTAKE_BATCH_MAX = 64;

function isReceiptCodeCollision(error: unknown): boolean {
  // drizzle wraps the driver's error; PostgreSQL and PGlite both name the violated index.
  const cause = ((error as { cause?: unknown })?.cause ?? error) as { code?: string; constraint?: string };
  return cause?.code === '23505' && cause.constraint === 'petitions_receipt_code_idx';
}

type PublicStage = 'received' | 'accepted' | 'in_hand' | 'answered' | 'under_review' | 'closed' | 'not_accepted';
const publicStageLabels: Record<PublicStage, { zhCN: string; en: string }> = {
  received: { zhCN: '已提交，等待受理', en: 'Received, awaiting acceptance' },
  accepted: { zhCN: '已受理，正在研究办理方式', en: 'Accepted, deciding how to handle it' },
  in_hand: { zhCN: '办理中', en: 'Being handled' },
  answered: { zhCN: '已答复，请评价', en: 'Answered; please rate the answer' },
  under_review: { zhCN: '复查中', en: 'Under review' },
  closed: { zhCN: '已办结', en: 'Closed' },
  not_accepted: { zhCN: '不予受理（已告知）', en: 'Not accepted (you have been told why)' },
};
// What the reporter sees of each step: plain words, no staff names, no internal notes.
const publicEventLabels: Record<string, { zhCN: string; en: string } | undefined> = {
  create: { zhCN: '收到反映', en: 'Report received' },
  register: { zhCN: '登记受理', en: 'Registered and accepted' },
  acknowledge: { zhCN: '承办单位已签收', en: 'Taken in by the handling body' },
  acknowledgeAndHandle: { zhCN: '承办单位已签收办理', en: 'Taken in by the handling body' },
  approveDirect: { zhCN: '进入办理', en: 'Handling started' },
  approveAssignment: { zhCN: '交由下级单位办理', en: 'Assigned to a lower body' },
  approveForwarding: { zhCN: '转有权处理单位办理', en: 'Forwarded to the competent body' },
  approveEscalation: { zhCN: '报送上级机关', en: 'Sent to the higher body' },
  approveJoint: { zhCN: '多单位联合办理', en: 'Handled jointly' },
  approveNotAccepted: { zhCN: '不予受理，已告知', en: 'Not accepted; reasons given' },
  answer: { zhCN: '作出答复', en: 'Answered' },
  rateSatisfied: { zhCN: '已评价', en: 'Rated' },
  rateDissatisfied: { zhCN: '评价不满意，进入复查', en: 'Rated dissatisfied; review started' },
  rateDissatisfiedFinal: { zhCN: '评价不满意，复查后终结', en: 'Rated dissatisfied; final after review' },
  closeWithResult: { zhCN: '办结', en: 'Closed' },
  archive: { zhCN: '办结归档', en: 'Closed and archived' },
  merge: { zhCN: '与同一事项合并办理', en: 'Merged with the same matter' },
};
