import { asWorkflowActor } from '../../platform/auth/actor.ts';
import { chinaDateOf } from '../../platform/calendar/working-days.ts';
import { nextSerial } from '../../platform/numbering/serials.ts';
import { startRecords } from '../../platform/records/record-actions.ts';
import type { CaseFiling } from '../clues/index.ts';
import type { CasesContext } from './cases.context.ts';
import { caseRecord } from './cases.record.ts';
import { insertCase } from './cases.repository.ts';

/** A clue approved for filing becomes a case, in the same transaction as the approval (立案). */
export function caseFilingOf(context: Pick<CasesContext, 'clock' | 'workflows'>): CaseFiling {
  return {
    async open(tx, clue, actor) {
      const now = context.clock.now();
      const year = Number(chinaDateOf(now).slice(0, 4));
      // One gapless series of case numbers per ledger and year.
      const number = await nextSerial(tx, { organizationId: clue.ledgerOrganizationId, series: 'case', year });
      const row = await insertCase(tx, {
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
      });
      await startRecords(context.workflows, tx, caseRecord, [
        { subjectId: row.id, organizationId: row.organizationId, status: 'filed', actor: asWorkflowActor(actor), after: { caseNumber: row.caseNumber, clueId: clue.id } },
      ]);
    },
  };
}
