// A stand-alone worker process for the two-process scheduler test: drains due jobs, recording each run.
import { createFakeClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { createScheduler } from '../src/platform/jobs/scheduler.ts';

const [url, workerName, at] = process.argv.slice(2);
// Both workers see the same instant: with the real clock, a run that crossed a minute boundary put the two processes in
// different slots of the every-minute job, and it fired once per slot (a flaky count of two).
const clock = createFakeClock(at);
const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
const scheduler = createScheduler({ db: database.db, clock, pollMs: 1000 });
scheduler.register('record', async (payload) => {
  await database.query('insert into test_job_runs (job_number, worker) values ($1, $2)', [payload.n, workerName]);
});
scheduler.every('record-tick', 60_000);
scheduler.register('record-tick', async () => {
  await database.query('insert into test_job_runs (job_number, worker) values ($1, $2)', [-1, workerName]);
});
// Two passes: jobs enqueued while the other process runs are picked up too.
let ran = 0;
for (let pass = 0; pass < 3; pass += 1) ran += await scheduler.runDue();
console.log(JSON.stringify({ worker: workerName, ran }));
await database.close();
