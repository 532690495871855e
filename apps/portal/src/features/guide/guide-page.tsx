import type { LocalizedText } from '@guantong/contracts';
import { Link } from '../../app/router.tsx';
import { useT } from '../../shared/i18n.tsx';
import { BackHome, PageTitle, usePageTitle } from '../../shared/page.tsx';
import {
  confidentiality,
  dutyViolations,
  guideSections as s,
  honesty,
  hotline,
  notAccepted,
  realNameVsAnonymous,
  sixDisciplines,
  whatToInclude,
} from './guide-content.ts';

function Paragraphs({ items }: { items: LocalizedText[] }) {
  const t = useT();
  return (
    <ul className="bullets">
      {items.map((item) => (
        <li key={item.zhCN}>{t(item)}</li>
      ))}
    </ul>
  );
}

export function GuidePage() {
  const t = useT();
  usePageTitle(t('guide.title'));
  return (
    <article className="page guide">
      <BackHome />
      <PageTitle>{t('guide.title')}</PageTitle>
      <p className="lead">{t(s.intro)}</p>

      <section aria-labelledby="guide-scope">
        <h2 id="guide-scope">{t(s.scope)}</h2>
        <p>{t(s.scopeIntro)}</p>
        <ol className="disciplines" aria-label={t(s.six)}>
          {sixDisciplines.map((item) => (
            <li key={item.title.en}>
              <strong>{t(item.title)}</strong>
              <span>{t(item.text)}</span>
            </li>
          ))}
        </ol>
        <h3>{t(s.duty)}</h3>
        <p>{t(dutyViolations)}</p>
      </section>

      <section aria-labelledby="guide-not">
        <h2 id="guide-not">{t(s.notAccepted)}</h2>
        <Paragraphs items={notAccepted} />
      </section>

      <section aria-labelledby="guide-include">
        <h2 id="guide-include">{t(s.include)}</h2>
        <p>{t(whatToInclude)}</p>
      </section>

      <section aria-labelledby="guide-real">
        <h2 id="guide-real">{t(s.realName)}</h2>
        <Paragraphs items={realNameVsAnonymous} />
      </section>

      <section aria-labelledby="guide-conf">
        <h2 id="guide-conf">{t(s.confidentiality)}</h2>
        <Paragraphs items={confidentiality} />
      </section>

      <section aria-labelledby="guide-honest">
        <h2 id="guide-honest">{t(s.honesty)}</h2>
        <Paragraphs items={honesty} />
      </section>

      <section aria-labelledby="guide-hotline">
        <h2 id="guide-hotline">{t(s.hotline)}</h2>
        <p>{t(hotline)}</p>
      </section>

      <p className="guide-cta">
        <Link to="/report" className="button-primary">
          {t('guide.toReport')}
        </Link>
      </p>
    </article>
  );
}
