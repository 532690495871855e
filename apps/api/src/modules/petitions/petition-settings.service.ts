import { randomInt } from 'node:crypto';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { receivingBodyTypes, type AnswerTemplate, type EndpointRequest, type IntakePoint, type PetitionCategory } from '@guantong/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { answerTemplates, intakePoints, petitionCategories, petitions } from './petitions.table.ts';


type AnswerTemplateBody = EndpointRequest<'createAnswerTemplate'>['body'];

const POINT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Categories, QR intake points and answer templates: what administrators set up for intake. */
export function createPetitionSettingsService({ db, clock }: Pick<Platform, 'db' | 'clock'>) {
  function presentCategory(row: typeof petitionCategories.$inferSelect): PetitionCategory {
    return {
      key: row.key,
      label: { zhCN: row.labelZh, en: row.labelEn },
      questions: row.questions,
      active: row.active,
      sortOrder: row.sortOrder,
      version: row.version,
    };
  }


  async function listCategories(onlyActive = false): Promise<PetitionCategory[]> {
    const rows = await db
      .select()
      .from(petitionCategories)
      .where(onlyActive ? eq(petitionCategories.active, true) : undefined)
      .orderBy(asc(petitionCategories.sortOrder), asc(petitionCategories.key));
    return rows.map(presentCategory);
  }

  async function upsertCategory(actor: Actor, key: string, body: EndpointRequest<'upsertPetitionCategory'>['body']): Promise<PetitionCategory> {
    const keys = body.questions.map((question) => question.key);
    if (new Set(keys).size !== keys.length) throw new AppError('VALIDATION_FAILED', [{ path: 'body.questions', message: 'question keys must be unique' }]);
    const badSelect = body.questions.findIndex((question) => question.type === 'select' && !(question.options?.length ?? 0));
    if (badSelect >= 0) throw new AppError('VALIDATION_FAILED', [{ path: `body.questions.${badSelect}.options`, message: 'a choice question needs options' }]);
    const values = { labelZh: body.label.zhCN, labelEn: body.label.en, questions: body.questions, active: body.active, sortOrder: body.sortOrder };
    return db.transaction(async (tx) => {
      const [existing] = await tx.select().from(petitionCategories).where(eq(petitionCategories.key, key));
      let row: typeof petitionCategories.$inferSelect | undefined;
      if (!existing) {
        if (body.version !== undefined) throw new AppError('NOT_FOUND');
        [row] = await tx.insert(petitionCategories).values({ key, ...values }).returning();
      } else {
        if (body.version === undefined) throw new AppError('VERSION_CONFLICT');
        [row] = await tx
          .update(petitionCategories)
          .set({ ...values, version: sql`${petitionCategories.version} + 1` })
          .where(and(eq(petitionCategories.key, key), eq(petitionCategories.version, body.version)))
          .returning();
        if (!row) throw new AppError('VERSION_CONFLICT');
      }
      await appendAudit(tx, clock, {
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

  function pointUrl(baseUrl: string, code: string): string {
    return `${baseUrl}/?point=${code}`;
  }

  async function presentPoints(rows: (typeof intakePoints.$inferSelect)[], baseUrl: string): Promise<IntakePoint[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [names, counts] = await Promise.all([
      db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, rows.map((row) => row.organizationId))),
      db.select({ id: petitions.intakePointId, n: count() }).from(petitions).where(inArray(petitions.intakePointId, ids)).groupBy(petitions.intakePointId),
    ]);
    const nameOf = new Map(names.map((row) => [row.id, row.name]));
    const countOf = new Map(counts.map((row) => [row.id, row.n]));
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

  async function listPoints(actor: Actor, baseUrl: string) {
    const rows = await db.select().from(intakePoints).where(inActorScope(intakePoints.organizationId, actor)).orderBy(asc(intakePoints.createdAt));
    return presentPoints(rows, baseUrl);
  }

  async function findPoint(actor: Actor, id: string) {
    const [row] = await db.select().from(intakePoints).where(and(eq(intakePoints.id, id), inActorScope(intakePoints.organizationId, actor)));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function createPoint(actor: Actor, body: EndpointRequest<'createIntakePoint'>['body'], baseUrl: string) {
    const [body_] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.id, body.organizationId), inArray(organizations.type, [...receivingBodyTypes]), inActorScope(organizations.id, actor)));
    if (!body_) throw new AppError('RECEIVING_BODY_INVALID');
    const row = await db.transaction(async (tx) => {
      let code = '';
      for (let i = 0; i < 6; i += 1) code += POINT_CODE_ALPHABET[randomInt(POINT_CODE_ALPHABET.length)];
      const [inserted] = await tx
        .insert(intakePoints)
        .values({ code, organizationId: body.organizationId, placeName: body.placeName, description: body.description ?? null, createdAt: clock.now() })
        .returning();
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
    return (await presentPoints([row], baseUrl))[0];
  }

  async function updatePoint(actor: Actor, id: string, body: EndpointRequest<'updateIntakePoint'>['body'], baseUrl: string) {
    const existing = await findPoint(actor, id);
    const row = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(intakePoints)
        .set({ placeName: body.placeName, description: body.description ?? null, active: body.active, version: sql`${intakePoints.version} + 1` })
        .where(and(eq(intakePoints.id, id), eq(intakePoints.version, body.version)))
        .returning();
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
    return (await presentPoints([row], baseUrl))[0];
  }

  async function publicPoint(code: string) {
    const [row] = await db
      .select({ code: intakePoints.code, organizationId: intakePoints.organizationId, placeName: intakePoints.placeName, organizationName: organizations.name })
      .from(intakePoints)
      .innerJoin(organizations, eq(organizations.id, intakePoints.organizationId))
      .where(and(eq(intakePoints.code, code), eq(intakePoints.active, true)));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  function presentTemplate(row: typeof answerTemplates.$inferSelect): AnswerTemplate {
    return { id: row.id, title: row.title, body: row.body, active: row.active, version: row.version };
  }

  async function listTemplates() {
    return (await db.select().from(answerTemplates).orderBy(asc(answerTemplates.createdAt))).map(presentTemplate);
  }

  async function createTemplate(actor: Actor, body: AnswerTemplateBody) {
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(answerTemplates).values({ title: body.title, body: body.body, active: body.active, createdAt: clock.now() }).returning();
      await appendAudit(tx, clock, {
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

  async function updateTemplate(actor: Actor, id: string, body: AnswerTemplateBody) {
    const version = z.number().int().safeParse(body.version);
    if (!version.success) throw new AppError('VERSION_CONFLICT');
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(answerTemplates)
        .set({ title: body.title, body: body.body, active: body.active, version: sql`${answerTemplates.version} + 1` })
        .where(and(eq(answerTemplates.id, id), eq(answerTemplates.version, version.data)))
        .returning();
      if (!row) {
        const [exists] = await tx.select({ id: answerTemplates.id }).from(answerTemplates).where(eq(answerTemplates.id, id));
        throw new AppError(exists ? 'VERSION_CONFLICT' : 'NOT_FOUND');
      }
      await appendAudit(tx, clock, {
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

  async function receivingBodies() {
    return db
      .select({
        id: organizations.id,
        name: organizations.name,
        parentId: organizations.parentId,
        regionName: sql<string>`(select r.name from regions r where r.id = ${organizations.regionId})`,
      })
      .from(organizations)
      .where(inArray(organizations.type, [...receivingBodyTypes]))
      .orderBy(asc(organizations.path));
  }

  return {
    listCategories,
    upsertCategory,
    listPoints,
    findPoint,
    createPoint,
    updatePoint,
    publicPoint,
    pointUrl,
    listTemplates,
    createTemplate,
    updateTemplate,
    receivingBodies,
  };
}
export type PetitionSettingsService = ReturnType<typeof createPetitionSettingsService>;
