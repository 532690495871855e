import { sanctionTypes, type CaseDetail, type CaseStatus, type CaseSummary, type Sanction, type SanctionType } from '@guantong/contracts';
import { chinaDateOf } from '../../platform/calendar/working-days.ts';
import { deadlineStateOf } from '../../platform/deadlines/deadline-state.ts';
import type { RecordNoteRow } from '../../platform/records/record-notes.ts';
import { finalStatuses } from './cases.policy.ts';
import type { SummaryRow } from './cases-lists.repository.ts';
import type { MeasureRow } from './cases.repository.ts';
import { detentionLatestEndOn } from './sanction-rules.ts';

export function presentSummary(row: SummaryRow, now: Date): CaseSummary {
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
    deadlineState: finalStatuses.has(status) ? null : deadlineStateOf(row, now),
  };
}

/** A sanction of the register, with whether it is in effect today (China date). */
export function presentSanction(row: Record<string, unknown>, now: Date): Sanction {
  const { revokedAt, ...value } = row as unknown as Omit<Sanction, 'inEffect' | 'revoked'> & { caseNumber: string; revokedAt: Date | null };
  const today = chinaDateOf(now);
  const revoked = revokedAt !== null;
  return {
    ...value,
    type: value.type as SanctionType,
    revoked,
    inEffect: !revoked && (value.permanent || (value.effectEndsOn !== null && value.effectiveFrom <= today && today <= value.effectEndsOn)),
    organizationName: value.organizationName ?? '',
  };
}

export function presentMeasure(measure: MeasureRow): CaseDetail['measures'][number] {
  return {
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
  };
}

/** A step's written record: the report, a sign-off's opinion, the hearing, the decision, the execution. */
export function presentRecord(record: RecordNoteRow): CaseDetail['records'][number] {
  return { action: record.action!, body: record.body, authorName: record.authorName, createdAt: record.createdAt.toISOString() };
}

/** How the outcome reads on the clue the case came from: the case, the person and what they received. */
export function outcomeText(facts: { caseNumber: string; concernedName: string; types: string[] }): string {
  const labels = facts.types.map((type) => sanctionTypes[type as SanctionType]?.label.zhCN ?? type);
  return `案件${facts.caseNumber}已审结执行：${facts.concernedName}受到${labels.join('、')}。`;
}
