import { Link } from '../../app/router.tsx';
import { useT } from '../../shared/i18n.tsx';
import { Icon, type IconName } from '../../shared/icons.tsx';
import type { MessageKey } from '../../shared/messages.ts';
import { PageTitle, usePageTitle } from '../../shared/page.tsx';
import { PresetCard } from './preset-card.tsx';

const entries: { to: string; icon: IconName; label: MessageKey; desc: MessageKey; primary?: boolean; soon?: boolean }[] = [
  { to: '/report', icon: 'report', label: 'home.report', desc: 'home.report.desc', primary: true },
  { to: '/track', icon: 'track', label: 'home.track', desc: 'home.track.desc' },
  { to: '/village-affairs', icon: 'village', label: 'home.village', desc: 'home.village.desc', soon: true },
  { to: '/guide', icon: 'guide', label: 'home.guide', desc: 'home.guide.desc' },
];

export function HomePage() {
  const t = useT();
  usePageTitle(null);
  return (
    <div className="page home">
      <section className="hero" aria-labelledby="home-title">
        <PageTitle>
          <span id="home-title">{t('home.title')}</span>
        </PageTitle>
        <p className="lead">{t('home.intro')}</p>
      </section>

      <PresetCard />

      <nav aria-label={t('home.entries')}>
        <ul className="entries">
          {entries.map((entry) => (
            <li key={entry.to}>
              <Link to={entry.to} className={entry.primary ? 'entry entry-primary' : 'entry'}>
                <span className="entry-icon">
                  <Icon name={entry.icon} />
                </span>
                <span className="entry-text">
                  <span className="entry-label">
                    {t(entry.label)}
                    {entry.soon && <span className="badge-soon">{t('soon.short')}</span>}
                  </span>
                  <span className="entry-desc">{t(entry.desc)}</span>
                </span>
                <Icon name="chevron" className="entry-chevron" />
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section className="steps" aria-labelledby="steps-title">
        <h2 id="steps-title">{t('home.steps')}</h2>
        <ol>
          <li>{t('home.step1')}</li>
          <li>{t('home.step2')}</li>
          <li>{t('home.step3')}</li>
        </ol>
      </section>
    </div>
  );
}
