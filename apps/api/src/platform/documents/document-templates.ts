import { and, eq } from 'drizzle-orm';
import { documentKinds, unknownPlaceholders, type DocumentKind, type DocumentTemplate, type EndpointRequest } from '@guantong/contracts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { documentTemplates } from './documents.table.ts';
import type { DocumentContent } from './documents.service.ts';

type Wording = Pick<DocumentTemplate, 'title' | 'recipient' | 'paragraphs'>;

/** The usual wording of each kind, used until an administrator sets another (placeholders: documentPlaceholders). */
export const builtInTemplates: Record<DocumentKind, Wording> = {
  inquiry_letter: {
    title: '函询通知书',
    recipient: '{被反映人}同志',
    paragraphs: [
      '近期，我委收到反映你{任职情况}有关问题的线索（线索编号{线索编号}）。根据《中国共产党纪律检查机关监督执纪工作规则》有关规定，现向你函询。',
      '反映的主要问题：{反映问题}',
      '请你本着对组织忠诚老实的态度，在收到本函件之日起十五个工作日内，对上述问题作出书面说明，经所在单位党组织主要负责人签署意见后，报送我委。',
    ],
  },
  filing_decision: {
    title: '立案决定书',
    recipient: null,
    paragraphs: ['经审批，决定对{单位职务}{被审查调查人}涉嫌违纪违法问题立案审查调查（立案编号{立案编号}）。', '主要问题：{主要问题}'],
  },
  sanction_decision: {
    title: '处分决定书',
    recipient: null,
    paragraphs: [
      '{被处分人}，{单位职务}。',
      '经查，{违纪违法事实}',
      '根据有关规定，经研究，决定给予{被处分人}{处分}。{影响期}',
      '如对本决定不服，可在收到本决定之日起一个月内，向作出决定的机关提出申诉。',
    ],
  },
};

/** A template's text with its placeholders filled in. */
export function fillTemplate(wording: Wording, values: Record<string, string>, signature: string): DocumentContent {
  const fill = (text: string) => text.replace(/\{([^{}]{1,20})\}/g, (match, key: string) => (Object.hasOwn(values, key) ? values[key] : match));
  // A line break, written in a template or in the filled-in text, starts a new paragraph of the Word file.
  const paragraphs = wording.paragraphs.flatMap((paragraph) => fill(paragraph).split(/\s*\n\s*/)).filter((paragraph) => paragraph.length > 0);
  return { title: fill(wording.title), recipient: wording.recipient ? fill(wording.recipient) : undefined, paragraphs, signature };
}

/** 文书模板: the wording of each kind of official document, one set for the installation, changed by administrators. */
export function createDocumentTemplates({ db, clock }: { db: Database; clock: Clock }) {
  function present(kind: DocumentKind, row: typeof documentTemplates.$inferSelect | undefined): DocumentTemplate {
    if (!row) return { kind, ...builtInTemplates[kind], configured: false, version: 0, updatedByName: null, updatedAt: null };
    return {
      kind,
      title: row.title,
      recipient: row.recipient,
      paragraphs: row.paragraphs,
      configured: true,
      version: row.version,
      updatedByName: row.updatedByName,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function get(kind: DocumentKind): Promise<DocumentTemplate> {
    const [row] = await db.select().from(documentTemplates).where(eq(documentTemplates.kind, kind));
    return present(kind, row);
  }

  async function list(): Promise<DocumentTemplate[]> {
    const rows = await db.select().from(documentTemplates);
    return documentKinds.map((kind) => present(kind, rows.find((row) => row.kind === kind)));
  }

  async function update(actor: Actor, kind: DocumentKind, body: EndpointRequest<'updateDocumentTemplate'>['body']): Promise<DocumentTemplate> {
    // A placeholder the kind does not know would be printed as written: refuse it while the author is still there.
    const unknown = [body.title, body.recipient ?? '', ...body.paragraphs].flatMap((text, index) =>
      unknownPlaceholders(kind, text).map((key) => ({ path: index === 0 ? 'body.title' : index === 1 ? 'body.recipient' : `body.paragraphs.${index - 2}`, message: `unknown placeholder {${key}}` })),
    );
    if (unknown.length) throw new AppError('VALIDATION_FAILED', unknown);
    const now = clock.now();
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(documentTemplates).where(eq(documentTemplates.kind, kind)).for('update');
      if ((before?.version ?? 0) !== body.version) throw new AppError('VERSION_CONFLICT');
      const values = { title: body.title, recipient: body.recipient, paragraphs: body.paragraphs, updatedBy: actor.userId, updatedByName: actor.displayName, updatedAt: now };
      // Two first edits at once: the primary key lets one insert win; the other is told the wording changed.
      const written = before
        ? await tx.update(documentTemplates).set({ ...values, version: before.version + 1 }).where(and(eq(documentTemplates.kind, kind), eq(documentTemplates.version, body.version))).returning()
        : await tx.insert(documentTemplates).values({ kind, ...values }).onConflictDoNothing().returning();
      if (written.length === 0) throw new AppError('VERSION_CONFLICT');
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: actor.organizationId,
        action: 'document.template.update',
        subjectType: 'document_template',
        subjectId: null,
        before: before ? { kind, title: before.title, recipient: before.recipient, paragraphs: before.paragraphs } : { kind, builtIn: true },
        after: { kind, title: body.title, recipient: body.recipient, paragraphs: body.paragraphs },
      });
    });
    return get(kind);
  }

  async function reset(actor: Actor, kind: DocumentKind): Promise<DocumentTemplate> {
    await db.transaction(async (tx) => {
      const removed = await tx.delete(documentTemplates).where(eq(documentTemplates.kind, kind)).returning();
      if (removed.length === 0) return;
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: actor.organizationId,
        action: 'document.template.reset',
        subjectType: 'document_template',
        subjectId: null,
        before: { kind, title: removed[0].title, recipient: removed[0].recipient, paragraphs: removed[0].paragraphs },
        after: { kind, builtIn: true },
      });
    });
    return get(kind);
  }

  return { get, list, update, reset };
}
export type DocumentTemplates = ReturnType<typeof createDocumentTemplates>;
