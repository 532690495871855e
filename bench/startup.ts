/**
 * npm run bench:startup [-- --runs N] [-- --scenarios restart,first-start,stale-build,pieces]
 *
 * Whole-process start-up of `npm start`, exactly what a user runs: from spawning it to the first 200 from
 * GET /api/health (polled every 50 ms), then SIGTERM and wait until every process it started has exited (the API holds
 * a lock file in its data directory), N times per scenario:
 * - restart:     existing data (made by one first start beforehand), web builds up to date;
 * - first-start: a new, empty DATA_DIR each run (migrations, demo city and its year of clue and case work), builds up to date;
 * - stale-build: existing data, both web builds stale (their stamps removed before each run), for comparison: what
 *                every restart cost before builds were skipped;
 * - pieces:      where a start-up's time goes: npm's own start-up, the web build check, and each step of the API's
 *                start-up timed inside one process (bench/lib/startup-pieces.ts), on existing and on empty data.
 * Defaults everywhere (PORT and DATA_DIR aside: a free port and a temporary directory, never ./data).
 * Prints min / median / max and the targets, writes bench/out/startup-<timestamp>.json. See bench/README.md.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { cleanups, forgetCleanup, runCleanups, wasInterrupted } from './lib/lifecycle.ts';
import { log, machine, positiveInt, repoRoot, saveJson } from './lib/settings.ts';
import { round } from './lib/stats.ts';

const scenarioNames = ['restart', 'first-start', 'stale-build', 'pieces'] as const;
type ScenarioName = (typeof scenarioNames)[number];

const { values: flags } = parseArgs({ options: { runs: { type: 'string' }, scenarios: { type: 'string' } } });
const settings = {
  runs: positiveInt(flags.runs, 5, '--runs'),
  scenarios: (flags.scenarios?.split(',').map((name) => name.trim()) ?? [...scenarioNames]) as ScenarioName[],
  pollMs: 50,
  healthTimeoutMs: 180_000,
  stopTimeoutMs: 20_000,
  targets: { restartSeconds: 5, firstStartSeconds: 15 },
};
for (const name of settings.scenarios) if (!scenarioNames.includes(name)) throw new Error(`unknown scenario ${name}; known: ${scenarioNames.join(', ')}`);

// What the user's shell would pass: no settings of the API (they would change what is measured), no npm state from
// `npm run bench:startup` itself. PORT and DATA_DIR are set per run.
const apiSettings = /^(PORT|HOST|DATA_DIR|DATABASE_URL|DATABASE_POOL_SIZE|LOG_LEVEL|SESSION_.*|COOKIE_SECURE|LOGIN_.*|UPLOAD_MAX_BYTES|SEED_DEMO.*|SCHEDULER.*|RATE_LIMIT_PER_MINUTE|SEAL_KEY|HUMAN_CHECK_MAX_NUMBER|PUBLIC_.*|OPEN311_API_KEYS|WEB_ROOT|INIT_CWD)$/;
const baseEnv: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !apiSettings.test(name) && !/^npm_/i.test(name)));

const stamps = ['apps/admin', 'apps/portal'].map((app) => path.join(repoRoot, app, 'dist', '.build-inputs.sha256'));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function tempDataDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gt-startup-${label}-`));
  const remove = async () => fs.rmSync(dir, { recursive: true, force: true });
  cleanups.push(remove);
  return dir;
}

function removeDataDir(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Whether a process of the group is still running. On Linux, from /proc, not counting zombies: a process that has exited
 * has let go of its port and lock file, but its parent (npm's shell, killed by the same signal) is gone, and the
 * machine's init may take a second or two to reap it. Elsewhere, whether the group has any process at all.
 */
function groupAlive(pgid: number): boolean {
  let entries: string[] | undefined;
  try {
    entries = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    entries = undefined;
  }
  if (entries) {
    for (const entry of entries) {
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses, so read after the last ')'.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
    }
    return false;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Run {
  seconds: number;
  /** 1-minute load average when the run started. */
  load1m: number;
  /** Seconds from spawning `npm start` to lines of its output: npm's header, the web build check, the API listening. */
  markers: Record<string, number>;
  stopSeconds: number;
}

const markerPatterns: [string, RegExp][] = [
  ['npmScriptStarted', /^> guantong@[^ ]+ start$/m],
  ['webBuildChecked', /^portal: (build up to date \(skipped\)|built in )/m],
  ['demoCreated', /demo clues and cases created/],
  ['listening', /Guantong on http/],
];

/**
 * Spawns `npm start` in a process group of its own, waits for the first 200 from /api/health, then stops it with
 * SIGTERM to the group (as Ctrl-C in a terminal reaches every process of the foreground group; SIGTERM to npm alone
 * would not reach the API: the shell between them exits and leaves it running), and waits until all have exited.
 */
async function timeStart(dataDir: string): Promise<Run> {
  const port = await freePort();
  const env = { ...baseEnv, PORT: String(port), DATA_DIR: dataDir };
  const load1m = round(os.loadavg()[0]);
  const started = performance.now();
  const child: ChildProcess = spawn('npm', ['start'], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid!;
  const markers: Record<string, number> = {};
  let output = '';
  let pending = '';
  const onData = (chunk: Buffer) => {
    const at = (performance.now() - started) / 1000;
    const text = chunk.toString();
    output = (output + text).slice(-8000);
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      for (const [name, pattern] of markerPatterns) if (markers[name] === undefined && pattern.test(line)) markers[name] = round(at, 3);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      // already gone
    }
    const deadline = Date.now() + settings.stopTimeoutMs;
    while (groupAlive(pgid) && Date.now() < deadline) await sleep(20);
    if (groupAlive(pgid)) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
      throw new Error(`npm start did not exit within ${settings.stopTimeoutMs / 1000} s of SIGTERM; killed`);
    }
    await exited;
  };
  cleanups.push(stop);

  let seconds: number | undefined;
  try {
    const deadline = started + settings.healthTimeoutMs;
    while (seconds === undefined) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`npm start exited (${child.exitCode ?? child.signalCode}) before answering:\n${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
        await response.arrayBuffer();
        if (response.status === 200) seconds = (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      if (seconds === undefined) {
        if (performance.now() > deadline) throw new Error(`no 200 from /api/health within ${settings.healthTimeoutMs / 1000} s:\n${output}`);
        await sleep(settings.pollMs);
      }
    }
  } finally {
    const stopStarted = performance.now();
    await stop();
    forgetCleanup(stop);
    markers.stopped = round((performance.now() - stopStarted) / 1000, 3);
  }
  if (fs.existsSync(path.join(dataDir, 'guantong.lock'))) throw new Error(`the API left its lock file in ${dataDir}: it did not shut down cleanly`);
  const { stopped, ...rest } = markers;
  return { seconds: round(seconds, 3), load1m, markers: rest, stopSeconds: stopped };
}

interface Summary {
  runs: number;
  min: number;
  median: number;
  max: number;
}
function summary(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { runs: sorted.length, min: round(sorted[0], 2), median: round(median, 2), max: round(sorted[sorted.length - 1], 2) };
}

function buildWeb(args: string[] = []): { status: number; output: string } {
  const result = spawnSync(process.execPath, ['scripts/build-web.mjs', ...args], { cwd: repoRoot, env: baseEnv, encoding: 'utf8' });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

/** Builds whatever is stale, then insists both builds are up to date (scenarios restart and first-start need it). */
function ensureFreshBuilds() {
  const built = buildWeb();
  if (built.status !== 0) throw new Error(`node scripts/build-web.mjs failed:\n${built.output}`);
  const check = buildWeb(['--check']);
  if (check.status !== 0) throw new Error(`web builds still stale after building:\n${check.output}`);
  return check.output.trim().split('\n');
}

interface ScenarioResult {
  scenario: ScenarioName;
  description: string;
  runs: Run[];
  seconds: Summary;
}

async function scenario(name: ScenarioName, description: string, runs: number, perRun: (index: number) => Promise<Run>): Promise<ScenarioResult> {
  log(`\n${name}: ${description}`);
  const results: Run[] = [];
  for (let index = 0; index < runs && !wasInterrupted(); index += 1) {
    const run = await perRun(index);
    results.push(run);
    const markers = Object.entries(run.markers)
      .map(([marker, at]) => `${marker} ${at.toFixed(2)}`)
      .join(', ');
    log(`  run ${index + 1}/${runs}: ${run.seconds.toFixed(2)} s to healthy (${markers}; stopped in ${run.stopSeconds.toFixed(2)} s; load ${run.load1m.toFixed(2)} at its start)`);
  }
  return { scenario: name, description, runs: results, seconds: summary(results.map((run) => run.seconds)) };
}

// ---- pieces ----

interface Piece {
  piece: string;
  ms: Summary;
}

function timeProcess(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  return ms;
}

async function probe(dataDir: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const port = await freePort();
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/lib/startup-pieces.ts'], {
    cwd: repoRoot,
    env: { ...baseEnv, ...extraEnv, PORT: String(port), DATA_DIR: dataDir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const line = result.stdout.split('\n').find((entry) => entry.includes('"atProbeMs"'));
  if (result.status !== 0 || !line) throw new Error(`startup-pieces failed (${result.status}):\n${result.stdout.slice(-3000)}${result.stderr.slice(-3000)}`);
  const parsed = JSON.parse(line) as { atProbeMs: number; healthyAtMs: number; demoCreated: boolean; steps: { step: string; ms: number }[] };
  return { ...parsed, wallMs };
}

function piecesOf(samples: Record<string, number>[]): Piece[] {
  const names = [...new Set(samples.flatMap((sample) => Object.keys(sample)))];
  return names.map((piece) => ({ piece, ms: summary(samples.map((sample) => sample[piece]).filter((value) => value !== undefined)) }));
}

async function measurePieces(runs: number, restartDir: string) {
  log('\npieces: where the time goes (ms, min / median / max)');
  const npmSamples: Record<string, number>[] = [];
  for (let index = 0; index < runs; index += 1) {
    npmSamples.push({
      'npm run env (npm start-up, root package)': timeProcess('npm', ['run', '-s', 'env'], baseEnv),
      'npm run -w @guantong/api env (the nested npm the old start script added)': timeProcess('npm', ['run', '-s', '-w', '@guantong/api', 'env'], baseEnv),
      'node scripts/build-web.mjs, both up to date (whole process)': timeProcess(process.execPath, ['scripts/build-web.mjs'], baseEnv),
      'node -e 0 (bare Node start-up)': timeProcess(process.execPath, ['-e', '0'], baseEnv),
      'node --import tsx -e 0 (Node with the tsx loader)': timeProcess(process.execPath, ['--import', 'tsx', '-e', '0'], baseEnv),
    });
  }
  const hashSamples: Record<string, number>[] = [];
  for (let index = 0; index < runs; index += 1) {
    const { output } = buildWeb(['--check']);
    const sample: Record<string, number> = {};
    for (const match of output.matchAll(/^(\w+): up to date; sha256 of (\d+) inputs in ([\d.]+) ms$/gm)) sample[`sha256 of ${match[1]}'s ${match[2]} inputs`] = Number(match[3]);
    hashSamples.push(sample);
  }

  const toSample = (result: Awaited<ReturnType<typeof probe>>) => ({
    'Node start-up + tsx loader (to the probe’s first line)': result.atProbeMs,
    ...Object.fromEntries(result.steps.map((step) => [step.step, step.ms])),
    'process start to healthy, in-process': result.healthyAtMs,
  });
  const restartSamples: Record<string, number>[] = [];
  const coldSamples: Record<string, number>[] = [];
  const firstSamples: Record<string, number>[] = [];
  for (let index = 0; index < runs && !wasInterrupted(); index += 1) {
    restartSamples.push(toSample(await probe(restartDir)));
    // tsx compiles each TypeScript file once and keeps the result in its cache; without it, every import is compiled.
    const cold = await probe(restartDir, { TSX_DISABLE_CACHE: '1' });
    coldSamples.push({ 'import API modules, tsx cache off (compiling every file)': cold.steps.find((step) => step.step === 'import API modules')!.ms });
    const empty = tempDataDir('pieces');
    firstSamples.push(toSample(await probe(empty)));
    removeDataDir(empty);
  }
  const groups = {
    'npm and the web build check': [...piecesOf(npmSamples), ...piecesOf(hashSamples)],
    'API start-up on existing data (restart), in one process': [...piecesOf(restartSamples), ...piecesOf(coldSamples)],
    'API start-up on an empty data directory (first start), in one process': piecesOf(firstSamples),
  };
  for (const [group, pieces] of Object.entries(groups)) {
    log(`  ${group}:`);
    for (const { piece, ms } of pieces) log(`    ${piece.padEnd(78)} ${ms.min.toFixed(0).padStart(6)} ${ms.median.toFixed(0).padStart(6)} ${ms.max.toFixed(0).padStart(6)}`);
  }
  return groups;
}

// ---- main ----

const startedAt = new Date();
const loadAtStart = os.loadavg()[0];
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
log(`npm start, ${settings.runs} runs per scenario; commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}; 1-minute load average ${loadAtStart.toFixed(2)} at the start`);
if (loadAtStart > 0.5) log(`note: 1-minute load average is ${loadAtStart.toFixed(2)} at start; other work on this machine will lengthen the figures`);

const results: ScenarioResult[] = [];
let pieces: Awaited<ReturnType<typeof measurePieces>> | undefined;
let prepare: { builds: string[]; firstStartSeconds?: number } | undefined;
let failed = false;
try {
  const builds = ensureFreshBuilds();
  log(`web builds: ${builds.join('; ')}`);
  prepare = { builds };

  // Existing data for restart, stale-build and pieces: one first start, not counted.
  const restartDir = tempDataDir('restart');
  if (settings.scenarios.some((name) => name !== 'first-start')) {
    const first = await timeStart(restartDir);
    prepare.firstStartSeconds = first.seconds;
    log(`prepared ${restartDir} with one first start (${first.seconds.toFixed(2)} s, not counted)`);
  }

  if (settings.scenarios.includes('restart')) {
    results.push(await scenario('restart', 'existing data, web builds up to date', settings.runs, () => timeStart(restartDir)));
  }
  if (settings.scenarios.includes('first-start') && !wasInterrupted()) {
    results.push(
      await scenario('first-start', 'empty DATA_DIR each run (migrations, demo city, a year of clue and case work), web builds up to date', settings.runs, async () => {
        const dir = tempDataDir('first');
        const run = await timeStart(dir);
        removeDataDir(dir);
        return run;
      }),
    );
  }
  if (settings.scenarios.includes('stale-build') && !wasInterrupted()) {
    results.push(
      await scenario('stale-build', 'existing data, both web builds stale (stamps removed before each run), as every restart was before', settings.runs, () => {
        for (const stamp of stamps) fs.rmSync(stamp, { force: true });
        return timeStart(restartDir);
      }),
    );
    ensureFreshBuilds();
  }
  if (settings.scenarios.includes('pieces') && !wasInterrupted()) pieces = await measurePieces(settings.runs, restartDir);
} catch (error) {
  failed = true;
  if (!wasInterrupted()) console.error('\nbenchmark failed:', error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await runCleanups();
}
if (wasInterrupted()) await new Promise(() => {}); // the signal handler exits once cleanup is done

log('\nscenario        runs    min s  median s   max s');
for (const result of results) {
  const { runs, min, median, max } = result.seconds;
  log(`${result.scenario.padEnd(14)} ${String(runs).padStart(5)} ${min.toFixed(2).padStart(8)} ${median.toFixed(2).padStart(9)} ${max.toFixed(2).padStart(7)}`);
}
const verdicts: string[] = [];
const verdict = (name: ScenarioName, label: string, target: number) => {
  const result = results.find((entry) => entry.scenario === name);
  if (!result || result.runs.length === 0) return;
  const over = result.runs.filter((run) => run.seconds >= target).length;
  verdicts.push(
    `${label} under ${target} s: ${over === 0 ? 'met' : 'MISSED'} (median ${result.seconds.median.toFixed(2)} s, max ${result.seconds.max.toFixed(2)} s; ${over} of ${result.runs.length} runs at or over)`,
  );
};
verdict('restart', 'embedded restart, existing data, nothing changed,', settings.targets.restartSeconds);
verdict('first-start', 'first start on an empty data directory', settings.targets.firstStartSeconds);
const stale = results.find((entry) => entry.scenario === 'stale-build');
const restart = results.find((entry) => entry.scenario === 'restart');
if (stale && restart) verdicts.push(`skipping up-to-date web builds saves ${(stale.seconds.median - restart.seconds.median).toFixed(2)} s per restart (median stale-build − median restart)`);
if (verdicts.length > 0) log(`\nTargets:\n${verdicts.map((line) => `  ${line}`).join('\n')}`);

const file = saveJson('startup', 'startup-latest.json', startedAt, {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  commit,
  uncommittedChanges: dirty,
  machine: { ...machine(loadAtStart), npm: execFileSync('npm', ['-v'], { encoding: 'utf8' }).trim() },
  settings,
  prepare,
  scenarios: results,
  pieces,
  verdicts,
});
log(`saved ${file} (and bench/out/startup-latest.json)`);
process.exit(failed ? 1 : 0);
