/**
 * One API start-up, step by step, in its own process: `node --import tsx bench/lib/startup-pieces.ts` with DATA_DIR and
 * PORT set. It runs what apps/api/src/server.ts and bootstrap.ts run, in the same order, timing each step, then stops
 * the way server.ts does on SIGTERM, and prints the timings as one JSON line (the last line of its output).
 * Used by `npm run bench:startup` (the `pieces` scenario); keep it in step with server.ts and bootstrap.ts.
 */
import { performance } from 'node:perf_hooks';

// Node start-up plus tsx registering its loader (--import tsx), before this module's first line.
const atProbe = performance.now();
const steps: { step: string; ms: number }[] = [];
let mark = atProbe;
const took = (step: string) => {
  const now = performance.now();
  steps.push({ step, ms: now - mark });
  mark = now;
};

// The modules server.ts and bootstrap.ts import (tsx compiles them, or takes them from its cache).
const { loadConfig } = await import('../../apps/api/src/config.ts');
const { buildApp, composeApplication, registerJobs } = await import('../../apps/api/src/app.ts');
await import('../../apps/api/src/bootstrap.ts');
const { systemClock } = await import('../../apps/api/src/platform/clock.ts');
const { acquireDataDirLock } = await import('../../apps/api/src/platform/db/data-dir-lock.ts');
const { openDatabase } = await import('../../apps/api/src/platform/db/client.ts');
const { migrateDatabase } = await import('../../apps/api/src/platform/db/migrate.ts');
const { createPlatform } = await import('../../apps/api/src/platform/platform.ts');
const { seedCalendar } = await import('../../apps/api/src/seed/calendar.seed.ts');
const { seedDemoData } = await import('../../apps/api/src/seed/demo.seed.ts');
const { seedDemoCasework } = await import('../../apps/api/src/seed/demo-casework.seed.ts');
const { seedPetitionDefaults } = await import('../../apps/api/src/seed/petition-categories.seed.ts');
took('import API modules');

const config = loadConfig();
if (config.database.kind !== 'pglite') throw new Error('startup-pieces measures the embedded database; unset DATABASE_URL');
const releaseLock = acquireDataDirLock(config.dataDir);
took('config and data-dir lock');
const database = await openDatabase(config.database);
took('PGlite open');
await migrateDatabase(database);
took('migrations check');
await seedCalendar(database.db);
took('seed: calendar');
await seedPetitionDefaults(database.db);
took('seed: petition categories');
const demoCreated = config.seedDemo && (await seedDemoData(database.db));
took(demoCreated ? 'seed: demo city (created)' : 'seed: demo city check');
const platform = createPlatform({ database, clock: systemClock, config });
const application = composeApplication(platform);
took('create platform, compose the modules');
if (demoCreated && config.seedDemoCasework) {
  await seedDemoCasework(platform, application);
  took('seed: demo clues and cases (created)');
}
const app = await buildApp(platform, application);
took('build Fastify app (ready)');
registerJobs(platform, application);
if (config.scheduler.enabled) platform.scheduler.start();
took('jobs and scheduler');
await app.listen({ port: config.port, host: config.host });
took('listen');
const response = await fetch(`http://127.0.0.1:${config.port}/api/health`);
if (!response.ok) throw new Error(`GET /api/health answered ${response.status}`);
took('first GET /api/health');
const healthyAt = performance.now();

await platform.scheduler.stop();
await app.close();
await database.close();
releaseLock();
took('shutdown');

console.log(JSON.stringify({ atProbeMs: atProbe, healthyAtMs: healthyAt, demoCreated, steps }));
process.exit(0);
