import { useT } from '../shared/i18n.tsx';
import { useServiceHealth } from '../shared/use-service-health.ts';

/** Non-blocking: the page stays usable (the guide, the hotline) while the API is unreachable. */
export function HealthBanner() {
  const t = useT();
  const { health, recheck } = useServiceHealth();
  const problem = health === 'down' || health === 'offline';
  return (
    <div className="banner-slot" role="status" aria-live="polite">
      {problem && (
        <div className="banner" data-testid="health-banner">
          <p>{t(health === 'offline' ? 'health.offline' : 'health.down')}</p>
          <button type="button" className="button-quiet" onClick={recheck}>
            {t('health.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
