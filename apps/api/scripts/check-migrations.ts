// Fails when the Drizzle schema has changes that no committed migration covers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const apiDir = path.resolve(import.meta.dirname, '..');
const committed = path.join(apiDir, 'migrations');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'guantong-migrations-'));
fs.cpSync(committed, scratch, { recursive: true });
const before = new Set(fs.readdirSync(scratch));
// drizzle-kit treats its output folder as relative to the config.
const output = execFileSync(process.execPath, [path.resolve(apiDir, '../../node_modules/drizzle-kit/bin.cjs'), 'generate', '--name', 'drift_check'], {
  cwd: apiDir,
  env: { ...process.env, DRIZZLE_OUT: path.relative(apiDir, scratch) },
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
const added = fs.readdirSync(scratch).filter((file) => !before.has(file) && file.endsWith('.sql'));
fs.rmSync(scratch, { recursive: true, force: true });
if (added.length === 0 && !output.includes('No schema changes')) {
  console.error(`drizzle-kit did not run cleanly:\n${output}`);
  process.exit(1);
}
if (added.length > 0) {
  console.error(`Schema and migrations differ: drizzle-kit would generate ${added.join(', ')}. Run npm run db:generate -- --name <change>.`);
  process.exit(1);
}
console.log('migrations match the schema');
