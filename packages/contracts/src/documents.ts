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

// ---- Templates (文书模板) ----

/**
 * What a template of each kind may say in braces, filled in from the clue or case when the document is issued
 * (`{被反映人}同志：`). The keys are the words offices write in their templates.
 */
export const documentPlaceholders = {
  inquiry_letter: {
    被反映人: { zhCN: '被反映人姓名', en: 'Name of the person concerned' },
    任职情况: { zhCN: '“在任××期间”，无职务时为空', en: '"while serving as …", empty without a post' },
    线索编号: { zhCN: '线索编号', en: 'Clue ledger number' },
    反映问题: { zhCN: '反映的主要问题', en: 'The allegations' },
    发文机关: { zhCN: '发文机关名称', en: 'Issuing body' },
  },
  filing_decision: {
    被审查调查人: { zhCN: '被审查调查人姓名', en: 'Name of the person investigated' },
    单位职务: { zhCN: '单位及职务', en: 'Unit and post' },
    立案编号: { zhCN: '立案编号', en: 'Case number' },
    主要问题: { zhCN: '主要问题', en: 'The allegations' },
    发文机关: { zhCN: '发文机关名称', en: 'Issuing body' },
  },
  sanction_decision: {
    被处分人: { zhCN: '被处分人姓名', en: 'Name of the person sanctioned' },
    单位职务: { zhCN: '单位及职务', en: 'Unit and post' },
    违纪违法事实: { zhCN: '查明的问题', en: 'The facts found' },
    处分: { zhCN: '处分种类（多项以顿号分隔）', en: 'The sanctions decided' },
    影响期: { zhCN: '各处分的影响期，无影响期时为空', en: 'Effect periods, empty when none' },
    发文机关: { zhCN: '发文机关名称', en: 'Issuing body' },
  },
} as const satisfies Record<DocumentKind, Record<string, LocalizedText>>;

/** The placeholders a text uses that its kind does not know (`{…}` with any other word). */
export function unknownPlaceholders(kind: DocumentKind, text: string): string[] {
  const known = documentPlaceholders[kind] as Record<string, LocalizedText>;
  return [...text.matchAll(/\{([^{}]{1,20})\}/g)].map((match) => match[1]).filter((key) => !Object.hasOwn(known, key));
}

export const DocumentTemplateSchema = z
  .object({
    kind: z.enum(documentKinds),
    organizationId: z.uuid().describe('The issuing body asked about'),
    definedAt: z
      .object({ id: z.uuid(), name: z.string() })
      .nullable()
      .describe('Where the wording in force is set: this body, the nearest body above it that set one, or null for the built-in wording'),
    title: z.string(),
    recipient: z.string().nullable().describe('The salutation line without its colon, e.g. {被反映人}同志; none for decisions'),
    paragraphs: z.array(z.string()),
    configured: z.boolean().describe('This body set its own wording (not inherited, not built in)'),
    version: z.number().int().describe('Version of this body’s own wording; 0 when it has none'),
    updatedByName: z.string().nullable(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'DocumentTemplate' });
export type DocumentTemplate = z.infer<typeof DocumentTemplateSchema>;

export const UpdateDocumentTemplateBodySchema = z
  .strictObject({
    title: z.string().trim().min(2).max(30),
    recipient: z.string().trim().max(60).nullable(),
    paragraphs: z.array(z.string().trim().min(1).max(4000)).min(1).max(20),
    version: z.number().int().describe('The version you saw (0 for the built-in wording); a mismatch answers 409'),
  })
  .meta({ id: 'UpdateDocumentTemplateBody' });
/*
 * Templates belong to an issuing body and hold below it: a county commission without its own wording uses the city's,
 * and without any, the built-in one.
 */
export const DocumentTemplateParamsSchema = z.strictObject({ organizationId: z.uuid(), kind: z.enum(documentKinds) });
export const DocumentTemplateQuerySchema = z.object({
  organizationId: z.uuid().optional().describe('The issuing body (a commission or township committee); default the reader’s own body'),
});
