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
import { attachDeadlineMirrors, composeModules, registerModuleJobs, registerModuleRoutes, type ComposedApplication } from './platform/module/compose-modules.ts';
import type { ModuleDefinition } from './platform/module/module-definition.ts';
import { healthModule } from './modules/health/index.ts';
import { authModule } from './modules/auth/index.ts';
import { organizationsModule } from './modules/organizations/index.ts';
import { usersModule } from './modules/users/index.ts';
import { calendarModule } from './modules/calendar/index.ts';
import { workflowsModule } from './modules/workflows/index.ts';
import { notificationsModule } from './modules/notifications/index.ts';
import { auditModule } from './modules/audit/index.ts';
import { filesModule } from './modules/files/index.ts';
import { petitionsModule } from './modules/petitions/index.ts';
import { cluesModule } from './modules/clues/index.ts';
import { casesModule } from './modules/cases/index.ts';

/**
 * Every module of the application, in the order their routes are registered (and the OpenAPI document lists them).
 * A module that needs another's hook gets it from that module's `exports`: cases are filed from the clue ledger's
 * approvals, and "convert to clue" on a report hands it to the clue ledger.
 */
export function createModules(platform: Platform) {
  const cases = casesModule(platform);
  const clues = cluesModule(platform, { caseFiling: cases.exports.caseFiling });
  const petitions = petitionsModule(platform, { clueIntake: clues.exports.clueIntake });
  const list: ModuleDefinition[] = [
    healthModule(platform),
    authModule(platform),
    organizationsModule(platform),
    usersModule(platform),
    calendarModule(platform),
    workflowsModule(platform),
    notificationsModule(platform),
    auditModule(platform),
    filesModule(platform),
    petitions,
    clues,
    cases,
  ];
  // The feature modules by name, typed, for what drives them from outside HTTP (the demo seed, the benches).
  return { list, features: { petitions, clues, cases } };
}

/** The composed application, with the feature modules' typed exports. */
export interface Application extends ComposedApplication {
  features: ReturnType<typeof createModules>['features'];
}

/** The modules put together for one platform; `extraModules` (tests) join the list. */
export function composeApplication(platform: Platform, extraModules: readonly ModuleDefinition[] = []): Application {
  const { list, features } = createModules(platform);
  const application = Object.freeze({ ...composeModules([...list, ...extraModules]), features });
  attachDeadlineMirrors(platform.deadlines, application);
  return application;
}

/** The whole HTTP application: plugins first, then every module, in reading order. */
export async function buildApp(platform: Platform, application: ComposedApplication = composeApplication(platform)): Promise<FastifyInstance> {
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
    await registerModuleRoutes(api, application);
    api.get('/api/openapi.json', { schema: { hide: true } }, async () => api.swagger());
  });

  return app;
}

/** Reminders, escalations and housekeeping: every module's jobs, run by the DB-backed scheduler. */
export function registerJobs(platform: Platform, application: ComposedApplication = composeApplication(platform)): void {
  registerModuleJobs(platform.scheduler, application);
}
