import { useT } from '../../shared/i18n.tsx';
import { Icon } from '../../shared/icons.tsx';
import { clearPreset, usePreset } from '../../shared/preset.ts';

/** Shows what a scanned QR code preset (receiving body, place); the reporter can clear it. */
export function PresetCard() {
  const t = useT();
  const preset = usePreset();
  if (!preset) return null;
  return (
    <section className="preset" aria-labelledby="preset-title" data-testid="preset">
      <Icon name="pin" className="preset-icon" />
      <div className="preset-body">
        <h2 id="preset-title" className="visually-hidden">
          {t('preset.label')}
        </h2>
        {preset.org && <p className="preset-org">{t('preset.org')}</p>}
        {preset.place && (
          <p className="preset-place">
            {t('preset.place')}
            <strong>{preset.place}</strong>
          </p>
        )}
        <p className="preset-note">{t('preset.note')}</p>
      </div>
      <button type="button" className="button-quiet" onClick={clearPreset}>
        {t('preset.clear')}
      </button>
    </section>
  );
}
