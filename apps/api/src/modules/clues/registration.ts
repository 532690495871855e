import type { ClueStatus, CreateClueBody } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { asWorkflowActor, hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import { claimUploads } from '../../platform/files/claim-uploads.ts';
import { chinaDateOf } from '../../platform/calendar/working-days.ts';
import { nextSerial } from '../../platform/numbering/serials.ts';
import { startRecords } from '../../platform/records/record-actions.ts';
import { markHandoffReceived, petitionById, type ClueIntake } from '../petitions/index.ts';
import type { CluesContext } from './clues.context.ts';
import { clueRecord, type ClueRow } from './clues.record.ts';
import { bodyById, insertClue, type Body } from './clues.repository.ts';
import type { clues } from './clues.table.ts';
import { intakeHolderOf, isLedgerBody, ledgerOf } from './ledgers.ts';
import { personFor } from './persons.ts';

// Clues entering a ledger: registered by the case-management office, filed by offices and partner bodies, converted
// from reports, transferred from another ledger (transfers.ts). Each gets the ledger's next number (逐件编号登记).

export type NewClue = Omit<typeof clues.$inferInsert, 'ledgerOrganizationId' | 'serialNumber' | 'createdAt' | 'updatedAt' | 'personId'> & { idNumber?: string | null };

/** Numbers the clue in the ledger (one gapless series per ledger and year), links its person and writes it. */
export async function enterInLedger(context: CluesContext, tx: Transaction, ledger: Body, values: NewClue): Promise<ClueRow> {
  const now = context.clock.now();
  const year = Number(chinaDateOf(now).slice(0, 4));
  const number = await nextSerial(tx, { organizationId: ledger.id, series: 'clue', year });
  const { idNumber, ...rest } = values;
  const personId = await personFor(context, tx, { name: values.concernedName, unit: values.concernedUnit ?? null, post: values.concernedPost ?? null, idNumber: idNumber ?? null });
  return insertClue(tx, { ...rest, ledgerOrganizationId: ledger.id, serialNumber: `XS${year}-${String(number).padStart(5, '0')}`, personId, createdAt: now, updatedAt: now });
}

/** The ledger a new clue goes to: the actor's own (staff), or the commission a partner body (or staff sending on) names. */
async function ledgerForNewClue(context: CluesContext, tx: Transaction, actor: Actor, body: CreateClueBody): Promise<Body> {
  const staff = hasRole(actor, 'case_management_officer', 'handling_officer', 'leader');
  if (staff && !body.ledgerOrganizationId) return ledgerOf(tx, actor.organizationId);
  const target = body.ledgerOrganizationId ? await bodyById(tx, body.ledgerOrganizationId) : undefined;
  if (!target || !isLedgerBody(target)) throw new AppError('CLUE_LEDGER_INVALID');
  return target;
}

export async function createClue(context: CluesContext, actor: Actor, body: CreateClueBody): Promise<string> {
  const id = await context.db.transaction(async (tx) => {
    const ledger = await ledgerForNewClue(context, tx, actor, body);
    // The case-management office registers what it enters itself; everything else waits for it (备案).
    const registersDirectly = hasRole(actor, 'case_management_officer', 'leader') && actor.organizationPath.startsWith(ledger.path);
    const row = await enterInLedger(context, tx, ledger, {
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
      receivedAt: body.receivedAt ? new Date(body.receivedAt) : context.clock.now(),
      createdBy: actor.userId,
    });
    await claimUploads(tx, actor.userId, { ownerType: clueRecord.type, ownerId: row.id, organizationId: row.organizationId }, body.attachmentIds ?? []);
    await startRecords(context.workflows, tx, clueRecord, [
      {
        subjectId: row.id,
        organizationId: row.organizationId,
        status: row.status as ClueStatus,
        actor: asWorkflowActor(actor),
        after: { serialNumber: row.serialNumber, source: row.source, attachments: body.attachmentIds?.length ?? 0 },
      },
    ]);
    return row.id;
  });
  return id;
}

/** The petitions module's "convert to clue": the report becomes a clue in its commission's ledger, awaiting registration. */
export function clueIntakeOf(context: CluesContext): ClueIntake {
  return {
    async receive(tx, handoff) {
      const petition = (await petitionById(tx, handoff.petitionId))!;
      const ledger = await ledgerOf(tx, handoff.organizationId);
      const row = await enterInLedger(context, tx, ledger, {
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
        receivedAt: context.clock.now(),
        createdBy: handoff.actor.userId,
      });
      await startRecords(context.workflows, tx, clueRecord, [
        { subjectId: row.id, organizationId: row.organizationId, status: 'received', actor: asWorkflowActor(handoff.actor), after: { serialNumber: row.serialNumber, source: 'petition', petitionId: petition.id } },
      ]);
      await markHandoffReceived(tx, handoff.handoffId, row.id);
    },
  };
}
