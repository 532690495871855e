import { clueWorkflow } from '@guantong/contracts';
import { defineRecordType } from '../../platform/records/record-type.ts';
import { clues } from './clues.table.ts';

/**
 * A clue as the record kit runs it: one row per ledger holding it (a transfer creates the receiving ledger's clue),
 * evidence owned as `clue`, the written records of its steps and its transfers kept by the kit.
 */
export const clueRecord = defineRecordType({ type: 'clue', workflow: clueWorkflow, table: clues });

export type ClueRow = typeof clues.$inferSelect;
