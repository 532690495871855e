import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { IdParamsSchema } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { can, type Actor } from '../../platform/auth/actor.ts';
import { parseInput, requireActor, staffRoute } from '../../platform/http/route.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { createPoint, createTemplate, findPoint, listCategories, listPoints, listTemplates, pointUrl, updatePoint, updateTemplate, upsertCategory } from './settings.ts';

/** Where QR codes point: the configured public address, or the address the console was opened at. */
export function baseUrlOf(request: FastifyRequest, configured: string | undefined): string {
  return configured ?? `${request.protocol}://${request.host}`;
}

/** Categories, intake points with their QR codes, answer templates. */
export function petitionSettingsRoutes(app: FastifyInstance, context: PetitionsContext, { publicUrl }: { publicUrl: string | undefined }): void {
  // Officers pick categories and templates; administrators edit them.
  const readOrConfigure = (actor: Actor) => {
    if (!can(actor, 'petitions.read') && !can(actor, 'petitions.configure')) throw new AppError('FORBIDDEN');
  };
  staffRoute(app, 'listPetitionCategories', {}, async ({ actor }) => {
    readOrConfigure(actor);
    return listCategories(context);
  });
  staffRoute(app, 'upsertPetitionCategory', { permission: 'petitions.configure' }, async ({ actor, params, body }) => upsertCategory(context, actor, params.key, body));
  staffRoute(app, 'listIntakePoints', { permission: 'petitions.configure' }, async ({ actor, request }) => listPoints(context, actor, baseUrlOf(request, publicUrl)));
  staffRoute(app, 'createIntakePoint', { permission: 'petitions.configure' }, async ({ actor, body, request }) => createPoint(context, actor, body, baseUrlOf(request, publicUrl)));
  staffRoute(app, 'updateIntakePoint', { permission: 'petitions.configure' }, async ({ actor, params, body, request }) =>
    updatePoint(context, actor, params.id, body, baseUrlOf(request, publicUrl)),
  );
  staffRoute(app, 'listAnswerTemplates', {}, async ({ actor }) => {
    readOrConfigure(actor);
    return listTemplates(context);
  });
  staffRoute(app, 'createAnswerTemplate', { permission: 'petitions.configure' }, async ({ actor, body }) => createTemplate(context, actor, body));
  staffRoute(app, 'updateAnswerTemplate', { permission: 'petitions.configure' }, async ({ actor, params, body }) => updateTemplate(context, actor, params.id, body));

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
      const point = await findPoint(context, actor, params.id);
      const url = pointUrl(baseUrlOf(request, publicUrl), point.code);
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
