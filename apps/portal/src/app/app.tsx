import type { Locale } from '@guantong/contracts';
import { I18nProvider } from '../shared/i18n.tsx';
import { Layout } from './layout.tsx';
import { pageFor } from './routes.tsx';
import { usePathname } from './router.tsx';

function CurrentPage() {
  const Page = pageFor(usePathname());
  return <Page />;
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
