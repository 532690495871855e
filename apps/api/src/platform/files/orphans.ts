import fs from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import type { FileStore } from './file-store.ts';
import { attachments } from './files.table.ts';

/** Deletes stored bytes that no attachment row names, e.g. after a submission whose transaction failed. */
export async function removeUnreferenced(db: DbOrTx, store: FileStore, sha256s: string[]): Promise<number> {
  const unique = [...new Set(sha256s)];
  if (unique.length === 0) return 0;
  const referenced = new Set((await db.select({ sha256: attachments.sha256 }).from(attachments).where(inArray(attachments.sha256, unique))).map((row) => row.sha256));
  let removed = 0;
  for (const sha256 of unique) {
    if (referenced.has(sha256)) continue;
    fs.rmSync(store.pathOf(sha256), { force: true });
    removed += 1;
  }
  return removed;
}

/**
 * Sweeps bytes left behind by a process that died between writing a file and committing its row:
 * anything older than `minAgeMs` that no attachment names is removed, as are stale temporary files.
 */
export async function sweepOrphanFiles(db: DbOrTx, store: FileStore, { now, minAgeMs }: { now: Date; minAgeMs: number }): Promise<number> {
  const cutoff = now.getTime() - minAgeMs;
  const old: string[] = [];
  let removed = 0;
  const walk = (dir: string, depth: number) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth === 0 && entry.name === 'tmp') {
          for (const tmp of fs.readdirSync(full)) {
            const tmpPath = path.join(full, tmp);
            if (fs.statSync(tmpPath).mtimeMs < cutoff) {
              fs.rmSync(tmpPath, { force: true });
              removed += 1;
            }
          }
        } else if (depth < 2) walk(full, depth + 1);
      } else if (depth === 2 && /^[0-9a-f]{64}$/.test(entry.name) && fs.statSync(full).mtimeMs < cutoff) {
        old.push(entry.name);
      }
    }
  };
  walk(store.dir, 0);
  for (let i = 0; i < old.length; i += 500) removed += await removeUnreferenced(db, store, old.slice(i, i + 500));
  return removed;
}
