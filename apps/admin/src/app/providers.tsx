import { useState, type ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { ApiRequestError, isSessionEnded } from '../shared/api-client.ts';
import { I18nProvider, useI18n } from '../shared/i18n.tsx';
import { SessionProvider, sessionQueryKey } from '../shared/session.tsx';
import { noteSessionEnded } from '../shared/session-ended.ts';

const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

function createQueryClient(): QueryClient {
  // The session ended (expired, signed out elsewhere) during any call: forget it and let the guard send the person to sign in.
  const onError = (error: unknown, key?: readonly unknown[]) => {
    // A stale CSRF token (e.g. the session was renewed in another tab): fetch the current one for the next try.
    if (error instanceof ApiRequestError && error.code === 'CSRF_TOKEN_INVALID') void client.invalidateQueries({ queryKey: sessionQueryKey });
    if (!isSessionEnded(error)) return;
    if (key && key[0] === sessionQueryKey[0]) return;
    noteSessionEnded((error as ApiRequestError).message);
    client.removeQueries({ predicate: (cached) => cached.queryKey[0] !== sessionQueryKey[0] });
    client.setQueryData(sessionQueryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not fix themselves; network and server errors get one more try.
        retry: (failures, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && failures < 1,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

function ThemedApp({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#1f5fbf', borderRadius: 6, fontFamily },
        components: { Layout: { headerBg: '#ffffff', siderBg: '#0f2440' }, Menu: { darkItemBg: '#0f2440', darkSubMenuItemBg: '#0b1c33' } },
      }}
    >
      <AntApp message={{ maxCount: 3 }} notification={{ placement: 'topRight' }}>
        {children}
      </AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <ThemedApp>{children}</ThemedApp>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
