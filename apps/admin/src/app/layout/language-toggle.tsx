import { useState } from 'react';
import { Segmented } from 'antd';
import type { Locale } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { useSession } from '../../shared/session.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';

/** 中文 / English: saved with the account when signed in, as the gt_locale cookie on the login page. */
export function LanguageToggle() {
  const { locale, t } = useI18n();
  const { changeLocale } = useSession();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  return (
    <Segmented<Locale>
      data-testid="language-toggle"
      aria-label={t('header.language')}
      size="small"
      value={locale}
      disabled={busy}
      options={[
        { label: <span data-testid="language-zh-CN" lang="zh-CN">中文</span>, value: 'zh-CN' },
        { label: <span data-testid="language-en" lang="en">English</span>, value: 'en' },
      ]}
      onChange={async (next) => {
        setBusy(true);
        try {
          await changeLocale(next);
        } catch (error) {
          onError(error);
        } finally {
          setBusy(false);
        }
      }}
    />
  );
}
