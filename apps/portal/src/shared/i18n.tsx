import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { localize, pickLocale, type Locale, type LocalizedText } from '@guantong/contracts';
import { messages, type MessageKey } from './messages.ts';

/** Same cookie the API reads, so server messages come back in the chosen language too. */
export const LOCALE_COOKIE = 'gt_locale';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked (private mode, WebView settings)
  }
}

function persistLocale(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
  try {
    window.localStorage.setItem(LOCALE_COOKIE, locale);
  } catch {
    // the cookie alone is enough
  }
}

/** Cookie first (the API sees it too), then localStorage, then the browser's languages. */
export function detectLocale(): Locale {
  const fromCookie = readCookie(LOCALE_COOKIE);
  if (isLocale(fromCookie)) return fromCookie;
  const fromStorage = readStorage(LOCALE_COOKIE);
  if (isLocale(fromStorage)) {
    persistLocale(fromStorage); // restore the cookie so API answers match
    return fromStorage;
  }
  const languages = navigator.languages?.length ? navigator.languages.join(',') : navigator.language;
  return pickLocale(languages);
}

export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
}

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ initial, children }: { initial: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initial);
  const setLocale = useCallback((next: Locale) => {
    persistLocale(next);
    setLocaleState(next);
  }, []);
  useLayoutEffect(() => applyDocumentLocale(locale), [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLocale(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useLocale outside I18nProvider');
  return value;
}

export type Translate = (key: MessageKey | LocalizedText) => string;

/** `t('home.report')` for dictionary keys, `t({ zhCN, en })` for inline or content texts. */
export function useT(): Translate {
  const { locale } = useLocale();
  return useCallback((key) => localize(typeof key === 'string' ? messages[key] : key, locale), [locale]);
}
