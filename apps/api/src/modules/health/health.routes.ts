import type { FastifyInstance } from 'fastify';
import { publicRoute } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/platform.ts';
import { appVersion } from '../../version.ts';

export function healthRoutes(app: FastifyInstance, { database }: Pick<Platform, 'database'>): void {
  publicRoute(app, 'health', async () => {
    // A round trip proves the database answers, not just that the process is up.
    await database.query('select 1');
    return { status: 'ok' as const, database: database.kind, version: appVersion };
  });
}
