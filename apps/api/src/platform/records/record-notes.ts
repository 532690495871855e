import { and, asc, eq, isNull, isNotNull } from 'drizzle-orm';
import { appendAudit } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { DbOrTx, Transaction } from '../db/client.ts';
import type { RecordType } from './record-type.ts';
import { recordNotes } from './record-notes.table.ts';

export type RecordNoteRow = typeof recordNotes.$inferSelect;

interface Author {
  userId: string;
  displayName: string;
}

/** An internal note on a record, audited as `<type>.note` in the caller's transaction. */
export async function addNote(tx: Transaction, clock: Clock, record: Pick<RecordType, 'type'>, note: { recordId: string; organizationId: string; body: string; author: Author }) {
  const [row] = await tx
    .insert(recordNotes)
    .values({ recordType: record.type, recordId: note.recordId, action: null, body: note.body, authorId: note.author.userId, authorName: note.author.displayName, createdAt: clock.now() })
    .returning();
  await appendAudit(tx, clock, {
    actorId: note.author.userId,
    actorName: note.author.displayName,
    organizationId: note.organizationId,
    action: `${record.type}.note`,
    subjectType: record.type,
    subjectId: note.recordId,
    after: { noteId: row.id },
  });
  return row;
}

/** The written record of a workflow step (talk record, report, decision), kept with the step's transition. */
export async function addStepRecord(
  tx: Transaction,
  record: Pick<RecordType, 'type'>,
  entry: { recordId: string; action: string; body: string; details?: Record<string, string | null>; authorId: string | null; authorName: string; createdAt: Date },
) {
  await tx.insert(recordNotes).values({ recordType: record.type, ...entry, details: entry.details ?? {} });
}

/** A record's internal notes (`kind: 'notes'`) or the written records of its steps (`'steps'`), oldest first. */
export function notesOf(db: DbOrTx, record: Pick<RecordType, 'type'>, recordId: string, kind: 'notes' | 'steps'): Promise<RecordNoteRow[]> {
  return db
    .select()
    .from(recordNotes)
    .where(and(eq(recordNotes.recordId, recordId), eq(recordNotes.recordType, record.type), kind === 'notes' ? isNull(recordNotes.action) : isNotNull(recordNotes.action)))
    .orderBy(asc(recordNotes.createdAt));
}
