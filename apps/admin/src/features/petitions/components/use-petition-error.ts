import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { isApiError } from '../../../shared/api-client.ts';
import { useT } from '../../../shared/i18n.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { useRefetchPetition } from '../petitions.api.ts';

// Someone else moved the record on while this page showed it: its status or version no longer matches.
const staleCodes = ['WORKFLOW_STATE_CHANGED', 'WORKFLOW_ACTION_NOT_ALLOWED', 'PROPOSAL_MISMATCH'];

/**
 * Shows a failed change to one record. When the record changed meanwhile (409 WORKFLOW_STATE_CHANGED …),
 * says so and reloads it, and answers true: the dialog that sent the change should close.
 */
export function usePetitionErrorHandler(petitionId: string) {
  const onError = useApiErrorHandler();
  const refetch = useRefetchPetition();
  const { notification } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown, form?: FormInstance): boolean => {
      if (staleCodes.some((code) => isApiError(error, code))) {
        notification.warning({
          title: t('petitions.stateChangedTitle'),
          // The server's own message says "reload and try again"; the page has already reloaded.
          description: t('petitions.stateChangedReloaded'),
          props: { 'data-testid': 'petition-state-changed' } as Record<string, string>,
        });
        void refetch(petitionId);
        return true;
      }
      onError(error, form);
      return false;
    },
    [notification, onError, petitionId, refetch, t],
  );
}
