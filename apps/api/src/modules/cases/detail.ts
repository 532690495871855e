import { allowedActionsFor, caseWorkflow, sanctionRefusal, sanctionTypeKeys, type CaseDetail, type CaseStatus } from '@guantong/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { notesOf } from '../../platform/records/record-notes.ts';
import { recordAttachments, recordDeadlines, recordTimeline } from '../../platform/records/record-views.ts';
import { clueFactsForCase } from '../clues/index.ts';
import { presentAppeal } from './appeals.ts';
import type { CasesContext } from './cases.context.ts';
import { capabilitiesOf, visibleCase } from './cases.policy.ts';
import { presentMeasure, presentRecord, presentSanction, presentSummary } from './cases.presenter.ts';
import { caseRecord } from './cases.record.ts';
import { appealsOf, measuresOf } from './cases.repository.ts';
import { caseSummaryRow, sanctionRowsOfCase } from './cases-lists.repository.ts';
import { concernedOf } from './sanction-rules.ts';

/** The case page: measures, sign-offs and reports, sanctions, appeals, what the person concerned may receive. */
export async function caseDetail(context: CasesContext, actor: Actor, id: string): Promise<CaseDetail> {
  const { db, deadlines } = context;
  const row = await visibleCase(context, actor, id);
  const [summary, events, deadlineCards, files, measures, records, decided, clue, appeals] = await Promise.all([
    caseSummaryRow(db, id),
    recordTimeline(db, caseRecord, id),
    recordDeadlines(deadlines, caseRecord, id),
    recordAttachments(db, caseRecord, id),
    measuresOf(db, id),
    notesOf(db, caseRecord, id, 'steps'),
    sanctionRowsOfCase(db, id),
    row.clueId ? clueFactsForCase(db, row.clueId) : Promise.resolve(undefined),
    appealsOf(db, id),
  ]);
  const concerned = concernedOf(clue);
  const now = context.clock.now();
  return {
    ...presentSummary(summary, now),
    allegations: row.allegations,
    clueSerialNumber: clue?.serialNumber ?? null,
    ledgerOrganizationId: row.ledgerOrganizationId,
    measures: measures.map(presentMeasure),
    records: records.map(presentRecord),
    sanctions: decided.map((sanction) => presentSanction(sanction, now)),
    appeals: await Promise.all(appeals.map((appeal) => presentAppeal(context, actor, appeal))),
    allowedActions: allowedActionsFor(caseWorkflow, row.status as CaseStatus, actor.roles),
    events,
    deadlines: deadlineCards,
    attachments: files,
    isPartyMember: concerned.isPartyMember,
    supervisedCategory: concerned.supervisedCategory,
    allowedSanctionTypes: sanctionTypeKeys.filter((type) => !sanctionRefusal(type, concerned)),
    capabilities: capabilitiesOf(actor, row),
    version: row.version,
  };
}
