import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { testConfig } from '../src/config.ts';
import { createFakeClock, systemClock, type FakeClock } from '../src/platform/clock.ts';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { createPlatform, type Platform } from '../src/platform/platform.ts';
import { seedCalendar } from '../src/seed/calendar.seed.ts';
import { seedDemoData } from '../src/seed/demo.seed.ts';
import { seedPetitionDefaults } from '../src/seed/petition-categories.seed.ts';

/** Set to a PostgreSQL URL (any database on the server) to run the suite against PostgreSQL instead of PGlite. */
export const testDatabaseUrl = process.env.GUANTONG_TEST_DATABASE_URL;

/** A migrated database (or, `migrate: false`, an empty one): in-memory PGlite, or a fresh PostgreSQL database that is dropped on close. */
export async function openTestDatabase({ migrate = true }: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  if (!testDatabaseUrl) {
    const handle = await openDatabase({ kind: 'pglite' });
    if (migrate) await migrateDatabase(handle);
    return handle;
  }
  const name = `gt_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = await openDatabase({ kind: 'postgres', url: testDatabaseUrl, poolSize: 1 });
  await admin.query(`create database ${name}`);
  await admin.close();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
  if (migrate) await migrateDatabase(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = await openDatabase({ kind: 'postgres', url: testDatabaseUrl, poolSize: 1 });
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.close();
    },
  };
}

export interface TestPlatform extends Platform {
  clock: FakeClock;
  dataDir: string;
  close(): Promise<void>;
}

/** A platform on a fresh database with the calendar and (by default) the demo city, and a fake clock. */
export async function createTestPlatform(
  options: { demo?: boolean; now?: string; realClock?: boolean; env?: Record<string, string> } = {},
): Promise<TestPlatform> {
  const database = await openTestDatabase();
  await seedCalendar(database.db);
  await seedPetitionDefaults(database.db);
  if (options.demo !== false) await seedDemoData(database.db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guantong-test-'));
  const fake = createFakeClock(options.now ?? '2026-11-23T09:00:00+08:00');
  // Browser tests run against real time; everything else gets a clock the test moves.
  const clock: FakeClock = options.realClock ? { ...fake, now: () => systemClock.now() } : fake;
  const config = testConfig({ DATA_DIR: dataDir, ...options.env });
  const platform = createPlatform({ database, clock, config });
  return {
    ...platform,
    clock,
    dataDir,
    async close() {
      await platform.scheduler.stop();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
