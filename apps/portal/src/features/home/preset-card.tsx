import { useT } from '../../shared/i18n.tsx';
import { Icon } from '../../shared/icons.tsx';
import { clearPreset, usePreset } from '../../shared/preset.ts';
import { useIntakePoint } from '../../shared/use-intake-point.ts';

/** Shows what a scanned QR code preset (receiving body, place); the reporter can clear it. */
export function PresetCard() {
  const t = useT();
  const preset = usePreset();
  const point = useIntakePoint(preset?.point ?? null);
  if (!preset) return null;
  const place = point.status === 'ok' ? point.point.placeName : preset.place;
  const bodyName = point.status === 'ok' ? point.point.organizationName : null;
  return (
    <section className="preset" aria-labelledby="preset-title" data-testid="preset">
      <Icon name="pin" className="preset-icon" />
      <div className="preset-body">
        <h2 id="preset-title" className="visually-hidden">
          {t('preset.label')}
        </h2>
        {bodyName ? (
          <p>
            {t('preset.orgLabel')}
            <strong className="preset-org">{bodyName}</strong>
          </p>
        ) : (
          (preset.org || point.status === 'loading') && <p className="preset-org">{t('preset.org')}</p>
        )}
        {place && (
          <p className="preset-place">
            {t('preset.place')}
            <strong>{place}</strong>
          </p>
        )}
        {point.status === 'invalid' ? <p className="preset-note">{t('field.receivingBody.pointInvalid')}</p> : <p className="preset-note">{t('preset.note')}</p>}
      </div>
      <button type="button" className="button-quiet" onClick={clearPreset}>
        {t('preset.clear')}
      </button>
    </section>
  );
}
