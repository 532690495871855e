import { isApiError } from '../../../shared/api-client.ts';
import { useT } from '../../../shared/i18n.tsx';
import { useStaleHandler } from '../../../shared/use-stale-handler.tsx';
import { useRefetchClue } from '../clues.api.ts';

// The clue moved on while this page showed it (409: status, version or approval round changed), or the
// approval step it showed is no longer the reader's to sign (someone else signed it meanwhile).
const isStale = (error: unknown) => (isApiError(error) && error.status === 409) || isApiError(error, 'APPROVAL_NOT_YOURS');

/**
 * Shows a failed change to one clue. When the clue changed meanwhile, prompts to reload it (the server's message
 * says what happened; the button reloads) and answers true: the dialog that sent the change should close.
 * Any other failure shows the server's message, with per-field problems next to the fields of `form`.
 */
export function useClueErrorHandler(clueId: string) {
  const refetch = useRefetchClue();
  const t = useT();
  return useStaleHandler({
    isStale,
    reload: () => refetch(clueId),
    key: `clue-stale-${clueId}`,
    title: t('clues.stateChangedTitle'),
    hint: t('clues.stateChangedHint'),
    mode: 'prompt',
    testId: 'clue-state-changed',
    reloadTestId: 'clue-reload',
  });
}
