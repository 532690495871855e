import { useT } from '../shared/i18n.tsx';
import { BackHome, PageTitle, usePageTitle } from '../shared/page.tsx';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('notFound.title'));
  return (
    <article className="page">
      <BackHome />
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.text')}</p>
    </article>
  );
}
