import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built staff console under /admin/ and the public portal at /.
 * Unknown non-API paths fall back to each app's index.html (client-side routing).
 */
export async function registerWebApps(app: FastifyInstance, webRoot: string): Promise<{ fallback(url: string): string | null }> {
  const adminDist = path.join(webRoot, 'admin', 'dist');
  const portalDist = path.join(webRoot, 'portal', 'dist');
  const hasAdmin = fs.existsSync(path.join(adminDist, 'index.html'));
  const hasPortal = fs.existsSync(path.join(portalDist, 'index.html'));
  if (hasAdmin) await app.register(fastifyStatic, { root: adminDist, prefix: '/admin/', decorateReply: true, wildcard: false });
  if (hasPortal) await app.register(fastifyStatic, { root: portalDist, prefix: '/', decorateReply: !hasAdmin, wildcard: false });
  app.get('/admin', { schema: { hide: true } }, (_request, reply) => reply.redirect('/admin/'));
  return {
    fallback(url) {
      if (url.startsWith('/api')) return null;
      if (url === '/admin' || url.startsWith('/admin/')) return hasAdmin ? path.join(adminDist, 'index.html') : null;
      return hasPortal ? path.join(portalDist, 'index.html') : null;
    },
  };
}
