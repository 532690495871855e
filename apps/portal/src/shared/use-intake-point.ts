import { useEffect, useState } from 'react';
import { ApiError } from './api-client.ts';
import { fetchIntakePoint, type PublicIntakePoint } from './intake-api.ts';

export type IntakePointState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ok'; point: PublicIntakePoint }
  /** Unknown or deactivated code: the citizen chooses the body. */
  | { status: 'invalid' }
  | { status: 'error' };

// One lookup per code and page load: the home card and the report form share it.
const cache = new Map<string, Promise<PublicIntakePoint>>();

function lookup(code: string): Promise<PublicIntakePoint> {
  let pending = cache.get(code);
  if (!pending) {
    pending = fetchIntakePoint(code);
    cache.set(code, pending);
    pending.catch(() => cache.delete(code));
  }
  return pending;
}

/** Resolves a QR code's intake point to its body and place. */
export function useIntakePoint(code: string | null): IntakePointState {
  const [state, setState] = useState<IntakePointState>({ status: code ? 'loading' : 'none' });
  useEffect(() => {
    if (!code) {
      setState({ status: 'none' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    lookup(code).then(
      (point) => live && setState({ status: 'ok', point }),
      (error: unknown) => live && setState({ status: error instanceof ApiError && (error.status === 404 || error.status === 400) ? 'invalid' : 'error' }),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return state;
}
