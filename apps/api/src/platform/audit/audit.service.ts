import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { AuditVerifyResult } from '@guantong/contracts';
import type { Clock } from '../clock.ts';
import type { Database, DbOrTx } from '../db/client.ts';
import { auditLog } from './audit.table.ts';
import { createGroupCommit } from '../db/group-commit.ts';

export const GENESIS_HASH = '0'.repeat(64);
// Any constant works; it only has to be the same for every process appending to the chain.
const AUDIT_CHAIN_LOCK = 72_010_001;

export interface AuditInput {
  actorId?: string | null;
  actorName?: string | null;
  organizationId?: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** JSON with object keys sorted at every depth, so that jsonb's own key order does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

// Dates and undefined do not survive jsonb; normalise before hashing so that what is stored is what was hashed.
function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Everything an entry's hash covers. */
export interface HashedFields {
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  organizationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  prevHash: string;
}

export function hashAuditEntry(entry: HashedFields): string {
  const content = canonicalJson({ ...entry, occurredAt: entry.occurredAt.toISOString() });
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the entry exists exactly when the change does.
 * Appends are serialised by a transaction-scoped advisory lock: the chain has one tip.
 */
export async function appendAudit(tx: DbOrTx, clock: Clock, input: AuditInput): Promise<void> {
  await appendAuditEntries(tx, clock, [input]);
}

/**
 * Appends several entries, in order, with one lock, one read of the tip and one insert: what a batch of public
 * submissions written together (group commit) costs the chain.
 */
export async function appendAuditEntries(tx: DbOrTx, clock: Clock, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [tip] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = tip?.hash ?? GENESIS_HASH;
  const occurredAt = clock.now();
  const rows = inputs.map((input) => {
    const fields: HashedFields = {
      occurredAt,
      actorId: input.actorId ?? null,
      actorName: input.actorName ?? null,
      organizationId: input.organizationId ?? null,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      before: toJsonValue(input.before),
      after: toJsonValue(input.after),
      reason: input.reason ?? null,
      prevHash,
    };
    const hash = hashAuditEntry(fields);
    prevHash = hash;
    return { ...fields, hash };
  });
  // One multi-row insert takes ids in the order of its rows, which is the chain's order.
  await tx.insert(auditLog).values(rows);
}

/** Recomputes every hash in chain order and reports the first entry whose content or link does not match. */
export async function verifyAuditChain(db: Database, batchSize = 5000): Promise<AuditVerifyResult> {
  let previousHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== previousHash) {
        return { ok: false, checked, firstBrokenId: row.id, reason: 'link to the previous entry does not match (entry removed or reordered)' };
      }
      const expected = hashAuditEntry({
        occurredAt: row.occurredAt,
        actorId: row.actorId,
        actorName: row.actorName,
        organizationId: row.organizationId,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        before: row.before,
        after: row.after,
        reason: row.reason,
        prevHash: row.prevHash,
      });
      if (expected !== row.hash) {
        return { ok: false, checked, firstBrokenId: row.id, reason: 'content does not match its hash (entry altered)' };
      }
      previousHash = row.hash;
      lastId = row.id;
      checked += 1;
    }
  }
  return { ok: true, checked, firstBrokenId: null, reason: null };
}

/**
 * Audit entries that stand alone (a read of sealed or need-to-know data, not a change): entries recorded at the
 * same moment share one transaction and one chain append (group commit), so busy read pages do not queue behind
 * each other on the chain's lock. The read answers only once its entry is committed.
 */
export function createAuditRecorder({ db, clock }: { db: Database; clock: Clock }) {
  const group = createGroupCommit(async (entries: AuditInput[]) => {
    await db.transaction((tx) => appendAuditEntries(tx, clock, entries));
    return entries.map(() => ({ ok: true as const, value: undefined }));
  });
  return { record: (entry: AuditInput): Promise<void> => group.submit(entry) };
}
export type AuditRecorder = ReturnType<typeof createAuditRecorder>;

/** The values a change replaces, field by field: the audit entry's `before` of an edit (`after` is the change itself). */
export function valuesBefore<Row extends object>(row: Row, changes: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(changes).map((key) => [key, (row as Record<string, unknown>)[key] ?? null]));
}
