import { ConfigError, loadConfig, type Config } from './config.ts';
import { buildApp, registerJobs } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { systemClock } from './platform/clock.ts';
import { acquireDataDirLock } from './platform/db/data-dir-lock.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

// PGlite belongs to one process; PostgreSQL needs no lock.
let releaseLock = () => {};
if (config.database.kind === 'pglite') {
  try {
    releaseLock = acquireDataDirLock(config.dataDir);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
const startupLogger = {
  info: (_object: object, message?: string) => console.log(message),
  error: (object: object, message?: string) => console.error(message, object),
};
const { platform, application } = await bootstrap({ config, clock: systemClock, logger: startupLogger });
const app = await buildApp(platform, application);
registerJobs(platform, application);
if (config.scheduler.enabled) platform.scheduler.start();

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await platform.scheduler.stop();
  await app.close();
  await platform.database.close();
  releaseLock();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(`Guantong on http://localhost:${config.port}/ (staff console /admin/, API docs /api/docs, database ${platform.database.kind})`);
