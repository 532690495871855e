import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../apps/api/src/platform/db/client.ts';
import { acquireDataDirLock } from '../../apps/api/src/platform/db/data-dir-lock.ts';
import { cleanups, runCleanups, wasInterrupted } from './lifecycle.ts';
import { log } from './settings.ts';

export type Kind = 'pglite' | 'postgres';

export interface DatabaseTarget {
  kind: Kind;
  /** Opens the prepared database in this process (only while the API is not running, for PGlite). */
  open(): Promise<{ handle: DatabaseHandle; release(): Promise<void> }>;
  serverEnv: { dataDir: string; databaseUrl?: string };
}

/** A new temporary PGlite data directory, removed at cleanup. */
export async function pgliteTarget(): Promise<DatabaseTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gt-bench-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  return {
    kind: 'pglite',
    serverEnv: { dataDir },
    async open() {
      const unlock = acquireDataDirLock(dataDir);
      const handle = await openDatabase({ kind: 'pglite', dir: path.join(dataDir, 'pglite') });
      return {
        handle,
        release: async () => {
          await handle.close();
          unlock();
        },
      };
    },
  };
}

/** A new scratch database `gt_bench_<random>` on the local PostgreSQL server, dropped at cleanup. */
export async function postgresTarget(adminUrl: string, log: (line: string) => void): Promise<DatabaseTarget> {
  const name = `gt_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL not reachable at ${adminUrl} (${(error as Error).message}).\n` +
        'Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), set BENCH_PG_URL, or pass --pglite-only.',
    );
  }
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    // BENCH_KEEP_DATABASE=1 leaves the data set behind, to study a plan with psql afterwards (drop it by hand).
    if (process.env.BENCH_KEEP_DATABASE) return log(`kept database ${name} (BENCH_KEEP_DATABASE)`);
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    try {
      await dropper.query(`drop database if exists ${name} with (force)`);
      log(`dropped database ${name}`);
    } finally {
      await dropper.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gt-bench-pg-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  log(`created database ${name}`);
  return {
    kind: 'postgres',
    serverEnv: { dataDir, databaseUrl },
    async open() {
      // The same pool size as the API's default (DATABASE_POOL_SIZE=10).
      const handle = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 10 });
      return { handle, release: () => handle.close() };
    },
  };
}

/**
 * Runs one benchmark per database kind in turn, cleaning up after each; says on stderr what failed.
 * Figures only mean something on an otherwise idle machine, so a busy start is noted.
 */
export async function benchEachDatabase<R>(
  kinds: readonly Kind[],
  postgresAdminUrl: string,
  benchDatabase: (target: DatabaseTarget) => Promise<R>,
): Promise<{ startedAt: Date; loadAtStart: number; reports: Partial<Record<Kind, R>>; failed: boolean }> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0];
  if (loadAtStart > 0.5) log(`note: 1-minute load average is ${loadAtStart.toFixed(2)} at start; other work on this machine will lower the figures`);
  const reports: Partial<Record<Kind, R>> = {};
  let failed = false;
  try {
    for (const kind of kinds) {
      if (wasInterrupted()) break;
      const target = kind === 'pglite' ? await pgliteTarget() : await postgresTarget(postgresAdminUrl, log);
      reports[kind] = await benchDatabase(target);
      await runCleanups();
    }
  } catch (error) {
    failed = true;
    if (!wasInterrupted()) {
      console.error('\nbenchmark failed:', error instanceof Error ? (error.stack ?? error.message) : error);
      // drizzle wraps the database's error; that one says what went wrong.
      if (error instanceof Error && error.cause) console.error('caused by:', error.cause instanceof Error ? error.cause.message : error.cause);
    }
  } finally {
    await runCleanups();
  }
  if (wasInterrupted()) await new Promise(() => {}); // the signal handler exits once cleanup is done
  return { startedAt, loadAtStart, reports, failed };
}
