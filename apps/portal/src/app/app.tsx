import { Component, Suspense, type ReactNode } from 'react';
import type { Locale } from '@guantong/contracts';
import { I18nProvider, useT } from '../shared/i18n.tsx';
import { Layout } from './layout.tsx';
import { pageFor } from './routes.tsx';
import { usePathname } from './router.tsx';

function PageLoading() {
  const t = useT();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

function PageFailed() {
  const t = useT();
  return (
    <div className="alert alert-error" role="alert">
      <p>{t('common.pageFailed')}</p>
      <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </button>
    </div>
  );
}

/** A page that loads on demand can fail to arrive (weak network, a newer release replaced its file). Reset per page. */
class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function CurrentPage() {
  const pathname = usePathname();
  const Page = pageFor(pathname);
  return (
    <PageErrorBoundary key={pathname}>
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    </PageErrorBoundary>
  );
}

export function App({ locale }: { locale: Locale }) {
  return (
    <I18nProvider initial={locale}>
      <Layout>
        <CurrentPage />
      </Layout>
    </I18nProvider>
  );
}
