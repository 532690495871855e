import { Button, Result } from 'antd';
import { useT } from '../i18n.tsx';

/** A query that failed: the server's message and a retry button. */
export function QueryError({ error, onRetry }: { error: Error | null; onRetry?: () => void }) {
  const t = useT();
  return (
    <Result
      status="warning"
      title={t('error.loadFailed')}
      subTitle={error?.message}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        ) : null
      }
    />
  );
}
