import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { sweepOrphanFiles } from '../../platform/files/orphans.ts';
import { filesRoutes } from './files.routes.ts';

/** Uploads and downloads of attachments; who may read one is the owning module's attachment policy. */
export function filesModule(platform: Platform) {
  const { db, files, clock } = platform;
  return defineModule({
    name: 'files',
    routes: (app, application) => filesRoutes(app, platform, application.attachmentPolicy),
    // Bytes a crashed submission left without a row; an hour is far longer than any upload takes.
    jobs: [{ name: 'files.sweep-orphans', everyMs: 3600_000, run: () => sweepOrphanFiles(db, files, { now: clock.now(), minAgeMs: 3600_000 }) }],
  });
}
