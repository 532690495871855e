import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EndpointName, EndpointRequest, EndpointResponse, Endpoints, Locale, Permission } from '@guantong/contracts';
import { endpoints } from '@guantong/contracts';
import { AppError } from '../errors.ts';
import type { Actor } from '../auth/actor.ts';

const localeErrorMaps = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError } as const;

export interface RouteContext<N extends EndpointName> extends EndpointRequest<N> {
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface AuthedRouteContext<N extends EndpointName> extends RouteContext<N> {
  actor: Actor;
}

/** Parses one part of the request in the user's language, collecting every problem. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, location: string, locale: Locale): z.output<T> {
  const result = schema.safeParse(input, { error: (issue) => localeErrorMaps[locale](issue) });
  if (result.success) return result.data;
  throw new AppError(
    'VALIDATION_FAILED',
    result.error.issues.map((issue) => ({ path: [location, ...issue.path.map(String)].join('.'), message: issue.message })),
  );
}

function parseRequest(endpoint: Endpoints[EndpointName], request: FastifyRequest) {
  const spec = endpoint as { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  return {
    params: spec.params ? parseInput(spec.params, request.params, 'params', request.locale) : undefined,
    query: spec.query ? parseInput(spec.query, request.query, 'query', request.locale) : undefined,
    body: spec.body ? parseInput(spec.body, request.body ?? {}, 'body', request.locale) : undefined,
  };
}

function schemaOf(endpoint: Endpoints[EndpointName]) {
  const spec = endpoint as { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType; response: z.ZodType };
  return {
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { querystring: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    response: { 200: spec.response },
  };
}

/** A public route: schema from the contract, no session needed. */
export function publicRoute<N extends EndpointName>(
  app: FastifyInstance,
  name: N,
  handler: (context: RouteContext<N>) => Promise<EndpointResponse<N>>,
  options: { rateLimit?: { max: number; timeWindow: number } } = {},
): void {
  registerEndpoint(app, name, options.rateLimit ? { rateLimit: options.rateLimit } : undefined, async (request, reply, parse) =>
    handler({ ...parse(), request, reply }),
  );
}

/**
 * A staff route: schema from the contract, a live session, the CSRF token on state changes,
 * and the permission if one is named. The handler then calls the service and presents the result.
 */
export function staffRoute<N extends EndpointName>(
  app: FastifyInstance,
  name: N,
  options: { permission?: Permission },
  handler: (context: AuthedRouteContext<N>) => Promise<EndpointResponse<N>>,
): void {
  registerEndpoint(app, name, undefined, async (request, reply, parse) => {
    // Session and permission first: a caller who may not use the route learns nothing about its input.
    const actor = requireActor(request);
    if (options.permission && !actor.permissions.includes(options.permission)) throw new AppError('FORBIDDEN');
    return handler({ ...parse(), request, reply, actor });
  });
}

/** Method, path and OpenAPI schema from the contract; the handler parses the input when it is ready to. */
function registerEndpoint<N extends EndpointName>(
  app: FastifyInstance,
  name: N,
  config: Record<string, unknown> | undefined,
  handler: (request: FastifyRequest, reply: FastifyReply, parse: () => EndpointRequest<N>) => Promise<EndpointResponse<N>>,
): void {
  const endpoint = endpoints[name];
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: schemaOf(endpoint),
    ...(config ? { config } : {}),
    handler: async (request, reply) => handler(request, reply, () => parseRequest(endpoint, request) as EndpointRequest<N>),
  });
}

/** The request's actor, or the reason there is none; checks CSRF on state-changing methods. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
    throw new AppError('CSRF_TOKEN_INVALID');
  }
  return request.actor;
}
