import { useLocale, useT } from '../shared/i18n.tsx';

/** Two real buttons; the current language is marked pressed. */
export function LanguageToggle() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  return (
    <div className="lang-toggle" role="group" aria-label={t('site.language')}>
      <button type="button" lang="zh-CN" aria-pressed={locale === 'zh-CN'} onClick={() => setLocale('zh-CN')}>
        中文
      </button>
      <button type="button" lang="en" aria-label="English" aria-pressed={locale === 'en'} onClick={() => setLocale('en')}>
        EN
      </button>
    </div>
  );
}
