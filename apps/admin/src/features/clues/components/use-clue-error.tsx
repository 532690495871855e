import { useCallback } from 'react';
import { App, Button, type FormInstance } from 'antd';
import { isApiError } from '../../../shared/api-client.ts';
import { useT } from '../../../shared/i18n.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { useRefetchClue } from '../clues.api.ts';

// The clue moved on while this page showed it (409: status, version or approval round changed), or the
// approval step it showed is no longer the reader's to sign (someone else signed it meanwhile).
function isStale(error: unknown): boolean {
  return (isApiError(error) && error.status === 409) || isApiError(error, 'APPROVAL_NOT_YOURS');
}

/**
 * Shows a failed change to one clue. When the clue changed meanwhile, prompts to reload it (the server's message
 * says what happened; the button reloads) and answers true: the dialog that sent the change should close.
 * Any other failure shows the server's message, with per-field problems next to the fields of `form`.
 */
export function useClueErrorHandler(clueId: string) {
  const onError = useApiErrorHandler();
  const refetch = useRefetchClue();
  const { notification } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown, form?: FormInstance): boolean => {
      if (isStale(error)) {
        const key = `clue-stale-${clueId}`;
        notification.warning({
          key,
          title: t('clues.stateChangedTitle'),
          description: error instanceof Error ? `${error.message} ${t('clues.stateChangedHint')}` : t('clues.stateChangedHint'),
          duration: 0,
          actions: (
            <Button
              type="primary"
              size="small"
              onClick={() => {
                notification.destroy(key);
                void refetch(clueId);
              }}
              data-testid="clue-reload"
            >
              {t('action.reload')}
            </Button>
          ),
          props: { 'data-testid': 'clue-state-changed' } as Record<string, string>,
        });
        return true;
      }
      onError(error, form);
      return false;
    },
    [clueId, notification, onError, refetch, t],
  );
}

