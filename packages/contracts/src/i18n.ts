import { z } from 'zod';

export const locales = ['zh-CN', 'en'] as const;
export const LocaleSchema = z.enum(locales);
export type Locale = z.infer<typeof LocaleSchema>;
export const defaultLocale: Locale = 'zh-CN';

/** A text in both UI languages; Chinese first because the offices read Chinese. */
export interface LocalizedText {
  zhCN: string;
  en: string;
}
export const LocalizedTextSchema = z.object({ zhCN: z.string(), en: z.string() }).meta({ id: 'LocalizedText' });

export function localize(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zhCN;
}

/** Picks the best supported locale from an Accept-Language header value. */
export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return defaultLocale;
}
