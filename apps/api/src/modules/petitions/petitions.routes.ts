import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import {
  IdParamsSchema,
  PetitionListQuerySchema,
  PUBLIC_MAX_FILES,
  PublicSubmissionSchema,
  ReceiptSchema,
  localize,
  objectLevelLabels,
  petitionChannelLabels,
  petitionWorkflow,
  satisfactionLabels,
  submissionTypeLabels,
  deadlineStateLabels,
} from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { can, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import { parseInput, publicRoute, requireActor, staffRoute } from '../../platform/http/route.ts';
import { removeUnreferenced } from '../../platform/files/orphans.ts';
import { column, sendWorkbook } from '../../platform/http/excel-export.ts';
import type { StoredFile } from '../../platform/files/file-store.ts';
import type { Platform } from '../../platform/platform.ts';
import type { HumanCheck } from '../../platform/http/human-check.ts';
import { attachmentOwners } from '../files/files.routes.ts';
import { petitions } from './petitions.table.ts';
import type { PetitionsService } from './petitions.service.ts';
import type { PetitionSettingsService } from './petition-settings.service.ts';

export function baseUrlOf(request: FastifyRequest, configured: string | undefined): string {
  return configured ?? `${request.protocol}://${request.host}`;
}

export function petitionsRoutes(
  app: FastifyInstance,
  {
    service,
    settings,
    humanCheck,
    platform,
  }: { service: PetitionsService; settings: PetitionSettingsService; humanCheck: HumanCheck; platform: Pick<Platform, 'db' | 'files' | 'config'> },
): void {
  const { db, files, config } = platform;
  const publicUrl = config.publicIntake.publicUrl;

  // Attachments of a report are readable by whoever can see the report.
  attachmentOwners.set('petition', async (actor, ownerId) => {
    if (!can(actor, 'petitions.read')) return false;
    const [row] = await db.select({ id: petitions.id }).from(petitions).where(and(eq(petitions.id, ownerId), inActorScope(petitions.organizationId, actor)));
    return Boolean(row);
  });

  // ---- Public intake ----

  publicRoute(app, 'getIntakeOptions', async () => ({
    receivingBodies: await settings.receivingBodies(),
    categories: await settings.listCategories(true),
    maxFiles: PUBLIC_MAX_FILES,
    maxFileBytes: config.files.maxBytes,
  }));
  publicRoute(app, 'getPublicIntakePoint', async ({ params }) => settings.publicPoint(params.code));
  publicRoute(app, 'getHumanChallenge', async () => {
    const challenge = await humanCheck.issue();
    return { algorithm: challenge.algorithm, challenge: challenge.challenge, maxnumber: challenge.maxnumber, salt: challenge.salt, signature: challenge.signature };
  });
  const receiptLimit = { max: 30, timeWindow: 60_000 };
  publicRoute(app, 'trackPetition', async ({ body }) => service.track(body), { rateLimit: receiptLimit });
  publicRoute(app, 'supplementPetition', async ({ body }) => service.supplement(body, body.body), { rateLimit: receiptLimit });
  publicRoute(app, 'ratePetition', async ({ body }) => service.rate(body, body), { rateLimit: receiptLimit });

  app.post(
    '/api/public/petitions',
    {
      config: { rateLimit: { max: config.publicIntake.submissionsPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['Public intake'],
        summary: 'Submit a report: multipart field "payload" (JSON PublicSubmission) and up to 9 "files"',
        consumes: ['multipart/form-data'],
        response: { 200: ReceiptSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const stored: (StoredFile & { fileName: string })[] = [];
      try {
        let payloadText: string | undefined;
        for await (const part of request.parts({ limits: { files: PUBLIC_MAX_FILES, fileSize: config.files.maxBytes, fields: 5, fieldSize: 64 * 1024 } })) {
          if (part.type === 'file') {
            if (part.fieldname !== 'files' || stored.length >= PUBLIC_MAX_FILES) {
              part.file.resume();
              throw new AppError(part.fieldname === 'files' ? 'TOO_MANY_FILES' : 'VALIDATION_FAILED');
            }
            const saved = await files.save(part.file, () => part.file.truncated);
            stored.push({ ...saved, fileName: z.string().trim().min(1).max(200).safeParse(part.filename).data ?? 'attachment' });
          } else if (part.fieldname === 'payload') {
            payloadText = String(part.value);
          }
        }
        let json: unknown;
        try {
          json = JSON.parse(payloadText ?? '');
        } catch {
          throw new AppError('VALIDATION_FAILED', [{ path: 'payload', message: 'payload must be JSON' }]);
        }
        const payload = parseInput(PublicSubmissionSchema, json, 'payload', request.locale);
        return await service.submitPublic(payload, stored);
      } catch (error) {
        // Nothing half-saved: bytes written for a submission that did not commit are removed at once.
        await removeUnreferenced(db, files, stored.map((file) => file.sha256));
        if (error instanceof Error && 'code' in error && (error as { code?: string }).code === 'FST_FILES_LIMIT') throw new AppError('TOO_MANY_FILES');
        throw error;
      }
    },
  );

  // ---- Staff ----

  staffRoute(app, 'listPetitions', { permission: 'petitions.read' }, async ({ actor, query }) => service.list(actor, query));
  staffRoute(app, 'registerPetition', { permission: 'petitions.register' }, async ({ actor, body }) => service.register(actor, body));
  staffRoute(app, 'getPetition', { permission: 'petitions.read' }, async ({ actor, params }) => service.detail(actor, params.id));
  staffRoute(app, 'classifyPetition', { permission: 'petitions.read' }, async ({ actor, params, body }) => service.classify(actor, params.id, body));
  staffRoute(app, 'applyPetitionAction', { permission: 'petitions.read' }, async ({ actor, params, body }) => service.applyAction(actor, params.id, body));
  staffRoute(app, 'proposePetitionHandling', { permission: 'petitions.register' }, async ({ actor, params, body }) => service.propose(actor, params.id, body));
  staffRoute(app, 'answerPetition', { permission: 'petitions.read' }, async ({ actor, params, body }) => service.answer(actor, params.id, body));
  staffRoute(app, 'mergePetition', { permission: 'petitions.register' }, async ({ actor, params, body }) => service.merge(actor, params.id, body));
  staffRoute(app, 'listSimilarPetitions', { permission: 'petitions.read' }, async ({ actor, params }) => service.similar(actor, params.id));
  staffRoute(app, 'linkPetition', { permission: 'petitions.read' }, async ({ actor, params, body }) => service.link(actor, params.id, body));
  staffRoute(app, 'unlinkPetition', { permission: 'petitions.read' }, async ({ actor, params }) => service.unlink(actor, params.id, params.linkId));
  staffRoute(app, 'addPetitionNote', { permission: 'petitions.read' }, async ({ actor, params, body }) => service.addNote(actor, params.id, body.body));
  staffRoute(app, 'readReporterIdentity', { permission: 'petitions.read' }, async ({ actor, params, body }) => service.readReporterIdentity(actor, params.id, body.reason));
  staffRoute(app, 'handOffPetitionToClues', { permission: 'petitions.read' }, async ({ actor, params, body }) => service.handOffToClues(actor, params.id, body.summary));
  staffRoute(app, 'listPetitionAssignees', { permission: 'petitions.read' }, async ({ actor, params }) => service.assignees(actor, params.id));
  staffRoute(app, 'listTransferTargets', { permission: 'petitions.read' }, async () => service.transferTargets());

  app.get(
    '/api/petitions/export.xlsx',
    { schema: { tags: ['Petitions'], summary: 'The current queue view as an Excel file (same filters as the list)', querystring: PetitionListQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!can(actor, 'petitions.read')) throw new AppError('FORBIDDEN');
      const query = parseInput(PetitionListQuerySchema, request.query, 'query', request.locale);
      const rows = await service.exportRows(actor, query);
      const locale = actor.locale;
      const en = locale === 'en';
      return sendWorkbook(reply, {
        locale,
        sheetName: { zhCN: '信访举报台账', en: 'Petitions' },
        fileName: { zhCN: '信访举报台账.xlsx', en: 'petitions.xlsx' },
        columns: [
          column('登记编号', 'Serial no.', 16),
          column('受理编号', 'Receipt', 14),
          column('收件时间', 'Received', 18, 'yyyy-mm-dd hh:mm'),
          column('来源渠道', 'Channel', 10),
          column('类型', 'Type', 12),
          column('标题', 'Title', 30),
          column('被反映人', 'Person concerned', 12),
          column('职务', 'Post', 14),
          column('单位', 'Unit', 20),
          column('职级', 'Level', 12),
          column('状态', 'Status', 14),
          column('承办单位', 'Body', 24),
          column('承办人', 'Assignee', 10),
          column('办理期限', 'Due', 18, 'yyyy-mm-dd'),
          column('期限状态', 'Deadline', 10),
          column('满意度', 'Satisfaction', 10),
          column('反映内容', 'Content', 60),
        ],
        rows: rows.map((row) => [
          row.serialNumber ?? '',
          row.receiptCode ?? '',
          new Date(row.receivedAt),
          localize(petitionChannelLabels[row.channel], locale),
          localize(submissionTypeLabels[row.submissionType], locale),
          row.title,
          row.concernedName ?? '',
          row.concernedPost ?? '',
          row.concernedUnit ?? '',
          row.objectLevel ? localize(objectLevelLabels[row.objectLevel], locale) : '',
          localize(petitionWorkflow.states[row.status].label, locale),
          row.organizationName,
          row.assigneeName ?? '',
          row.dueAt ? new Date(row.dueAt) : '',
          row.deadlineState ? localize(deadlineStateLabels[row.deadlineState], locale) : '',
          row.satisfaction ? localize(satisfactionLabels[row.satisfaction], locale) : '',
          row.content,
        ]),
      });
    },
  );

  // ---- Settings ----

  // Officers pick categories and templates; administrators edit them.
  const readOrConfigure = (actor: Actor) => {
    if (!can(actor, 'petitions.read') && !can(actor, 'petitions.configure')) throw new AppError('FORBIDDEN');
  };
  staffRoute(app, 'listPetitionCategories', {}, async ({ actor }) => {
    readOrConfigure(actor);
    return settings.listCategories();
  });
  staffRoute(app, 'upsertPetitionCategory', { permission: 'petitions.configure' }, async ({ actor, params, body }) => settings.upsertCategory(actor, params.key, body));
  staffRoute(app, 'listIntakePoints', { permission: 'petitions.configure' }, async ({ actor, request }) => settings.listPoints(actor, baseUrlOf(request, publicUrl)));
  staffRoute(app, 'createIntakePoint', { permission: 'petitions.configure' }, async ({ actor, body, request }) => settings.createPoint(actor, body, baseUrlOf(request, publicUrl)));
  staffRoute(app, 'updateIntakePoint', { permission: 'petitions.configure' }, async ({ actor, params, body, request }) =>
    settings.updatePoint(actor, params.id, body, baseUrlOf(request, publicUrl)),
  );
  staffRoute(app, 'listAnswerTemplates', {}, async ({ actor }) => {
    readOrConfigure(actor);
    return settings.listTemplates();
  });
  staffRoute(app, 'createAnswerTemplate', { permission: 'petitions.configure' }, async ({ actor, body }) => settings.createTemplate(actor, body));
  staffRoute(app, 'updateAnswerTemplate', { permission: 'petitions.configure' }, async ({ actor, params, body }) => settings.updateTemplate(actor, params.id, body));

  app.get(
    '/api/intake-points/:id/qr.:format',
    {
      schema: {
        tags: ['Petition settings'],
        summary: 'The QR code of an intake point, PNG (print) or SVG',
        params: IdParamsSchema.extend({ format: z.enum(['png', 'svg']) }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!can(actor, 'petitions.configure')) throw new AppError('FORBIDDEN');
      const params = parseInput(IdParamsSchema.extend({ format: z.enum(['png', 'svg']) }), request.params, 'params', request.locale);
      const point = await settings.findPoint(actor, params.id);
      const url = settings.pointUrl(baseUrlOf(request, publicUrl), point.code);
      const fileName = `${point.placeName}-${point.code}.${params.format}`;
      void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      if (params.format === 'svg') {
        void reply.header('content-type', 'image/svg+xml');
        return reply.send(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
      }
      void reply.header('content-type', 'image/png');
      // 1024 px prints sharply at notice-board size.
      return reply.send(await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 1024 }));
    },
  );
}
