import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useT } from './i18n.tsx';
import { Link, navigationCount } from '../app/router.tsx';
import { Icon } from './icons.tsx';

/** Sets the tab title: "<page> - 码上监督". */
export function usePageTitle(title: string | null): void {
  const t = useT();
  useEffect(() => {
    document.title = title ? `${title} - ${t('site.app')}` : `${t('site.app')} - ${t('site.org')}`;
  }, [title, t]);
}

// The navigation whose page heading already took focus.
let focusedNavigation = 0;

/**
 * The heading every page starts with. After a client-side page change it takes focus, so screen readers announce
 * the new page. A layout effect: it also runs when a page that loaded on demand (Suspense) becomes visible.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    const navigation = navigationCount();
    if (navigation === 0 || navigation === focusedNavigation || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    if (document.activeElement === ref.current) focusedNavigation = navigation;
  });
  return (
    <h1 className="page-title" tabIndex={-1} data-page-title="" ref={ref}>
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
