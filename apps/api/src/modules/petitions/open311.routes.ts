import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Config } from '../../config.ts';
import { submitPublic } from './intake.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { bodyIdOf } from './petitions.repository.ts';
import { statusesByReceipt } from './public-tracking.ts';
import { listCategories } from './settings.ts';

// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): a 12345 hotline system or any Open311 client
// files and follows reports. Responses carry status only: never the content, the place or who reported (P1, P2).
const BASE = '/api/open311/v2';

const PostRequestSchema = z.object({
  api_key: z.string().min(1),
  jurisdiction_id: z.string().min(1).max(60).describe('Code or id of the receiving body, e.g. qy-jw'),
  service_code: z.string().min(1).max(40),
  description: z.string().trim().min(10).max(10_000),
  address_string: z.string().trim().max(100).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  first_name: z.string().trim().max(20).optional(),
  last_name: z.string().trim().max(20).optional(),
  phone: z.string().trim().max(20).optional(),
  email: z.string().trim().max(100).optional(),
  device_id: z.string().optional(),
  account_id: z.string().optional(),
  media_url: z.string().optional(),
});


function open311Error(reply: FastifyReply, status: number, description: string) {
  return reply.status(status).send([{ code: status, description }]);
}

/** A POST requests.json body as a report (Open311's fields in the portal's words); the api key is checked before. */
async function fileReport(context: PetitionsContext, input: z.infer<typeof PostRequestSchema>, receivingOrganizationId: string) {
  const name = [input.last_name, input.first_name].filter(Boolean).join('');
  const realName = Boolean(name && input.phone);
  const location = input.address_string ?? (input.lat !== undefined && input.long !== undefined ? `${input.lat},${input.long}` : null);
  const receipt = await submitPublic(
    context,
    {
      submissionType: 'accusation',
      categoryKey: input.service_code,
      title: input.description.slice(0, 30),
      content: input.description,
      occurredPlace: location,
      receivingOrganizationId,
      anonymous: !realName,
      reporter: realName ? { name, phone: input.phone!, ...(input.email ? { email: input.email } : {}) } : null,
      challenge: '',
    },
    [],
    { source: 'open311', skipHumanCheck: true },
  );
  return [{ service_request_id: receipt.receiptCode, service_notice: `查询码 ${receipt.secret}（请转告反映人妥善保存）`, account_id: null }];
}

/** Where reports stand, in Open311's words: status only, never the content, the place or who reported. */
async function describe(context: PetitionsContext, codes: string[]) {
  const statuses = await statusesByReceipt(context, codes);
  return statuses.map((entry) => ({
    service_request_id: entry.receiptCode,
    status: entry.open ? 'open' : 'closed',
    service_code: entry.categoryKey,
    requested_datetime: entry.receivedAt.toISOString(),
    updated_datetime: entry.updatedAt.toISOString(),
    // The body handling it now, the same one the reporter's own tracking page names.
    agency_responsible: entry.organizationName,
  }));
}

function open311Scope(scope: FastifyInstance, context: PetitionsContext, keyValid: (given: string) => boolean) {
  scope.setErrorHandler((error, _request, reply) => {
    if (error instanceof AppError) return open311Error(reply, error.code === 'NOT_FOUND' ? 404 : 400, error.code);
    if ((error as { statusCode?: number }).statusCode === 429) return open311Error(reply, 429, 'RATE_LIMITED');
    scope.log.error(error);
    return open311Error(reply, 500, 'INTERNAL_ERROR');
  });

  scope.get(`${BASE}/services.json`, { schema: { tags: ['Open311'], summary: 'Service list: the report categories' } }, async () => {
    const categories = await listCategories(context, true);
    return categories.map((category) => ({
      service_code: category.key,
      service_name: category.label.zhCN,
      description: category.label.en,
      metadata: false,
      type: 'realtime',
      keywords: '',
      group: '信访举报',
    }));
  });

  scope.post(
    `${BASE}/requests.json`,
    {
      config: { rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: { tags: ['Open311'], summary: 'File a report (form-encoded or JSON; api_key required)', security: [] },
    },
    async (request, reply) => {
      const parsed = PostRequestSchema.safeParse(request.body ?? {});
      if (!parsed.success) return open311Error(reply, 400, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      const input = parsed.data;
      if (!keyValid(input.api_key)) return open311Error(reply, 403, 'invalid api_key');
      const jurisdiction = input.jurisdiction_id;
      const bodyId = await bodyIdOf(context.db, z.uuid().safeParse(jurisdiction).success ? { id: jurisdiction } : { code: jurisdiction });
      if (!bodyId) return open311Error(reply, 404, 'unknown jurisdiction_id');
      return fileReport(context, input, bodyId);
    },
  );

  scope.get(`${BASE}/requests.json`, { schema: { tags: ['Open311'], summary: 'Status of reports by service_request_id (comma-separated)' } }, async (request, reply) => {
    const query = z.object({ service_request_id: z.string().max(2000).optional() }).safeParse(request.query);
    if (!query.success || !query.data.service_request_id) return open311Error(reply, 400, 'service_request_id is required: reports are not listed publicly');
    return describe(context, query.data.service_request_id.split(',').map((code) => code.trim().toUpperCase()).filter(Boolean).slice(0, 50));
  });

  scope.get(`${BASE}/requests/:id.json`, { schema: { tags: ['Open311'], summary: 'Status of one report' } }, async (request, reply) => {
    const { id } = z.object({ id: z.string().max(30) }).parse(request.params);
    const found = await describe(context, [id.toUpperCase()]);
    if (found.length === 0) return open311Error(reply, 404, 'not found');
    return found;
  });
}

export function open311Routes(app: FastifyInstance, context: PetitionsContext, config: Pick<Config, 'publicIntake'>) {
  const keys = config.publicIntake.open311ApiKeys.map((key) => Buffer.from(key));
  const keyValid = (given: string) => keys.some((key) => key.length === Buffer.byteLength(given) && timingSafeEqual(key, Buffer.from(given)));
  // Open311 clients post form-encoded bodies; only this scope accepts them.
  return app.register(async (scope) => {
    await scope.register(fastifyFormbody);
    open311Scope(scope, context, keyValid);
  });
}
