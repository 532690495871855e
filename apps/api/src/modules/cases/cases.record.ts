import { caseAppealWorkflow, caseWorkflow } from '@guantong/contracts';
import { defineRecordType } from '../../platform/records/record-type.ts';
import { caseAppeals, cases } from './cases.table.ts';

/** A case (WF-C) as the record kit runs it: its files owned as `case`, the written records of its steps kept by the kit. */
export const caseRecord = defineRecordType({ type: 'case', workflow: caseWorkflow, table: cases });

/** An appeal against a case's decision, run by its own workflow with its own deadlines. */
export const caseAppealRecord = defineRecordType({ type: 'case-appeal', workflow: caseAppealWorkflow, table: caseAppeals });

export type CaseRow = typeof cases.$inferSelect;
export type CaseAppealRow = typeof caseAppeals.$inferSelect;
