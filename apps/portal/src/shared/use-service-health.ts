import { useCallback, useEffect, useRef, useState } from 'react';
import type { Health } from '@guantong/contracts';
import { apiGet } from './api-client.ts';

export const HEALTH_PATH = '/api/health';

export type ServiceHealth = 'checking' | 'ok' | 'down' | 'offline';

/** Asks `GET /api/health` once on load, again when the phone comes back online or on retry. */
export function useServiceHealth(): { health: ServiceHealth; recheck(): void } {
  const [health, setHealth] = useState<ServiceHealth>(() => (navigator.onLine === false ? 'offline' : 'checking'));
  const inFlight = useRef<AbortController | null>(null);

  const recheck = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setHealth((previous) => (previous === 'ok' ? 'ok' : 'checking'));
    apiGet<Health>(HEALTH_PATH, { signal: controller.signal, timeoutMs: 10_000 })
      .then((result) => {
        if (!controller.signal.aborted) setHealth(result?.status === 'ok' ? 'ok' : 'down');
      })
      .catch(() => {
        if (!controller.signal.aborted) setHealth(navigator.onLine === false ? 'offline' : 'down');
      });
  }, []);

  useEffect(() => {
    recheck();
    const onOnline = () => recheck();
    const onOffline = () => setHealth('offline');
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      inFlight.current?.abort();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [recheck]);

  return { health, recheck };
}
