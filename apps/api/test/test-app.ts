import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../src/seed/demo.seed.ts';
import { buildApp, composeApplication, type Application } from '../src/app.ts';
import type { ModuleDefinition } from '../src/platform/module/module-definition.ts';
import { createTestPlatform, type TestPlatform } from './test-platform.ts';

export interface TestClient {
  cookie: string;
  csrfToken: string;
  userId: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  platform: TestPlatform;
  /** The composed modules (to drive a module's use cases or read what the modules declare). */
  application: Application;
  /** Signs in a demo account (password DEMO_PASSWORD) and returns a client that sends its cookie and CSRF token. */
  login(username: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'gt_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `gt_session=${cookie.value}`;
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string, userId: string): TestClient {
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } });
  return {
    cookie,
    csrfToken,
    userId,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

export async function createTestApp(options: Parameters<typeof createTestPlatform>[0] & { extraModules?: ModuleDefinition[] } = {}): Promise<TestApp> {
  const { extraModules, ...platformOptions } = options;
  const platform = await createTestPlatform(platformOptions);
  const application = composeApplication(platform, extraModules);
  const app = await buildApp(platform, application);
  await app.ready();
  return {
    app,
    platform,
    application,
    async login(username, password = DEMO_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      const body = response.json() as { status: string; session: { csrfToken: string; user: { id: string } } };
      if (body.status !== 'ok') throw new Error(`login ${username}: ${body.status}`);
      return clientFor(app, sessionCookieOf(response), body.session.csrfToken, body.session.user.id);
    },
    async close() {
      await app.close();
      await platform.close();
    },
  };
}
