import { useCallback } from 'react';
import { App, Button, type FormInstance } from 'antd';
import { useT } from './i18n.tsx';
import { useApiErrorHandler } from './use-api-feedback.ts';

interface StaleOptions {
  /** The answer means the record moved on while the page showed it (409 and the like). */
  isStale: (error: unknown) => boolean;
  /** Loads the record (and its lists) again. */
  reload: () => unknown;
  /** One notice per record: a second conflict replaces the first. */
  key: string;
  title: string;
  /** Test id of the notice. */
  testId: string;
  /**
   * 'reloaded': the page reloads at once and says so (`hint`); 'prompt': the notice stays, with the server's message,
   * `hint`, and a button that reloads (`reloadTestId`).
   */
  mode: 'reloaded' | 'prompt';
  hint: string;
  reloadTestId?: string;
}

/**
 * Shows a failed change to one record. When the record changed meanwhile, says so (reloading it, or offering to) and
 * answers true: the dialog that sent the change should close. Any other failure shows the server's message, with
 * per-field problems next to the fields of `form`, and answers false.
 */
export function useStaleHandler({ isStale, reload, key, title, testId, mode, hint, reloadTestId }: StaleOptions) {
  const onError = useApiErrorHandler();
  const { notification } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown, form?: FormInstance): boolean => {
      if (!isStale(error)) {
        onError(error, form);
        return false;
      }
      const props = { 'data-testid': testId } as Record<string, string>;
      if (mode === 'reloaded') {
        notification.warning({ key, title, description: hint, props });
        void reload();
        return true;
      }
      notification.warning({
        key,
        title,
        description: error instanceof Error ? `${error.message} ${hint}` : hint,
        duration: 0,
        actions: (
          <Button
            type="primary"
            size="small"
            onClick={() => {
              notification.destroy(key);
              void reload();
            }}
            data-testid={reloadTestId}
          >
            {t('action.reload')}
          </Button>
        ),
        props,
      });
      return true;
    },
    [isStale, reload, key, title, testId, mode, hint, reloadTestId, notification, onError, t],
  );
}
