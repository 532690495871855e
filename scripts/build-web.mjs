#!/usr/bin/env node
// Builds the staff console (apps/admin) and the public portal (apps/portal) only when their build is stale.
//
//   node scripts/build-web.mjs           build each app whose inputs changed since its last build (npm run build:web)
//   node scripts/build-web.mjs --force   build both regardless
//   node scripts/build-web.mjs --check   build nothing; say which builds are stale (exit 1 if any) and how long hashing took
//
// An app's inputs are every file its `vite build` reads from this repository: the app's src/, public/, index.html,
// vite.config.ts, tsconfig.json, package.json and .env* files, the contracts package (packages/contracts: src/ without
// its *.test.ts files, and package.json), the root package-lock.json (every dependency version, vite and its plugins
// included) and tsconfig.base.json; plus NODE_ENV and the VITE_* environment variables, which vite bakes into the
// bundle. The sha256 over their relative paths and contents is written to <app>/dist/.build-inputs.sha256 after a
// successful build. Same hash and dist/index.html present: the build is up to date and skipped. A changed, added,
// deleted or renamed file, or another lockfile, gives another hash and a rebuild. `vite build` empties dist/ first
// (emptyOutDir), so a build that fails, or one run by hand, leaves no stamp and the next start builds again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '..');
const STAMP = '.build-inputs.sha256';
const apps = [
  { name: 'admin', workspace: '@guantong/admin', dir: 'apps/admin' },
  { name: 'portal', workspace: '@guantong/portal', dir: 'apps/portal' },
];

const args = process.argv.slice(2);
const unknown = args.filter((arg) => !['--force', '--check'].includes(arg));
if (unknown.length > 0) {
  console.error(`build-web: unknown argument ${unknown.join(' ')} (use --force or --check)`);
  process.exit(2);
}
const force = args.includes('--force');
const checkOnly = args.includes('--check');

/** Files under `dir` (relative to the repo root, '/'-separated), skipping what `skip` says; nothing if `dir` is absent. */
function filesUnder(dir, skip = () => false) {
  const found = [];
  const walk = (relative) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return;
      throw error;
    }
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(path.join(root, child)).isDirectory());
      if (isDir) {
        if (entry.name !== 'node_modules') walk(child);
      } else if (!skip(child)) {
        found.push(child);
      }
    }
  };
  walk(dir);
  return found;
}

/** Files at the top of `dir` whose names match `pattern`. */
function filesMatching(dir, pattern) {
  try {
    return fs
      .readdirSync(path.join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isFile() && pattern.test(entry.name))
      .map((entry) => `${dir}/${entry.name}`);
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

const isTest = (file) => /\.test\.tsx?$/.test(file);

function inputsOf(app) {
  const files = [
    ...filesUnder(`${app.dir}/src`),
    ...filesUnder(`${app.dir}/public`),
    ...['index.html', 'vite.config.ts', 'tsconfig.json', 'package.json'].map((name) => `${app.dir}/${name}`),
    ...filesMatching(app.dir, /^\.env/),
    ...filesUnder('packages/contracts/src', isTest),
    'packages/contracts/package.json',
    'package-lock.json',
    'tsconfig.base.json',
  ];
  return [...new Set(files)].sort();
}

/** sha256 over each input's path and content (a missing listed file counts as such), then the build's environment. */
function inputsHash(app) {
  const files = inputsOf(app);
  const hash = createHash('sha256');
  for (const file of files) {
    let content;
    try {
      content = fs.readFileSync(path.join(root, file));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    // Path, then the content's own digest (or "missing"): no two different trees hash alike.
    hash.update(`${file}\0${content ? createHash('sha256').update(content).digest('hex') : 'missing'}\n`);
  }
  const env = Object.keys(process.env)
    .filter((name) => name === 'NODE_ENV' || name.startsWith('VITE_'))
    .sort();
  for (const name of env) hash.update(`env ${name}=${process.env[name]}\n`);
  return { digest: hash.digest('hex'), files: files.length };
}

function readStamp(app) {
  const dist = path.join(root, app.dir, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) return { state: 'no build yet' };
  try {
    return { state: 'built', digest: fs.readFileSync(path.join(dist, STAMP), 'utf8').trim() };
  } catch {
    return { state: 'built without a stamp' };
  }
}

function runBuild(app) {
  // The app's own `build` script, through the npm that runs us (npm start / npm test), else the npm on PATH.
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli && /\.c?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  const result = spawnSync(command, [...prefix, 'run', '-w', app.workspace, 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: command === 'npm' && process.platform === 'win32',
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

let stale = 0;
for (const app of apps) {
  const started = performance.now();
  const { digest, files } = inputsHash(app);
  const hashMs = performance.now() - started;
  const stamp = readStamp(app);
  const upToDate = stamp.digest === digest;
  if (checkOnly) {
    const why = upToDate ? 'up to date' : stamp.state === 'built' ? 'stale (inputs changed)' : `stale (${stamp.state})`;
    console.log(`${app.name}: ${why}; sha256 of ${files} inputs in ${hashMs.toFixed(1)} ms`);
    if (!upToDate) stale += 1;
    continue;
  }
  if (upToDate && !force) {
    console.log(`${app.name}: build up to date (skipped)`);
    continue;
  }
  const reason = force ? '--force' : stamp.state === 'built' ? 'inputs changed' : stamp.state;
  console.log(`${app.name}: building (${reason})`);
  const buildStarted = performance.now();
  const status = runBuild(app);
  if (status !== 0) {
    console.error(`${app.name}: build failed (exit ${status})`);
    process.exit(status);
  }
  // Written only now, after a successful build; via a rename so that a half-written stamp never exists.
  const stampPath = path.join(root, app.dir, 'dist', STAMP);
  fs.writeFileSync(`${stampPath}.tmp`, `${digest}\n`);
  fs.renameSync(`${stampPath}.tmp`, stampPath);
  console.log(`${app.name}: built in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`);
}
if (checkOnly && stale > 0) process.exit(1);
