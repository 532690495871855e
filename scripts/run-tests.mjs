#!/usr/bin/env node
// Runs every *.test.ts with Node's own test runner (Node 20 has no glob support in --test).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const onlyE2e = process.argv.includes('--only-e2e');
const noE2e = process.argv.includes('--no-e2e');
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));

function collect(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.ts') && !file.includes('node_modules'))
    .map((file) => path.join(dir, file));
}

const unit = [...collect(path.join(root, 'packages/contracts/src')), ...collect(path.join(root, 'apps/api/src')), ...collect(path.join(root, 'apps/api/test'))];
const e2e = collect(path.join(root, 'e2e'));
let files = onlyE2e ? e2e : noE2e ? unit : [...unit, ...e2e];
if (filters.length > 0) files = files.filter((file) => filters.some((filter) => file.includes(filter)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

// Unit and API tests run two files at a time; the browser tests afterwards, one at a time: a browser next to other
// test files on a 2-core machine loses clicks in dialogs that are still animating in.
function run(list, concurrency) {
  if (list.length === 0) return 0;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...list],
    { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test' } },
  );
  return result.status ?? 1;
}
const browserFiles = files.filter((file) => e2e.includes(file));
const otherFiles = files.filter((file) => !e2e.includes(file));
const unitStatus = run(otherFiles, process.env.TEST_CONCURRENCY ?? 2);
const e2eStatus = run(browserFiles, process.env.E2E_CONCURRENCY ?? 1);
process.exit(unitStatus || e2eStatus);
