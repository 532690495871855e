import { z } from 'zod';
import type { LocalizedText } from './i18n.ts';

/**
 * Official documents (公文) generated as Word files, each with a document number (文号) allocated per issuing body,
 * kind and year without gaps or duplicates.
 */
export const documentKinds = ['inquiry_letter', 'filing_decision', 'sanction_decision'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKindLabels = {
  inquiry_letter: { zhCN: '函询通知书', en: 'Inquiry letter' },
  filing_decision: { zhCN: '立案决定书', en: 'Case filing decision' },
  sanction_decision: { zhCN: '处分决定书', en: 'Sanction decision' },
} as const satisfies Record<DocumentKind, LocalizedText>;
/** The character of the number that names the kind: 清纪函〔2026〕12号. */
export const documentKindMarks = {
  inquiry_letter: '函',
  filing_decision: '立',
  sanction_decision: '处',
} as const satisfies Record<DocumentKind, string>;

export const documentSubjectTypes = ['clue', 'case'] as const;
export type DocumentSubjectType = (typeof documentSubjectTypes)[number];

export const OfficialDocumentSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(documentKinds),
    number: z.string().describe('文号, e.g. 清纪函〔2026〕12号'),
    year: z.number().int(),
    sequence: z.number().int(),
    title: z.string(),
    subjectType: z.enum(documentSubjectTypes),
    subjectId: z.uuid(),
    organizationId: z.uuid().describe('Issuing body'),
    attachmentId: z.uuid().nullable().describe('The Word file; null while it is being written'),
    createdByName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'OfficialDocument' });
export type OfficialDocument = z.infer<typeof OfficialDocumentSchema>;

export const IssueDocumentBodySchema = z
  .strictObject({
    kind: z.enum(documentKinds),
    subjectType: z.enum(documentSubjectTypes),
    subjectId: z.uuid(),
  })
  .meta({ id: 'IssueDocumentBody' });
export const DocumentListQuerySchema = z.object({ subjectType: z.enum(documentSubjectTypes), subjectId: z.uuid() });
