import { isApiError } from '../../../shared/api-client.ts';
import { useT } from '../../../shared/i18n.tsx';
import { useStaleHandler } from '../../../shared/use-stale-handler.tsx';
import { useRefetchPetition } from '../petitions.api.ts';

// Someone else moved the record on while this page showed it: its status or version no longer matches.
const staleCodes = ['WORKFLOW_STATE_CHANGED', 'WORKFLOW_ACTION_NOT_ALLOWED', 'PROPOSAL_MISMATCH'];
const isStale = (error: unknown) => staleCodes.some((code) => isApiError(error, code));

/**
 * Shows a failed change to one record. When the record changed meanwhile (409 WORKFLOW_STATE_CHANGED …),
 * says so and reloads it, and answers true: the dialog that sent the change should close.
 */
export function usePetitionErrorHandler(petitionId: string) {
  const refetch = useRefetchPetition();
  const t = useT();
  return useStaleHandler({
    isStale,
    reload: () => refetch(petitionId),
    key: `petition-stale-${petitionId}`,
    title: t('petitions.stateChangedTitle'),
    // The server's own message says "reload and try again"; the page has already reloaded.
    hint: t('petitions.stateChangedReloaded'),
    mode: 'reloaded',
    testId: 'petition-state-changed',
  });
}
