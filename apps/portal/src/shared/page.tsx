import { useEffect, type ReactNode } from 'react';
import { useT } from './i18n.tsx';
import { Link } from '../app/router.tsx';
import { Icon } from './icons.tsx';

/** Sets the tab title: "<page> - 码上监督". */
export function usePageTitle(title: string | null): void {
  const t = useT();
  useEffect(() => {
    document.title = title ? `${title} - ${t('site.app')}` : `${t('site.app')} - ${t('site.org')}`;
  }, [title, t]);
}

/** The heading every page starts with; it takes focus after client-side navigation. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <h1 className="page-title" tabIndex={-1} data-page-title="">
      {children}
    </h1>
  );
}

export function BackHome() {
  const t = useT();
  return (
    <Link to="/" className="back-link">
      <Icon name="back" />
      <span>{t('site.homeLink')}</span>
    </Link>
  );
}
