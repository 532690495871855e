import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiRequestError, isSessionEnded } from './api-client.ts';
import { useT } from './i18n.tsx';

/**
 * Shows a failed call to the person: the server's own message (already in their language),
 * and, for validation errors with details, the problems next to the form fields they belong to.
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (error instanceof ApiRequestError) {
        // Handled globally: the person is sent to sign in again.
        if (isSessionEnded(error)) return;
        if (form && error.details?.length) {
          const fields = error.details
            .filter((detail) => detail.path.startsWith('body.'))
            .map((detail) => ({
              name: detail.path
                .slice('body.'.length)
                .split('.')
                .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
              errors: [detail.message],
            }));
          // Unknown paths are kept by the form but shown nowhere; the message below covers them.
          form.setFields(fields);
        }
        void message.error(error.message);
        return;
      }
      void message.error(error instanceof Error && error.message ? error.message : t('error.unexpected'));
    },
    [message, t],
  );
}
