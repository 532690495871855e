import { and, eq, inArray } from 'drizzle-orm';
import { documentKinds, unknownPlaceholders, type DocumentKind, type DocumentTemplate, type EndpointRequest } from '@guantong/contracts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { documentTemplates } from './documents.table.ts';
import { organizations } from '../identity/organizations.table.ts';
import { nearestUpTheTree, onTheLineOf, selfAndAncestorIds } from '../identity/ancestors.ts';
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

/**
 * 文书模板: the wording of each kind of official document per issuing body. A body's own wording holds for it and the
 * bodies below it that have none; without any up the tree, the built-in wording. Administrators set the wording of
 * the bodies in their own subtree.
 */
// Long function: one platform service object (document templates); its methods are short and share the injected db and clock.
export function createDocumentTemplates({ db, clock }: { db: Database; clock: Clock }) {
  type Row = typeof documentTemplates.$inferSelect;

  async function bodyOf(organizationId: string) {
    const [body] = await db.select({ id: organizations.id, name: organizations.name, path: organizations.path }).from(organizations).where(eq(organizations.id, organizationId));
    if (!body) throw new AppError('NOT_FOUND');
    return body;
  }

  /** The rows of the body and of every body above it (one per kind and body). */
  async function rowsUpTheTree(path: string): Promise<(Row & { bodyName: string })[]> {
    const rows = await db
      .select({ row: documentTemplates, bodyName: organizations.name })
      .from(documentTemplates)
      .innerJoin(organizations, eq(organizations.id, documentTemplates.organizationId))
      .where(inArray(documentTemplates.organizationId, selfAndAncestorIds(path)));
    return rows.map(({ row, bodyName }) => ({ ...row, bodyName }));
  }

  function present(kind: DocumentKind, body: { id: string; path: string }, rows: (Row & { bodyName: string })[]): DocumentTemplate {
    const inForce = nearestUpTheTree(body.path, rows.filter((row) => row.kind === kind));
    const own = rows.find((row) => row.kind === kind && row.organizationId === body.id);
    const wording = inForce ?? { ...builtInTemplates[kind] };
    return {
      kind,
      organizationId: body.id,
      definedAt: inForce ? { id: inForce.organizationId, name: inForce.bodyName } : null,
      title: wording.title,
      recipient: wording.recipient,
      paragraphs: wording.paragraphs,
      configured: Boolean(own),
      version: own?.version ?? 0,
      updatedByName: inForce?.updatedByName ?? null,
      updatedAt: inForce?.updatedAt.toISOString() ?? null,
    };
  }

  /** The wording in force for a body (the issuing body of a document). */
  async function get(kind: DocumentKind, organizationId: string): Promise<DocumentTemplate> {
    const body = await bodyOf(organizationId);
    return present(kind, body, await rowsUpTheTree(body.path));
  }

  async function list(actor: Actor, organizationId: string = actor.organizationId): Promise<DocumentTemplate[]> {
    const body = await bodyOf(organizationId);
    // Staff read the wording of their own body, of the bodies below it and of those above it (which they issue under).
    if (!onTheLineOf(actor.organizationPath, body.path)) throw new AppError('NOT_FOUND');
    const rows = await rowsUpTheTree(body.path);
    return documentKinds.map((kind) => present(kind, body, rows));
  }

  /** A body whose wording the administrator may set: theirs or one below it. */
  async function administered(actor: Actor, organizationId: string) {
    const body = await bodyOf(organizationId);
    if (!body.path.startsWith(actor.organizationPath)) throw new AppError('NOT_FOUND');
    return body;
  }

  async function update(actor: Actor, organizationId: string, kind: DocumentKind, body: EndpointRequest<'updateDocumentTemplate'>['body']): Promise<DocumentTemplate> {
    const issuer = await administered(actor, organizationId);
    // A placeholder the kind does not know would be printed as written: refuse it while the author is still there.
    const unknown = [body.title, body.recipient ?? '', ...body.paragraphs].flatMap((text, index) =>
      unknownPlaceholders(kind, text).map((key) => ({ path: index === 0 ? 'body.title' : index === 1 ? 'body.recipient' : `body.paragraphs.${index - 2}`, message: `unknown placeholder {${key}}` })),
    );
    if (unknown.length) throw new AppError('VALIDATION_FAILED', unknown);
    const now = clock.now();
    const where = and(eq(documentTemplates.organizationId, issuer.id), eq(documentTemplates.kind, kind));
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(documentTemplates).where(where).for('update');
      if ((before?.version ?? 0) !== body.version) throw new AppError('VERSION_CONFLICT');
      const values = { title: body.title, recipient: body.recipient, paragraphs: body.paragraphs, updatedBy: actor.userId, updatedByName: actor.displayName, updatedAt: now };
      // Two first edits at once: the primary key lets one insert win; the other is told the wording changed.
      const written = before
        ? await tx.update(documentTemplates).set({ ...values, version: before.version + 1 }).where(and(where, eq(documentTemplates.version, body.version))).returning()
        : await tx.insert(documentTemplates).values({ organizationId: issuer.id, kind, ...values }).onConflictDoNothing().returning();
      if (written.length === 0) throw new AppError('VERSION_CONFLICT');
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: issuer.id,
        action: 'document.template.update',
        subjectType: 'document_template',
        subjectId: null,
        before: before ? { kind, title: before.title, recipient: before.recipient, paragraphs: before.paragraphs } : { kind, inherited: true },
        after: { kind, title: body.title, recipient: body.recipient, paragraphs: body.paragraphs },
      });
    });
    return get(kind, issuer.id);
  }

  async function reset(actor: Actor, organizationId: string, kind: DocumentKind): Promise<DocumentTemplate> {
    const issuer = await administered(actor, organizationId);
    await db.transaction(async (tx) => {
      const removed = await tx.delete(documentTemplates).where(and(eq(documentTemplates.organizationId, issuer.id), eq(documentTemplates.kind, kind))).returning();
      if (removed.length === 0) return;
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: issuer.id,
        action: 'document.template.reset',
        subjectType: 'document_template',
        subjectId: null,
        before: { kind, title: removed[0].title, recipient: removed[0].recipient, paragraphs: removed[0].paragraphs },
        after: { kind, inherited: true },
      });
    });
    return get(kind, issuer.id);
  }

  return { get, list, update, reset };
}
export type DocumentTemplates = ReturnType<typeof createDocumentTemplates>;
