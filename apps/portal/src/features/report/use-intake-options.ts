import { useCallback, useEffect, useState } from 'react';
import { fetchIntakeOptions, type IntakeOptions } from '../../shared/intake-api.ts';

export type IntakeOptionsState = { status: 'loading' } | { status: 'ok'; options: IntakeOptions } | { status: 'error'; error: unknown };

// Kept for the page load: going to the guide and back does not refetch.
let cached: IntakeOptions | null = null;

export function useIntakeOptions(): IntakeOptionsState & { reload(): void } {
  const [state, setState] = useState<IntakeOptionsState>(cached ? { status: 'ok', options: cached } : { status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (cached && attempt === 0) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchIntakeOptions(controller.signal).then(
      (options) => {
        cached = options;
        setState({ status: 'ok', options });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, reload };
}
