import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../shared/i18n.tsx';
import { HealthBanner } from './health-banner.tsx';
import { LanguageToggle } from './language-toggle.tsx';
import { Link, usePathname } from './router.tsx';

/** After a client-side page change: back to the top (the new page's heading takes focus itself, see PageTitle). */
function useScrollTopOnNavigate(pathname: string): void {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
  }, [pathname]);
}

const HOTLINE = '12388';

/** Makes the hotline number stand out in a sentence. */
function emphasizeHotline(text: string): ReactNode {
  const [before, ...rest] = text.split(HOTLINE);
  if (rest.length === 0) return text;
  return (
    <>
      {before}
      <strong className="hotline">{HOTLINE}</strong>
      {rest.join(HOTLINE)}
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const pathname = usePathname();
  useScrollTopOnNavigate(pathname);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('site.skip')}
      </a>
      <header className="site-header">
        <div className="shell header-inner">
          <Link to="/" className="brand">
            <span className="brand-org">{t('site.org')}</span>
            <span className="brand-sep"> · </span>
            <span className="brand-app">{t('site.app')}</span>
          </Link>
          <LanguageToggle />
        </div>
      </header>
      <main id="main" className="shell site-main" tabIndex={-1}>
        <HealthBanner />
        {children}
      </main>
      <footer className="site-footer">
        <div className="shell">
          <p className="footer-hotline">{emphasizeHotline(t('footer.hotline'))}</p>
          <p className="footer-privacy">{t('footer.privacy')}</p>
          <p className="footer-owner">{t('footer.owner')}</p>
        </div>
      </footer>
    </div>
  );
}
