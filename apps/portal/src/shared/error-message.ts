import { ApiError } from './api-client.ts';
import type { Translate } from './i18n.tsx';

/** What to tell the citizen about a failed call: the server's own message when it sent one, plain words otherwise. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('common.serverError');
  if (error.code === 'NETWORK_ERROR') return navigator.onLine === false ? t('health.offline') : t('common.networkError');
  if (error.code === 'TIMEOUT') return t('common.timeout');
  if (error.code === 'BAD_RESPONSE' || error.status >= 500) return t('common.serverError');
  return error.message;
}
