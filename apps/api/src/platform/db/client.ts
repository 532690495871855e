import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';

// Both drivers share drizzle's PgDatabase base; code is written once against it. Queries name their tables
// (the relational query API is not used), so the database type carries no schema and the platform needs no module's tables.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Database = PgDatabase<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Transaction = PgTransaction<any, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
export type DbOrTx = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Runs raw SQL outside drizzle (migrations of test fixtures, benchmarks). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'pglite'; dir?: string }
  | { kind: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'pglite') {
    // No dir = in-memory, used by tests.
    const client = await PGlite.create(options.dir ? { dataDir: options.dir, extensions: { pg_trgm } } : { extensions: { pg_trgm } });
    const db = drizzlePglite({ client, casing: 'snake_case' }) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  // A dropped idle connection must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePostgres({ client: pool, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
    close: () => pool.end(),
  };
}

/** Rows of a raw `db.execute(sql)`; both drivers answer with `{ rows }`. */
export async function executeRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
