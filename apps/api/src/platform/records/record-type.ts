import { eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { WorkflowDefinition } from '@guantong/contracts';
import type { DeadlineMirror } from '../deadlines/deadlines.service.ts';
import type { WorkflowSubject } from '../workflow/workflow.engine.ts';

/** The columns every record with a workflow has on its own table. */
export interface RecordColumns {
  id: PgColumn;
  status: PgColumn;
  version: PgColumn;
  /** The body holding the record: scope, attachments and deadlines follow it. */
  organizationId: PgColumn;
  /** The open deadline, mirrored from `deadlines` so that lists sort and filter by it. */
  dueAt: PgColumn;
  remindAt: PgColumn;
}

/**
 * A kind of record run by a workflow (a report, a clue, a case, a task sheet …). `type` names it everywhere the
 * record kit keeps rows for it: attachments' owner type, notes, transfers.
 */
export interface RecordType<S extends string = string, A extends string = string> {
  type: string;
  workflow: WorkflowDefinition<S, A>;
  table: PgTable & RecordColumns;
  /** What the workflow engine changes: status and version, compare-and-set. */
  subject: WorkflowSubject;
}

export function defineRecordType<S extends string, A extends string>(definition: {
  type: string;
  workflow: WorkflowDefinition<S, A>;
  table: PgTable & RecordColumns;
}): RecordType<S, A> {
  const { table } = definition;
  return Object.freeze({ ...definition, subject: { table, id: table.id, status: table.status, version: table.version } });
}

/** Keeps a copy of the open deadline on the record's own row (lists sort and filter by it); see the deadline service. */
export function mirrorDeadline(record: RecordType): DeadlineMirror {
  const { table } = record;
  return async (tx, subjectIds, open) => {
    await tx
      .update(table)
      .set({ dueAt: open?.dueAt ?? null, remindAt: open?.remindAt ?? null } as Record<string, unknown>)
      .where(subjectIds.length === 1 ? eq(table.id, subjectIds[0]) : inArray(table.id, subjectIds));
  };
}
