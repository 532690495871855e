import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchHumanChallenge } from '../../shared/intake-api.ts';

export type HumanCheckStatus = 'solving' | 'ready' | 'failed';

/** Thrown when the page is not a secure context: the browser has no crypto.subtle to do the work with. */
export class InsecureContextError extends Error {}

interface Attempt {
  result: Promise<string>;
  controller: AbortController;
}

/**
 * The proof-of-work human check (ALTCHA v1). Starts fetching and solving as soon as the form opens, so it is
 * usually done before the citizen has finished typing; `take()` waits for it only when it is not.
 * The solved payload is base64 of `{algorithm, challenge, number, salt, signature}`.
 */
export function useHumanCheck(): { status: HumanCheckStatus; take(): Promise<string>; renew(): void } {
  const [status, setStatus] = useState<HumanCheckStatus>('solving');
  const attempt = useRef<Attempt | null>(null);

  const start = useCallback((): Attempt => {
    attempt.current?.controller.abort();
    const controller = new AbortController();
    setStatus('solving');
    const result = (async () => {
      if (!window.isSecureContext || !window.crypto?.subtle) throw new InsecureContextError('crypto.subtle unavailable');
      const challenge = await fetchHumanChallenge(controller.signal);
      // Loaded on demand: the home page and the guide never need it.
      const { solveChallenge } = await import('altcha-lib/v1');
      const solver = solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber ?? 1_000_000);
      controller.signal.addEventListener('abort', () => solver.controller.abort(), { once: true });
      const solution = await solver.promise;
      if (!solution) throw new Error('no solution');
      const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature };
      return btoa(JSON.stringify(payload));
    })();
    const current = { result, controller };
    attempt.current = current;
    result.then(
      () => {
        if (attempt.current === current) setStatus('ready');
      },
      () => {
        if (attempt.current === current && !controller.signal.aborted) setStatus('failed');
      },
    );
    return current;
  }, []);

  useEffect(() => {
    start();
    return () => attempt.current?.controller.abort();
  }, [start]);

  const take = useCallback(async () => {
    const current = attempt.current ?? start();
    try {
      return await current.result;
    } catch (error) {
      if (error instanceof InsecureContextError) throw error;
      // One fresh try: the first challenge may have failed on a flaky network.
      return start().result;
    }
  }, [start]);

  const renew = useCallback(() => {
    start();
  }, [start]);

  return { status, take, renew };
}
