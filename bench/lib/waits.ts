import pg from 'pg';

// The audit chain's advisory lock (AUDIT_CHAIN_LOCK in apps/api/src/platform/audit/audit.service.ts): a bigint key
// shows in pg_locks as classid = high 32 bits, objid = low 32 bits.
const AUDIT_CHAIN_LOCK = 72_010_001;

export interface WaitSummary {
  samples: number;
  intervalMs: number;
  /** Mean number of client backends of the database, by what they were doing. */
  meanBackends: { active: number; idleInTransaction: number; waitingForAuditLock: number; waitingForRowLock: number; idle: number };
  /** Share of samples in which some backend held the audit-chain lock, and what that holder was doing. */
  auditLockHeld: number;
  holder: Record<string, number>;
}

/**
 * Samples pg_stat_activity of one database from its own connection every `intervalMs` while a run goes on:
 * how many backends wait for the audit chain's lock, and what the backend holding it is doing (running a
 * statement, waiting for the WAL flush of its commit, or idle in transaction: waiting for its client to send
 * the next statement). PostgreSQL only; costs one small query per interval.
 */
export async function sampleWaits(databaseUrl: string, intervalMs = 20) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let running = true;
  let samples = 0;
  let lockHeld = 0;
  const totals = { active: 0, idleInTransaction: 0, waitingForAuditLock: 0, waitingForRowLock: 0, idle: 0 };
  const holder: Record<string, number> = {};
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ state: string | null; wait_type: string | null; wait_event: string | null; holds: boolean }>(
        `select a.state, a.wait_event_type as wait_type, a.wait_event,
                exists (select 1 from pg_locks l where l.pid = a.pid and l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objid = $1) as holds
           from pg_stat_activity a
          where a.datname = current_database() and a.pid <> pg_backend_pid() and a.backend_type = 'client backend'`,
        [AUDIT_CHAIN_LOCK],
      );
      samples += 1;
      for (const row of rows) {
        if (row.state === 'active') totals.active += 1;
        else if (row.state?.startsWith('idle in transaction')) totals.idleInTransaction += 1;
        else totals.idle += 1;
        if (row.wait_type === 'Lock' && row.wait_event === 'advisory') totals.waitingForAuditLock += 1;
        // Waiting for another transaction's row lock (e.g. a serial counter being incremented).
        if (row.wait_type === 'Lock' && (row.wait_event === 'transactionid' || row.wait_event === 'tuple')) totals.waitingForRowLock += 1;
        if (row.holds) {
          lockHeld += 1;
          const doing = row.state === 'active' ? (row.wait_event ? `active, waiting on ${row.wait_type}/${row.wait_event}` : 'active, running') : `${row.state}`;
          holder[doing] = (holder[doing] ?? 0) + 1;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop(): Promise<WaitSummary> {
      running = false;
      await loop;
      await client.end();
      const mean = (value: number) => Math.round((100 * value) / Math.max(1, samples)) / 100;
      const heldSamples = Math.max(1, lockHeld);
      return {
        samples,
        intervalMs,
        meanBackends: {
          active: mean(totals.active),
          idleInTransaction: mean(totals.idleInTransaction),
          waitingForAuditLock: mean(totals.waitingForAuditLock),
          waitingForRowLock: mean(totals.waitingForRowLock),
          idle: mean(totals.idle),
        },
        auditLockHeld: mean(lockHeld),
        holder: Object.fromEntries(Object.entries(holder).sort((a, b) => b[1] - a[1]).map(([doing, n]) => [doing, Math.round((100 * n) / heldSamples) / 100])),
      };
    },
  };
}

export function describeWaits(summary: WaitSummary): string {
  const backends = summary.meanBackends;
  return (
    `backends on average: ${backends.active} active (${backends.waitingForAuditLock} of them waiting for the audit-chain lock` +
    (backends.waitingForRowLock > 0 ? `, ${backends.waitingForRowLock} for a row lock` : '') +
    `), ${backends.idleInTransaction} idle in transaction; ` +
    `the lock was held in ${Math.round(summary.auditLockHeld * 100)} % of ${summary.samples} samples, its holder: ` +
    Object.entries(summary.holder)
      .map(([doing, share]) => `${doing} ${Math.round(share * 100)} %`)
      .join(', ')
  );
}
