// Recomputes the audit hash chain of the configured database (DATABASE_URL or the PGlite in DATA_DIR).
import { loadConfig } from '../src/config.ts';
import { verifyAuditChain } from '../src/platform/audit/audit.service.ts';
import { acquireDataDirLock } from '../src/platform/db/data-dir-lock.ts';
import { openDatabase } from '../src/platform/db/client.ts';

const config = loadConfig();
const release = config.database.kind === 'pglite' ? acquireDataDirLock(config.dataDir) : () => {};
const database = await openDatabase(config.database);
try {
  const result = await verifyAuditChain(database.db);
  if (result.ok) {
    console.log(`audit chain intact: ${result.checked} entries verified`);
  } else {
    console.error(`audit chain BROKEN at entry ${result.firstBrokenId}: ${result.reason} (${result.checked} entries verified before it)`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
  release();
}
