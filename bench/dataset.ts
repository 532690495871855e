/**
 * npm run bench:dataset -- --petitions N [--database-url postgres://…] [--data-dir DIR]
 *
 * Fills a database with N generated reports (信访举报), the data set `npm run bench:petitions` measures the work
 * queue and search on (bench/lib/petition-dataset.ts). The database is the one the API would open with the same
 * environment (DATABASE_URL, else PGlite under DATA_DIR, default ./data), or the one the flags name; it is migrated
 * and seeded like at API start-up, and must hold the demo city (清源市), over whose bodies the reports are spread.
 * Real-name reporters are sealed with that database's key (SEAL_KEY, else DATA_DIR/sealing.key), as the API would.
 * Stop the API first when the database is PGlite (one process at a time).
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../apps/api/src/config.ts';
import { bootstrap } from '../apps/api/src/bootstrap.ts';
import { systemClock } from '../apps/api/src/platform/clock.ts';
import { acquireDataDirLock } from '../apps/api/src/platform/db/data-dir-lock.ts';
import { generatePetitions } from './lib/petition-dataset.ts';
import { log, positiveInt } from './lib/settings.ts';

const { values: flags } = parseArgs({
  options: { petitions: { type: 'string' }, 'database-url': { type: 'string' }, 'data-dir': { type: 'string' }, seed: { type: 'string' } },
});
if (!flags.petitions) {
  console.error('usage: npm run bench:dataset -- --petitions N [--database-url postgres://…] [--data-dir DIR] [--seed N]');
  process.exit(2);
}
const count = positiveInt(flags.petitions, 0, '--petitions');
const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', SCHEDULER: 'false' };
if (flags['database-url']) env.DATABASE_URL = flags['database-url'];
if (flags['data-dir']) env.DATA_DIR = flags['data-dir'];
const config = loadConfig(env);

const where = config.database.kind === 'postgres' ? new URL(config.database.url).pathname.slice(1) + ` on ${new URL(config.database.url).host}` : config.database.dir;
log(`filling ${config.database.kind} database ${where} with ${count} generated reports`);
const unlock = config.database.kind === 'pglite' ? acquireDataDirLock(config.dataDir) : () => {};
const started = performance.now();
try {
  const { platform } = await bootstrap({ config, clock: systemClock, logger: { info: (_object, message) => log(`    ${message}`), error: (object, message) => console.error(message, object) } });
  try {
    const result = await generatePetitions(platform.database, { count, sealer: platform.sealer, log, seed: flags.seed ? positiveInt(flags.seed, 1, '--seed') : undefined });
    const [{ total }] = await platform.database.query<{ total: string | number }>('select count(*) as total from petitions');
    log(`${count} reports (${result.transfers} transferred in) inserted in ${result.seconds.insert.toFixed(1)} s, vacuum analyze ${result.seconds.vacuumAnalyze.toFixed(1)} s; the table now holds ${total}`);
    log(`by status: ${Object.entries(result.byStatus).sort((a, b) => b[1] - a[1]).map(([status, n]) => `${status} ${n}`).join(', ')}`);
    log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await platform.database.close();
  }
} finally {
  unlock();
}
