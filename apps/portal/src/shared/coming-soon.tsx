import { useT } from './i18n.tsx';
import type { MessageKey } from './messages.ts';
import { BackHome, PageTitle, usePageTitle } from './page.tsx';
import { Icon } from './icons.tsx';

/** An honest placeholder for a feature a later release fills in: no fake forms. */
export function ComingSoon({ title, what }: { title: MessageKey; what: MessageKey }) {
  const t = useT();
  usePageTitle(t(title));
  return (
    <article className="page">
      <BackHome />
      <PageTitle>{t(title)}</PageTitle>
      <div className="notice notice-soon">
        <Icon name="info" className="notice-icon" />
        <div>
          <p className="notice-title">{t('soon.badge')}</p>
          <p>{t(what)}</p>
        </div>
      </div>
    </article>
  );
}
