import { isApiError } from '../../../shared/api-client.ts';
import { useT } from '../../../shared/i18n.tsx';
import { useStaleHandler } from '../../../shared/use-stale-handler.tsx';
import { useRefetchCase } from '../cases.api.ts';

// The case (or one of its appeals) moved on while this page showed it: 409 (status or version changed).
const isStale = (error: unknown) => isApiError(error) && error.status === 409;

/**
 * Shows a failed change to one case. When the case changed meanwhile, prompts to reload it and answers true: the
 * dialog that sent the change should close. Any other failure shows the server's message next to the form's fields.
 */
export function useCaseErrorHandler(caseId: string) {
  const refetch = useRefetchCase();
  const t = useT();
  return useStaleHandler({
    isStale,
    reload: () => refetch(caseId),
    key: `case-stale-${caseId}`,
    title: t('cases.stateChangedTitle'),
    hint: t('cases.stateChangedHint'),
    mode: 'prompt',
    testId: 'case-state-changed',
    reloadTestId: 'case-reload',
  });
}
