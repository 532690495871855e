import { stopLoad } from './http.ts';

// Everything started is undone in reverse order, also on failure and on Ctrl-C; concurrent callers share one pass.
export const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;
export function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      try {
        await cleanups.pop()!();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  })().finally(() => {
    cleaning = null;
  });
  return cleaning;
}

/** Removes a cleanup that has already run (a server stopped in the normal course of the bench). */
export function forgetCleanup(cleanup: () => Promise<void>): void {
  const index = cleanups.indexOf(cleanup);
  if (index >= 0) cleanups.splice(index, 1);
}

let interrupted = false;
/** True once SIGINT/SIGTERM arrived: the load is stopped, cleanup runs and the process exits with 130. */
export function wasInterrupted(): boolean {
  return interrupted;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the load and cleaning up`);
    stopLoad();
    void runCleanups().finally(() => process.exit(130));
  });
}
