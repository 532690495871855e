import { z } from 'zod';
import type { AnswerTemplate, EndpointRequest, IntakePoint, PetitionCategory } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { organizationNames } from '../../platform/identity/organization-name.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { categoryByKey } from './petitions.repository.ts';
import { randomCode } from './receipts.ts';
import {
  activePointByCode,
  categoriesInOrder,
  insertCategory,
  insertPoint,
  insertTemplate,
  isReceivingBodyInScope,
  pointInScope,
  pointsInScope,
  receivingBodiesInOrder,
  submissionCountsByPoint,
  templateExists,
  templatesInOrder,
  updateCategoryAtVersion,
  updatePointAtVersion,
  updateTemplateAtVersion,
  type AnswerTemplateRow,
  type CategoryRow,
  type IntakePointRow,
} from './settings.repository.ts';

// Categories, QR intake points and answer templates: what administrators set up for intake. Version-checked, audited.

type Context = Pick<PetitionsContext, 'db' | 'clock'>;

function presentCategory(row: CategoryRow): PetitionCategory {
  return { key: row.key, label: { zhCN: row.labelZh, en: row.labelEn }, questions: row.questions, active: row.active, sortOrder: row.sortOrder, version: row.version };
}

export async function listCategories(context: Context, onlyActive = false): Promise<PetitionCategory[]> {
  return (await categoriesInOrder(context.db, onlyActive)).map(presentCategory);
}

export async function upsertCategory(context: Context, actor: Actor, key: string, body: EndpointRequest<'upsertPetitionCategory'>['body']): Promise<PetitionCategory> {
  const keys = body.questions.map((question) => question.key);
  if (new Set(keys).size !== keys.length) throw new AppError('VALIDATION_FAILED', [{ path: 'body.questions', message: 'question keys must be unique' }]);
  const badSelect = body.questions.findIndex((question) => question.type === 'select' && !(question.options?.length ?? 0));
  if (badSelect >= 0) throw new AppError('VALIDATION_FAILED', [{ path: `body.questions.${badSelect}.options`, message: 'a choice question needs options' }]);
  const values = { labelZh: body.label.zhCN, labelEn: body.label.en, questions: body.questions, active: body.active, sortOrder: body.sortOrder };
  return context.db.transaction(async (tx) => {
    const existing = await categoryByKey(tx, key);
    let row: CategoryRow | undefined;
    if (!existing) {
      if (body.version !== undefined) throw new AppError('NOT_FOUND');
      row = await insertCategory(tx, key, values);
    } else {
      if (body.version === undefined) throw new AppError('VERSION_CONFLICT');
      row = await updateCategoryAtVersion(tx, key, body.version, values);
      if (!row) throw new AppError('VERSION_CONFLICT');
    }
    await appendAudit(tx, context.clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: actor.organizationId,
      action: existing ? 'petition_category.update' : 'petition_category.create',
      subjectType: 'petition_category',
      subjectId: null,
      before: existing ? presentCategory(existing) : undefined,
      after: presentCategory(row),
    });
    return presentCategory(row);
  });
}

/** The address a point's QR code opens: the portal with the receiving body preset. */
export function pointUrl(baseUrl: string, code: string): string {
  return `${baseUrl}/?point=${code}`;
}

async function presentPoints(context: Context, rows: IntakePointRow[], baseUrl: string): Promise<IntakePoint[]> {
  if (rows.length === 0) return [];
  const [nameOf, countOf] = await Promise.all([
    organizationNames(context.db, rows.map((row) => row.organizationId)),
    submissionCountsByPoint(context.db, rows.map((row) => row.id)),
  ]);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    organizationId: row.organizationId,
    organizationName: nameOf.get(row.organizationId) ?? '',
    placeName: row.placeName,
    description: row.description,
    active: row.active,
    url: pointUrl(baseUrl, row.code),
    submissionCount: countOf.get(row.id) ?? 0,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  }));
}

export async function listPoints(context: Context, actor: Actor, baseUrl: string) {
  return presentPoints(context, await pointsInScope(context.db, actor), baseUrl);
}

export async function findPoint(context: Context, actor: Actor, id: string): Promise<IntakePointRow> {
  const row = await pointInScope(context.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createPoint(context: Context, actor: Actor, body: EndpointRequest<'createIntakePoint'>['body'], baseUrl: string) {
  const { db, clock } = context;
  if (!(await isReceivingBodyInScope(db, actor, body.organizationId))) throw new AppError('RECEIVING_BODY_INVALID');
  const row = await db.transaction(async (tx) => {
    const code = randomCode(6);
    const inserted = await insertPoint(tx, { code, organizationId: body.organizationId, placeName: body.placeName, description: body.description ?? null, createdAt: clock.now() });
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: body.organizationId,
      action: 'intake_point.create',
      subjectType: 'intake_point',
      subjectId: inserted.id,
      after: { code, placeName: body.placeName },
    });
    return inserted;
  });
  return (await presentPoints(context, [row], baseUrl))[0];
}

export async function updatePoint(context: Context, actor: Actor, id: string, body: EndpointRequest<'updateIntakePoint'>['body'], baseUrl: string) {
  const { db, clock } = context;
  const existing = await findPoint(context, actor, id);
  const row = await db.transaction(async (tx) => {
    const updated = await updatePointAtVersion(tx, id, body.version, { placeName: body.placeName, description: body.description ?? null, active: body.active });
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: existing.organizationId,
      action: 'intake_point.update',
      subjectType: 'intake_point',
      subjectId: id,
      before: { placeName: existing.placeName, active: existing.active },
      after: { placeName: body.placeName, active: body.active },
    });
    return updated;
  });
  return (await presentPoints(context, [row], baseUrl))[0];
}

/** What the portal shows for a scanned code: the place and the body it reports to. */
export async function publicPoint(context: Context, code: string) {
  const row = await activePointByCode(context.db, code);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function presentTemplate(row: AnswerTemplateRow): AnswerTemplate {
  return { id: row.id, title: row.title, body: row.body, active: row.active, version: row.version };
}

export async function listTemplates(context: Context) {
  return (await templatesInOrder(context.db)).map(presentTemplate);
}

type AnswerTemplateBody = EndpointRequest<'createAnswerTemplate'>['body'];

export async function createTemplate(context: Context, actor: Actor, body: AnswerTemplateBody) {
  return context.db.transaction(async (tx) => {
    const row = await insertTemplate(tx, { title: body.title, body: body.body, active: body.active, createdAt: context.clock.now() });
    await appendAudit(tx, context.clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: actor.organizationId,
      action: 'answer_template.create',
      subjectType: 'answer_template',
      subjectId: row.id,
      after: { title: row.title },
    });
    return presentTemplate(row);
  });
}

export async function updateTemplate(context: Context, actor: Actor, id: string, body: AnswerTemplateBody) {
  const version = z.number().int().safeParse(body.version);
  if (!version.success) throw new AppError('VERSION_CONFLICT');
  return context.db.transaction(async (tx) => {
    const row = await updateTemplateAtVersion(tx, id, version.data, { title: body.title, body: body.body, active: body.active });
    if (!row) throw new AppError((await templateExists(tx, id)) ? 'VERSION_CONFLICT' : 'NOT_FOUND');
    await appendAudit(tx, context.clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: actor.organizationId,
      action: 'answer_template.update',
      subjectType: 'answer_template',
      subjectId: id,
      after: { title: row.title, active: row.active },
    });
    return presentTemplate(row);
  });
}

export function receivingBodies(context: Context) {
  return receivingBodiesInOrder(context.db);
}
