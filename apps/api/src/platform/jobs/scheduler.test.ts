import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestPlatform, testDatabaseUrl, type TestPlatform } from '../../../test/test-platform.ts';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { createScheduler } from './scheduler.ts';
import { jobs } from './jobs.table.ts';

describe('scheduler', () => {
  let platform: TestPlatform;
  // On PostgreSQL the second worker gets its own connection pool, as a second API process would.
  let second: DatabaseHandle | null = null;

  before(async () => {
    platform = await createTestPlatform({ demo: false });
    if (testDatabaseUrl) {
      const [{ name }] = await platform.database.query<{ name: string }>('select current_database() as name');
      const url = new URL(testDatabaseUrl);
      url.pathname = `/${name}`;
      second = await openDatabase({ kind: 'postgres', url: url.toString() });
    }
  });
  after(async () => {
    await second?.close();
    await platform.close();
  });
  beforeEach(async () => {
    await platform.db.delete(jobs);
  });

  const worker = () => createScheduler({ db: (second ?? platform.database).db, clock: platform.clock, pollMs: 1000 });

  it('runs every job exactly once when two workers poll the same database', async () => {
    const runs: string[] = [];
    const first = createScheduler({ db: platform.db, clock: platform.clock, pollMs: 1000 });
    const other = worker();
    for (const scheduler of [first, other]) {
      scheduler.register('send', async (payload) => {
        runs.push(String(payload.n));
        await new Promise((resolve) => setTimeout(resolve, 2));
      });
    }
    for (let n = 0; n < 40; n += 1) await first.enqueue('send', { n });
    const [ranFirst, ranOther] = await Promise.all([first.runDue(), other.runDue()]);
    assert.equal(ranFirst + ranOther, 40);
    assert.equal(runs.length, 40);
    assert.equal(new Set(runs).size, 40, 'no job ran twice');
    const done = await platform.db.select().from(jobs).where(eq(jobs.status, 'done'));
    assert.equal(done.length, 40);
  });

  it('fires a recurring job once per slot however many workers tick', async () => {
    let ticks = 0;
    const workers = [createScheduler({ db: platform.db, clock: platform.clock, pollMs: 1000 }), worker()];
    for (const scheduler of workers) {
      scheduler.register('sweep', async () => {
        ticks += 1;
      });
      scheduler.every('sweep', 60_000);
    }
    await Promise.all(workers.map((scheduler) => scheduler.runDue()));
    await Promise.all(workers.map((scheduler) => scheduler.runDue()));
    assert.equal(ticks, 1);
    platform.clock.advance(60_000);
    await Promise.all(workers.map((scheduler) => scheduler.runDue()));
    assert.equal(ticks, 2);
  });

  it('survives a restart: a pending job is run by the next process, a job of a dead worker is taken over', async () => {
    const beforeRestart = createScheduler({ db: platform.db, clock: platform.clock, pollMs: 1000 });
    await beforeRestart.enqueue('notify', { to: 'a' });
    // A job claimed by a process that died 11 minutes ago.
    await platform.db.insert(jobs).values({
      name: 'notify',
      payload: { to: 'b' },
      runAt: new Date(platform.clock.now().getTime() - 3600_000),
      status: 'running',
      attempts: 1,
      lockedBy: 'dead-process',
      lockedAt: new Date(platform.clock.now().getTime() - 11 * 60_000),
    });
    const afterRestart = createScheduler({ db: platform.db, clock: platform.clock, pollMs: 1000 });
    const seen: string[] = [];
    afterRestart.register('notify', async (payload) => {
      seen.push(String(payload.to));
    });
    assert.equal(await afterRestart.runDue(), 2);
    assert.deepEqual(seen.sort(), ['a', 'b']);
  });

  it('retries a failing job later and gives up after its attempts', async () => {
    const scheduler = createScheduler({ db: platform.db, clock: platform.clock, pollMs: 1000 });
    let calls = 0;
    scheduler.register('flaky', async () => {
      calls += 1;
      if (calls < 2) throw new Error('gateway down');
    });
    await scheduler.enqueue('flaky');
    await scheduler.runDue();
    const [waiting] = await platform.db.select().from(jobs);
    assert.equal(waiting.status, 'pending');
    assert.equal(waiting.lastError, 'gateway down');
    assert.equal(await scheduler.runDue(), 0, 'not before its back-off time');
    platform.clock.advance(31_000);
    await scheduler.runDue();
    const [finished] = await platform.db.select().from(jobs);
    assert.equal(finished.status, 'done');
    assert.equal(calls, 2);

    scheduler.register('broken', async () => {
      throw new Error('always');
    });
    await platform.db.insert(jobs).values({ name: 'broken', runAt: platform.clock.now(), maxAttempts: 2 });
    await scheduler.runDue();
    platform.clock.advance(31_000);
    await scheduler.runDue();
    const [failed] = await platform.db.select().from(jobs).where(eq(jobs.name, 'broken'));
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, 2);
  });

  it('stops polling cleanly', async () => {
    const scheduler = createScheduler({ db: platform.db, clock: platform.clock, pollMs: 20 });
    let runs = 0;
    scheduler.register('tick', async () => {
      runs += 1;
    });
    scheduler.every('tick', 1);
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 120));
    await scheduler.stop();
    const seen = runs;
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.ok(seen >= 1);
    assert.equal(runs, seen);
  });
});
