import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler } from 'fastify-type-provider-zod';
import { errorMessages, localize } from '@guantong/contracts';
import type { Platform } from './platform/platform.ts';
import { authPlugin } from './platform/auth/auth.plugin.ts';
import { registerErrorHandler } from './platform/http/error-handler.ts';
import { registerWebApps } from './platform/http/web.ts';
import { appVersion } from './version.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createOrganizationsService } from './modules/organizations/organizations.service.ts';
import { organizationsRoutes } from './modules/organizations/organizations.routes.ts';
import { createUsersService } from './modules/users/users.service.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { filesRoutes } from './modules/files/files.routes.ts';
import { workflowsRoutes } from './modules/workflows/workflows.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { createPetitionsService } from './modules/petitions/petitions.service.ts';
import { createPetitionSettingsService } from './modules/petitions/petition-settings.service.ts';
import { petitionsRoutes } from './modules/petitions/petitions.routes.ts';
import { open311Routes } from './modules/petitions/open311.routes.ts';
import { createCluesService } from './modules/clues/clues.service.ts';
import { cluesRoutes } from './modules/clues/clues.routes.ts';
import { createCasesService } from './modules/cases/cases.service.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { createCaseQualityService } from './modules/cases/case-quality.service.ts';
import { createClueScreeningsService } from './modules/clues/clue-screenings.service.ts';
import { sweepOrphanFiles } from './platform/files/orphans.ts';

/** The whole HTTP application: plugins first, then every module, in reading order. */
export async function buildApp(platform: Platform): Promise<FastifyInstance> {
  const { config } = platform;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });

  // Requests are parsed with zod inside each route, in the user's language; fastify only serialises responses.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.files.maxBytes, files: 1, fields: 20 } });
  await app.register(fastifyRateLimit, {
    max: config.rateLimit.perMinute,
    timeWindow: 60_000,
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (request, context) => ({
      statusCode: context.statusCode,
      code: 'RATE_LIMITED',
      message: localize(errorMessages.RATE_LIMITED, request.locale ?? 'zh-CN'),
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Guantong 贯通 API', version: appVersion, description: 'Joined-up public oversight platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gt_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { sessions: platform.sessions });

  const web = await registerWebApps(app, config.webRoot);
  registerErrorHandler(app, web.fallback);

  await app.register(async (api) => {
    healthRoutes(api, platform);
    authRoutes(api, createAuthService(platform), config);
    organizationsRoutes(api, createOrganizationsService(platform));
    usersRoutes(api, createUsersService(platform));
    calendarRoutes(api, platform);
    workflowsRoutes(api, platform);
    notificationsRoutes(api, platform);
    auditRoutes(api, platform);
    filesRoutes(api, platform);
    const cases = createCasesService(platform);
    // A clue approved for filing becomes a case.
    const clues = createCluesService(platform, { caseFiling: cases.caseFiling });
    // "Convert to clue" on a report hands it to the clue ledger.
    const petitions = createPetitionsService(platform, { humanCheck: platform.humanCheck, clueIntake: clues.clueIntake });
    const petitionSettings = createPetitionSettingsService(platform);
    petitionsRoutes(api, { service: petitions, settings: petitionSettings, humanCheck: platform.humanCheck, platform });
    open311Routes(api, { service: petitions, settings: petitionSettings, platform });
    cluesRoutes(api, { service: clues, screenings: createClueScreeningsService(platform, { clues }) });
    casesRoutes(api, { service: cases, clues, documents: platform.documents, documentTemplates: platform.documentTemplates, quality: createCaseQualityService(platform, { cases }) });
    api.get('/api/openapi.json', { schema: { hide: true } }, async () => api.swagger());
  });

  return app;
}

/** Reminders, escalations and housekeeping, run by the DB-backed scheduler. */
export function registerJobs(platform: Platform): void {
  const { scheduler, deadlines, sessions, humanCheck, db, files, clock } = platform;
  scheduler.register('deadlines.sweep', async () => {
    await deadlines.sweep();
  });
  scheduler.register('sessions.purge', () => sessions.purgeExpired());
  scheduler.register('public-intake.purge-challenges', () => humanCheck.purgeExpired(db));
  // Bytes a crashed submission left without a row; an hour is far longer than any upload takes.
  scheduler.register('files.sweep-orphans', async () => {
    await sweepOrphanFiles(db, files, { now: clock.now(), minAgeMs: 3600_000 });
  });
  scheduler.every('deadlines.sweep', 60_000);
  scheduler.every('public-intake.purge-challenges', 3600_000);
  scheduler.every('files.sweep-orphans', 3600_000);
  scheduler.every('sessions.purge', 3600_000);
}
