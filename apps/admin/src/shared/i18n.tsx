import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { localize, locales, pickLocale, type Locale, type LocalizedText } from '@guantong/contracts';
import { dictionaries, type MessageKey } from './i18n-dictionary.ts';
import { setNetworkErrorMessage } from './api-client.ts';

export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const LOCALE_COOKIE = 'gt_locale';

/** The language cookie the API reads (gt_locale); written by the API at sign-in, by us on the login page. */
export function readLocaleCookie(): Locale | null {
  const match = document.cookie.match(/(?:^|;\s*)gt_locale=([^;]+)/);
  const value = match ? decodeURIComponent(match[1]) : null;
  return value && (locales as readonly string[]).includes(value) ? (value as Locale) : null;
}

export function writeLocaleCookie(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${365 * 86400}; samesite=lax`;
}

/** Same choice as the API makes: the cookie, else the browser's languages, else Chinese. */
export function initialLocale(): Locale {
  return readLocaleCookie() ?? pickLocale(navigator.languages?.join(',') || navigator.language);
}

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template: string = dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function applyLocale(locale: Locale) {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
  setNetworkErrorMessage(translate(locale, 'error.network'));
}

interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Picks the current language out of a `{ zhCN, en }` text from the contracts. */
  lt: (text: LocalizedText) => string;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    applyLocale(first);
    return first;
  });
  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18nContextValue>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      lt: (text) => localize(text, locale),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** `const t = useT(); t('menu.users')` */
export function useT(): Translate {
  return useI18n().t;
}
