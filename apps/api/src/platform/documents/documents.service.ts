import { and, asc, eq } from 'drizzle-orm';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { documentKindMarks, type DocumentKind, type DocumentSubjectType, type OfficialDocument } from '@guantong/contracts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { appendAuditEntries } from '../audit/audit.service.ts';
import { createGroupCommit, type ItemOutcome } from '../db/group-commit.ts';
import { nextSerials } from '../numbering/serials.ts';
import { chinaDateOf } from '../calendar/working-days.ts';
import type { FileStore } from '../files/file-store.ts';
import { attachments } from '../files/files.table.ts';
import { officialDocuments } from './documents.table.ts';

/** What a document says; the layout (title, number line, body, signature, date) is the same for every kind. */
export interface DocumentContent {
  title: string;
  recipient?: string;
  paragraphs: string[];
  signature: string;
}

export interface IssueInput {
  /** The issuing body: its numbering series and its name's first character in the number. */
  organization: { id: string; name: string };
  kind: DocumentKind;
  subjectType: DocumentSubjectType;
  subjectId: string;
  /** Composes the text once the number is known (the number appears in it). */
  compose: (number: string) => DocumentContent;
}

/** 清纪函〔2026〕12号: the issuing body's first character, 纪, the kind's mark, the year, the sequence. */
export function documentNumberOf(organizationName: string, kind: DocumentKind, year: number, sequence: number): string {
  return `${organizationName.slice(0, 1)}纪${documentKindMarks[kind]}〔${year}〕${sequence}号`;
}

const FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '方正小标宋简体', hAnsi: 'SimHei' };

/** A Word file in the usual layout of a Chinese official document: centred title, number line, body, signature, date. */
export async function renderDocument(content: DocumentContent, number: string, issuedOn: string): Promise<Buffer> {
  const [year, month, day] = issuedOn.split('-').map(Number);
  const body = (text: string, options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean } = {}) =>
    new Paragraph({
      alignment: options.align,
      indent: options.indent ? { firstLine: 640 } : undefined,
      spacing: { line: 560 },
      children: [new TextRun({ text, font: FONT, size: 32 })],
    });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: content.title, font: TITLE_FONT, size: 44 })] }),
          body(number, { align: AlignmentType.CENTER }),
          ...(content.recipient ? [body(`${content.recipient}：`)] : []),
          ...content.paragraphs.map((paragraph) => body(paragraph, { indent: true })),
          body(''),
          body(content.signature, { align: AlignmentType.RIGHT }),
          body(`${year}年${month}月${day}日`, { align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// Long function: one platform service object; its methods are short and share the injected services and the
// numbering group commit (state of the instance).
export function createDocumentsService({ db, clock, files }: { db: Database; clock: Clock; files: FileStore }) {
  interface Allocation {
    actor: { userId: string; displayName: string };
    input: IssueInput;
  }

  /**
   * Numbers documents: requests arriving together are numbered in one short transaction (group commit), each series
   * taking a block of consecutive numbers with one counter update, the rows and their audit entries written together.
   * The counter row stays locked only that long, and a rollback gives the block back: no gaps, no duplicates.
   */
  const numbering = createGroupCommit(async (batch: Allocation[]): Promise<ItemOutcome<typeof officialDocuments.$inferSelect>[]> => {
    const now = clock.now();
    const year = Number(chinaDateOf(now).slice(0, 4));
    return db.transaction(async (tx) => {
      const seriesOf = (entry: Allocation) => `${entry.input.organization.id}|${entry.input.kind}`;
      const groups = new Map<string, Allocation[]>();
      for (const entry of batch) groups.set(seriesOf(entry), [...(groups.get(seriesOf(entry)) ?? []), entry]);
      const sequences = new Map<Allocation, number>();
      for (const entries of groups.values()) {
        const { input } = entries[0];
        const last = await nextSerials(tx, { organizationId: input.organization.id, series: `document:${input.kind}`, year, count: entries.length });
        entries.forEach((entry, index) => sequences.set(entry, last - entries.length + 1 + index));
      }
      const values = batch.map((entry) => {
        const sequence = sequences.get(entry)!;
        const number = documentNumberOf(entry.input.organization.name, entry.input.kind, year, sequence);
        return {
          organizationId: entry.input.organization.id,
          kind: entry.input.kind,
          year,
          sequence,
          number,
          title: entry.input.compose(number).title,
          subjectType: entry.input.subjectType,
          subjectId: entry.input.subjectId,
          createdBy: entry.actor.userId,
          createdByName: entry.actor.displayName,
          createdAt: now,
        };
      });
      const inserted = await tx.insert(officialDocuments).values(values).returning();
      // Matched back by number, not by position: each caller gets its own row.
      const byNumber = new Map(inserted.map((row) => [`${row.organizationId}|${row.kind}|${row.sequence}`, row]));
      const rows = values.map((value) => byNumber.get(`${value.organizationId}|${value.kind}|${value.sequence}`)!);
      await appendAuditEntries(
        tx,
        clock,
        rows.map((row, index) => ({
          actorId: batch[index].actor.userId,
          actorName: batch[index].actor.displayName,
          organizationId: row.organizationId,
          action: 'document.issue',
          subjectType: row.subjectType,
          subjectId: row.subjectId,
          after: { kind: row.kind, number: row.number },
        })),
      );
      return rows.map((row) => ({ ok: true as const, value: row }));
    });
  });

  /**
   * Issues a document: numbered first (above), then its Word file is written, so rendering never holds the counter.
   * A document whose file failed keeps its number and can be rendered again.
   */
  async function issue(actor: { userId: string; displayName: string }, input: IssueInput): Promise<OfficialDocument> {
    const row = await numbering.submit({ actor, input });
    await render(row.id, input.compose(row.number));
    return present((await db.select().from(officialDocuments).where(eq(officialDocuments.id, row.id)))[0]);
  }

  /** Numbers a document without writing its file (the benchmark measures numbering alone). */
  function allocate(actor: { userId: string; displayName: string }, input: IssueInput) {
    return numbering.submit({ actor, input });
  }

  async function render(documentId: string, content: DocumentContent): Promise<void> {
    const [row] = await db.select().from(officialDocuments).where(eq(officialDocuments.id, documentId));
    const buffer = await renderDocument(content, row.number, chinaDateOf(row.createdAt));
    const stored = files.saveGenerated(buffer, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await db.transaction(async (tx) => {
      const [file] = await tx
        .insert(attachments)
        .values({
          ...stored,
          fileName: `${row.number}${row.title}.docx`,
          organizationId: row.organizationId,
          ownerType: 'document',
          ownerId: row.id,
          uploadedBy: row.createdBy,
          createdAt: clock.now(),
        })
        .returning({ id: attachments.id });
      await tx.update(officialDocuments).set({ attachmentId: file.id }).where(eq(officialDocuments.id, row.id));
    });
  }

  async function list(subjectType: DocumentSubjectType, subjectId: string): Promise<OfficialDocument[]> {
    const rows = await db
      .select()
      .from(officialDocuments)
      .where(and(eq(officialDocuments.subjectType, subjectType), eq(officialDocuments.subjectId, subjectId)))
      .orderBy(asc(officialDocuments.createdAt));
    return rows.map(present);
  }

  async function subjectOf(documentId: string) {
    const [row] = await db.select({ subjectType: officialDocuments.subjectType, subjectId: officialDocuments.subjectId }).from(officialDocuments).where(eq(officialDocuments.id, documentId));
    return row as { subjectType: DocumentSubjectType; subjectId: string } | undefined;
  }

  return { issue, allocate, render, list, subjectOf };
}
export type DocumentsService = ReturnType<typeof createDocumentsService>;

function present(row: typeof officialDocuments.$inferSelect): OfficialDocument {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    number: row.number,
    year: row.year,
    sequence: row.sequence,
    title: row.title,
    subjectType: row.subjectType as DocumentSubjectType,
    subjectId: row.subjectId,
    organizationId: row.organizationId,
    attachmentId: row.attachmentId,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}
