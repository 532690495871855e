import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, testDatabaseUrl, type TestPlatform } from '../../../test/test-platform.ts';
import { createScheduler } from './scheduler.ts';

function runWorker(url: string, name: string, at: string): Promise<{ worker: string; ran: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../../test/scheduler-worker.ts'), url, name, at], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').at(-1)!)) : reject(new Error(`worker ${name} exited ${code}`))));
  });
}

// PGlite is one process by design (the data-dir lock refuses a second), so this runs on the PostgreSQL lane.
describe('scheduler across two API processes', { skip: testDatabaseUrl ? false : 'needs GUANTONG_TEST_DATABASE_URL (PostgreSQL)' }, () => {
  let platform: TestPlatform;
  let url: string;

  before(async () => {
    platform = await createTestPlatform({ demo: false, realClock: true });
    const [{ name }] = await platform.database.query<{ name: string }>('select current_database() as name');
    const parsed = new URL(testDatabaseUrl!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    await platform.database.query('create table test_job_runs (job_number int not null, worker text not null)');
  });
  after(() => platform.close());

  it('runs each of 200 jobs exactly once and the recurring tick once, with two processes draining the queue', async () => {
    const scheduler = createScheduler({ db: platform.db, clock: platform.clock, pollMs: 1000 });
    for (let n = 0; n < 200; n += 1) await scheduler.enqueue('record', { n });
    // The workers run at one instant after the jobs were enqueued: every job is due, and the recurring job has one slot.
    const at = new Date().toISOString();
    const results = await Promise.all([runWorker(url, 'a', at), runWorker(url, 'b', at)]);
    const runs = await platform.database.query<{ job_number: number; worker: string }>('select job_number, worker from test_job_runs');
    const jobRuns = runs.filter((run) => run.job_number >= 0);
    assert.equal(jobRuns.length, 200);
    assert.equal(new Set(jobRuns.map((run) => run.job_number)).size, 200, 'no job ran twice');
    assert.equal(runs.filter((run) => run.job_number === -1).length, 1, 'the recurring slot fired once');
    assert.equal(results.reduce((sum, result) => sum + result.ran, 0), 201);
  });
});
