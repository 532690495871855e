import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { executeRows } from '../db/client.ts';
import { jobs } from './jobs.table.ts';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

export interface Logger {
  info(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

interface Recurring {
  name: string;
  intervalMs: number;
}

// A job still 'running' after this long is taken to belong to a dead process and is claimed again.
const STALE_AFTER_MS = 10 * 60_000;

export interface Scheduler {
  readonly workerId: string;
  register(name: string, handler: JobHandler): void;
  /** Runs `name` once per interval slot across all processes sharing the database. */
  every(name: string, intervalMs: number): void;
  enqueue(name: string, payload?: Record<string, unknown>, options?: { runAt?: Date; dedupeKey?: string }): Promise<void>;
  /** Enqueues due recurring ticks, then runs due jobs until none is left; returns how many ran. */
  runDue(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

// Long function: the Scheduler object; its methods are short and share the instance's state (handlers, recurring jobs,
// the polling timer).
export function createScheduler({
  db,
  clock,
  pollMs,
  logger,
}: {
  db: Database;
  clock: Clock;
  pollMs: number;
  logger?: Logger;
}): Scheduler {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const handlers = new Map<string, JobHandler>();
  const recurring: Recurring[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function enqueue(name: string, payload: Record<string, unknown> = {}, options: { runAt?: Date; dedupeKey?: string } = {}) {
    await db
      .insert(jobs)
      .values({ name, payload, runAt: options.runAt ?? clock.now(), dedupeKey: options.dedupeKey ?? null })
      .onConflictDoNothing({ target: jobs.dedupeKey });
  }

  async function enqueueRecurringTicks() {
    const now = clock.now().getTime();
    for (const { name, intervalMs } of recurring) {
      const slot = Math.floor(now / intervalMs) * intervalMs;
      // The unique dedupe key makes every process's insert for the same slot collapse into one job.
      await enqueue(name, {}, { runAt: new Date(slot), dedupeKey: `${name}@${new Date(slot).toISOString()}` });
    }
  }

  async function claim() {
    const now = clock.now();
    const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
    const rows = await executeRows<{ id: string; name: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>(
      db,
      sql`update jobs set status = 'running', locked_by = ${workerId}, locked_at = ${now.toISOString()}, attempts = attempts + 1
          where id = (
            select id from jobs
            where (status = 'pending' and run_at <= ${now.toISOString()})
               or (status = 'running' and locked_at < ${staleBefore.toISOString()})
            order by run_at
            limit 1
            for update skip locked
          )
          returning id, name, payload, attempts, max_attempts`,
    );
    return rows[0];
  }

  async function runOne(): Promise<boolean> {
    const job = await claim();
    if (!job) return false;
    const handler = handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler registered for job ${job.name}`);
      await handler(job.payload);
      await db
        .update(jobs)
        .set({ status: 'done', finishedAt: clock.now(), lastError: null })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
    } catch (error) {
      const failedForGood = job.attempts >= job.max_attempts;
      logger?.error({ err: error, job: job.name, attempt: job.attempts }, 'job failed');
      await db
        .update(jobs)
        .set({
          status: failedForGood ? 'failed' : 'pending',
          // Back off: 30 s, 2 min, 8 min …
          runAt: new Date(clock.now().getTime() + 30_000 * 4 ** (job.attempts - 1)),
          lastError: String(error instanceof Error ? error.message : error).slice(0, 2000),
          finishedAt: failedForGood ? clock.now() : null,
        })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
    }
    return true;
  }

  async function runDue(): Promise<number> {
    await enqueueRecurringTicks();
    let count = 0;
    while (await runOne()) count += 1;
    return count;
  }

  function schedulePoll() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runDue()
        .catch((error: unknown) => logger?.error({ err: error }, 'scheduler poll failed'))
        .finally(schedulePoll);
    }, pollMs);
    timer.unref();
  }

  return {
    workerId,
    register: (name, handler) => {
      handlers.set(name, handler);
    },
    every: (name, intervalMs) => {
      recurring.push({ name, intervalMs });
    },
    enqueue,
    runDue,
    start() {
      if (!stopped) return;
      stopped = false;
      schedulePoll();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
