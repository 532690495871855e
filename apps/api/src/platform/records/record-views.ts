import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import type { DeadlineService } from '../deadlines/deadlines.service.ts';
import { attachments, presentAttachment } from '../files/files.table.ts';
import { presentWorkflowEvent, workflowEvents } from '../workflow/workflow.table.ts';
import type { RecordType } from './record-type.ts';

// What every record page shows beside the record itself: its timeline, its deadlines card and its attachments.

/** The record's timeline (workflow events), oldest first, as the API sends it. */
export async function recordTimeline(db: DbOrTx, record: RecordType, id: string) {
  const events = await db
    .select()
    .from(workflowEvents)
    .where(and(eq(workflowEvents.workflowId, record.workflow.id), eq(workflowEvents.subjectId, id)))
    .orderBy(asc(workflowEvents.createdAt));
  return events.map(presentWorkflowEvent);
}

/** The timeline events of several records of one type (a chain of transferred records), oldest first. */
export function timelineRows(db: DbOrTx, record: RecordType, ids: string[]) {
  return db
    .select()
    .from(workflowEvents)
    .where(and(eq(workflowEvents.workflowId, record.workflow.id), inArray(workflowEvents.subjectId, ids)))
    .orderBy(asc(workflowEvents.createdAt));
}

/** The deadlines card: every deadline the record has run, the open one last, with its legal basis. */
export async function recordDeadlines(deadlines: DeadlineService, record: RecordType, id: string) {
  return (await deadlines.listFor(record.workflow.id, id)).map((deadline) => deadlines.present(deadline));
}

/** The files a record owns, oldest first. */
export async function recordAttachments(db: DbOrTx, record: Pick<RecordType, 'type'>, id: string) {
  const rows = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, record.type), eq(attachments.ownerId, id)))
    .orderBy(asc(attachments.createdAt));
  return rows.map(presentAttachment);
}
