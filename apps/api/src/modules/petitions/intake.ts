import { randomUUID } from 'node:crypto';
import type { PublicSubmission, Receipt, RegisterPetitionBody } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { asWorkflowActor, type Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import type { ItemOutcome } from '../../platform/db/group-commit.ts';
import type { StoredFile } from '../../platform/files/file-store.ts';
import { claimUploads } from '../../platform/files/claim-uploads.ts';
import type { VerifiedChallenge } from '../../platform/http/human-check.ts';
import { chinaDateOf } from '../../platform/calendar/working-days.ts';
import { nextSerial } from '../../platform/numbering/serials.ts';
import { attachStoredFiles } from '../../platform/records/record-attachments.ts';
import { startRecords } from '../../platform/records/record-actions.ts';
import { answersForCategory, answersForCategoryKey } from './category-answers.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { petitionRecord, type PetitionRow } from './petitions.record.ts';
import { activeIntakePointIds, bodyCode, categoriesByKeys, insertPetition, insertPetitions, receivingBodiesByIds, updatePetition } from './petitions.repository.ts';
import { hashReceiptSecret, newReceiptCode, newReceiptSecret } from './receipts.ts';
import { messageReporter, sealedReporter } from './reporter-identity.ts';

// Every way a report comes in: the portal and Open311 (public, through the group commit), and staff registering a
// letter, visit or call.

export interface IntakeItem {
  payload: PublicSubmission;
  stored: (StoredFile & { fileName: string })[];
  source: 'portal' | 'open311';
  solved: VerifiedChallenge | null;
  secret: string;
}

/**
 * A public submission (portal or Open311). The proof of work is checked first, without the database; the writes
 * then go through the intake group commit, so that under load many submissions share one transaction. The answer
 * comes only after the transaction holding this submission has committed.
 */
export async function submitPublic(
  context: PetitionsContext,
  payload: PublicSubmission,
  stored: (StoredFile & { fileName: string })[],
  options: { source?: 'portal' | 'open311'; skipHumanCheck?: boolean } = {},
): Promise<Receipt> {
  const solved = options.skipHumanCheck ? null : await context.humanCheck.verify(payload.challenge);
  const item: IntakeItem = { payload, stored, source: options.source ?? 'portal', solved, secret: newReceiptSecret() };
  // A random receipt code may, rarely, already exist: the submission is written again with a new one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await context.submissions.submit(item);
    } catch (error) {
      if (attempt >= 3 || !isReceiptCodeCollision(error)) throw error;
    }
  }
}

function isReceiptCodeCollision(error: unknown): boolean {
  // drizzle wraps the driver's error; PostgreSQL and PGlite both name the violated index.
  const cause = ((error as { cause?: unknown })?.cause ?? error) as { code?: string; constraint?: string };
  return cause?.code === '23505' && cause.constraint === 'petitions_receipt_code_idx';
}

/** The bodies, categories and intake points a batch names, read once for the whole batch. */
async function batchLookups(tx: Transaction, items: IntakeItem[]) {
  const categoryKeys = [...new Set(items.flatMap((item) => (item.payload.categoryKey ? [item.payload.categoryKey] : [])))];
  const pointCodes = [...new Set(items.flatMap((item) => (item.payload.intakePointCode ? [item.payload.intakePointCode.toUpperCase()] : [])))];
  return {
    bodies: await receivingBodiesByIds(tx, items.map((item) => item.payload.receivingOrganizationId)),
    categories: await categoriesByKeys(tx, categoryKeys),
    points: await activeIntakePointIds(tx, pointCodes),
  };
}

type Lookups = Awaited<ReturnType<typeof batchLookups>>;

/** Each item's own checks (body, category answers); a failing item is refused alone, the others go on. */
function checkItems(items: IntakeItem[], lookups: Lookups, outcomes: ItemOutcome<Receipt>[]) {
  return items.map((item, index) => {
    const body = lookups.bodies.get(item.payload.receivingOrganizationId);
    try {
      if (!body) throw new AppError('RECEIVING_BODY_INVALID');
      const { categoryKey } = item.payload;
      const extraAnswers = answersForCategory(categoryKey ? lookups.categories.get(categoryKey) : undefined, categoryKey, item.payload.extraAnswers, 'payload');
      return { item, index, body, extraAnswers };
    } catch (error) {
      outcomes[index] = { ok: false, error };
      return null;
    }
  });
}

type Checked = NonNullable<ReturnType<typeof checkItems>[number]>;

/** Challenges are spent only for submissions that passed every other check, so a refused one can be sent again. */
async function spendChallenges(context: PetitionsContext, tx: Transaction, checked: (Checked | null)[], outcomes: ItemOutcome<Receipt>[]): Promise<Checked[]> {
  const spent = await context.humanCheck.spendVerified(tx, checked.flatMap((entry) => (entry?.item.solved ? [entry.item.solved] : [])));
  const holders = new Set<string>();
  return checked.filter((entry): entry is Checked => {
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
}

function newPublicRow(context: PetitionsContext, { item, body, extraAnswers }: Checked, points: Lookups['points'], now: Date) {
  const { payload } = item;
  const id = randomUUID();
  // Anonymous reports keep no address or device trace: nothing about the request is stored at all.
  return {
    id,
    organizationId: body.ownerId,
    rootId: id,
    receiptCode: newReceiptCode(),
    receiptSecretHash: hashReceiptSecret(context.keys.receiptSecret, item.secret),
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
    ...sealedReporter(context, payload.anonymous, payload.reporter),
    receivedAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

/** Writes a batch of public submissions in one transaction; an item that fails a check is refused alone. */
export async function writeSubmissions(context: PetitionsContext, items: IntakeItem[]): Promise<ItemOutcome<Receipt>[]> {
  const { db, clock, workflows } = context;
  const now = clock.now();
  return db.transaction(async (tx) => {
    const outcomes: ItemOutcome<Receipt>[] = [];
    const lookups = await batchLookups(tx, items);
    const accepted = await spendChallenges(context, tx, checkItems(items, lookups, outcomes), outcomes);
    if (accepted.length === 0) return outcomes;

    const rows = accepted.map((entry) => newPublicRow(context, entry, lookups.points, now));
    await insertPetitions(tx, rows);
    await attachStoredFiles(
      tx,
      petitionRecord,
      accepted.flatMap(({ item }, position) => item.stored.map((file) => ({ ...file, organizationId: rows[position].organizationId, ownerId: rows[position].id, createdAt: now }))),
    );
    await startRecords(
      workflows,
      tx,
      petitionRecord,
      accepted.map(({ item }, position) => ({
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

/** The body's serial number of a report (登记编号), allocated gaplessly per body and year when it is registered. */
export async function allocateSerial(context: Pick<PetitionsContext, 'clock'>, tx: Transaction, row: PetitionRow): Promise<Partial<PetitionRow>> {
  if (row.serialNumber) return {};
  const now = context.clock.now();
  const year = Number(chinaDateOf(now).slice(0, 4));
  const code = await bodyCode(tx, row.organizationId);
  const value = await nextSerial(tx, { organizationId: row.organizationId, series: 'petition', year });
  return { serialNumber: `${code.toUpperCase()}-${year}-${String(value).padStart(5, '0')}`, registeredAt: now };
}

export function acceptanceText(reference: string) {
  // 2020 检举控告规则 / D10: real-name reporters are told of acceptance (15 working days at most).
  return `您反映的问题已登记受理（编号 ${reference}），我们将依规办理并反馈结果。`;
}

/** A letter, visit or call registered by staff: accepted at once, numbered, the reporter told. */
export async function registerPetition(context: PetitionsContext, actor: Actor, body: RegisterPetitionBody): Promise<string> {
  const { db, clock, workflows } = context;
  const now = clock.now();
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const extraAnswers = await answersForCategoryKey(tx, body.categoryKey, body.extraAnswers, 'body');
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
      ...sealedReporter(context, body.anonymous, body.reporter),
      assigneeId: actor.userId,
      receivedAt: body.receivedAt ? new Date(body.receivedAt) : now,
      createdAt: now,
      updatedAt: now,
    });
    const serial = await allocateSerial(context, tx, row);
    await updatePetition(tx, id, serial);
    await claimUploads(tx, actor.userId, { ownerType: petitionRecord.type, ownerId: row.id, organizationId: row.organizationId }, body.attachmentIds ?? []);
    await startRecords(workflows, tx, petitionRecord, [
      { subjectId: id, organizationId: actor.organizationId, status: 'registered', actor: asWorkflowActor(actor), after: { channel: body.channel, serialNumber: serial.serialNumber, anonymous: body.anonymous } },
    ]);
    await messageReporter(context, tx, { ...row, ...serial } as PetitionRow, 'petition.accepted', acceptanceText(serial.serialNumber ?? ''));
  });
  return id;
}
