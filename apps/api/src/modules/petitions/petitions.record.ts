import { petitionWorkflow } from '@guantong/contracts';
import { defineRecordType } from '../../platform/records/record-type.ts';
import { petitions } from './petitions.table.ts';

/**
 * A report as the record kit runs it: one row per body holding it (a transfer creates the receiver's row), attachments
 * owned as `petition`, its transfers and notes kept by the kit.
 */
export const petitionRecord = defineRecordType({ type: 'petition', workflow: petitionWorkflow, table: petitions });

export type PetitionRow = typeof petitions.$inferSelect;
